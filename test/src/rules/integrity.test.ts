import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';

const duplicateRole = protocolText({ roles: SECTIONS.roles + '  - id: adapter\n    title: Second adapter\n    staffGroups: [dosimetrist]\n' });
const duplicateSkill = protocolText({ skills: SECTIONS.skills + '  - id: plan-selection\n    name: Plan selection again\n' });
const typoRole = protocolText().replace('approves: [physicist]', 'approves: [physisist]');
const typoSkill = protocolText().replace('  - skill: plan-selection', '  - skill: plan-selecton');
const unknownStep = protocolText().replace('    reviews: [oncologist]\n', '    reviews: [oncologist]\n    covers: [target-approval]\n');
const badDirective = protocolText().replace(
  '    signOff: oncologist\n',
  '    # role-protocols-disable-next-line independant-sign-off, made-up-rule\n    signOff: oncologist\n',
);
const duplicateKey = protocolText().replace('    minBand: 6\n', '    minBand: 6\n    minBand: 7\n');
const brokenYaml = protocolText().replace('    title: Physicist\n', '    title Physicist\n');

describeRule('duplicate-id', {
  valid: [{ name: 'every id once', text: protocolText() }],
  invalid: [
    {
      name: 'a role id defined twice, on the second',
      text: duplicateRole,
      errors: [
        { ...span(duplicateRole, 'adapter', 'id: oncologist'), message: 'The role id `adapter` is already defined on line 26; give this role a different id.' },
      ],
    },
    {
      name: 'a skill id defined twice',
      text: duplicateSkill,
      errors: [
        {
          ...span(duplicateSkill, 'plan-selection', 'name: Plan selection\n'),
          message: /^The skill id `plan-selection` is already defined on line \d+; give this skill a different id\.$/,
        },
      ],
    },
  ],
});

describeRule('unknown-reference', {
  valid: [{ name: 'every reference defined', text: protocolText() }],
  invalid: [
    {
      name: 'a misspelt role, with a suggestion',
      text: typoRole,
      errors: [{ ...span(typoRole, 'physisist'), message: 'No role has the id `physisist`. Did you mean `physicist`?' }],
    },
    {
      name: 'a misspelt skill in a training row',
      text: typoSkill,
      errors: [{ ...span(typoSkill, 'plan-selecton'), message: 'No skill has the id `plan-selecton`. Did you mean `plan-selection`?' }],
    },
    {
      name: 'an offline review covering a step that does not exist',
      text: unknownStep,
      errors: [{ ...span(unknownStep, 'target-approval'), message: 'No step has the id `target-approval`.' }],
    },
  ],
});

describeRule('unknown-rule', {
  valid: [{ name: 'no directives', text: protocolText() }],
  invalid: [
    {
      name: 'misspelt and made-up rule ids in a suppression comment',
      text: badDirective,
      errors: [
        { ...span(badDirective, 'independant-sign-off'), message: 'There is no rule `independant-sign-off`. Did you mean `independent-sign-off`?' },
        { ...span(badDirective, 'made-up-rule'), message: 'There is no rule `made-up-rule`.' },
      ],
    },
  ],
});

describeRule('duplicate-key', {
  valid: [{ name: 'no key twice', text: protocolText() }],
  invalid: [
    {
      name: 'a key written twice in one mapping, on the second',
      text: duplicateKey,
      errors: [
        {
          ...span(duplicateKey, 'minBand', '    minBand: 7'),
          message: 'The key `minBand` is written twice in this mapping; the later value wins. Remove one of them.',
        },
      ],
    },
  ],
});

describeRule('syntax', {
  valid: [{ name: 'well-formed YAML', text: protocolText() }],
  invalid: [
    {
      name: 'a missing colon',
      text: brokenYaml,
      errors: [
        {
          ...span(brokenYaml, 'title Physicist'),
          message: '`title Physicist` has no `:` after it. A key needs a colon (`title Physicist: …`), or this line is indented wrongly.',
        },
      ],
    },
  ],
});
