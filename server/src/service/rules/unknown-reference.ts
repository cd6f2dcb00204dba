import { didYouMean } from '../util/suggest';
import type { Rule, RuleReport } from './types';

/** How many id comparisons the "did you mean" hints of one document may make (a fraction of a second). */
const SUGGESTION_BUDGET = 250_000;

export const unknownReference: Rule = {
  id: 'unknown-reference',
  defaultSeverity: 'error',
  category: 'integrity',
  kinds: ['protocol', 'catalogue', 'register'],
  description: 'Every id a step, training row, site, role or approval refers to is defined in the document.',
  rationale: 'A reference to an id that does not exist is usually a typo; left alone, the step or training row it sits in silently covers nobody.',
  check(context) {
    const reports: RuleReport[] = [];
    // "Did you mean" compares the id with every definition of its kind. A document with
    // thousands of unknown ids and thousands of definitions would make that quadratic, so
    // the comparisons are budgeted: past the budget the findings come without a guess.
    let comparisons = SUGGESTION_BUDGET;
    const guesses = new Map<string, string | undefined>();
    for (const occurrence of context.ids) {
      if (occurrence.use !== 'reference') continue;
      const defined = context.definitions.get(occurrence.kind);
      if (defined?.has(occurrence.id)) continue;
      const key = `${occurrence.kind}\u0000${occurrence.id}`;
      let guess = guesses.get(key);
      if (!guesses.has(key) && defined && comparisons >= defined.size) {
        comparisons -= defined.size;
        guess = didYouMean(occurrence.id, defined.keys());
        guesses.set(key, guess);
      }
      const hint = guess ? ` Did you mean \`${guess}\`?` : defined && defined.size > 0 ? '' : ` No ${occurrence.kind}s are defined yet.`;
      // An approver of the document need not hold a role in the protocol (a clinical director).
      const approver =
        occurrence.path[0] === 'document' && occurrence.path[1] === 'approvals'
          ? ' An approver who holds no role in this protocol is named by `post` instead of `role`.'
          : '';
      // A role's procedures name documents by their number: say where a document is listed.
      const cited = occurrence.kind === 'reference' && !guess ? ' List the document under `document.references` with this `id` and its `title`.' : '';
      reports.push({
        message: `No ${occurrence.kind} has the id \`${occurrence.id}\`.${hint}${approver}${cited}`,
        path: occurrence.path,
        data: { kind: occurrence.kind, id: occurrence.id },
        ...(guess ? { replacement: guess } : {}),
      });
    }
    return reports;
  },
};
