import { realDate } from '../register/dates';
import { passed } from '../register/standing';
import type { Rule, RuleReport } from './types';

export const passMarkMet: Rule = {
  id: 'pass-mark-met',
  defaultSeverity: 'error',
  category: 'governance',
  kinds: ['register'],
  description:
    "A completed training by a scored method records its `result`, at or above the method's pass mark, unless a later completed training of the person in the skill passed.",
  rationale:
    'Where the protocol scores a method against a pass mark (a contouring assessment against a reference, for example), the score is the evidence of competence. A completed training below the mark, or with no score, is not evidence that the person passed. A failed attempt kept as history is not a finding once a later attempt passed: the ProKnow cycle is to repeat until Pass.',
  check({ register }) {
    if (!register?.complete) return [];
    const { model, basis } = register;
    const reports: RuleReport[] = [];
    for (const record of model.training) {
      if (!record.method || !record.completed || !record.person || !record.skill) continue;
      const method = basis.methodById.get(record.method);
      if (method?.passMark === undefined || passed(basis, record)) continue;
      const completed = realDate(record.completed);
      const superseded =
        completed !== undefined &&
        (model.trainingByPerson.get(record.person) ?? []).some(
          (later) =>
            later !== record &&
            later.skill === record.skill &&
            (record.sites === undefined || later.sites === undefined || record.sites.every((s) => later.sites!.includes(s))) &&
            realDate(later.completed) !== undefined &&
            later.completed! > completed &&
            later.method !== undefined &&
            passed(basis, later),
        );
      if (superseded) continue;
      if (record.result === undefined)
        reports.push({
          message: `\`${record.person}\`'s training in \`${record.skill}\` by \`${record.method}\` is completed but records no \`result\`: the method is scored against a pass mark of ${method.passMark}; add the score.`,
          path: [...record.path, 'completed'],
        });
      else
        reports.push({
          message: `\`${record.person}\` scored ${record.result} in \`${record.skill}\`, below the pass mark of ${method.passMark} for \`${record.method}\`: the training is not passed. Retrain and reassess, and record the new result.`,
          path: [...record.path, 'result'],
        });
    }
    return reports;
  },
};
