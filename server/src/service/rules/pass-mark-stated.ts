import { locate } from '../parse/tree';
import type { Rule, RuleReport } from './types';

export const passMarkStated: Rule = {
  id: 'pass-mark-stated',
  defaultSeverity: 'warning',
  category: 'governance',
  description: 'A training method of type `scored-assessment` states the department’s own `passMark`.',
  rationale:
    'A scored assessment is only evidence of competence against a stated standard. ProKnow scores outlines from 0 to 100; its old CE-credit threshold of 75 is a vendor figure, not a clinical standard, so the department must state its own pass mark.',
  check({ protocol, root }) {
    const reports: RuleReport[] = [];
    for (const method of protocol.methods) {
      if (method.type !== 'scored-assessment' || method.passMark !== undefined) continue;
      if (locate(root, [...method.path, 'passMark']).complete) continue; // written, but not a number: the schema check says so
      reports.push({
        message: `Method \`${method.id}\` (${method.name}) is a scored assessment with no pass mark; add the department’s own \`passMark\` (0 to 100), as a vendor’s threshold is not a clinical standard.`,
        path: [...method.path, 'type'],
      });
    }
    return reports;
  },
};
