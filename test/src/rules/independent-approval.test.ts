import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';

const withWorkflow = (from: string, to: string) => protocolText({ workflow: SECTIONS.workflow.replace(from, to) });

/** The adapter approves the OARs it performs. */
const selfApproved = withWorkflow('    approves: [physicist]\n', '    approves: [adapter]\n');
/** ...and the offline review by the oncologist covers it. */
const selfApprovedReviewed = protocolText({
  workflow: SECTIONS.workflow.replace('    approves: [physicist]\n', '    approves: [adapter]\n') + '    covers: [oar-approval]\n',
});
/** An offline review whose only reviewer is the approver itself is no independent check. */
const reviewedBySameRole = protocolText({
  workflow:
    SECTIONS.workflow.replace('    approves: [physicist]\n', '    approves: [adapter]\n') +
    '  - id: self-audit\n    name: Offline self-audit\n    phase: offline\n    activity: other\n    performs: [adapter]\n    reviews: [adapter]\n    covers: [oar-approval]\n',
});
/** An online step listing `covers` is not an offline review. */
const coveredOnline = protocolText({
  workflow:
    SECTIONS.workflow.replace('    approves: [physicist]\n', '    approves: [adapter]\n') +
    '  - id: console-check\n    name: Check at the console\n    activity: other\n    performs: [oncologist]\n    covers: [oar-approval]\n',
});
/** An offline review performed by the approver but reviewed by another role still counts. */
const reviewedByAnother = protocolText({
  workflow:
    SECTIONS.workflow.replace('    approves: [physicist]\n', '    approves: [adapter]\n') +
    '  - id: joint-audit\n    name: Joint audit\n    phase: offline\n    activity: other\n    performs: [adapter]\n    reviews: [physicist]\n    covers: [oar-approval]\n',
});
const editorApproves = withWorkflow(
  '    performs: [adapter]\n    approves: [physicist]\n',
  '    performs: [adapter]\n    edits: [physicist]\n    approves: [physicist]\n',
);
const bothApprovers = withWorkflow(
  '    performs: [adapter]\n    approves: [physicist]\n',
  '    performs: [adapter]\n    edits: [adapter, physicist]\n    approves: [adapter, physicist]\n',
);
const oneIndependent = withWorkflow('    performs: [adapter]\n    approves: [physicist]\n', '    performs: [adapter]\n    approves: [adapter, physicist]\n');

/** Either approver may approve alone: the adapter, who performs the step, can approve its own work. */
const eitherMay = oneIndependent.replace('    approves: [adapter, physicist]\n', '    approves: [adapter, physicist]\n    approval: any\n');
/** ...unless an offline review by another role covers the step. */
const eitherMayReviewed = protocolText({
  workflow:
    SECTIONS.workflow.replace(
      '    performs: [adapter]\n    approves: [physicist]\n',
      '    performs: [adapter]\n    approves: [adapter, physicist]\n    approval: any\n',
    ) + '    covers: [oar-approval]\n',
});
/** A consultant edits and approves targets; a second consultant peer reviews them offline. */
const peerReviewed = protocolText({
  workflow:
    SECTIONS.workflow.replace(
      '    performs: [adapter]\n    approves: [physicist]\n',
      '    performs: [oncologist]\n    edits: [oncologist]\n    approves: [oncologist]\n',
    ) + '  - id: peer-review\n    name: Peer review\n    phase: offline\n    activity: peer-review\n    performs: [oncologist]\n    covers: [oar-approval]\n',
});

/** Clinician-present: the consultant (a medical practitioner) edits and approves online, with no offline review. */
const clinicianPresent = withWorkflow(
  '    performs: [adapter]\n    approves: [physicist]\n',
  '    operates: [adapter]\n    performs: [oncologist]\n    edits: [oncologist]\n    approves: [oncologist]\n',
);
/** ...but a medical role without the practitioner capacity approving its own work is still self-approval. */
const medicalNotPractitioner = clinicianPresent.replace('    capacities: [practitioner]\n', '    capacities: [referrer]\n');

