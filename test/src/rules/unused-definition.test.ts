import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';

const headRole =
  '  - id: head-of-physics\n    title: Head of Physics\n    staffGroups: [clinical scientist]\n    minBand: 8c\n    careerLevel: consultant\n    capacities: [operator]\n';
const extras = protocolText({
  roles: SECTIONS.roles + headRole,
  skills: SECTIONS.skills + '  - id: mobius-approval\n    name: Mobius approval\n',
  methods: SECTIONS.methods + '  - id: tutorial\n    name: Tutorial\n    type: tutorial\n',
  records: SECTIONS.records + '  - id: certificate\n    name: Certificate\n',
});
const unusedMethod = protocolText({ training: SECTIONS.training.replace('methods: [programme]', 'methods: [proknow]') });
const duplicate = protocolText({ records: SECTIONS.records + '  - id: spare\n    name: Spare\n  - id: spare\n    name: Spare again\n' });
const approverOnly = protocolText({
  roles: SECTIONS.roles + headRole,
  header: SECTIONS.header.replace(
    '      date: 2026-01-10\n',
    '      date: 2026-01-10\n    - name: Dr B. Physicist\n      role: head-of-physics\n      date: 2026-01-12\n',
  ),
});
const signOffOnly = protocolText({ roles: SECTIONS.roles + headRole, training: SECTIONS.training.replace('signOff: oncologist', 'signOff: head-of-physics') });
const skillOnlyInTraining = protocolText({
  skills: SECTIONS.skills + '  - id: mobius-approval\n    name: Mobius approval\n',
  training:
    SECTIONS.training +
    '  - skill: mobius-approval\n    roles: [physicist]\n    methods: [programme]\n    records: [training-records]\n    signOff: oncologist\n    reassessEveryMonths: 12\n',
});

describeRule('unused-definition', {
  valid: [
    { name: 'everything defined is used', text: protocolText() },
    { name: 'a role used only to approve the document', text: approverOnly },
    { name: 'a role used only to sign off training', text: signOffOnly },
    { name: 'a skill used only by a training row', text: skillOnlyInTraining },
  ],
  invalid: [
    {
      name: 'an unused role, skill, method and record: one finding each, on the id',
      text: extras,
      errors: [
        {
          ...span(extras, 'head-of-physics'),
          message:
            'Role `head-of-physics` (Head of Physics) is not used: no step, training row, site protocol or approval names it; give it a part in the workflow, or remove it.',
        },
        {
          ...span(extras, 'mobius-approval'),
          message:
            'Skill `mobius-approval` (Mobius approval) is not used: no step needs it and no training row trains it; add it to a step’s `skills` and a training row, or remove it.',
        },
        {
          ...span(extras, 'tutorial', 'id: '),
          message: 'Method `tutorial` (Tutorial) is not used by any training row; add it to a row’s `methods`, or remove it.',
        },
        {
          ...span(extras, 'certificate', 'id: certificate'),
          message:
            'Record `certificate` (Certificate) is not used by any training row or role; add it to a row’s `records` (or a role’s `coreTraining`), or remove it.',
        },
      ],
    },
    {
      name: 'a method that no training row uses any more',
      text: unusedMethod,
      errors: [
        {
          ...span(unusedMethod, 'programme', 'id: '),
          message: 'Method `programme` (Training programme) is not used by any training row; add it to a row’s `methods`, or remove it.',
        },
      ],
    },
    {
      name: 'an id defined twice is reported once, at its first definition',
      text: duplicate,
      errors: [
        {
          ...span(duplicate, 'spare'),
          message: 'Record `spare` (Spare) is not used by any training row or role; add it to a row’s `records` (or a role’s `coreTraining`), or remove it.',
        },
      ],
    },
  ],
});
