import type { Rule } from './types';

export const duplicateId: Rule = {
  id: 'duplicate-id',
  defaultSeverity: 'error',
  category: 'integrity',
  description: 'Each role, step, skill, method, record and site id is defined once.',
  rationale: 'References are by id; with two entries under one id nobody can tell which one a step or training row means.',
  check(context) {
    const reports = [];
    for (const [kind, byId] of context.definitions) {
      for (const [id, occurrences] of byId) {
        const first = occurrences[0];
        for (const again of occurrences.slice(1)) {
          const line = lineOf(context.text, first.node.start) + 1;
          reports.push({ message: `The ${kind} id \`${id}\` is already defined on line ${line}; give this ${kind} a different id.`, path: again.path });
        }
      }
    }
    return reports;
  },
};

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
