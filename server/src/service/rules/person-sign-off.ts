import { completedTraining, inForce, requirementsOf } from '../register/standing';
import { realDate } from '../register/dates';
import type { Rule, RuleReport } from './types';
import type { Basis } from '../register/standing';

export const personSignOff: Rule = {
  id: 'person-sign-off',
  defaultSeverity: 'error',
  category: 'governance',
  kinds: ['register'],
  description:
    "A person's training is signed off by someone else, who on that day was entitled to the role the protocol names to sign it off (or, without one, to a role trained in the skill), or was trained in the skill themselves.",
  rationale:
    "The protocol's `signOff` names the role that signs off competence in a skill; applied to people, the signature must come from someone entitled to that role when they signed. Cascade training is legitimate: an assessor already trained and signed off in the skill may sign off a peer (an MPE signing off another MPE). Nobody signs off their own training (Towards Safer Radiotherapy: checks independent of the person checked).",
  check({ register, today }) {
    if (!register?.complete) return [];
    const { model, basis } = register;
    const reports: RuleReport[] = [];
    const qualifiedBySkill = new Map<string, { roles: string[]; bySignOff: boolean }>();
    for (const record of model.training) {
      const { person, skill, signedOffBy } = record;
      if (!person || !skill || !signedOffBy || !model.personById.has(signedOffBy)) continue;
      const path = [...record.path, 'signedOffBy'];
      if (signedOffBy === person) {
        reports.push({ message: `\`${person}\` signed off their own training in \`${skill}\`: have it signed off by someone else.`, path });
        continue;
      }
      const on = realDate(record.completed) ?? today;
      let qualified = qualifiedBySkill.get(skill);
      if (!qualified) qualifiedBySkill.set(skill, (qualified = qualifiedToSignOff(basis, skill)));
      const entitledTo = (model.entitlementsByPerson.get(signedOffBy) ?? []).filter((e) => e.role && inForce(e, on)).map((e) => e.role!);
      if (entitledTo.some((role) => qualified.roles.includes(role))) continue;
      // Cascade: an assessor trained in the skill themselves (before this sign-off) may sign it off.
      if (completedTraining(model, signedOffBy, skill, undefined, on).length > 0) continue;
      const roles = qualified.roles.map((r) => `\`${r}\``).join(' or ');
      const named = qualified.bySignOff ? `${roles} (the training row's \`signOff\`)` : roles || 'a role trained in it';
      reports.push({
        message: `\`${person}\`'s training in \`${skill}\` was signed off by \`${signedOffBy}\`, who on ${on} was neither entitled to ${named} nor trained in \`${skill}\` themselves: have it signed off by someone who is.`,
        path,
        data: { person, skill, signedOffBy },
      });
    }
    return reports;
  },
};

/** The roles whose holders may sign off a skill: the training rows' `signOff`, or without one the roles trained in it. */
function qualifiedToSignOff(basis: Basis, skill: string): { roles: string[]; bySignOff: boolean } {
  const rows = basis.rowsBySkill.get(skill) ?? [];
  const signOffRoles = [...new Set(rows.flatMap((row) => (row.signOff ? [row.signOff] : [])))];
  if (signOffRoles.length > 0) return { roles: signOffRoles, bySignOff: true };
  const trainedRoles = [...new Set(rows.flatMap((row) => row.roles))];
  return { roles: trainedRoles.filter((role) => requirementsOf(basis, role, undefined).some((r) => r.skill === skill)), bySignOff: false };
}
