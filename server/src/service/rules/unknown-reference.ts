import { didYouMean } from '../util/suggest';
import type { Rule, RuleReport } from './types';

export const unknownReference: Rule = {
  id: 'unknown-reference',
  defaultSeverity: 'error',
  category: 'integrity',
  description: 'Every id a step, training row, site or approval refers to is defined in the document.',
  rationale: 'A reference to an id that does not exist is usually a typo; left alone, the step or training row it sits in silently covers nobody.',
  check(context) {
    const reports: RuleReport[] = [];
    for (const occurrence of context.ids) {
      if (occurrence.use !== 'reference') continue;
      const defined = context.definitions.get(occurrence.kind);
      if (defined?.has(occurrence.id)) continue;
      const guess = defined ? didYouMean(occurrence.id, defined.keys()) : undefined;
      const hint = guess ? ` Did you mean \`${guess}\`?` : defined && defined.size > 0 ? '' : ` No ${occurrence.kind}s are defined yet.`;
      reports.push({ message: `No ${occurrence.kind} has the id \`${occurrence.id}\`.${hint}`, path: occurrence.path, data: { kind: occurrence.kind, id: occurrence.id }, ...(guess ? { replacement: guess } : {}) });
    }
    return reports;
  },
};
