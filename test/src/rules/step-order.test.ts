import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';
import { nth } from '../helpers/nth';

/** The clean workflow's steps by id, to put them in another order. */
const steps = new Map<string, string>();
for (const block of SECTIONS.workflow.split(/(?= {2}- id: )/).slice(1)) steps.set(nth(/id: (\S+)/.exec(block) ?? [], 1), block);
const order = (...ids: string[]) => 'workflow:\n' + ids.map((id) => steps.get(id) ?? id).join('');
const target = (id: string, sites = '') =>
  `  - id: ${id}\n    name: Approve targets\n    activity: target-approval\n${sites}    performs: [adapter]\n    approves: [oncologist]\n`;

const twoSites =
  SECTIONS.sites +
  '  - id: prostate\n    name: Prostate\n    clinicalProtocol:\n      reference: PR-01\n      approvedBy: oncologist\n    mpeInvolvement: agree\n';

const selectionAfterCheck = protocolText({ workflow: order('oar-edit', 'oar-approval', 'dose-check', 'plan-selection', 'delivery', 'review') });
const deliveryFirst = protocolText({ workflow: order('oar-edit', 'oar-approval', 'plan-selection', 'delivery', 'dose-check', 'review') });
const targetsFirst = protocolText({
  workflow: order('oar-edit', target('target-approval'), target('target-approval-2'), 'oar-approval', 'plan-selection', 'dose-check', 'delivery', 'review'),
});
const otherSite = protocolText({
  sites: twoSites,
  workflow: order(
    'oar-edit',
    target('prostate-targets', '    sites: [prostate]\n'),
    steps.get('oar-approval')!.replace('    skills:', '    sites: [bladder]\n    skills:'),
    'plan-selection',
    'dose-check',
    'delivery',
    'review',
  ),
});
const offline = protocolText({
  workflow: order('oar-edit', 'oar-approval', 'plan-selection', 'dose-check', 'delivery', 'review').replace(
    'activity: clinical-review',
    'activity: dose-check',
  ),
});

describeRule('step-order', {
  valid: [
    { name: 'the clean order', text: protocolText() },
    {
      name: 'targets after OAR approval',
      text: protocolText({ workflow: order('oar-edit', 'oar-approval', target('target-approval'), 'plan-selection', 'dose-check', 'delivery', 'review') }),
    },
    { name: 'steps for different sites do not constrain each other', text: otherSite },
    { name: 'offline steps are not part of the session order', text: offline },
  ],
  invalid: [
    {
      name: 'the plan selected after the dose check',
      text: selectionAfterCheck,
      errors: [
        {
          ...span(selectionAfterCheck, 'plan-selection', 'activity: plan-selection'),
          message:
            'Step `plan-selection` (activity plan-selection) comes after step `dose-check` (activity dose-check), but the plan is selected before its independent dose check; move `plan-selection` above `dose-check`.',
        },
      ],
    },
    {
      name: 'delivery before the dose check',
      text: deliveryFirst,
      errors: [
        {
          ...span(deliveryFirst, 'dose-check', 'activity: dose-check'),
          message:
            'Step `dose-check` (activity dose-check) comes after step `delivery` (activity delivery), but the independent dose check comes before delivery; move `dose-check` above `delivery`.',
        },
      ],
    },
    {
      name: 'targets before OAR approval: one finding, naming the first target step',
      text: targetsFirst,
      errors: [
        {
          ...span(targetsFirst, 'oar-approval', 'activity: oar-approval'),
          message:
            'Step `oar-approval` (activity oar-approval) comes after step `target-approval` (activity target-approval), but OARs are approved before targets are edited or approved; move `oar-approval` above `target-approval`.',
        },
      ],
    },
  ],
});
