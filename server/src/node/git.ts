import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import type { IncludeRead, IncludeReader } from '../service/engine/includes';
import { MAX_INCLUDE_BYTES, MAX_READ_BYTES, decodeText, stripBom } from './read';

/**
 * Reading earlier versions of a file from git, with git itself: `git show
 * REV:PATH`, `git log`, `git rev-parse`. No shell (execFile, arguments as a
 * list), output capped, and every failure a GitError saying what is wrong in
 * the user's words: not a repository, no such revision, no such file at it.
 */

export class GitError extends Error {}

/** The most output one git call may give: a protocol at a revision is read under the same cap as one on disk. */
const MAX_GIT_OUTPUT = MAX_READ_BYTES + 1024;
/** A git call that takes longer than this is stopped: a protocol's history is small. */
const GIT_TIMEOUT_MS = 30_000;

function git(cwd: string, args: string[], maxBuffer = MAX_GIT_OUTPUT): Buffer {
  try {
    // Paths as written, not quoted with octal escapes (a protocol named in Welsh or with an accent).
    return execFileSync('git', ['-c', 'core.quotePath=false', ...args], {
      cwd,
      maxBuffer,
      timeout: GIT_TIMEOUT_MS,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
      // The user's own configuration applies, but never a pager or a prompt.
      env: { ...process.env, GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
    });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: Buffer; status?: number | null };
    if (e.code === 'ENOENT') throw new GitError('git is not installed or not on the PATH');
    if (e.code === 'ENOBUFS') throw new GitError(`git gave more than ${Math.round(maxBuffer / 1024 / 1024)} MB of output`);
    if (e.code === 'ETIMEDOUT') throw new GitError(`git took longer than ${GIT_TIMEOUT_MS / 1000} s`);
    const stderr = e.stderr ? e.stderr.toString('utf8').trim() : '';
    throw new GitError(stderr.split('\n')[0]?.replace(/^fatal: /, '') || (error instanceof Error ? error.message : String(error)));
  }
}

const text = (buffer: Buffer): string => buffer.toString('utf8').replace(/\r?\n$/, '');

/** The repository's top folder for a folder in it; GitError when it is not in one. */
export function repositoryRoot(folder: string): string {
  try {
    return path.resolve(text(git(folder, ['rev-parse', '--show-toplevel'])));
  } catch (error) {
    if (error instanceof GitError && /not a git repository/i.test(error.message)) throw new GitError(`${folder} is not in a git repository`);
    throw error;
  }
}

/** The full hash a revision names; GitError when it names none. */
export function resolveRevision(root: string, revision: string): string {
  if (revision.startsWith('-')) throw new GitError(`\`${revision}\` is not a revision`);
  try {
    return text(git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]));
  } catch {
    throw new GitError(`there is no revision \`${revision}\` in the repository`);
  }
}

/** Whether a path (from the repository's top) exists as a file at a revision. */
export function existsAtRevision(root: string, revision: string, repoPath: string): boolean {
  try {
    return text(git(root, ['cat-file', '-t', `${revision}:${repoPath}`])) === 'blob';
  } catch {
    return false;
  }
}

/**
 * A file's text at a revision, by its path from the repository's top; capped
 * as a read from disk is. GitError when the revision or the file at it does
 * not exist.
 */
export function showFile(root: string, revision: string, repoPath: string, shownAs = revision): string {
  const commit = resolveRevision(root, revision);
  if (!existsAtRevision(root, commit, repoPath)) throw new GitError(`${repoPath} does not exist at ${shownAs}`);
  return stripBom(decodeText(git(root, ['cat-file', 'blob', `${commit}:${repoPath}`])));
}

/** A path as git names it from the repository's top (forward slashes). */
export function repositoryPath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** One commit that changed a file, with the file's path (from the repository's top) in that commit. */
export interface Revision {
  hash: string;
  short: string;
  date: string;
  subject: string;
  path: string;
}

/** The commits that changed a file, newest first, following renames; at most `limit`. */
export function revisionsOf(root: string, repoPath: string, limit = 50): Revision[] {
  // Each commit: a NUL, its fields by tabs, then (--name-only) the file's name in that commit.
  const out = text(git(root, ['log', `--max-count=${limit}`, '--format=%x00%H%x09%h%x09%ad%x09%s', '--date=short', '--name-only', '--follow', '--', repoPath]));
  return out
    .split('\0')
    .filter((entry) => entry.trim() !== '')
    .map((entry) => {
      const [header = '', ...names] = entry.split('\n');
      const [hash = '', short = '', date = '', ...subject] = header.split('\t');
      return { hash, short, date, subject: subject.join('\t'), path: names.find((n) => n.trim() !== '') ?? repoPath };
    });
}

/**
 * The file's path at a revision when git sees it renamed since (between the
 * revision and the working tree); undefined when it reports no rename.
 */
export function pathAtRevision(root: string, revision: string, repoPath: string): string | undefined {
  if (existsAtRevision(root, revision, repoPath)) return repoPath;
  let out: string;
  try {
    out = text(git(root, ['diff', '--name-status', '-M', '--diff-filter=R', '-z', revision]));
  } catch {
    return undefined;
  }
  // -z: status, old path, new path, each ended by NUL.
  const fields = out.split('\0');
  for (let i = 0; i + 2 < fields.length; i += 3) {
    if (fields[i]?.startsWith('R') && fields[i + 2] === repoPath) return fields[i + 1];
  }
  return undefined;
}

/**
 * What a command-line argument names: `REV:PATH` (git's own syntax, the path
 * from the repository's top, or from the working folder when it starts with
 * `./` or `../`) or a file. A file that exists wins, so `C:\x` on Windows is a
 * file.
 */
export function parseRevisionPath(argument: string, fileExists: (file: string) => boolean): { revision: string; path: string } | undefined {
  if (fileExists(argument)) return undefined;
  const colon = argument.indexOf(':');
  if (colon <= 0 || colon === argument.length - 1) return undefined;
  return { revision: argument.slice(0, colon), path: argument.slice(colon + 1) };
}

/** The path of `REV:PATH` from the repository's top: git reads `./x` and `../x` from the working folder. */
export function repositoryPathOf(root: string, cwd: string, written: string): string {
  if (written.startsWith('./') || written.startsWith('../') || written === '.' || written === '..') return repositoryPath(root, path.resolve(cwd, written));
  return written.replace(/^\/+/, '');
}

/**
 * Includes read at a revision: a catalogue named relative to the including
 * file (given as its path in the working tree) is read from the same commit,
 * so a catalogue changed in another commit is compared as it was.
 */
export function gitIncludeReader(root: string, commit: string): IncludeReader {
  return (includePath: string, fromFile: string | undefined): IncludeRead => {
    if (path.isAbsolute(includePath)) return { error: 'write the path relative to this file, so the protocol can move with its catalogue.' };
    const file = path.resolve(fromFile ? path.dirname(fromFile) : root, includePath);
    const repoPath = repositoryPath(root, file);
    if (repoPath.startsWith('../') || path.isAbsolute(repoPath)) return { error: 'it is outside the repository, so it is not read at a revision.' };
    try {
      if (!existsAtRevision(root, commit, repoPath)) return { error: `no such file at ${commit.slice(0, 12)}.` };
      return { file, text: stripBom(decodeText(git(root, ['cat-file', 'blob', `${commit}:${repoPath}`], MAX_INCLUDE_BYTES + 1024))) };
    } catch (error) {
      return { error: `it cannot be read from git (${error instanceof Error ? error.message : String(error)}).` };
    }
  };
}
