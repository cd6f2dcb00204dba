import type { Rule } from './types';

export const duplicateKey: Rule = {
  id: 'duplicate-key',
  defaultSeverity: 'error',
  category: 'integrity',
  kinds: ['protocol', 'catalogue', 'register'],
  description: 'A key may appear only once in a mapping.',
  rationale: 'When a key is written twice the later value silently replaces the earlier one, so a reader and the tool would see different protocols.',
  check: (context) => context.parseProblems.filter((p) => p.ruleId === 'duplicate-key').map(({ message, start, end }) => ({ message, start, end })),
};
