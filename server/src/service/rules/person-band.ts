import { heldRoles } from '../register/standing';
import { MEDICAL_STAFF_GROUPS } from '../model/staffGroups';
import { bandRank } from './band-range';
import type { Rule, RuleReport } from './types';

export const personBand: Rule = {
  id: 'person-band',
  defaultSeverity: 'warning',
  category: 'governance',
  kinds: ['register'],
  description:
    "A person entitled to a role is on an Agenda for Change band within the role's `minBand` and `maxBand` (a trainee under supervision may be below the floor); a non-medical person in a banded role has their band recorded.",
  rationale:
    'The protocol bands a role for the responsibility it carries (a band 7 floor for independent adaptive decisions, for example). A person below the floor holds the responsibility without the grade; above the ceiling usually means the role or the register is out of date. It is a warning: acting-up arrangements exist, and are silenced with a comment that says so.',
  check({ register, today }) {
    if (!register?.complete) return [];
    const { model, basis } = register;
    const reports: RuleReport[] = [];
    for (const { entitlement, person, role } of heldRoles(model, basis, today)) {
      const min = bandRank(role.minBand);
      const max = bandRank(role.maxBand);
      if (min === undefined && max === undefined) continue;
      const range =
        role.minBand !== undefined && role.maxBand !== undefined
          ? `${role.minBand} to ${role.maxBand}`
          : role.minBand !== undefined
            ? `${role.minBand} or above`
            : `up to ${role.maxBand}`;
      if (person.band === undefined) {
        // Medical staff are not on Agenda for Change: no band is right for them.
        if (person.staffGroup !== undefined && !MEDICAL_STAFF_GROUPS.has(person.staffGroup))
          reports.push({
            message: `\`${person.id}\` has no \`band\` in the register, and role \`${role.id}\` is banded (${range}): add their Agenda for Change band.`,
            path: [...entitlement.path, 'role'],
          });
        continue;
      }
      const rank = bandRank(person.band);
      if (rank === undefined) continue;
      // A trainee under supervision may be on a training band below the role's floor (an AfC Annex 21 trainee post): the responsibility is the supervisor's until sign-off.
      if ((min !== undefined && rank < min && !entitlement.supervised) || (max !== undefined && rank > max))
        reports.push({
          message: `\`${person.id}\` is on band ${person.band}, outside the band of role \`${role.id}\` (${range}): correct the band here or the role's bands in the protocol; for an acting-up arrangement, silence this finding with a comment that says so.`,
          path: [...entitlement.path, 'role'],
        });
    }
    return reports;
  },
};
