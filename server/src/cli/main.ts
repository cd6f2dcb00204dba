#!/usr/bin/env node
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs, type ParseArgsConfig } from 'util';
import { packageInfo } from '../node/packageInfo';
import { InputError } from '../node/files';
import { writeTextFile, WriteError } from '../node/output';
import { useColor } from './colors';
import { UsageError } from './errors';
import { HELP, TOOL_HELP, TOOL_USAGE, diffCommand, helpFor, tableCommand } from './help';
import { runInit } from './commands/init';
import { runLint } from './commands/lint';
import { runWho } from './commands/who';
import { runStatus } from './commands/status';
import { runImport } from './commands/registerImport';
import { dayFrom } from './registers';
import { DEFAULT_COLUMNS } from './formatters/stylish';
import { visible, visibleLines } from './formatters/visible';

/** What the CLI talks to; the real process by default, replaceable in tests. */
export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(data: string | Uint8Array): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  readStdin: () => string;
}

const COLOR_OPTIONS = { color: { type: 'boolean' }, 'no-color': { type: 'boolean' } } as const;
const SHARED = {
  help: { type: 'boolean', short: 'h' },
  config: { type: 'string', short: 'c' },
  'stdin-filename': { type: 'string' },
  ...COLOR_OPTIONS,
} as const;

