import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';

const training = SECTIONS.training;
const emptyMethods = protocolText({ training: training.replace('    methods: [programme]\n', '    methods: []\n') });
const noMethods = protocolText({ training: training.replace('    methods: [programme]\n', '') });
const noMethodsEmptyRecords = protocolText({
  training: training.replace('    methods: [programme]\n', '').replace('records: [training-records]', 'records: []'),
});
const noRecords = protocolText({ training: training.replace('    records: [proknow-log]\n', '') });
const noSkill = protocolText({
  training: training.replace('  - skill: plan-selection\n    roles: [physicist]\n    methods: [programme]\n', '  - roles: [physicist]\n'),
});
const twoMethods = protocolText({ training: training.replace('methods: [programme]', 'methods: [programme, proknow]') });

describeRule('training-has-method-and-record', {
  valid: [
    { name: 'every row names a method and a record', text: protocolText() },
    { name: 'a row with several methods', text: twoMethods },
  ],
  invalid: [
    {
      name: 'an empty methods list, on its key',
      text: emptyMethods,
      errors: [
        {
          ...span(emptyMethods, 'methods', '- skill: plan-selection'),
          message: 'Training row for `plan-selection` names no training method; add at least one under `methods`.',
        },
      ],
    },
    {
      name: 'no methods key, on the skill',
      text: noMethods,
      errors: [
        {
          ...span(noMethods, 'plan-selection', '- skill: plan'),
          message: 'Training row for `plan-selection` names no training method; add at least one under `methods`.',
        },
      ],
    },
    {
      name: 'no record, on the skill',
      text: noRecords,
      errors: [
        {
          ...span(noRecords, 'oar-outlining', 'training:'),
          message: 'Training row for `oar-outlining` names no record of the training; add at least one under `records`.',
        },
      ],
    },
    {
      name: 'a row missing both: one finding for each',
      text: noMethodsEmptyRecords,
      errors: [
        {
          ...span(noMethodsEmptyRecords, 'plan-selection', '- skill: plan'),
          message: 'Training row for `plan-selection` names no training method; add at least one under `methods`.',
        },
        {
          ...span(noMethodsEmptyRecords, 'records', '- skill: plan-selection'),
          message: 'Training row for `plan-selection` names no record of the training; add at least one under `records`.',
        },
      ],
    },
    {
      name: 'a row without a skill is named by its number',
      text: noSkill,
      errors: [{ ...span(noSkill, 'roles', '  - roles: [physicist]'), message: 'Training row 2 names no training method; add at least one under `methods`.' }],
    },
  ],
});
