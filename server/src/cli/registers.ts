import * as fs from 'fs';
import * as path from 'path';
import { ConfigReadError } from '../node/config';
import { collectInputs, InputError } from '../node/files';
import { displayName } from '../node/paths';
import { readFileForHost } from '../node/read';
import { documentKindOfText, isDataFile } from '../shared/documentKinds';
import { parseDate } from '../service/register/dates';
import type { RegisterContext } from '../service/rules/types';
import { UsageError, type CommandEnvironment } from './errors';
import { CliProject } from './project';

/**
 * What `who` and `status` share: finding and reading a register of people
 * with its protocols (through the same project host as `lint`), the day
 * they answer for, and plain-text tables.
 */

/** A register read with what its protocols ask. */
export interface LoadedRegister {
  /** As reports show it: relative to the working folder. */
  name: string;
  context: RegisterContext;
  /** Findings of `lint` on it, counted: a note says to run `lint` when there are any. */
  errors: number;
  warnings: number;
}

/**
 * Reads one register and the protocols it names. Throws InputError (exit 2)
 * when it is not a register, cannot be parsed, or a protocol it names cannot
 * be read: answering who is able from half the facts would mislead.
 */
export function loadRegister(file: string, env: Pick<CommandEnvironment, 'cwd' | 'config' | 'readStdin'>, today: string): LoadedRegister {
  const absolute = path.resolve(env.cwd, file);
  if (fs.statSync(absolute, { throwIfNoEntry: false })?.isDirectory())
    throw new InputError(`${displayName(absolute, env.cwd)} is a folder: name a register file (*.register.yaml)`);
  const [input] = collectInputs([file], { cwd: env.cwd, readStdin: env.readStdin }).files;
  if (!input) throw new InputError(`${file}: no register found`);
  let analysis;
  try {
    analysis = new CliProject(env.cwd, env.config, today).check(input);
  } catch (error) {
    if (error instanceof ConfigReadError) throw new InputError(`${displayName(error.file, env.cwd)}: cannot read the configuration: ${error.reason}`);
    throw error;
  }
  const result = analysis.result;
  const name = input.name;
  if (result.fileKind !== 'register')
    throw new InputError(`${name}: not a register of people: a register has \`format: role-register/1\` (and is usually named *.register.yaml)`);
  const stop = result.findings.find((f) => f.ruleId === 'syntax' || f.ruleId === 'document-limits');
  if (stop || !result.register) {
    const where = stop ? ` (line ${stop.range.start.line + 1}: ${stop.message})` : '';
    throw new InputError(`${name}: the register cannot be read${where}; run \`role-protocols lint ${name}\``);
  }
  const context = result.register;
  if (!context.complete) {
    if (context.model.protocols.length === 0)
      throw new InputError(`${name}: the register names no protocol (\`protocol:\`), so nobody can be checked against one`);
    const reasons = result.findings.filter((f) => f.ruleId === 'unresolved-include').map((f) => f.message);
    throw new InputError(`${name}: ${reasons.length ? reasons.join(' ') : 'a protocol it names cannot be read'}`);
  }
  return {
    name,
    context,
    errors: result.findings.filter((f) => f.severity === 'error').length,
    warnings: result.findings.filter((f) => f.severity === 'warning').length,
  };
}

/** The registers in a folder (not below it), by the shared decision of what a document is; sorted by name. */
export function registersIn(folder: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((name) => isDataFile(name))
    .sort()
    .filter((name) => {
      const read = readFileForHost(path.join(folder, name));
      return 'text' in read && documentKindOfText(name, read.text) === 'register';
    });
}

/** `--on`, else ROLE_PROTOCOLS_TODAY, else the real date: a real calendar date, YYYY-MM-DD. */
export function dayFrom(on: string | undefined, pinned: string | undefined, command: string): string {
  if (on !== undefined) {
    if (!parseDate(on)) throw new UsageError(`--on needs a real date written YYYY-MM-DD, not \`${on}\``, command);
    return on;
  }
  return pinned ?? new Date().toISOString().slice(0, 10);
}

/** The note for standard error when the register has findings: the answer stands, but `lint` says more. */
export function findingsNote(loaded: LoadedRegister): string | undefined {
  if (loaded.errors + loaded.warnings === 0) return undefined;
  const counts = [loaded.errors ? plural(loaded.errors, 'error') : '', loaded.warnings ? plural(loaded.warnings, 'warning') : ''].filter(Boolean).join(' and ');
  return `role-protocols: note: ${loaded.name} has ${counts}; run \`role-protocols lint ${loaded.name}\` to see them.`;
}

export const plural = (n: number, word: string, words = `${word}s`): string => `${n} ${n === 1 ? word : words}`;

/** A plain-text table: columns padded to their widest cell, two spaces apart, no trailing spaces. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], indent = ''): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    indent +
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** A GitHub-flavoured Markdown table; `|` and line breaks in cells escaped. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (c: string) => c.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  return [`| ${header.map(cell).join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

/** What a report of people holds, said in every export of one. */
export const CONTAINS =
  'Staff ids (no names) with their entitlements, training and registration dates: personal data. Keep it within the department; the tool sends nothing anywhere.';
