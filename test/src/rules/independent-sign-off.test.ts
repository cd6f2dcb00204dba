import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';

const withTraining = (from: string, to: string) => protocolText({ training: SECTIONS.training.replace(from, to) });

/** The physicist signs off its own plan-selection training. */
const selfSignOff = withTraining('    records: [training-records]\n    signOff: oncologist\n', '    records: [training-records]\n    signOff: physicist\n');
/** Both rows signed off by a role they train. */
const twoRows = protocolText({ training: SECTIONS.training.replace(/signOff: oncologist/g, 'signOff: physicist') });
/** A row with no skill (the schema reports that) is named by its position. */
const noSkill = protocolText({
  training:
    SECTIONS.training + '  - roles: [adapter]\n    methods: [programme]\n    records: [training-records]\n    signOff: adapter\n    reassessEveryMonths: 12\n',
});
const noSignOff = withTraining('    records: [training-records]\n    signOff: oncologist\n', '    records: [training-records]\n');
const suppressed = withTraining(
  '    records: [training-records]\n    signOff: oncologist\n',
  '    records: [training-records]\n    # Signed off by the Head of Physics, another person in the same role.\n    # role-protocols-disable-next-line independent-sign-off\n    signOff: physicist\n',
);
const otherTrainee = withTraining('    records: [proknow-log]\n    signOff: oncologist\n', '    records: [proknow-log]\n    signOff: physicist\n').replace(
  'roles: [adapter, physicist]',
  'roles: [adapter]',
);

describeRule('independent-sign-off', {
  valid: [
    { name: 'sign-off by a role outside the row', text: protocolText() },
    { name: 'a role that signs off training it does not take', text: otherTrainee },
    { name: 'no signOff at all', text: noSignOff },
    { name: 'suppressed in place with a reason', text: suppressed },
  ],
  invalid: [
    {
      name: 'a role signs off its own training',
      text: selfSignOff,
      errors: [
        {
          ...span(selfSignOff, 'physicist', 'signOff: physicist'),
          message:
            '`physicist` signs off the `plan-selection` training, which it is itself trained in; nobody signs off their own training: name another role under `signOff`.',
        },
      ],
    },
    {
      name: 'one finding per row, with several roles in the row',
      text: twoRows,
      errors: [
        {
          ...span(twoRows, 'physicist', 'signOff: physicist'),
          message:
            '`physicist` signs off the `oar-outlining` training, which it is itself trained in; nobody signs off their own training: name another role under `signOff`.',
        },
        {
          ...span(twoRows, 'physicist', 'records: [training-records]\n    signOff: '),
          message:
            '`physicist` signs off the `plan-selection` training, which it is itself trained in; nobody signs off their own training: name another role under `signOff`.',
        },
      ],
    },
    {
      name: 'a row without a skill is named by its position',
      text: noSkill,
      errors: [
        {
          ...span(noSkill, 'adapter', 'signOff: adapter'),
          message: '`adapter` signs off training row 3, which it is itself trained in; nobody signs off their own training: name another role under `signOff`.',
        },
      ],
    },
  ],
});
