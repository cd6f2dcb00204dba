import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';

const withTraining = (from: string, to: string) => protocolText({ training: SECTIONS.training.replace(from, to) });

/** The physicist signs off its own plan-selection training. */
const selfSignOff = withTraining('    records: [training-records]\n    signOff: oncologist\n', '    records: [training-records]\n    signOff: physicist\n');
/** Both rows signed off by a role they train: the first trains the adapter too (cascade), the second only the physicist. */
const twoRows = protocolText({ training: SECTIONS.training.replace(/signOff: oncologist/g, 'signOff: physicist') });
/** The physicist signs off its peers in plan selection, and another row has the oncologist sign off the first physicists. */
const firstAssessors = protocolText({
  training:
    SECTIONS.training.replace('    records: [training-records]\n    signOff: oncologist\n', '    records: [training-records]\n    signOff: physicist\n') +
    '  - skill: plan-selection\n    roles: [physicist]\n    methods: [programme]\n    records: [training-records]\n    signOff: oncologist\n    reassessEveryMonths: 12\n',
});
/** A consultant signs off consultant colleagues in a skill only consultants hold: medical peer sign-off. */
const consultantPeers = protocolText({
  training:
    SECTIONS.training +
    '  - skill: plan-selection\n    roles: [oncologist]\n    methods: [programme]\n    records: [training-records]\n    signOff: oncologist\n    reassessEveryMonths: 12\n',
});
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
    { name: 'a consultant signs off consultant colleagues (medical peer sign-off)', text: consultantPeers },
    { name: 'suppressed in place with a reason', text: suppressed },
    // An MPE signs off the adapters and MPE peers, as in the reference department: a trained assessor.
    {
      name: 'cascade: the assessor role signs off other roles and its peers',
      text: withTraining('    records: [proknow-log]\n    signOff: oncologist\n', '    records: [proknow-log]\n    signOff: physicist\n'),
    },
    { name: 'cascade: another row signs off the first assessors', text: firstAssessors },
  ],
  invalid: [
    {
      name: 'a role signs off its own training',
      text: selfSignOff,
      errors: [
        {
          ...span(selfSignOff, 'physicist', 'signOff: physicist'),
          message:
            '`physicist` signs off the `plan-selection` training, which trains only `physicist`, and no other row shows another role signing `physicist` off in it; name another role under `signOff`, or add a row for the first assessors signed off by another role.',
        },
      ],
    },
    {
      name: 'only the row that trains nothing but its assessor',
      text: twoRows,
      errors: [
        {
          ...span(twoRows, 'physicist', 'records: [training-records]\n    signOff: '),
          message:
            '`physicist` signs off the `plan-selection` training, which trains only `physicist`, and no other row shows another role signing `physicist` off in it; name another role under `signOff`, or add a row for the first assessors signed off by another role.',
        },
      ],
    },
    {
      name: 'a row without a skill is named by its position',
      text: noSkill,
      errors: [
        {
          ...span(noSkill, 'adapter', 'signOff: adapter'),
          message:
            '`adapter` signs off training row 3, which trains only `adapter`, and no other row shows another role signing `adapter` off in it; name another role under `signOff`, or add a row for the first assessors signed off by another role.',
        },
      ],
    },
  ],
});
