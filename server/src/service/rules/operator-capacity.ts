import type { StepPart } from '../model/protocol';
import { locate } from '../parse/tree';
import type { Rule, RuleReport } from './types';

/** Steps that expose the patient. */
const EXPOSING: ReadonlySet<string> = new Set(['imaging', 'verification-imaging', 'delivery']);
/** Adaptive steps that change what is delivered. */
const CHANGING: ReadonlySet<string> = new Set(['oar-edit', 'target-edit', 'plan-calculation', 'plan-selection']);
/** Steps that assess the radiation dose (the independent dose check): a practical aspect under reg 2. */
const DOSE_ASSESSMENT: ReadonlySet<string> = new Set(['dose-check']);
/**
 * Carrying out a practical aspect: doing the work or driving the console. Approvers are not checked, not even of
 * the dose check: whether the MPE who approves a check run by an operator is entitled as operator is left to the
 * employer's procedures (see the rule's docs).
 */
const PRACTICAL_PARTS: readonly StepPart[] = ['performs', 'edits', 'operates'];

export const operatorCapacity: Rule = {
  id: 'operator-capacity',
  defaultSeverity: 'error',
  category: 'governance',
  description:
    'A role that performs, edits or operates a step that exposes the patient (CBCT, delivery) or an adaptive step that changes what is delivered, or runs the independent dose check, holds the operator capacity.',
  rationale:
    'IR(ME)R 2017: anyone who carries out a practical aspect of an exposure is an operator, and the employer’s procedures must entitle them as one (Schedule 2) and they must be trained (regulation 17). In an adaptive session that is the CBCTs and delivery, and also the steps that change what is delivered: editing OARs and targets, calculating and selecting the plan. Regulation 2 defines practical aspects to include the assessment of technical and physical parameters including radiation doses, so running the independent dose check is one too.',
  check({ protocol, root }) {
    const reports: RuleReport[] = [];
    // Per role, the steps it carries out practically, in workflow order.
    const practical = new Map<string, string[]>();
    for (const step of protocol.workflow) {
      if (step.activity === undefined) continue;
      const dose = DOSE_ASSESSMENT.has(step.activity);
      if (!(EXPOSING.has(step.activity) || CHANGING.has(step.activity) || dose)) continue;
      for (const part of PRACTICAL_PARTS)
        for (const roleId of step[part]) {
          const steps = practical.get(roleId) ?? [];
          if (!steps.includes(step.id)) steps.push(step.id);
          practical.set(roleId, steps);
        }
    }
    for (const role of protocol.roles) {
      const steps = practical.get(role.id);
      if (!steps || role.capacities.includes('operator')) continue;
      const written = locate(root, [...role.path, 'capacities']).complete;
      const exposing = steps.filter((id) => EXPOSING.has(protocol.stepById.get(id)?.activity ?? ''));
      const changing = steps.some((id) => CHANGING.has(protocol.stepById.get(id)?.activity ?? ''));
      const what =
        exposing.length > 0
          ? 'a practical aspect of exposing the patient'
          : changing
            ? 'a practical aspect of the exposure (an adaptive step that changes what is delivered)'
            : 'a practical aspect of the exposure (the assessment of radiation doses in the independent dose check)';
      reports.push({
        message: `Role \`${role.id}\` carries out ${what} in ${steps.length === 1 ? 'step' : 'steps'} ${steps.map((s) => `\`${s}\``).join(', ')}, but does not hold the operator capacity; add \`operator\` to its \`capacities\`.`,
        path: written ? [...role.path, 'capacities'] : [...role.path, 'id'],
        ...(written ? {} : { on: 'key' as const }),
      });
    }
    return reports;
  },
};
