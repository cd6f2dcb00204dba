import { STATUTORY_REGISTER, unregisteredGroups } from '../model/staffGroups';
import type { Rule, RuleReport } from './types';

const RESTRICTED_CAPACITIES: ReadonlySet<string> = new Set(['practitioner', 'referrer']);

const joined = (items: string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

export const registeredDutyHolder: Rule = {
  id: 'registered-duty-holder',
  defaultSeverity: 'error',
  category: 'governance',
  description:
    'A role with the practitioner or referrer capacity is open only to statutorily registered staff groups, and the registrations it states include their registers.',
  rationale:
    'Under IR(ME)R 2017 a practitioner or referrer must be a registered health care professional. Therapeutic radiographers and clinical scientists are registered with the HCPC and clinical oncologists with the GMC; dosimetrists, clinical technologists and assistant practitioners have no statutory register. Where a role states its registrations, they are what an inspector reads: they must name the register behind each of its staff groups. For a role open to radiographers and clinical scientists that means both HCPC parts: each holder holds their own group’s register, not both.',
  check({ protocol }) {
    const reports: RuleReport[] = [];
    for (const role of protocol.roles) {
      const unregistered = unregisteredGroups(role);
      if (unregistered.length === 0) {
        // Registered groups only: where the role states its registrations, they name the register behind each group.
        const restricted = role.capacities.findIndex((capacity) => RESTRICTED_CAPACITIES.has(capacity));
        if (restricted < 0 || role.registrations.length === 0) continue;
        const missing = [...new Set(role.staffGroups.flatMap((group) => STATUTORY_REGISTER[group] ?? []))].filter(
          (register) => !role.registrations.includes(register),
        );
        if (missing.length === 0) continue;
        reports.push({
          message: `Role \`${role.id}\` has the ${role.capacities[restricted]} capacity, but its \`registrations\` do not include ${joined(missing)}, the statutory register of its staff groups; add ${missing.length === 1 ? 'it' : 'them'} to \`registrations\`.`,
          path: [...role.path, 'registrations'],
        });
        continue;
      }
      role.capacities.forEach((capacity, index) => {
        if (!RESTRICTED_CAPACITIES.has(capacity) || role.capacities.indexOf(capacity) !== index) return;
        reports.push({
          message: `Role \`${role.id}\` has the ${capacity} capacity, but ${joined(unregistered)} ${unregistered.length === 1 ? 'is' : 'are'} not statutorily registered; remove the capacity or limit \`staffGroups\` to registered groups (therapeutic radiographer, clinical scientist, clinical oncologist).`,
          path: [...role.path, 'capacities', index],
        });
      });
    }
    return reports;
  },
};
