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

describeRule('operator-capacity', {
  valid: [
    { name: 'every role that carries out a practical aspect is an operator', text: protocolText() },
    { name: 'approving is not a practical aspect', text: oncologistApproves },
  ],
  invalid: [
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
