import { lapsed } from './reassessment-overdue';
import type { Rule } from './types';

export const reassessmentDue: Rule = {
  id: 'reassessment-due',
  defaultSeverity: 'warning',
  category: 'governance',
  kinds: ['register'],
  description:
    "An entitled person's reassessment falls due within the warning window (`register.dueSoonDays` in `.roleprotocols.yaml`, 60 days unless set), so it can be booked before it lapses.",
  rationale:
    'A reassessment found only once it is overdue takes the person off the rota until it is done. Seeing it weeks ahead lets the department book it; `role-protocols status` prints the same list for a daily job.',
  check({ register, today }) {
    if (!register?.complete) return [];
    return lapsed(register, today, 'due-soon');
  },
};