const LINT_OPTIONS = {
  ...SHARED,
  format: { type: 'string', short: 'f', default: 'stylish' },
  output: { type: 'string', short: 'o' },
  // `table` calls it --out; either name works on either command.
  out: { type: 'string' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  base: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

const DIFF_OPTIONS = {
  ...SHARED,
  format: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o' },
  output: { type: 'string' },
  'fail-on': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

const TABLE_OPTIONS = {
  ...SHARED,
  table: { type: 'string', short: 't', default: 'all' },
  // No default: without --format, the --out file's extension chooses (else Markdown).
  format: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o' },
  // `lint` calls it --output; either name works on either command.
  output: { type: 'string' },
  force: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

const INIT_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  template: { type: 'string', short: 't', default: 'blank' },
  out: { type: 'string', short: 'o', default: 'protocol.roles.yaml' },
  output: { type: 'string' },
  force: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

const WHO_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  config: { type: 'string', short: 'c' },
  can: { type: 'string' },
  register: { type: 'string', short: 'r', multiple: true },
  site: { type: 'string' },
  on: { type: 'string' },
  format: { type: 'string', short: 'f', default: 'text' },
} as const satisfies ParseArgsConfig['options'];

const STATUS_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  config: { type: 'string', short: 'c' },
  on: { type: 'string' },
  format: { type: 'string', short: 'f', default: 'text' },
  out: { type: 'string', short: 'o' },
  output: { type: 'string' },
  force: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

const IMPORT_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  config: { type: 'string', short: 'c' },
  protocol: { type: 'string', short: 'p' },
  out: { type: 'string', short: 'o' },
  output: { type: 'string' },
  map: { type: 'string', multiple: true },
  force: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

/**
 * Runs the tool with the arguments after `role-protocols`; returns the exit
 * code, or a promise of it for `table` (the Word file is built asynchronously).
 */
export function main(argv: string[], io: CliIO): number | Promise<number> {
  const say = (text: string) => io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  const complain = (text: string) => io.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  const [command, ...rest] = argv;
  try {
    if (command === undefined) {
      complain(TOOL_HELP);
      return 2;
    }
    if (command === '--help' || command === '-h') return (say(TOOL_HELP), 0);
    if (command === '--version' || command === '-v') return (say(packageInfo().version), 0);
    if (command === 'help') {
      const topic = rest[0];
      const help = topic ? helpFor(topic) : undefined;
      if (topic && !help) throw new UsageError(`unknown command \`${topic}\``);
      return (say(help ? help.help() : TOOL_HELP), 0);
    }
    if (command === 'lint') return lint(rest, io, say, complain);
    if (command === 'init') return init(rest, io, say);
    if (command === 'table') return table(rest, io, say, complain).catch((error: unknown) => failure(error, complain));
    if (command === 'who') return who(rest, io, say, complain);
    if (command === 'status') return status(rest, io, say, complain);
    if (command === 'register') return register(rest, io, say, complain);
    if (command === 'diff') return diff(rest, io, say, complain).catch((error: unknown) => failure(error, complain));
    throw new UsageError(command.startsWith('-') ? `unknown option \`${command}\`` : `unknown command \`${command}\``);
  } catch (error) {
    return failure(error, complain);
  }
}

/**
 * The message and exit code (2) for an error a command threw. Its message may
 * quote the command line, a file name or a value from a file (`format`):
 * control and format characters are shown as escapes.
 */
function failure(error: unknown, complain: (t: string) => void): number {
  if (error instanceof UsageError) {
    const usage = (error.command ? helpFor(error.command)?.usage : undefined) ?? TOOL_USAGE;
    complain(`role-protocols: ${visible(error.message)}\n${usage}\nRun \`role-protocols ${error.command ? `${error.command} ` : ''}--help\` for more.`);
    return 2;
  }
  if (error instanceof InputError) {
    complain(`role-protocols: ${visible(error.message)}`);
    return 2;
  }
  complain(`role-protocols: internal error: ${visibleLines(error instanceof Error ? (error.stack ?? error.message) : String(error))}`);
  return 2;
}

function lint(args: string[], io: CliIO, say: (t: string) => void, complain: (t: string) => void): number {
  const { values, positionals } = parse('lint', args, LINT_OPTIONS);
  if (values.help) return (say(HELP.lint.help()), 0);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(values['max-warnings']))
      throw new UsageError(`--max-warnings needs a whole number of 0 or more, not \`${values['max-warnings']}\``, 'lint');
    maxWarnings = Number(values['max-warnings']);
  }
  const output = outputFile(values, 'lint');
  const toFile = output !== undefined && output !== '-';
  const color = useColor({ color: values.color, noColor: values['no-color'] }, io.env, !toFile && !!io.stdout.isTTY);
  const columns = toFile ? DEFAULT_COLUMNS : terminalColumns(io);
  const outcome = runLint({
    patterns: positionals,
    columns,
    format: values.format,
    maxWarnings,
    config: values.config,
    quiet: !!values.quiet,
    stdinFilename: values['stdin-filename'],
    cwd: io.cwd,
    color,
    version: packageInfo().version,
    readStdin: io.readStdin,
    today: todayFrom(io.env),
    ...(values.base !== undefined ? { base: values.base } : {}),
  });
  if (toFile) {
    try {
      writeTextFile(path.resolve(io.cwd, output!), outcome.output, { overwrite: true, shownAs: output });
    } catch (error) {
      if (error instanceof WriteError) throw new InputError(error.message);
      throw error;
    }
  } else if (outcome.output) {
    io.stdout.write(outcome.output);
  }
  for (const note of outcome.notes) complain(note);
  return outcome.exitCode;
}

async function table(args: string[], io: CliIO, say: (t: string) => void, complain: (t: string) => void): Promise<number> {
  const { values, positionals } = parse('table', args, TABLE_OPTIONS);
  if (values.help) return (say(HELP.table.help()), 0);
  const [file, ...others] = positionals;
  if (file === undefined || others.length > 0) throw new UsageError(file === undefined ? 'no file given' : 'give one file', 'table');
  const outcome = await tableCommand().runTable({
    file,
    table: values.table,
    format: values.format,
    out: outputFile(values, 'table'),
    force: !!values.force,
    stdoutIsTTY: !!io.stdout.isTTY,
    config: values.config,
    stdinFilename: values['stdin-filename'],
    cwd: io.cwd,
    color: useColor({ color: values.color, noColor: values['no-color'] }, io.env, !!io.stderr.isTTY),
    version: packageInfo().version,
    readStdin: io.readStdin,
    today: todayFrom(io.env),
  });
  let output = outcome.output;
  // Tables are data, written as they are to a file or a pipe; a terminal shows their control characters as escapes.
  if (typeof output === 'string' && io.stdout.isTTY) output = visibleLines(output.replace(/^\uFEFF/, ''));
  if (output.length > 0) io.stdout.write(output);
  for (const note of outcome.notes) complain(note);
  return outcome.exitCode;
}

async function diff(args: string[], io: CliIO, say: (t: string) => void, complain: (t: string) => void): Promise<number> {
  const { values, positionals } = parse('diff', args, DIFF_OPTIONS);
  if (values.help) return (say(HELP.diff.help()), 0);
  if (positionals.length !== 2) throw new UsageError(positionals.length < 2 ? 'give two versions: OLD and NEW' : 'give two versions, not more', 'diff');
  if (positionals[0] === '-' && positionals[1] === '-') throw new UsageError('only one version can be read from standard input', 'diff');
  const outcome = await diffCommand().runDiff({
    old: positionals[0]!,
    new: positionals[1]!,
    ...(values.format !== undefined ? { format: values.format } : {}),
    ...(outputFile(values, 'diff') !== undefined ? { out: outputFile(values, 'diff') } : {}),
    ...(values['fail-on'] !== undefined ? { failOn: values['fail-on'] } : {}),
    stdoutIsTTY: !!io.stdout.isTTY,
    config: values.config,
    stdinFilename: values['stdin-filename'],
    cwd: io.cwd,
    color: useColor({ color: values.color, noColor: values['no-color'] }, io.env, !!io.stderr.isTTY),
    version: packageInfo().version,
    readStdin: io.readStdin,
    today: todayFrom(io.env),
  });
  let output = outcome.output;
  if (typeof output === 'string' && io.stdout.isTTY) output = visibleLines(output);
  if (output.length > 0) io.stdout.write(output);
  for (const note of outcome.notes) complain(note);
  return outcome.exitCode;
}

/**
 * The terminal's width for stylish: COLUMNS when set (as `ls` and Python
 * honour it), else the terminal's own width, else 80 (not a terminal: a pipe,
 * a CI log).
 */
function terminalColumns(io: CliIO): number {
  const fromEnv = Number(io.env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  if (io.stdout.isTTY && io.stdout.columns && io.stdout.columns > 0) return io.stdout.columns;
  return DEFAULT_COLUMNS;
}

/**
 * The date the review-due checks compare against. ROLE_PROTOCOLS_TODAY
 * (YYYY-MM-DD) pins it, so a CI job or a golden test gives the same answer
 * next year; otherwise it is the real date.
 */
function todayFrom(env: NodeJS.ProcessEnv, command = 'lint'): string | undefined {
  const pinned = env.ROLE_PROTOCOLS_TODAY;
  if (pinned === undefined || pinned === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(pinned)) throw new UsageError(`ROLE_PROTOCOLS_TODAY must be a date written YYYY-MM-DD, not \`${pinned}\``, command);
  return pinned;
}

/**
 * The file named by --output or --out (the same option under `lint`'s and
 * `table`'s names), checked for what cannot be a file name.
 */
function outputFile(values: { output?: string; out?: string }, command: 'lint' | 'table' | 'status' | 'register import' | 'diff'): string | undefined {
  const [documented, alias] = command === 'lint' ? (['--output', '--out'] as const) : (['--out', '--output'] as const);
  if (values.output !== undefined && values.out !== undefined && values.output !== values.out)
    throw new UsageError(`${documented} and ${alias} are the same option; give it once`, command);
  const file = values.output ?? values.out;
  if (file === undefined) return undefined;
  if (file.trim() === '') throw new UsageError(`${documented} needs a file name, not an empty string`, command);
  if (/[\\/]$/.test(file) || /(^|[\\/])\.{1,2}$/.test(file))
    throw new UsageError(
      `${documented} ${file} names a folder: give the name of a file to write, e.g. ${path.join(file, command === 'lint' ? 'report.json' : command === 'table' ? 'tables.md' : command === 'status' ? 'status.md' : command === 'diff' ? 'changes.docx' : 'staff.register.yaml')}`,
      command,
    );
  return file;
}

function who(args: string[], io: CliIO, say: (t: string) => void, complain: (t: string) => void): number {
  const { values, positionals } = parse('who', args, WHO_OPTIONS);
  if (values.help) return (say(HELP.who.help()), 0);
  if (positionals.length > 0) throw new UsageError(`who takes no file names; name the register with --register ${positionals[0]}`, 'who');
  const outcome = runWho({
    can: values.can,
    registers: values.register ?? [],
    ...(values.site !== undefined ? { site: values.site } : {}),
    on: dayFrom(values.on, todayFrom(io.env, 'who'), 'who'),
    format: values.format,
    config: values.config,
    cwd: io.cwd,
    readStdin: io.readStdin,
  });
  io.stdout.write(outcome.output);
  for (const note of outcome.notes) complain(note);
  return outcome.exitCode;
}

function status(args: string[], io: CliIO, say: (t: string) => void, complain: (t: string) => void): number {
  const { values, positionals } = parse('status', args, STATUS_OPTIONS);
  if (values.help) return (say(HELP.status.help()), 0);
  const [file, ...others] = positionals;
  if (file === undefined || others.length > 0) throw new UsageError(file === undefined ? 'no register given' : 'give one register', 'status');
  const out = outputFile(values, 'status');
  const outcome = runStatus({
    file,
    on: dayFrom(values.on, todayFrom(io.env, 'status'), 'status'),
    format: values.format,
    config: values.config,
    cwd: io.cwd,
    readStdin: io.readStdin,
  });
  if (out !== undefined && out !== '-') {
    try {
      writeTextFile(path.resolve(io.cwd, out), outcome.output, { overwrite: !!values.force, shownAs: out });
    } catch (error) {
      if (error instanceof WriteError) throw new InputError(error.message);
      throw error;
    }
  } else io.stdout.write(outcome.output);
  for (const note of outcome.notes) complain(note);
  return outcome.exitCode;
}

function register(args: string[], io: CliIO, say: (t: string) => void, complain: (t: string) => void): number {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    if (sub === undefined) throw new UsageError('name what to do: `register import`', 'register');
    return (say(HELP.register.help()), 0);
  }
  if (sub !== 'import') throw new UsageError(`unknown register command \`${sub}\`; the one there is: import`, 'register');
  const { values, positionals } = parse('register import', rest, IMPORT_OPTIONS);
  if (values.help) return (say(HELP.register.help()), 0);
  const [csv, ...others] = positionals;
  if (csv === undefined || others.length > 0) throw new UsageError(csv === undefined ? 'no CSV file given' : 'give one CSV file', 'register import');
  if (values.protocol === undefined) throw new UsageError('--protocol FILE is needed: the register is checked against it', 'register import');
  const out = outputFile(values, 'register import');
  if (out === undefined) throw new UsageError('--out FILE is needed (`--out -` writes to standard output)', 'register import');
  const outcome = runImport({
    csv,
    protocol: values.protocol,
    out,
    map: values.map ?? [],
    force: !!values.force,
    config: values.config,
    cwd: io.cwd,
    readStdin: io.readStdin,
    today: todayFrom(io.env, 'register import') ?? new Date().toISOString().slice(0, 10),
  });
  if (outcome.output) io.stdout.write(outcome.output);
  for (const note of outcome.notes) complain(note);
  return outcome.exitCode;
}

function init(args: string[], io: CliIO, say: (t: string) => void): number {
  const { values, positionals } = parse('init', args, INIT_OPTIONS);
  if (values.help) return (say(HELP.init.help()), 0);
  if (positionals.length > 0) throw new UsageError(`init takes no file names; use --out ${positionals[0]}`, 'init');
  const out = values.output ?? values.out;
  if (out.trim() === '') throw new UsageError('--out needs a file name, not an empty string', 'init');
  const { written, template } = runInit({
    template: values.template,
    out,
    force: !!values.force,
    cwd: io.cwd,
    today: todayFrom(io.env) ?? new Date().toISOString().slice(0, 10),
  });
  say(`Wrote ${written} from the ${template} template. Next: edit it, then \`role-protocols lint ${written}\`.`);
  return 0;
}

/** node's parseArgs, with its errors turned into short usage messages. */
function parse<T extends NonNullable<ParseArgsConfig['options']>>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = error instanceof Error ? error.message : String(error);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const option = /'([^']+)'/.exec(message)?.[1] ?? message;
      throw new UsageError(`unknown option \`${option}\``, command);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const option = /--[\w-]+/.exec(message)?.[0];
      throw new UsageError(option && /argument missing/.test(message) ? `${option} needs a value` : message, command);
    }
    throw new UsageError(message, command);
  }
}

if (require.main === module) {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // A closed pipe (`| head`) is not a failure of the tool.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  void Promise.resolve(
    main(process.argv.slice(2), {
      cwd: process.cwd(),
      env: process.env,
      stdout: process.stdout,
      stderr: process.stderr,
      readStdin: () => fs.readFileSync(0, 'utf8'),
    }),
  ).then((code) => {
    process.exitCode = code;
  });
}
