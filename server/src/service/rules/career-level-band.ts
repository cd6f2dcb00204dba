import { bandRank } from './band-range';
import type { Band } from '../model/protocol';
import { isMedicalRole } from '../model/staffGroups';
import type { Rule, RuleReport } from './types';

/** The lowest band each career level is expected at. */
const LOWEST_BAND: Readonly<Record<string, Band>> = { advanced: 7, consultant: '8a' };

export const careerLevelBand: Rule = {
  id: 'career-level-band',
  defaultSeverity: 'warning',
  category: 'governance',
  description: 'An advanced role (not a medical one) has a minimum band of at least 7, and a consultant role at least 8a.',
  rationale:
    'The allied health professions career framework places advanced practice at band 7 or above and consultant practice at band 8a or above. A lower band suggests the career level or the band is wrong, and with it the scope of practice the role is trusted with.',
  check({ protocol }) {
    const reports: RuleReport[] = [];
    for (const role of protocol.roles) {
      // A medical role has no AfC band at all: medical-role-band says to remove it, so no advice to raise it here.
      // A role that names its national job profile is banded against that (national-profile-band), not the AHP framework.
      if (role.careerLevel === undefined || isMedicalRole(role) || role.nationalProfile !== undefined) continue;
      const lowest = LOWEST_BAND[role.careerLevel];
      const rank = bandRank(role.minBand);
      if (lowest === undefined || rank === undefined || rank >= (bandRank(lowest) ?? 0)) continue;
      reports.push({
        message: `Role \`${role.id}\` is at the ${role.careerLevel} career level but its \`minBand\` is ${role.minBand}; ${role.careerLevel} roles are expected at band ${lowest} or above: raise \`minBand\` or change \`careerLevel\`.`,
        path: [...role.path, 'minBand'],
      });
    }
    return reports;
  },
};
