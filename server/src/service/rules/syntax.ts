import type { Rule } from './types';

export const syntax: Rule = {
  id: 'syntax',
  defaultSeverity: 'error',
  category: 'integrity',
  kinds: ['protocol', 'catalogue', 'register'],
  description: 'The file must be well-formed YAML or JSON holding one document.',
  rationale: 'Nothing else can be checked until the text can be read; the message points at the exact character where reading stopped.',
  check: (context) => context.parseProblems.filter((p) => p.ruleId === 'syntax').map(({ message, start, end }) => ({ message, start, end })),
};
