import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';

const MESSAGE =
  "Online step `oar-approval` (Approve OARs) rests its approval on `physicist` alone and states no contingency; say what happens when `physicist` is unavailable or the check fails, in the step's `contingency` or in an entry under `contingencies` for `oar-approval`.";

const APPROVAL = '    performs: [adapter]\n    approves: [physicist]\n';
const withApproval = (to: string, contingencies = '') => protocolText({ workflow: SECTIONS.workflow.replace(APPROVAL, to), contingencies });

/** The base protocol without its contingency section: the OAR approval rests on the physicist alone. */
const none = protocolText({ contingencies: '' });
/** The same step with its own contingency text. */
const stepContingency = withApproval(APPROVAL + '    contingency: No physicist available - treat with the scheduled plan.\n');
/** Two approvers, any one of whom may approve: either stands in for the other. */
const anyOfTwo = withApproval('    performs: [adapter]\n    approves: [physicist, oncologist]\n    approval: any\n');
/** Two approvers who must both approve: not a single role. */
const allOfTwo = withApproval('    performs: [adapter]\n    approves: [physicist, oncologist]\n');
/** The approval moved offline: the patient is not waiting. */
const offline = withApproval('    phase: offline\n' + APPROVAL);
/** A blank contingency is no contingency. */
const blank = withApproval(APPROVAL + '    contingency: "  "\n');
/** A contingency in the section for another step does not count. */
const otherStep = withApproval(APPROVAL, 'contingencies:\n  - step: dose-check\n    when: Mobius fails\n    then: The physicist on call reviews.\n');
const suppressed = withApproval(
  '    performs: [adapter]\n    # Contingency in the departmental business-continuity plan.\n    # role-protocols-disable-next-line approval-contingency\n    approves: [physicist]\n',
);

describeRule('approval-contingency', {
  valid: [
    { name: 'a contingency in the contingencies section', text: protocolText() },
    { name: "the step's own contingency", text: stepContingency },
    { name: 'approval: any with two roles is not a single role', text: anyOfTwo },
    { name: 'approval: all with two roles is not a single role', text: allOfTwo },
    { name: 'an offline step is exempt', text: offline },
    { name: 'suppressed in place with a reason', text: suppressed },
  ],
  invalid: [
    { name: 'a single approver and no contingency', text: none, errors: [{ ...span(none, 'approves', '    approves: [physicist]'), message: MESSAGE }] },
    { name: 'a blank contingency', text: blank, errors: [{ ...span(blank, 'approves', '    approves: [physicist]'), message: MESSAGE }] },
    {
      name: 'a section contingency for another step',
      text: otherStep,
      errors: [{ ...span(otherStep, 'approves', '    approves: [physicist]'), message: MESSAGE }],
    },
  ],
});
