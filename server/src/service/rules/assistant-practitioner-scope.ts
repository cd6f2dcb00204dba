import type { Role } from '../model/protocol';
import type { Rule, RuleReport } from './types';

const AP = 'assistant practitioner';
const isAssistantPractitioner = (role: Role): boolean => role.careerLevel === AP || role.staffGroups.includes(AP);

export const assistantPractitionerScope: Rule = {
  id: 'assistant-practitioner-scope',
  defaultSeverity: 'warning',
  category: 'governance',
  description: 'An assistant practitioner role does not approve a step, nor perform plan selection.',
  rationale:
    'Assistant practitioners work to protocols under the supervision of a registered practitioner. Approving a step or selecting the plan for treatment is a registered practitioner’s judgement and falls outside that scope.',
  check({ protocol }) {
    const reports: RuleReport[] = [];
    for (const step of protocol.workflow) {
      const planSelection = step.activity === 'plan-selection';
      const parts = planSelection ? (['performs', 'approves'] as const) : (['approves'] as const);
      for (const part of parts) {
        step[part].forEach((roleId, index) => {
          const role = protocol.roleById.get(roleId);
          if (!role || !isAssistantPractitioner(role) || step[part].indexOf(roleId) !== index) return;
          const what = planSelection ? `${part} plan selection at step \`${step.id}\`` : `approves step \`${step.id}\``;
          reports.push({
            message: `Role \`${roleId}\` is an assistant practitioner role and ${what}; give this to a registered practitioner role.`,
            path: [...step.path, part, index],
          });
        });
      }
    }
    return reports;
  },
};