describeRule('independent-approval', {
  valid: [
    { name: 'the approver is not the performer', text: protocolText() },
    { name: 'a self-approved step covered by an offline review by another role', text: selfApprovedReviewed },
    { name: 'an offline review whose reviewer is another role', text: reviewedByAnother },
    { name: 'one of two approvers is independent, and both must approve (the default)', text: oneIndependent },
    {
      name: 'approval: all stated',
      text: oneIndependent.replace('    approves: [adapter, physicist]\n', '    approves: [adapter, physicist]\n    approval: all\n'),
    },
    { name: 'approval: any, and an offline review by another role covers the step', text: eitherMayReviewed },
    { name: 'an offline peer review by another holder of the same role', text: peerReviewed },
    { name: 'clinician-present: a medical practitioner edits and approves its own clinical decision', text: clinicianPresent },
    {
      name: 'approval: any, and the approver who did the work is a medical practitioner',
      text: clinicianPresent.replace('    approves: [oncologist]\n', '    approves: [oncologist, physicist]\n    approval: any\n'),
    },
  ],
  invalid: [
    {
      name: 'a medical role without the practitioner capacity approves its own work',
      text: medicalNotPractitioner,
      errors: [
        {
          ...span(medicalNotPractitioner, 'oncologist', 'approves: ['),
          message:
            'Step `oar-approval` is approved only by `oncologist`, which also performs and edits it; add an independent approver, or an offline review by another role (or an offline `peer-review`) that covers `oar-approval`.',
        },
      ],
    },
    {
      name: 'approval: any, and one approver also performs the step',
      text: eitherMay,
      errors: [
        {
          ...span(eitherMay, 'adapter', 'approves: ['),
          message:
            'Step `oar-approval` may be approved by any one of its approvers (`approval: any`), and `adapter` also performs it, so it can approve its own work alone; set `approval: all`, or add an offline review by another role (or an offline `peer-review`) that covers `oar-approval`.',
        },
      ],
    },
    {
      name: 'the performer is the only approver',
      text: selfApproved,
      errors: [
        {
          ...span(selfApproved, 'adapter', 'approves: ['),
          message:
            'Step `oar-approval` is approved only by `adapter`, which also performs it; add an independent approver, or an offline review by another role (or an offline `peer-review`) that covers `oar-approval`.',
        },
      ],
    },
    {
      name: 'an offline review by the approving role itself does not count',
      text: reviewedBySameRole,
      errors: [
        {
          ...span(reviewedBySameRole, 'adapter', 'approves: ['),
          message:
            'Step `oar-approval` is approved only by `adapter`, which also performs it; add an independent approver, or an offline review by another role (or an offline `peer-review`) that covers `oar-approval`.',
        },
      ],
    },
    {
      name: 'an online step that lists covers does not count',
      text: coveredOnline,
      errors: [
        {
          ...span(coveredOnline, 'adapter', 'approves: ['),
          message:
            'Step `oar-approval` is approved only by `adapter`, which also performs it; add an independent approver, or an offline review by another role (or an offline `peer-review`) that covers `oar-approval`.',
        },
      ],
    },
    {
      name: 'the editor is the only approver',
      text: editorApproves,
      errors: [
        {
          ...span(editorApproves, 'physicist', 'approves: ['),
          message:
            'Step `oar-approval` is approved only by `physicist`, which also edits it; add an independent approver, or an offline review by another role (or an offline `peer-review`) that covers `oar-approval`.',
        },
      ],
    },
    {
      name: 'every approver also does the work, one finding per approver',
      text: bothApprovers,
      errors: [
        {
          ...span(bothApprovers, 'adapter', 'approves: ['),
          message:
            'Step `oar-approval` is approved only by `adapter`, which also performs and edits it; add an independent approver, or an offline review by another role (or an offline `peer-review`) that covers `oar-approval`.',
        },
        {
          ...span(bothApprovers, 'physicist', 'approves: ['),
          message:
            'Step `oar-approval` is approved only by `physicist`, which also edits it; add an independent approver, or an offline review by another role (or an offline `peer-review`) that covers `oar-approval`.',
        },
      ],
    },
  ],
});
