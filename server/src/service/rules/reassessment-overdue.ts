import { requirementsOf, standingIn, inForce } from '../register/standing';
import type { Rule, RuleReport } from './types';
import type { TrainingRecord } from '../register/model';

export const reassessmentOverdue: Rule = {
  id: 'reassessment-overdue',
  defaultSeverity: 'error',
  category: 'governance',
  kinds: ['register'],
  description:
    "An entitled person's training is reassessed within the protocol's interval (`reassessEveryMonths`); past it, the training has lapsed (for someone retraining under supervision, `trainee-supervised` checks the supervision instead).",
  rationale:
    'The protocol sets how often competence in each skill is reassessed (Towards Safer Radiotherapy; IR(ME)R 2017 regulation 17 asks for continuing training). A person whose reassessment is overdue is not evidenced as competent today, whatever their entitlement says.',
  check({ register, today }) {
    if (!register?.complete) return [];
    return lapsed(register, today, 'overdue');
  },
};

/** The entitled people's latest training records in the given state, each once, on its `completed` date. */
export function lapsed(register: NonNullable<Parameters<Rule['check']>[0]['register']>, today: string, state: 'overdue' | 'due-soon'): RuleReport[] {
  const { model, basis, settings } = register;
  const reports: RuleReport[] = [];
  const said = new Set<TrainingRecord>();
  for (const entitlement of model.entitlements) {
    const person = entitlement.person;
    if (!person || !model.personById.has(person) || !entitlement.role || !inForce(entitlement, today)) continue;
    // Someone retraining under supervision (a returner whose training lapsed) is trainee-supervised's to check.
    if (state === 'overdue' && entitlement.supervised) continue;
    for (const requirement of requirementsOf(basis, entitlement.role, entitlement.sites)) {
      const standing = standingIn(model, person, requirement, today, settings);
      if (standing.state !== state || !standing.record || !standing.due || said.has(standing.record)) continue;
      said.add(standing.record);
      const every = `every ${requirement.reassessEveryMonths} months for \`${entitlement.role}\``;
      const completed = standing.record.completed;
      reports.push({
        message:
          state === 'overdue'
            ? `\`${person}\`'s training in \`${requirement.skill}\` (completed ${completed}) was due for reassessment on ${standing.due}, ${every}: it has lapsed. Reassess them and record the new training before they act in the role again.`
            : `\`${person}\`'s training in \`${requirement.skill}\` (completed ${completed}) is due for reassessment on ${standing.due}, ${every}: book the reassessment.`,
        path: [...standing.record.path, 'completed'],
        data: { person, skill: requirement.skill, due: standing.due },
      });
    }
  }
  return reports;
}
