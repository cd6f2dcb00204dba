import * as path from 'path';
import {
  documentTableSet,
  isBinaryFormat,
  NoTables,
  REGISTER_TABLE_IDS,
  renderers,
  renderTables,
  renderTablesToBytes,
  TABLE_IDS,
  tableIdsFor,
  unknownTables,
} from '../../service/tables/index';
import type { TableId } from '../../service/tables/types';
import { ConfigReadError } from '../../node/config';
import { collectInputs, InputError, notProtocolReason } from '../../node/files';
import { displayName } from '../../node/paths';
import { writeTextFile, WriteError } from '../../node/output';
import { UsageError, type CommandEnvironment } from '../errors';
import { stylish } from '../formatters/stylish';
import { visible } from '../formatters/visible';
import { fileResult, toMessage } from '../results';
import { CliProject } from '../project';

export interface TableCommandOptions extends CommandEnvironment {
  /** A protocol file, or `-` for standard input. */
  file: string;
  /** A table id or `all`. */
  table: string;
  /** A format name; undefined to take it from the --out file's extension, else Markdown. */
  format?: string;
  /** A file to write, or `-` for standard output. */
  out?: string;
  force: boolean;
  /** Whether standard output is a terminal: Word output is never written to one. */
  stdoutIsTTY?: boolean;
}

export interface TableOutcome {
  /** The rendered tables, for standard output (empty when written to a file); bytes for Word. */
  output: string | Uint8Array;
  /** For standard error: findings that stopped the tables, or a note about problems. */
  notes: string[];
  exitCode: 0 | 1;
}

/** The `--table` choices: each table id (a protocol's, then a register's), and `all`. */
export const TABLE_CHOICES: readonly string[] = [...TABLE_IDS, ...REGISTER_TABLE_IDS, 'all'];

/** The `--format` choices: every registered renderer (text and Word). */
export function tableFormats(): string[] {
  return [...renderers.keys()];
}

/** The format an --out file's extension names (`.md`, `.csv`, `.html`/`.htm`, `.docx`), if any. */
export function formatForFile(file: string): string | undefined {
  const extension = path.extname(file).slice(1).toLowerCase();
  if (extension === 'htm') return 'html';
  return [...renderers.values()].find((r) => r.extension === extension)?.format;
}

/**
 * The format to use: --format when given; else the one the --out file's
 * extension names; else Markdown. Word needs --out: it is binary, so it goes
 * to a file, or to standard output with `--out -` when that is not a terminal.
 */
function chooseFormat(options: TableCommandOptions): string {
  const toFile = options.out !== undefined && options.out !== '-';
  const format = options.format ?? (toFile ? formatForFile(options.out!) : undefined) ?? 'md';
  if (!renderers.has(format)) throw new UsageError(`unknown format \`${format}\`; use one of ${tableFormats().join(', ')}`, 'table');
  if (isBinaryFormat(format)) {
    if (options.out === undefined)
      throw new UsageError(`--format ${format} writes a binary file: give --out FILE (or \`--out -\` to write it to a pipe)`, 'table');
    if (options.out === '-' && options.stdoutIsTTY)
      throw new UsageError(`--format ${format} writes a binary file, not for a terminal: give --out FILE, or pipe \`--out -\` into a file`, 'table');
  }
  return format;
}

/**
 * `role-protocols table`: renders summary tables of one protocol. A document
 * that does not parse stops with its syntax findings (exit 1); schema and
 * rule findings do not stop the tables, but are mentioned on standard error.
 * Asynchronous because the Word file is built asynchronously.
 */
export async function runTable(options: TableCommandOptions): Promise<TableOutcome> {
  if (!TABLE_CHOICES.includes(options.table)) throw new UsageError(`unknown table \`${options.table}\`; use one of ${TABLE_CHOICES.join(', ')}`, 'table');
  const format = chooseFormat(options);

  const [input] = collectInputs([options.file], { cwd: options.cwd, readStdin: options.readStdin, stdinFilename: options.stdinFilename }).files;
  // A folder with no protocol in it gives no input (a file, or `-`, gives exactly one).
  if (!input) throw new InputError(`${options.file}: no role protocol found`);
  let result;
  try {
    result = new CliProject(options.cwd, options.config, options.today).check(input).result;
  } catch (error) {
    if (error instanceof ConfigReadError) throw new InputError(`${displayName(error.file, options.cwd)}: cannot read the configuration: ${error.reason}`);
    throw error;
  }
  const reason = notProtocolReason(result.isProtocol, result.parsed.root);
  if (reason) throw new InputError(`${input.name}: ${reason}`);

  const filePath = input.stdin && !input.path ? '<stdin>' : input.path!;
  // For standard error: a file name is shown with its control characters as escapes.
  const name = visible(input.name);
  // What stopped the document being read: syntax, or a file too large or not text (document-limits).
  const syntax = result.findings.filter((f) => f.ruleId === 'syntax' || (f.ruleId === 'document-limits' && !result.protocol));
  if (syntax.length > 0 || !result.protocol) {
    const report =
      syntax.length > 0
        ? stylish([fileResult(filePath, syntax.map(toMessage))], { cwd: options.cwd, color: options.color, version: options.version })
        : `${name}: the document could not be read`;
    return {
      output: '',
      notes: [report, `role-protocols: ${name}: no tables: fix the syntax errors first.`],
      exitCode: 1,
    };
  }

  // A register has its own tables, computed for the day (ROLE_PROTOCOLS_TODAY, else today).
  const kind = result.register ? 'register' : 'protocol';
  if (options.table !== 'all' && unknownTables(result, [options.table]).length > 0)
    throw new UsageError(
      `table \`${options.table}\` is not among a ${kind}'s tables; for ${name} use one of ${[...tableIdsFor(kind), 'all'].join(', ')}`,
      'table',
    );
  let set;
  try {
    set = documentTableSet(result, options.table === 'all' ? undefined : [options.table as TableId], options.today ?? new Date().toISOString().slice(0, 10));
  } catch (error) {
    if (!(error instanceof NoTables)) throw error;
    const report = stylish([fileResult(filePath, result.findings.filter((f) => f.severity === 'error').map(toMessage))], {
      cwd: options.cwd,
      color: options.color,
      version: options.version,
    });
    return { output: '', notes: [report, `role-protocols: ${name}: no tables: ${error.message}`], exitCode: 1 };
  }
  let output: string | Uint8Array;
  if (isBinaryFormat(format)) {
    output = await renderTablesToBytes(set, format);
  } else {
    output = renderTables(set, format);
    if (!output.endsWith('\n')) output += '\n';
  }

  const notes: string[] = [];
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  if (errors + warnings > 0) {
    const counts = [errors ? `${errors} error${errors === 1 ? '' : 's'}` : '', warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '']
      .filter(Boolean)
      .join(' and ');
    notes.push(
      `role-protocols: note: ${name} has ${counts}; the tables show what it says. Run \`role-protocols lint ${input.stdin ? '-' : name}\` to see them.`,
    );
  }
  if (options.out !== undefined && options.out !== '-') {
    const target = path.resolve(options.cwd, options.out);
    try {
      writeTextFile(target, output, { overwrite: options.force, shownAs: options.out });
    } catch (error) {
      if (error instanceof WriteError) throw new InputError(error.message);
      throw error;
    }
    return { output: '', notes, exitCode: 0 };
  }
  return { output, notes, exitCode: 0 };
}
