import { MPE_RECOGNITION } from '../model/staffGroups';
import type { Rule, RuleReport } from './types';

const MPE_STAFF_GROUP = 'clinical scientist';

export const mpeRecognition: Rule = {
  id: 'mpe-recognition',
  defaultSeverity: 'error',
  category: 'governance',
  description: 'A role with the MPE capacity is open only to clinical scientists and states MPE recognition in its registrations.',
  rationale:
    'IR(ME)R 2017 regulation 14 needs a medical physics expert closely involved in every radiotherapeutic practice. Regulation 2 asks for an MPE whose competence is recognised by the Secretary of State: in practice the RPA2000 certificate or an equivalent. That the MPE is an HCPC-registered clinical scientist is the UK norm, which this rule adopts, not a requirement of the regulation. A band or a job title says nothing about it, so a role whose holders need not be recognised MPEs cannot carry the capacity.',
  check({ protocol }) {
    const reports: RuleReport[] = [];
    for (const role of protocol.roles) {
      const index = role.capacities.indexOf('MPE');
      if (index < 0) continue;
      const path = [...role.path, 'capacities', index];
      const others = role.staffGroups.filter((group) => group !== MPE_STAFF_GROUP);
      if (others.length > 0) {
        reports.push({
          message: `Role \`${role.id}\` has the MPE capacity but is open to ${others.join(', ')}; an MPE is a clinical scientist with MPE recognition: limit \`staffGroups\` to clinical scientist, or give the MPE capacity to a role that is.`,
          path,
        });
      }
      if (!role.registrations.includes(MPE_RECOGNITION)) {
        reports.push({
          message: `Role \`${role.id}\` has the MPE capacity but its \`registrations\` do not state MPE recognition; add \`${MPE_RECOGNITION}\` to \`registrations\`.`,
          path,
        });
      }
    }
    return reports;
  },
};
