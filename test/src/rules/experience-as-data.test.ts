import * as assert from 'node:assert/strict';
import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';
import { experienceInProse } from '../../../server/out/service/rules/experience-as-data';

const methodName = protocolText({
  methods: SECTIONS.methods.replace('name: Training programme', 'name: Training programme plus experience of at least 2 years'),
});
const prerequisiteNotes = protocolText({
  training: SECTIONS.training.replace('      experienceYears: 2\n', '      notes: Minimum of 3 yrs experience in planning\n'),
});
const responsibility = protocolText({
  roles: SECTIONS.roles.replace(
    '    capacities: [MPE, operator]\n',
    '    capacities: [MPE, operator]\n    responsibilities:\n      - Agree plan selection\n      - Approve the Mobius check (over 18 months in post)\n',
  ),
});
const severalFields = protocolText({
  skills: SECTIONS.skills.replace(
    '    name: Plan selection\n',
    '    name: Plan selection\n    description: Needs 2-3 years experience of adaptive planning.\n',
  ),
  workflow: SECTIONS.workflow.replace('    skills: [oar-outlining]\n', "    skills: [oar-outlining]\n    notes: 2 years' experience of Ethos outlining.\n"),
});
const intervals = protocolText({
  workflow: SECTIONS.workflow.replace('    reviews: [oncologist]\n', '    reviews: [oncologist]\n    notes: Reviewed every 2 years with the protocol.\n'),
  training: SECTIONS.training.replace(
    '    reassessEveryMonths: 12\n  - skill: plan-selection',
    '    reassessEveryMonths: 12\n    notes: Experience is reassessed every 12 months at appraisal.\n  - skill: plan-selection',
  ),
});

const advice = (phrase: string, years?: number) =>
  `Experience is written as prose ("${phrase}"); state it as data in the training row’s \`prerequisites.experienceYears\`${years === undefined ? '' : ` (\`experienceYears: ${years}\`)`} instead.`;

describeRule('experience-as-data', {
  valid: [
    { name: 'experience stated as experienceYears', text: protocolText() },
    { name: 'intervals are not experience', text: intervals },
  ],
  invalid: [
    {
      name: 'in a method name, as in the department’s own table',
      text: methodName,
      errors: [{ ...span(methodName, 'Training programme plus experience of at least 2 years'), message: advice('at least 2 years', 2) }],
    },
    {
      name: 'in prerequisite notes',
      text: prerequisiteNotes,
      errors: [{ ...span(prerequisiteNotes, 'Minimum of 3 yrs experience in planning'), message: advice('Minimum of 3 yrs', 3) }],
    },
    {
      name: 'in one responsibility of a role, in months',
      text: responsibility,
      errors: [{ ...span(responsibility, 'Approve the Mobius check (over 18 months in post)'), message: advice('over 18 months', 1.5) }],
    },
    {
      name: 'in a step note and a skill description, a range without a suggested value',
      text: severalFields,
      errors: [
        { ...span(severalFields, "2 years' experience of Ethos outlining."), message: advice('2 years', 2) },
        { ...span(severalFields, 'Needs 2-3 years experience of adaptive planning.'), message: advice('2-3 years') },
      ],
    },
  ],
});

describe('experience-as-data: what counts as experience in prose', () => {
  const cases: [string, string | undefined][] = [
    ['at least 2 years', 'at least 2 years'],
    ["2 years' experience", '2 years'],
    ['minimum of 3 yrs experience', 'minimum of 3 yrs'],
    ['over 18 months', 'over 18 months'],
    ['Two years’ post-registration experience', 'Two years'],
    ['At least two years in post', 'At least two years'],
    ['5+ years experience', '5+ years'],
    ['reviewed every 2 years', undefined],
    ['Document reviewed every 2 years by the owner.', undefined],
    ['Experienced staff rotate every 12 months.', undefined],
    ['Experience of DIR evaluation. Reviewed every 2 years.', undefined],
    ['Plans checked over 2 days', undefined],
  ];
  for (const [text, phrase] of cases) {
    it(`${JSON.stringify(text)} -> ${phrase ?? 'nothing'}`, () => assert.equal(experienceInProse(text)?.phrase, phrase));
  }
});
