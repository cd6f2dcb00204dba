import * as path from 'path';
import { ConfigReadError } from '../../node/config';
import { InputError } from '../../node/files';
import { displayName } from '../../node/paths';
import { readFileForHost } from '../../node/read';
import { writeTextFile, WriteError } from '../../node/output';
import { parseCsv } from '../../service/register/csv';
import { importRegister, type ImportProblem } from '../../service/register/importCsv';
import { UsageError, type CommandEnvironment } from '../errors';
import { visible } from '../formatters/visible';
import { plural } from '../registers';
import { CliProject } from '../project';

export interface ImportOptions extends Omit<CommandEnvironment, 'today' | 'color' | 'version'> {
  /** The CSV file. */
  csv: string;
  protocol: string;
  /** The register to write, or `-` for standard output. */
  out: string;
  /** `--map COLUMN=FIELD`, as given. */
  map: string[];
  force: boolean;
  today: string;
}

export interface ImportOutcome {
  /** The register, when written to standard output. */
  output: string;
  notes: string[];
  /** 0: written; 1: rows with problems, nothing written. */
  exitCode: 0 | 1;
}

/**
 * `role-protocols register import staff.csv --protocol P --out F`: builds a
 * register from a department's spreadsheet. Any row with a problem stops
 * the import: every problem is listed with its row, and nothing is written.
 */
export function runImport(options: ImportOptions): ImportOutcome {
  const map: Record<string, string> = {};
  for (const pair of options.map) {
    const match = /^([^=]+)=(.+)$/.exec(pair);
    if (!match) throw new UsageError(`--map needs COLUMN=FIELD, for example --map "Staff No=staff_number", not \`${pair}\``, 'register import');
    map[match[1]!.trim()] = match[2]!.trim();
  }
  const csvPath = path.resolve(options.cwd, options.csv);
  const csvName = displayName(csvPath, options.cwd);
  const read = readFileForHost(csvPath);
  if (!('text' in read)) throw new InputError(`${csvName}: cannot be read: ${read.message}`);
  if (read.text.includes('\uFFFD'))
    throw new InputError(`${csvName}: not UTF-8 text (it may be saved as Windows-1252); save it as "CSV UTF-8" and import it again`);

  const toStdout = options.out === '-';
  const outPath = toStdout ? path.join(options.cwd, 'imported.register.yaml') : path.resolve(options.cwd, options.out);
  const outName = toStdout ? '<stdout>' : displayName(outPath, options.cwd);
  const protocolPath = path.resolve(options.cwd, options.protocol);
  const written = path.relative(path.dirname(outPath), protocolPath).split(path.sep).join('/');

  // The protocol is read as the written register will read it: through the project host, from the register's folder.
  const project = new CliProject(options.cwd, options.config, options.today);
  const check = (text: string) => {
    try {
      return project.check({ path: outPath, name: outName, text, explicit: true, argument: 0, stdin: false }).result;
    } catch (error) {
      if (error instanceof ConfigReadError) throw new InputError(`${displayName(error.file, options.cwd)}: cannot read the configuration: ${error.reason}`);
      throw error;
    }
  };
  const stub = check(`format: role-register/1\nprotocol: ${JSON.stringify(written)}\npeople: []\n`);
  if (!stub.register?.complete) {
    const reasons = stub.findings.filter((f) => f.ruleId === 'unresolved-include').map((f) => f.message);
    throw new InputError(`--protocol ${options.protocol}: ${reasons.join(' ') || 'cannot be read as a role protocol'}`);
  }

  const csv = parseCsv(read.text);
  const imported = importRegister(csv.rows, stub.register.basis, { protocolPath: written, map, source: path.basename(csvPath), today: options.today });
  const commandLine = imported.problems.find((p) => p.commandLine);
  if (commandLine) throw new UsageError(commandLine.message, 'register import');
  const problems: ImportProblem[] = [...csv.problems, ...imported.problems].sort((a, b) => a.row - b.row);
  const notes: string[] = [];
  const left = imported.columns.filter((c) => c.left);
  if (left.length) notes.push(`role-protocols: columns not copied: ${left.map((c) => `\`${c.heading}\` (${c.left})`).join('; ')}.`);
  if (problems.length > 0 || imported.text === undefined) {
    for (const p of problems) notes.push(`${csvName}:${p.row === 0 ? '' : `row ${p.row}:`}${p.column ? ` ${p.column}:` : ''} ${p.message}`);
    const rows = new Set(problems.filter((p) => p.row > 0).map((p) => p.row)).size;
    notes.push(
      `role-protocols: ${plural(problems.length, 'problem')}${rows ? ` in ${plural(rows, 'row')}` : ''}; nothing written. Correct the spreadsheet (or map its columns with --map) and import again.`,
    );
    return { output: '', notes: notes.map(visible), exitCode: 1 };
  }

  // The register must be one the tool reads as written: a schema error here is the import's fault, never written.
  const result = check(imported.text);
  const broken = result.findings.filter((f) => f.ruleId === 'syntax' || f.ruleId === 'schema');
  if (broken.length > 0)
    throw new Error(`the imported register does not pass its own schema (${broken.map((f) => `line ${f.range.start.line + 1}: ${f.message}`).join('; ')})`);

  const { counts } = imported;
  const summary = `${plural(counts.people, 'person', 'people')}, ${plural(counts.entitlements, 'entitlement')}, ${plural(counts.training, 'training record')}, ${plural(counts.supervision, 'supervision')} from ${plural(counts.rows, 'row')}`;
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  if (!toStdout) {
    try {
      writeTextFile(outPath, imported.text, { overwrite: options.force, shownAs: options.out });
    } catch (error) {
      if (error instanceof WriteError) throw new InputError(error.message);
      throw error;
    }
    notes.push(`Wrote ${outName}: ${summary}.`);
  } else notes.push(`role-protocols: ${summary}.`);
  const target = toStdout ? 'the register' : outName;
  if (errors + warnings > 0)
    notes.push(
      `role-protocols: note: \`role-protocols lint\` finds ${[errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(' and ')} in ${target}: what the register says, to act on.`,
    );
  else if (!toStdout) notes.push(`Next: \`role-protocols lint ${target}\` and \`role-protocols status ${target}\`.`);
  return { output: toStdout ? imported.text : '', notes: notes.map(visible), exitCode: 0 };
}
