import { didYouMean } from '../util/suggest';
import type { Rule, RuleReport } from './types';

export const unknownRule: Rule = {
  id: 'unknown-rule',
  defaultSeverity: 'warning',
  category: 'integrity',
  kinds: ['protocol', 'catalogue', 'register'],
  description: 'A suppression comment or configuration file names only rules that exist.',
  rationale: 'A misspelt rule id in a suppression silences nothing, so the finding it was meant to hide still shows and the comment misleads the next reader.',
  check(context) {
    const reports: RuleReport[] = [];
    for (const directive of context.directives) {
      for (const rule of directive.rules) {
        if (context.knownRuleIds.has(rule.id)) continue;
        const guess = didYouMean(rule.id, context.knownRuleIds);
        reports.push({
          message: `There is no rule \`${rule.id}\`.${guess ? ` Did you mean \`${guess}\`?` : ''}`,
          start: rule.start,
          end: rule.end,
          ...(guess ? { replacement: guess } : {}),
        });
      }
    }
    return reports;
  },
};
