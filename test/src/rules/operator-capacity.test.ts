import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';

/** The adapter, who edits OARs and delivers, loses its operator capacity. */
const adapterNotOperator = protocolText({
  roles: SECTIONS.roles.replace(
    '    careerLevel: practitioner\n    capacities: [operator]\n',
    '    careerLevel: practitioner\n    capacities: [practitioner]\n',
  ),
});
/** The oncologist edits targets at the console: a practical aspect. */
const oncologistEdits = protocolText({
  workflow: SECTIONS.workflow.replace(
    '  - id: plan-selection\n',
    '  - id: target-edit\n    name: Edit targets\n    activity: target-edit\n    operates: [adapter]\n    performs: [oncologist]\n  - id: plan-selection\n',
  ),
});
/** The oncologist only approves: approving is not a practical aspect. */
const oncologistApproves = protocolText({
  workflow: SECTIONS.workflow.replace('    performs: [adapter]\n    approves: [physicist]\n', '    performs: [adapter]\n    approves: [oncologist]\n'),
});
/** No capacities written at all: the finding sits on the role's id key. */
const noCapacities = protocolText({
  roles: SECTIONS.roles.replace('    careerLevel: practitioner\n    capacities: [operator]\n', '    careerLevel: practitioner\n'),
});
/** The oncologist runs the independent dose check: assessing radiation doses is a practical aspect (reg 2). */
const doseCheck = (part: string) =>
  protocolText({
    workflow: SECTIONS.workflow.replace(
      '  - id: plan-selection\n',
      `  - id: dose-check\n    name: Independent dose check\n    activity: dose-check\n    performs: [adapter]\n    ${part}: [oncologist]\n  - id: plan-selection\n`,
    ),
  });
const oncologistRunsDoseCheck = doseCheck('edits');

describeRule('operator-capacity', {
  valid: [
    { name: 'every role that carries out a practical aspect is an operator', text: protocolText() },
    { name: 'approving is not a practical aspect', text: oncologistApproves },
    { name: 'approving the dose check run by an operator is left to the employer’s procedures', text: doseCheck('approves') },
  ],
  invalid: [
    {
      name: 'running the independent dose check is the assessment of radiation doses',
      text: oncologistRunsDoseCheck,
      errors: [
        {
          ...span(oncologistRunsDoseCheck, 'capacities', 'careerLevel: consultant\n    '),
          message:
            'Role `oncologist` carries out a practical aspect of the exposure (the assessment of radiation doses in the independent dose check) in step `dose-check`, but does not hold the operator capacity; add `operator` to its `capacities`.',
        },
      ],
    },
    {
      name: 'a role that edits OARs and delivers without the operator capacity, on its capacities',
      text: adapterNotOperator,
      errors: [
        {
          ...span(adapterNotOperator, 'capacities', 'id: adapter'),
          message:
            'Role `adapter` carries out a practical aspect of exposing the patient in steps `oar-edit`, `delivery`, but does not hold the operator capacity; add `operator` to its `capacities`.',
        },
      ],
    },
    {
      name: 'a consultant who performs target editing while a radiographer operates',
      text: oncologistEdits,
      errors: [
        {
          ...span(oncologistEdits, 'capacities', 'id: oncologist'),
          message:
            'Role `oncologist` carries out a practical aspect of the exposure (an adaptive step that changes what is delivered) in step `target-edit`, but does not hold the operator capacity; add `operator` to its `capacities`.',
        },
      ],
    },
    {
      name: 'no capacities written: on the role',
      text: noCapacities,
      errors: [
        {
          ...span(noCapacities, 'id', 'id: adapter'),
          message:
            'Role `adapter` carries out a practical aspect of exposing the patient in steps `oar-edit`, `delivery`, but does not hold the operator capacity; add `operator` to its `capacities`.',
        },
      ],
    },
  ],
});
