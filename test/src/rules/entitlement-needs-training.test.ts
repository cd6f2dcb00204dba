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
          message: 'Role `physicist` approves step `oar-approval`, which needs OAR outlining, but no training row trains `physicist` in `oar-outlining`.',
        },
      ],
    },
    {
      name: 'training that covers only some of the step’s sites',
      text: siteGap,
      errors: [
        {
          ...span(siteGap, 'physicist', 'id: plan-selection'),
          message: 'Role `physicist` performs step `plan-selection` at `prostate`, but its `plan-selection` training covers only `bladder`.',
        },
        {
          ...span(siteGap, 'physicist', 'id: dose-check'),
          message: 'Role `physicist` performs step `dose-check` at `prostate`, but its `plan-selection` training covers only `bladder`.',
        },
      ],
    },
  ],
});
