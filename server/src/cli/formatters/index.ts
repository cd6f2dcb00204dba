import { gitlab } from './gitlab';
import { json } from './json';
import { sarif } from './sarif';
import { stylish } from './stylish';
import type { Formatter } from './types';

/** The `--format` choices of `lint`, by name. */
export const formatters: ReadonlyMap<string, Formatter> = new Map([
  ['stylish', stylish],
  ['json', json],
  ['sarif', sarif],
  ['gitlab', gitlab],
]);

export type { Formatter, FormatterOptions, LintFileResult, LintMessage } from './types';
