import type { Rule, RuleReport } from './types';

export const medicalRoleBand: Rule = {
  id: 'medical-role-band',
  defaultSeverity: 'warning',
  category: 'governance',
  description: 'A role open to clinical oncologists has no AfC band.',
  rationale:
    'Medical staff are employed on medical and dental terms, not on Agenda for Change, so an AfC band on a medical role is meaningless and usually a copy from another role.',
  check({ protocol }) {
    const reports: RuleReport[] = [];
    for (const role of protocol.roles) {
      if (!role.staffGroups.includes('clinical oncologist')) continue;
      for (const key of ['minBand', 'maxBand'] as const) {
        if (role[key] === undefined) continue;
        reports.push({
          message: `Role \`${role.id}\` is open to clinical oncologists, who are not on Agenda for Change; remove \`${key}\`.`,
          path: [...role.path, key],
        });
      }
    }
    return reports;
  },
};
