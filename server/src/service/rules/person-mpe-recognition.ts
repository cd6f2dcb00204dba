import { MPE_RECOGNITION } from '../model/staffGroups';
import { heldRegistration, heldRoles } from '../register/standing';
import type { Rule, RuleReport } from './types';

export const personMpeRecognition: Rule = {
  id: 'person-mpe-recognition',
  defaultSeverity: 'error',
  category: 'governance',
  kinds: ['register'],
  description: `A person entitled to a role with the MPE capacity holds MPE recognition (\`${MPE_RECOGNITION}\` in their \`registrations\`), not expired today.`,
  rationale:
    'IR(ME)R 2017 regulation 14 needs a medical physics expert closely involved in every radiotherapeutic practice, and regulation 2 defines the MPE by recognised competence: in practice the RPA2000 certificate, renewed every five years. A person entitled to act as MPE without it leaves `mpe-involvement` satisfied on paper only.',
  check({ register, today }) {
    if (!register?.complete) return [];
    const { model, basis } = register;
    const reports: RuleReport[] = [];
    // An expired certificate is reported once, however many MPE roles the person holds.
    const said = new Set<object>();
    for (const { entitlement, person, role } of heldRoles(model, basis, today)) {
      if (!role.capacities.includes('MPE')) continue;
      const { held, current } = heldRegistration(person, MPE_RECOGNITION, today);
      if (current) continue;
      const last = held.length ? held.reduce((a, b) => ((a.expires ?? '') > (b.expires ?? '') ? a : b)) : undefined;
      if (last && said.has(last)) continue;
      if (last) said.add(last);
      reports.push(
        last
          ? {
              message: `\`${person.id}\`'s MPE certificate expired on ${last.expires}, and role \`${role.id}\` acts as MPE: they may not act as MPE until it is renewed; record the new expiry date.`,
              path: [...last.path, 'expires'],
            }
          : {
              message: `Role \`${role.id}\` acts as MPE, but \`${person.id}\` has no MPE recognition: add \`register: ${MPE_RECOGNITION}\` with its number and expiry to their \`registrations\`, or entitle them to a role without the MPE capacity.`,
              path: [...entitlement.path, 'role'],
            },
      );
    }
    return reports;
  },
};
