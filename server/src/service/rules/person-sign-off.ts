import { completedTraining, inForce } from '../register/standing';
import { realDate } from '../register/dates';
import type { Rule, RuleReport } from './types';

export const personSignOff: Rule = {
  id: 'person-sign-off',
  defaultSeverity: 'error',
  category: 'governance',
  kinds: ['register'],
  description:
    "A person's completed training names who signed it off: someone else, who on that day was entitled (not under supervision) to the role the protocol names to sign it off; where it names none, someone entitled to a role trained in the skill, or trained in it themselves.",
  rationale:
    "IR(ME)R 2017 regulation 17(4) asks the employer to keep an up-to-date record of each practitioner's and operator's training, and an inspector asks who signed each competence off and when. The protocol's `signOff` names the role that signs off competence in a skill; applied to people, the signature must come from someone entitled to that role on the day they signed, and not while they were themselves a supervised trainee. Cascade training is legitimate: where the sign-off role is one the row trains (MPEs signing off MPEs), a holder of that role signs off a peer; where the protocol names no sign-off role, an assessor already trained in the skill may. Nobody signs off their own training (Towards Safer Radiotherapy: checks independent of the person checked).",
  check({ register, today }) {
    if (!register?.complete) return [];
    const { model, basis } = register;
    const reports: RuleReport[] = [];
    const rolesOf = new Map<string, string[]>();
    const signers = new Map<string, { signOffRoles: string[]; qualified: string[] }>();
    for (const record of model.training) {
      const { person, skill, signedOffBy } = record;
      if (!person || !skill) continue;
      if (!signedOffBy) {
        // Only a completed training needs a signature; one under way has none yet.
        if (realDate(record.completed) !== undefined)
          reports.push({
            message: `\`${person}\`'s training in \`${skill}\` is recorded as completed on ${record.completed} but names nobody who signed it off: add \`signedOffBy\` with the id of the person who did.`,
            path: [...record.path, 'completed'],
          });
        continue;
      }
      // Who is not in the register is `unknown-reference`'s finding.
      if (!model.personById.has(signedOffBy)) continue;
      const path = [...record.path, 'signedOffBy'];
      if (signedOffBy === person) {
        reports.push({ message: `\`${person}\` signed off their own training in \`${skill}\`: have it signed off by someone else.`, path });
        continue;
      }
      const on = realDate(record.completed) ?? today;
      // The training rows that apply: those for a role the trainee is (or is to be) entitled to, else every row for the skill.
      // Worked out once per set of roles and skill: a register holds thousands of records of a few such pairs.
      const traineeRoles =
        rolesOf.get(person) ??
        rolesOf.set(person, [...new Set((model.entitlementsByPerson.get(person) ?? []).flatMap((e) => (e.role ? [e.role] : [])))]).get(person)!;
      const pairKey = `${traineeRoles.join(',')}\u0000${skill}`;
      let signing = signers.get(pairKey);
      if (!signing) {
        const allRows = basis.rowsBySkill.get(skill) ?? [];
        const theirs = allRows.filter((row) => row.roles.some((role) => traineeRoles.includes(role)));
        const rows = theirs.length > 0 ? theirs : allRows;
        const signOffRoles = [...new Set(rows.flatMap((row) => (row.signOff ? [row.signOff] : [])))];
        signing = { signOffRoles, qualified: signOffRoles.length > 0 ? signOffRoles : [...new Set(rows.flatMap((row) => row.roles))] };
        signers.set(pairKey, signing);
      }
      const { signOffRoles, qualified } = signing;
      const entitledTo = (model.entitlementsByPerson.get(signedOffBy) ?? []).filter((e) => e.role && !e.supervised && inForce(e, on)).map((e) => e.role!);
      if (entitledTo.some((role) => qualified.includes(role))) continue;
      if (signOffRoles.length > 0) {
        // The protocol names who signs off: being trained in the skill does not stand in for it.
        const roles = signOffRoles.map((r) => `\`${r}\``).join(' or ');
        reports.push({
          message: `\`${person}\`'s training in \`${skill}\` was signed off by \`${signedOffBy}\`, who on ${on} was not entitled (without supervision) to ${roles}, the training row's \`signOff\`: have it signed off by someone who was.`,
          path,
          data: { person, skill, signedOffBy },
        });
        continue;
      }
      // No sign-off role named. Cascade: an assessor trained in the skill themselves (on or before this sign-off) may sign it off.
      if (completedTraining(model, signedOffBy, skill, undefined, on).length > 0) continue;
      const roles = qualified.map((r) => `\`${r}\``).join(' or ') || 'a role trained in it';
      reports.push({
        message: `\`${person}\`'s training in \`${skill}\` was signed off by \`${signedOffBy}\`, who on ${on} was neither entitled to ${roles} nor trained in \`${skill}\` themselves: have it signed off by someone who was.`,
        path,
        data: { person, skill, signedOffBy },
      });
    }
    return reports;
  },
};
