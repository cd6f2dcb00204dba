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

/** Supervised practice with a concordance audit (RCR) in the physicist's oar-outlining training, signed off by `signOff`. */
const withConcordance = (signOff: string) => ({
  methods:
    SECTIONS.methods +
    '  - id: supervised\n    name: Supervised outlining\n    type: supervised-practice\n  - id: concordance\n    name: Concordance audit against consultant outlines\n    type: concordance-audit\n',
  training: SECTIONS.training.replace(
    'methods: [proknow]\n    records: [proknow-log]\n    signOff: oncologist',
    `methods: [proknow, supervised, concordance]\n    records: [proknow-log]\n    signOff: ${signOff}`,
  ),
});
const radiographerDrivesOncologistEdits =
  '  - id: target-edit\n    name: Edit targets\n    activity: target-edit\n    operates: [adapter]\n    performs: [oncologist]\n    edits: [oncologist]\n    approves: [oncologist]\n    skills: [oar-outlining]\n';
const concordanceByPhysicist = protocolText({ workflow: workflow(physicistEdits, 'target-edit'), ...withConcordance('adapter') });
/** A role open to clinical oncologists and radiographers is not medical: its radiographers work at extended scope. */
const sharedRole = protocolText({
  workflow: workflow(physicistEdits, 'target-edit'),
  roles: SECTIONS.roles.replace('    staffGroups: [clinical scientist]\n', '    staffGroups: [clinical scientist, clinical oncologist]\n'),
});

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
/** The physicist edits targets and the consultant approves them in the same step before delivery (lung SABR): no offline review needed. */
const physicistEditsOncologistApproves =
  '  - id: target-edit\n    name: Edit targets\n    activity: target-edit\n    performs: [physicist]\n    edits: [physicist]\n    approves: [oncologist]\n    skills: [oar-outlining]\n';
/** ...an approval by a non-medical role in the step is not that check. */
const physicistEditsAdapterApproves = physicistEditsOncologistApproves.replace('approves: [oncologist]', 'approves: [adapter]');
const adapterApprovalUncovered = protocolText({ workflow: workflow(physicistEditsAdapterApproves), ...withOneToOne });

describeRule('extended-scope-targets', {
  valid: [
    { name: 'no target steps', text: protocolText() },
    { name: 'a medical role edits targets', text: protocolText({ workflow: workflow(oncologistEdits) }) },
    {
      name: 'a non-medical role only drives the console for a medical role’s target approval',
      text: protocolText({ workflow: workflow(adapterDrivesOncologistApproves) }),
    },
    {
      name: 'a radiographer drives the console while the consultant edits and approves (clinician-present)',
      text: protocolText({ workflow: workflow(radiographerDrivesOncologistEdits) }),
    },
    {
      name: 'supervised practice with a concordance audit signed off by a consultant (RCR)',
      text: protocolText({ workflow: workflow(physicistEdits, 'target-edit'), ...withConcordance('oncologist') }),
    },
    {
      name: 'a medical role approves the extended-scope edit in the same step, with one-to-one training',
      text: protocolText({ workflow: workflow(physicistEditsOncologistApproves), ...withOneToOne }),
    },
    {
      name: 'extended scope with a medical offline review and one-to-one training',
      text: protocolText({ workflow: workflow(physicistEdits, 'target-edit'), ...withOneToOne }),
    },
  ],
  invalid: [
    {
      name: 'a non-medical approval in the same step is not the medical check',
      text: adapterApprovalUncovered,
      errors: [
        {
          ...span(adapterApprovalUncovered, 'physicist', 'id: target-edit'),
          message:
            'Role `physicist` performs target editing in step `target-edit`, extended scope for a non-medical role, but no medical role approves the step and no offline clinical review by a medical role covers it; add an offline `clinical-review` step, performed or reviewed by a clinical oncologist role, that lists `target-edit` in `covers`, or have a clinical oncologist role approve the step.',
        },
        {
          ...span(adapterApprovalUncovered, 'adapter', 'approves: ['),
          message:
            'Role `adapter` approves targets in step `target-edit`, extended scope for a non-medical role, but no medical role approves the step and no offline clinical review by a medical role covers it; add an offline `clinical-review` step, performed or reviewed by a clinical oncologist role, that lists `target-edit` in `covers`, or have a clinical oncologist role approve the step.',
        },
      ],
    },
    {
      name: 'neither an offline review nor one-to-one training: one finding for each',
      text: uncovered,
      errors: [
        {
          ...span(uncovered, 'physicist', 'id: target-edit'),
          message:
            'Role `physicist` performs target editing in step `target-edit`, extended scope for a non-medical role, but no medical role approves the step and no offline clinical review by a medical role covers it; add an offline `clinical-review` step, performed or reviewed by a clinical oncologist role, that lists `target-edit` in `covers`, or have a clinical oncologist role approve the step.',
        },
        {
          ...span(uncovered, 'physicist', 'id: target-edit'),
          message:
            'Role `physicist` performs target editing in step `target-edit`, extended scope for a non-medical role, but none of its training rows for the step’s skills trains it against an expert; give its training a method with `type: one-to-one` (for example 1:1 with a clinical oncologist), or methods with `type: supervised-practice` and `type: concordance-audit` with `signOff` by a clinical oncologist role.',
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
            'Role `physicist` performs target editing in step `target-edit`, extended scope for a non-medical role, but no medical role approves the step and no offline clinical review by a medical role covers it; add an offline `clinical-review` step, performed or reviewed by a clinical oncologist role, that lists `target-edit` in `covers`, or have a clinical oncologist role approve the step.',
        },
      ],
    },
    {
      name: 'a concordance audit signed off by a non-medical role is not training against the consultant',
      text: concordanceByPhysicist,
      errors: [
        {
          ...span(concordanceByPhysicist, 'physicist', 'id: target-edit'),
          message:
            'Role `physicist` performs target editing in step `target-edit`, extended scope for a non-medical role, ' +
            'but none of its training rows for the step’s skills trains it against an expert; give its training a method with `type: one-to-one` (for example 1:1 with a clinical oncologist), or methods with `type: supervised-practice` and `type: concordance-audit` with `signOff` by a clinical oncologist role.',
        },
      ],
    },
    {
      name: 'a role shared by clinical scientists and clinical oncologists is not medical',
      text: sharedRole,
      errors: [
        {
          ...span(sharedRole, 'physicist', 'id: target-edit'),
          message:
            'Role `physicist` performs target editing in step `target-edit`, extended scope for a non-medical role, but none of its training rows for the step’s skills trains it against an expert; give its training a method with `type: one-to-one` (for example 1:1 with a clinical oncologist), or methods with `type: supervised-practice` and `type: concordance-audit` with `signOff` by a clinical oncologist role.',
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
            'Role `physicist` performs target editing in step `target-edit`, extended scope for a non-medical role, but none of its training rows for the step’s skills trains it against an expert; give its training a method with `type: one-to-one` (for example 1:1 with a clinical oncologist), or methods with `type: supervised-practice` and `type: concordance-audit` with `signOff` by a clinical oncologist role.',
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
            'Role `adapter` edits targets in step `target-approval`, extended scope for a non-medical role, but the step names no skills, so no training row shows how the role was trained against an expert; give its training a method with `type: one-to-one` (for example 1:1 with a clinical oncologist), or methods with `type: supervised-practice` and `type: concordance-audit` with `signOff` by a clinical oncologist role.',
        },
      ],
    },
  ],
});
