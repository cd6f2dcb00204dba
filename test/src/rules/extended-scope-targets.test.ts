import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';

/** The clean workflow with a target step before plan selection, and the offline review covering some steps. */
const workflow = (target: string, covers = '', reviewer = 'oncologist') =>
  SECTIONS.workflow
    .replace('  - id: plan-selection\n', target + '  - id: plan-selection\n')
    .replace(
      '    performs: [oncologist]\n    reviews: [oncologist]\n',
      `    performs: [${reviewer}]\n    reviews: [${reviewer}]\n` + (covers ? `    covers: [${covers}]\n` : ''),
    );
const physicistEdits = '  - id: target-edit\n    name: Edit targets\n    activity: target-edit\n    performs: [physicist]\n    skills: [oar-outlining]\n';
const oncologistEdits = '  - id: target-edit\n    name: Edit targets\n    activity: target-edit\n    performs: [oncologist]\n';
const adapterDrivesOncologistApproves =
  '  - id: target-approval\n    name: Approve targets\n    activity: target-approval\n    performs: [adapter]\n    approves: [oncologist]\n';
const adapterApprovesOwnEdits =
  '  - id: target-approval\n    name: Approve targets\n    activity: target-approval\n    performs: [adapter]\n    edits: [adapter]\n    approves: [adapter]\n';
/** A one-to-one method in the physicist's oar-outlining training. */
const withOneToOne = {
  methods: SECTIONS.methods + '  - id: one-to-one-cco\n    name: 1:1 with CCOs\n    type: one-to-one\n',
  training: SECTIONS.training.replace('methods: [proknow]', 'methods: [proknow, one-to-one-cco]'),
};

const uncovered = protocolText({ workflow: workflow(physicistEdits) });
const nonMedicalReview = protocolText({ workflow: workflow(physicistEdits, 'target-edit', 'physicist'), ...withOneToOne });
const noSkills = protocolText({ workflow: workflow(adapterApprovesOwnEdits, 'target-approval'), ...withOneToOne });
const oneToOneForOthers = protocolText({
  workflow: workflow(physicistEdits, 'target-edit'),
  methods: withOneToOne.methods,
  training:
    SECTIONS.training +
    '  - skill: oar-outlining\n    roles: [adapter]\n    methods: [one-to-one-cco]\n    records: [proknow-log]\n    signOff: oncologist\n    reassessEveryMonths: 12\n',
});

describeRule('extended-scope-targets', {
  valid: [
    { name: 'no target steps', text: protocolText() },
    { name: 'a medical role edits targets', text: protocolText({ workflow: workflow(oncologistEdits) }) },
    {
      name: 'a non-medical role only drives the console for a medical role’s target approval',
      text: protocolText({ workflow: workflow(adapterDrivesOncologistApproves) }),
    },
    {
      name: 'extended scope with a medical offline review and one-to-one training',
      text: protocolText({ workflow: workflow(physicistEdits, 'target-edit'), ...withOneToOne }),
    },
  ],
  invalid: [
    {
      name: 'neither an offline review nor one-to-one training: one finding for each',
      text: uncovered,
      errors: [
        {
          ...span(uncovered, 'physicist', 'id: target-edit'),
          message:
            'Role `physicist` edits targets in step `target-edit`, extended scope for a non-medical role, but no offline clinical review by a medical role covers the step; add an offline `clinical-review` step, performed or reviewed by a clinical oncologist role, that lists `target-edit` in `covers`.',
        },
        {
          ...span(uncovered, 'physicist', 'id: target-edit'),
          message:
            'Role `physicist` edits targets in step `target-edit`, extended scope for a non-medical role, but none of its training rows for the step’s skills uses a one-to-one method; add a `one-to-one` method (for example 1:1 with a clinical oncologist) to its training.',
        },
      ],
    },
    {
      name: 'the covering review is not by a medical role',
      text: nonMedicalReview,
      errors: [
        {
          ...span(nonMedicalReview, 'physicist', 'id: target-edit'),
          message:
            'Role `physicist` edits targets in step `target-edit`, extended scope for a non-medical role, but no offline clinical review by a medical role covers the step; add an offline `clinical-review` step, performed or reviewed by a clinical oncologist role, that lists `target-edit` in `covers`.',
        },
      ],
    },
    {
      name: 'the one-to-one method trains another role',
      text: oneToOneForOthers,
      errors: [
        {
          ...span(oneToOneForOthers, 'physicist', 'id: target-edit'),
          message:
            'Role `physicist` edits targets in step `target-edit`, extended scope for a non-medical role, but none of its training rows for the step’s skills uses a one-to-one method; add a `one-to-one` method (for example 1:1 with a clinical oncologist) to its training.',
        },
      ],
    },
    {
      name: 'target approval: a role that edits and approves is reported once, where it edits',
      text: noSkills,
      errors: [
        {
          ...span(noSkills, 'adapter', 'edits: ['),
          message:
            'Role `adapter` edits targets in step `target-approval`, extended scope for a non-medical role, but the step names no skills, so no training gives it a one-to-one method; add a `one-to-one` method (for example 1:1 with a clinical oncologist) to its training.',
        },
      ],
    },
  ],
});
