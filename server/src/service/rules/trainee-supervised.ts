import { currentIn, inForce, qualifiedFor, requirementsOf, standingIn } from '../register/standing';
import { realDate } from '../register/dates';
import type { Rule, RuleReport } from './types';
import type { Supervision } from '../register/model';

export const traineeSupervised: Rule = {
  id: 'trainee-supervised',
  defaultSeverity: 'error',
  category: 'governance',
  kinds: ['register'],
  description:
    'A person working in a role under supervision (`supervised: true`) has, today, a supervisor in each skill they are not yet signed off in, who is entitled without supervision and current in that skill; nobody supervises themselves.',
  rationale:
    'Training on the job is how oART skills are learnt, and IR(ME)R 2017 regulation 17(2) lets a person under training take part in practical aspects only under the supervision of someone adequately trained. The register shows that supervision exists on the day, for each skill, with a supervisor who holds the skill.',
  check({ register, today }) {
    if (!register?.complete) return [];
    const { model, basis, settings } = register;
    const reports: RuleReport[] = [];
    for (const supervision of model.supervision)
      if (supervision.trainee && supervision.trainee === supervision.supervisor)
        reports.push({
          message: `\`${supervision.trainee}\` cannot supervise themselves: name another supervisor.`,
          path: [...supervision.path, 'supervisor'],
        });
    for (const entitlement of model.entitlements) {
      const person = entitlement.person;
      if (!entitlement.supervised || !person || !model.personById.has(person) || !entitlement.role || !inForce(entitlement, today)) continue;
      const current = (model.supervisionByTrainee.get(person) ?? []).filter((s) => s.supervisor !== person && inForceOn(s, today));
      for (const requirement of requirementsOf(basis, entitlement.role, entitlement.sites)) {
        const state = standingIn(model, person, requirement, today, settings).state;
        if (state === 'current' || state === 'due-soon') continue;
        const covering = current.filter((s) => s.skills.includes(requirement.skill));
        // The supervisor carries the operator's responsibility for the task: entitled themselves today (not under supervision, registered as their role asks), and current in the skill there.
        const able = covering.filter((s) => {
          const supervisor = s.supervisor === undefined ? undefined : model.personById.get(s.supervisor);
          return (
            supervisor !== undefined &&
            (model.entitlementsByPerson.get(supervisor.id) ?? []).some(
              (e) => !e.supervised && inForce(e, today) && qualifiedFor(supervisor, e.role ? basis.roleById.get(e.role) : undefined, today),
            ) &&
            currentIn(model, basis, supervisor.id, [requirement], today, settings)
          );
        });
        if (able.length > 0) continue;
        const where = requirement.site ? ` at \`${requirement.site}\`` : '';
        reports.push({
          message:
            covering.length > 0
              ? `\`${person}\` works as \`${entitlement.role}\` under supervision, but their supervisor in \`${requirement.skill}\`${where} (${covering.map((s) => `\`${s.supervisor}\``).join(', ')}) is not, today, entitled without supervision and current in it: name a supervisor who is.`
              : `\`${person}\` works as \`${entitlement.role}\` under supervision, but nobody supervises them in \`${requirement.skill}\`${where} today: add a \`supervision\` entry naming a supervisor trained in it, from a date on or before ${today}.`,
          path: [...entitlement.path, 'supervised'],
          data: { person, skill: requirement.skill },
        });
      }
    }
    return reports;
  },
};

function inForceOn(supervision: Supervision, today: string): boolean {
  const from = realDate(supervision.from);
  const until = realDate(supervision.until);
  return from !== undefined && from <= today && (until === undefined || until >= today);
}
