import type { Rule } from './types';

export const unresolvedInclude: Rule = {
  id: 'unresolved-include',
  defaultSeverity: 'error',
  category: 'integrity',
  description:
    'Every file named under `includes` can be read, is a department catalogue, and does not include its includer again; every protocol a register names can be read.',
  rationale:
    'A protocol that relies on a shared catalogue for its roles and training is incomplete without it, and a register cannot be checked without its protocol; a missing or circular include would otherwise show up only as a cascade of unknown ids.',
  kinds: ['protocol', 'catalogue', 'register'],
  check: ({ includeProblems }) => includeProblems.map(({ index, message, path }) => ({ message, path: path ?? ['includes', index] })),
};
