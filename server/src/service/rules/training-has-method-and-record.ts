import { locate } from '../parse/tree';
import type { Rule, RuleReport } from './types';

export const trainingHasMethodAndRecord: Rule = {
  id: 'training-has-method-and-record',
  defaultSeverity: 'error',
  category: 'governance',
  description: 'Every training row names at least one training method and at least one record where the evidence is kept.',
  rationale:
    'IR(ME)R 2017 regulation 17: the employer keeps an up-to-date record of the date and nature of the training of every practitioner and operator. A row without a method does not say what the training is; a row without a record does not say where the evidence is.',
  check({ protocol, root }) {
    const reports: RuleReport[] = [];
    for (const row of protocol.training) {
      const name = row.skill ? `Training row for \`${row.skill}\`` : `Training row ${row.order + 1}`;
      // On the list's key when it was written (empty); otherwise on the skill the row trains.
      const place = (key: string) => (locate(root, [...row.path, key]).complete ? [...row.path, key] : [...row.path, 'skill']);
      if (row.methods.length === 0) reports.push({ message: `${name} names no training method; add at least one under \`methods\`.`, path: place('methods') });
      if (row.records.length === 0)
        reports.push({ message: `${name} names no record of the training; add at least one under \`records\`.`, path: place('records') });
    }
    return reports;
  },
};
