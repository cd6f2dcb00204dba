import { isMedicalRole } from '../model/staffGroups';
import type { Rule, RuleReport } from './types';

export const medicalRoleBand: Rule = {
  id: 'medical-role-band',
  defaultSeverity: 'warning',
  category: 'governance',
  description: 'A medical role (every staff group that may hold it is medical) has no AfC band.',
  rationale:
    'Medical staff are employed on medical and dental terms, not on Agenda for Change, so an AfC band on a medical role is meaningless and usually a copy from another role. A role also open to non-medical staff (a radiographer, say) keeps its band: those holders are on AfC.',
  check({ protocol }) {
    const reports: RuleReport[] = [];
    for (const role of protocol.roles) {
      if (!isMedicalRole(role)) continue;
      for (const key of ['minBand', 'maxBand'] as const) {
        if (role[key] === undefined) continue;
        reports.push({
          message: `Role \`${role.id}\` is held only by medical staff, who are not on Agenda for Change; remove \`${key}\`.`,
          path: [...role.path, key],
        });
      }
    }
    return reports;
  },
};
