import type { Rule, RuleReport } from './types';

export const independentSignOff: Rule = {
  id: 'independent-sign-off',
  defaultSeverity: 'warning',
  category: 'governance',
  description: 'The role that signs off a training row is not one of the roles the row trains.',
  rationale:
    'IR(ME)R 2017 regulation 17 asks for a record of adequate training; competence signed off by the people who were trained is not independent evidence of it.',
  check({ protocol }) {
    const reports: RuleReport[] = [];
    for (const row of protocol.training) {
      if (row.signOff === undefined || !row.roles.includes(row.signOff)) continue;
      const what = row.skill ? `the \`${row.skill}\` training` : `training row ${row.order + 1}`;
      reports.push({
        message: `\`${row.signOff}\` signs off ${what}, which it is itself trained in; nobody signs off their own training: name another role under \`signOff\`.`,
        path: [...row.path, 'signOff'],
      });
    }
    return reports;
  },
};
