import type { Rule, Severity } from '../../service/rules/types';

/** One finding as the CLI reports it; lines and columns count from 1, end column is just past the end. */
export interface LintMessage {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Findings of one file (a protocol, or a configuration file with problems). */
export interface LintFileResult {
  /** Absolute path, or `<stdin>` for unnamed standard input. */
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
}

export interface FormatterOptions {
  /** Paths are shown relative to this folder. */
  cwd: string;
  /** ANSI colours (stylish only). */
  color: boolean;
  /** The tool's version, for SARIF. */
  version: string;
  /** The terminal's width, for stylish to wrap long messages; 80 when left out. */
  columns?: number;
  /** Only errors are shown (`--quiet`): stylish says "no errors" rather than "no problems". */
  quiet?: boolean;
  /** Every rule, for SARIF's rule list; defaults to all registered rules. */
  rules?: readonly Rule[];
}

/** A formatter is pure: results in, text out. */
export type Formatter = (results: readonly LintFileResult[], options: FormatterOptions) => string;
