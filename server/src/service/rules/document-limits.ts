import type { Rule } from './types';

export const documentLimits: Rule = {
  id: 'document-limits',
  defaultSeverity: 'error',
  category: 'integrity',
  kinds: ['protocol', 'catalogue', 'register'],
  description: 'The file is UTF-8 text, not binary data, and no larger than the size limit (`maxFileSizeKb`, 2048 KB unless configured).',
  rationale:
    'A file that is binary, in another encoding or far larger than any protocol cannot be checked meaningfully; it is reported once, at its place, instead of being linted as garbage or slowing every editor keystroke.',
  // The engine finds these before parsing (engine/limits.ts); they reach the rule as parse problems.
  check: (context) => context.parseProblems.filter((p) => p.ruleId === 'document-limits').map(({ message, start, end }) => ({ message, start, end })),
};
