import { locate } from '../parse/tree';
import type { Rule, RuleReport } from './types';

export const reassessmentInterval: Rule = {
  id: 'reassessment-interval',
  defaultSeverity: 'warning',
  category: 'governance',
  description: 'Every training row states how often competence is reassessed (`reassessEveryMonths`).',
  rationale:
    'IR(ME)R 2017 regulation 17 asks for adequate training and an up-to-date record of it. Competence signed off once and never reassessed goes out of date as software, protocols and people change; an interval makes the record’s currency checkable.',
  check({ protocol, root }) {
    const reports: RuleReport[] = [];
    for (const row of protocol.training) {
      if (row.reassessEveryMonths !== undefined) continue;
      if (locate(root, [...row.path, 'reassessEveryMonths']).complete) continue; // written, but not a number: the schema check says so
      const name = row.skill ? `Training row for \`${row.skill}\`` : `Training row ${row.order + 1}`;
      reports.push({ message: `${name} states no reassessment interval; add \`reassessEveryMonths\` (for example 12).`, path: [...row.path, 'skill'] });
    }
    return reports;
  },
};
