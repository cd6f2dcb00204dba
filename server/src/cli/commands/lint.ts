import { ConfigReadError } from '../../node/config';
import { collectInputs, InputError, notProtocolReason } from '../../node/files';
import { displayName } from '../../node/paths';
import { CliProject } from '../project';
import { formatters } from '../formatters/index';
import type { LintFileResult } from '../formatters/types';
import { UsageError, type CommandEnvironment } from '../errors';
import { configResult, errorsOnly, fileResult, toMessage } from '../results';
import { nameWithholder } from '../../service/register/privacy';
import { DiffError } from '../../service/diff/index';
import { GitError } from '../../node/git';
import { BaseRevision } from '../../node/history';

export interface LintCommandOptions extends CommandEnvironment {
  /** Files, folders, globs or `-`. */
  patterns: string[];
  format: string;
  maxWarnings?: number;
  quiet: boolean;
  /** The terminal's width, for stylish to wrap long messages (80 when left out). */
  columns?: number;
  /** A git revision: each file is also compared with its version there (the version-bump check). */
  base?: string;
}

export interface LintOutcome {
  /** The formatted report. */
  output: string;
  /** Notes for standard error (e.g. too many warnings). */
  notes: string[];
  exitCode: 0 | 1;
  results: LintFileResult[];
}

/**
 * `role-protocols lint`: finds the files, lints each with the configuration
 * that applies to it and formats the findings. Throws UsageError or
 * InputError for problems that mean exit code 2.
 */
export function runLint(options: LintCommandOptions): LintOutcome {
  const formatter = formatters.get(options.format);
  if (!formatter) throw new UsageError(`unknown format \`${options.format}\`; use one of ${[...formatters.keys()].join(', ')}`, 'lint');
  if (options.patterns.length === 0) throw new UsageError('no files given', 'lint');

  const { files: inputs, skipped } = collectInputs(options.patterns, { cwd: options.cwd, readStdin: options.readStdin, stdinFilename: options.stdinFilename });
  // The same project host as the language server's, over the disk: a catalogue included by many files is read once per run.
  const project = new CliProject(options.cwd, options.config, options.today);
  const resolver = project.configs;
  const results: LintFileResult[] = [];
  const linted = new Set<number>();
  const searched = new Set<number>();
  const base = options.base !== undefined ? new BaseRevision(options.base) : undefined;
  const baseNotes: string[] = [];
  if (base) {
    // The revision must exist before any file is read: a typo is a usage problem, not a clean run.
    try {
      base.commitIn(base.rootOf(options.cwd));
    } catch (error) {
      if (error instanceof GitError) throw new InputError(`--base ${options.base}: ${error.message}`);
      throw error;
    }
  }
  try {
    // A missing --config is an error even before any file needs it.
    if (options.config) resolver.forDirectory(options.cwd);
    for (const input of inputs) {
      const { result } = project.check(input);
      const reason = notProtocolReason(result.isProtocol, result.parsed.root);
      if (reason) {
        if (input.explicit) throw new InputError(`${input.name}: ${reason}`);
        searched.add(input.argument);
        continue;
      }
      linted.add(input.argument);
      const findings = [...result.findings];
      // A register has no document.version: the version-bump check is not for it, so its history is not read.
      if (base && input.path && result.protocol && result.fileKind !== 'register') {
        try {
          const bump = base.versionBump(input.path, input.name, result, options.today);
          // In place by offset among the engine's findings, which are in order already.
          if (bump) findings.splice(findings.filter((f) => f.range.start.offset <= bump.range.start.offset).length, 0, bump);
        } catch (error) {
          if (error instanceof GitError) throw new InputError(`${input.name}: --base ${options.base}: ${error.message}`);
          // The base version does not parse: there is nothing to compare with, which is said, not hidden.
          if (error instanceof DiffError) baseNotes.push(`role-protocols: ${input.name}: not compared with ${options.base}: ${error.message}.`);
          else throw error;
        }
      }
      // A register's people are named by id: a name it holds is withheld from every message, in every format.
      const withhold = nameWithholder(result.register?.model);
      results.push(
        fileResult(
          input.stdin && !input.path ? '<stdin>' : input.path!,
          findings.map((f) => ({ ...toMessage(f), message: withhold(f.message) })),
        ),
      );
    }
  } catch (error) {
    if (error instanceof ConfigReadError) throw new InputError(`${displayName(error.file, options.cwd)}: cannot read the configuration: ${error.reason}`);
    throw error;
  }
  for (const argument of searched) {
    if (!linted.has(argument)) throw new InputError(`no role protocol files found in ${options.patterns[argument]}`);
  }

  // Problems in the configuration files come first: they change what follows.
  const configResults = resolver.used.filter((c) => c.problems.length > 0).map(configResult);
  const all = [...configResults, ...results];
  const errors = all.reduce((n, r) => n + r.errorCount, 0);
  const warnings = all.reduce((n, r) => n + r.warningCount, 0);
  // Files a folder reached but that could not be read: said, while the rest is checked.
  const notes: string[] = [...skipped.map((s) => `role-protocols: skipped ${s.shown}: ${s.reason}.`), ...baseNotes];
  let exitCode: 0 | 1 = errors > 0 ? 1 : 0;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    exitCode = 1;
    notes.push(`role-protocols found too many warnings: ${warnings} (maximum: ${options.maxWarnings}).`);
  }
  const shown = options.quiet ? all.map(errorsOnly) : all;
  const output = formatter(shown, {
    cwd: options.cwd,
    color: options.color,
    version: options.version,
    quiet: options.quiet,
    ...(options.columns !== undefined ? { columns: options.columns } : {}),
  });
  return { output, notes, exitCode, results: shown };
}
