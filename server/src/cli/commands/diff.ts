import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiffError, diffVersions, type DiffResult, type DiffSide } from '../../service/diff/index';
import { DIFF_FORMATS, renderDiff, type DiffFormat } from '../../service/diff/report/index';
import { ConfigReadError } from '../../node/config';
import { collectInputs, InputError, notProtocolReason } from '../../node/files';
import { GitError, parseRevisionPath, repositoryPathOf, repositoryRoot, resolveRevision } from '../../node/git';
import { checkAtRevision } from '../../node/history';
import { displayName } from '../../node/paths';
import { writeTextFile, WriteError } from '../../node/output';
import { UsageError, type CommandEnvironment } from '../errors';
import { CliProject } from '../project';

export interface DiffCommandOptions extends CommandEnvironment {
  /** The old and new versions: each a file, `-`, or `REV:PATH`. */
  old: string;
  new: string;
  /** A format name; undefined to take it from the --out file's extension, else text. */
  format?: string;
  /** A file to write, or `-` for standard output. */
  out?: string;
  /** `significant` or `minor`: exit 1 when a change of that class (or above) is found. */
  failOn?: string;
  stdoutIsTTY?: boolean;
}

export interface DiffOutcome {
  output: string | Uint8Array;
  notes: string[];
  exitCode: 0 | 1;
  diff: DiffResult;
}

const EXTENSIONS: Record<string, DiffFormat> = { md: 'md', markdown: 'md', json: 'json', html: 'html', htm: 'html', docx: 'docx', txt: 'text' };

function chooseFormat(options: DiffCommandOptions): DiffFormat {
  const toFile = options.out !== undefined && options.out !== '-';
  const format = options.format ?? (toFile ? EXTENSIONS[path.extname(options.out!).slice(1).toLowerCase()] : undefined) ?? 'text';
  if (!(DIFF_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`unknown format \`${format}\`; use one of ${DIFF_FORMATS.join(', ')}`, 'diff');
  if (format === 'docx') {
    if (options.out === undefined) throw new UsageError('--format docx writes a binary file: give --out FILE (or `--out -` to write it to a pipe)', 'diff');
    if (options.out === '-' && options.stdoutIsTTY) throw new UsageError('--format docx writes a binary file, not for a terminal: give --out FILE', 'diff');
  }
  return format as DiffFormat;
}

/**
 * `role-protocols diff OLD NEW`: what changed between two versions of a
 * protocol or catalogue, each a file or a git revision and path. Exit 1 when
 * --fail-on names a class of change that is found; 2 for a usage, file or git
 * problem, or a version that cannot be read.
 */
export async function runDiff(options: DiffCommandOptions): Promise<DiffOutcome> {
  if (options.failOn !== undefined && options.failOn !== 'significant' && options.failOn !== 'minor')
    throw new UsageError(`--fail-on takes significant or minor, not \`${options.failOn}\``, 'diff');
  const format = chooseFormat(options);
  const project = new CliProject(options.cwd, options.config, options.today);
  let diff: DiffResult;
  try {
    const old = readSide(options.old, options, project);
    const next = readSide(options.new, options, project);
    diff = diffVersions(old, next);
  } catch (error) {
    if (error instanceof DiffError || error instanceof GitError) throw new InputError(error.message);
    if (error instanceof ConfigReadError) throw new InputError(`${displayName(error.file, options.cwd)}: cannot read the configuration: ${error.reason}`);
    throw error;
  }
  let output = await renderDiff(diff, format);
  const significant = diff.changes.some((c) => c.significance === 'significant');
  const failed = (options.failOn === 'significant' && significant) || (options.failOn === 'minor' && diff.changes.length > 0);
  const notes: string[] = [];
  if (failed) {
    const n = options.failOn === 'significant' ? diff.changes.filter((c) => c.significance === 'significant').length : diff.changes.length;
    notes.push(
      `role-protocols: ${n} ${options.failOn === 'significant' ? 'significant ' : ''}change${n === 1 ? '' : 's'} found (--fail-on ${options.failOn}).`,
    );
  }
  if (options.out !== undefined && options.out !== '-') {
    try {
      writeTextFile(path.resolve(options.cwd, options.out), output, { overwrite: true, shownAs: options.out });
    } catch (error) {
      if (error instanceof WriteError) throw new InputError(error.message);
      throw error;
    }
    output = '';
  }
  return { output, notes, exitCode: failed ? 1 : 0, diff };
}

/** One version: a file or `-` checked as `lint` checks it, or `REV:PATH` read with git, its includes from the same commit. */
function readSide(argument: string, options: DiffCommandOptions, project: CliProject): DiffSide {
  const exists = (file: string) => {
    try {
      fs.statSync(path.resolve(options.cwd, file));
      return true;
    } catch {
      return false;
    }
  };
  const atRevision = argument === '-' ? undefined : parseRevisionPath(argument, exists);
  if (atRevision) {
    const root = repositoryRoot(options.cwd);
    const commit = resolveRevision(root, atRevision.revision);
    const repoPath = repositoryPathOf(root, options.cwd, atRevision.path);
    const result = checkAtRevision(root, commit, repoPath, options.today, atRevision.revision);
    const reason = notProtocolReason(result.isProtocol, result.parsed.root);
    if (reason) throw new InputError(`${argument}: ${reason}`);
    return { label: argument, result };
  }
  const [input] = collectInputs([argument], { cwd: options.cwd, readStdin: options.readStdin, stdinFilename: options.stdinFilename }).files;
  if (!input) throw new InputError(`${argument}: no role protocol found`);
  if (!input.explicit) throw new InputError(`${argument}: give a file, not a folder`);
  const { result } = project.check(input);
  const reason = notProtocolReason(result.isProtocol, result.parsed.root);
  if (reason) throw new InputError(`${input.name}: ${reason}`);
  return { label: input.name, result };
}
