import { heldRegistration, heldRoles, registrationsAskedOf } from '../register/standing';
import type { Rule, RuleReport } from './types';

export const personRegistration: Rule = {
  id: 'person-registration',
  defaultSeverity: 'error',
  category: 'governance',
  kinds: ['register'],
  description:
    "A person entitled to a role holds each registration the role requires of their staff group (the role's `registrations`: their own statutory register, or a voluntary one where their group has none), not expired today.",
  rationale:
    'HCPC and GMC registration is what allows a radiographer, clinical scientist or doctor to practise; a lapsed registration means they may not practise under that title at all, and IR(ME)R practitioners and referrers must be registered health care professionals. The register records each registration with its expiry so that a lapse is seen the day it happens. MPE recognition is checked by `person-mpe-recognition`.',
  check({ register, today }) {
    if (!register?.complete) return [];
    const { model, basis } = register;
    const reports: RuleReport[] = [];
    // A lapse is reported once, on the registration, however many roles ask for it.
    const said = new Set<object>();
    for (const { entitlement, person, role } of heldRoles(model, basis, today)) {
      for (const required of registrationsAskedOf(role, person)) {
        const { held, current } = heldRegistration(person, required, today);
        if (held.length === 0) {
          reports.push({
            message: `Role \`${role.id}\` requires ${required} registration, which \`${person.id}\` has none of in \`registrations\`: add it with its number and expiry date.`,
            path: [...entitlement.path, 'role'],
          });
          continue;
        }
        if (!current) {
          const last = held.reduce((a, b) => ((a.expires ?? '') > (b.expires ?? '') ? a : b));
          if (said.has(last)) continue;
          said.add(last);
          reports.push({
            message: `\`${person.id}\`'s ${required} registration expired on ${last.expires}, and role \`${role.id}\` requires it: they may not act in the role until it is renewed; record the new expiry date.`,
            path: [...last.path, 'expires'],
          });
        }
      }
    }
    return reports;
  },
};
