import type { Rule, RuleReport } from './types';

export const approvalContingency: Rule = {
  id: 'approval-contingency',
  defaultSeverity: 'warning',
  category: 'governance',
  description: 'An online step whose approval rests on a single role states a contingency: in the step (`contingency`) or in the `contingencies` section.',
  rationale:
    'An online session waits while the patient lies on the couch. When the one role that can approve a step is unavailable, or its check fails (Mobius fails), the team needs a plan agreed in advance, not improvised under time pressure: Towards Safer Radiotherapy asks for independent checks with a stated fallback, and the IR(ME)R 2017 employer’s procedures (Schedule 2) are where that fallback is written down.',
  check({ protocol }) {
    const reports: RuleReport[] = [];
    const planned = new Set<string>();
    for (const entry of protocol.contingencies) if (entry.step) planned.add(entry.step);
    for (const step of protocol.workflow) {
      if (step.phase !== 'online') continue;
      const approvers = [...new Set(step.approves)];
      const [only] = approvers;
      if (approvers.length !== 1 || only === undefined) continue;
      if (step.contingency?.trim()) continue;
      if (step.id && planned.has(step.id)) continue;
      reports.push({
        message: `Online step \`${step.id}\` (${step.name}) rests its approval on \`${only}\` alone and states no contingency; say what happens when \`${only}\` is unavailable or the check fails, in the step's \`contingency\` or in an entry under \`contingencies\` for \`${step.id}\`.`,
        path: [...step.path, 'approves'],
        on: 'key',
      });
    }
    return reports;
  },
};
