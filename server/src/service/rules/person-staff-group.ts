import { heldRoles } from '../register/standing';
import type { Rule, RuleReport } from './types';

export const personStaffGroup: Rule = {
  id: 'person-staff-group',
  defaultSeverity: 'error',
  category: 'governance',
  kinds: ['register'],
  description: "A person is entitled only to roles open to their staff group (the role's `staffGroups`).",
  rationale:
    "The protocol's staff groups say who may hold a role; they carry the registration and the scope of practice behind it (a dosimetrist is not state registered and cannot act as a practitioner). An entitlement outside them is an entitlement the protocol does not allow.",
  check({ register, today }) {
    if (!register?.complete) return [];
    const { model, basis } = register;
    const reports: RuleReport[] = [];
    for (const { entitlement, person, role } of heldRoles(model, basis, today)) {
      if (!person.staffGroup || role.staffGroups.length === 0) continue;
      if (role.staffGroups.includes(person.staffGroup)) continue;
      reports.push({
        message: `\`${person.id}\` is a ${person.staffGroup}, but role \`${role.id}\` is open to ${role.staffGroups.join(', ')} only: end this entitlement, or change the role's \`staffGroups\` in the protocol if the department means it.`,
        path: [...entitlement.path, 'role'],
      });
    }
    return reports;
  },
};
