import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';

const untrainedApprover = protocolText({ training: SECTIONS.training.replace('roles: [adapter, physicist]', 'roles: [adapter]') });
const twoSites = (training: string) =>
  protocolText({
    sites:
      SECTIONS.sites +
      '  - id: prostate\n    name: Prostate\n    clinicalProtocol:\n      reference: PR-01\n      approvedBy: oncologist\n    mpeInvolvement: agree\n',
    training,
  });
const siteGap = twoSites(SECTIONS.training.replace('    roles: [physicist]\n', '    roles: [physicist]\n    sites: [bladder]\n'));
const siteCovered = twoSites(
  SECTIONS.training.replace('    roles: [physicist]\n', '    roles: [physicist]\n    sites: [bladder]\n') +
    '  - skill: plan-selection\n    roles: [physicist]\n    sites: [prostate]\n    methods: [programme]\n    records: [training-records]\n    signOff: oncologist\n    reassessEveryMonths: 12\n',
);

const noPlanSelectionRow = protocolText({ training: SECTIONS.training.slice(0, SECTIONS.training.indexOf('  - skill: plan-selection')) });
const extraChecks = [1, 2, 3]
  .map(
    (n) => `  - id: check-${n}\n    name: Check ${n}\n    activity: other\n    performs: [adapter]\n    approves: [physicist]\n    skills: [oar-outlining]\n`,
  )
  .join('');
const manySteps = protocolText({
  workflow: SECTIONS.workflow.replace(
    '  - id: plan-selection',
    `${extraChecks}  - id: check-4\n    name: Check 4\n    activity: other\n    performs: [physicist]\n    skills: [oar-outlining]\n  - id: plan-selection`,
  ),
  training: SECTIONS.training.replace('roles: [adapter, physicist]', 'roles: [adapter]'),
});

describeRule('entitlement-needs-training', {
  valid: [
    { name: 'every entitled role is trained', text: protocolText() },
    { name: 'site-specific rows together cover every site', text: siteCovered },
    // Driving the console is not responsibility for the outcome: the oncologist, untrained in plan selection, only operates.
    {
      name: 'a role that only operates the console needs no training row for the step’s skills',
      text: protocolText({
        workflow: SECTIONS.workflow.replace(
          '    performs: [physicist]\n    skills: [plan-selection]\n',
          '    operates: [oncologist]\n    performs: [physicist]\n    skills: [plan-selection]\n',
        ),
      }),
    },
  ],
  invalid: [
    {
      name: 'an approver with no training row for the skill',
      text: untrainedApprover,
      errors: [
        {
          ...span(untrainedApprover, 'physicist', 'approves: ['),
          message:
            'Role `physicist` approves step `oar-approval`, which needs OAR outlining, but no training row trains `physicist` in `oar-outlining`; add `physicist` to the `roles` of a training row for `oar-outlining`.',
        },
      ],
    },
    {
      name: 'a skill with no training row at all: one finding per role, listing every step that needs it, where the role first acts on one',
      text: noPlanSelectionRow,
      errors: [
        {
          ...span(noPlanSelectionRow, 'physicist', 'id: plan-selection'),
          message:
            'Role `physicist` performs steps `plan-selection`, `dose-check`, which need Plan selection, but no training row trains `physicist` in `plan-selection`; add a training row for `plan-selection` that trains `physicist`.',
        },
      ],
    },
    {
      name: 'a role in several parts of several steps: the parts are named, and past three steps the rest are counted',
      text: manySteps,
      errors: [
        {
          ...span(manySteps, 'physicist', 'id: oar-approval'),
          message:
            'Role `physicist` approves steps `oar-approval`, `check-1`, `check-2` and 1 more and performs step `check-4`, which need OAR outlining, but no training row trains `physicist` in `oar-outlining`; add `physicist` to the `roles` of a training row for `oar-outlining`.',
        },
      ],
    },
    {
      name: 'training that covers only some of the step’s sites',
      text: siteGap,
      errors: [
        {
          ...span(siteGap, 'physicist', 'id: plan-selection'),
          message:
            'Role `physicist` performs steps `plan-selection`, `dose-check` at `prostate`, but its `plan-selection` training covers only `bladder`; add `prostate` to the `sites` of its `plan-selection` training.',
        },
      ],
    },
  ],
});
