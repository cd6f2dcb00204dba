import type { Rule } from './types';

export const schema: Rule = {
  id: 'schema',
  defaultSeverity: 'error',
  category: 'integrity',
  kinds: ['protocol', 'catalogue', 'register'],
  description: 'The document must follow the role-protocol/1 schema: known keys, right types, values from the vocabulary, required fields present.',
  rationale:
    'The schema is the shared language of every protocol: a misspelt key or a band outside Agenda for Change would otherwise be ignored and every later check would be wrong.',
  check: (context) =>
    context.schemaProblems.map(({ message, start, end, replacement }) => ({ message, start, end, ...(replacement !== undefined ? { replacement } : {}) })),
};
