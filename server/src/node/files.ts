import * as fs from 'fs';
import * as path from 'path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import type { YamlNode } from '../service/parse/tree';
import { documentKindOfText, FORMAT_NAMES, isDataFile } from '../shared/documentKinds';
import { describeFsError, stripBom } from './read';
import { displayName } from './paths';
import { describeNonFile, readFileForHost } from './read';
import { dataFilesUnder, type SkippedFile } from './walk';
import { realPath } from './includes';

/** A file the user asked for (by name, folder, glob or `-`), with its text. */
export interface InputFile {
  /** Absolute path; for standard input, the resolved `--stdin-filename` if one was given. */
  path?: string;
  /** What messages and reports call the file: a path relative to the working folder, or `<stdin>`. */
  name: string;
  text: string;
  /** Named on the command line (or `-`): a file that is not a protocol is an error, not skipped. */
  explicit: boolean;
  /** Index of the command-line argument that produced the file. */
  argument: number;
  stdin: boolean;
}

/** A problem with the command line or the files: exit code 2. */
export class InputError extends Error {}

export interface CollectOptions {
  cwd: string;
  readStdin: () => string;
  /** Name for text read from standard input, e.g. to pick JSON and to find a configuration. */
  stdinFilename?: string;
}

/** The files found, and the ones passed over that the user must hear of. */
export interface CollectedInputs {
  files: InputFile[];
  /** Files a folder or glob reached that could not be read, each with why: reported, the rest still checked. */
  skipped: SkippedFile[];
}

/**
 * Expands the arguments of `lint` into files with their text. Folders are
 * searched recursively (skipping `node_modules` and dot-folders, following
 * links once) for the tool's documents as `shared/documentKinds.ts` decides
 * from name and text; globs are matched the same way. Only regular files are
 * read: a pipe or a device named on the command line is an error, never
 * waited on. A file reached by two paths (a link) is checked once. Throws
 * InputError for a missing or unreadable file named on the command line and
 * for a folder or glob with no candidates.
 */
export function collectInputs(args: readonly string[], options: CollectOptions): CollectedInputs {
  const files: InputFile[] = [];
  const skipped: SkippedFile[] = [];
  const seen = new Set<string>();
  const add = (file: InputFile) => {
    const key = file.stdin ? '\0stdin' : realPath(file.path!);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  args.forEach((arg, argument) => {
    if (arg === '-') {
      let text: string;
      try {
        text = stripBom(options.readStdin());
      } catch (error) {
        throw new InputError(`cannot read standard input: ${describeFsError(error)}`);
      }
      const resolved = options.stdinFilename ? path.resolve(options.cwd, options.stdinFilename) : undefined;
      add({ path: resolved, name: options.stdinFilename ?? '<stdin>', text, explicit: true, argument, stdin: true });
      return;
    }
    const absolute = path.resolve(options.cwd, arg);
    const stat = statOrUndefined(absolute, options.cwd);
    if (stat && !stat.isDirectory()) {
      if (!stat.isFile())
        throw new InputError(
          `${displayName(absolute, options.cwd)}: it is ${describeNonFile(stat)}, not a regular file; name a protocol file, or use \`-\` for standard input`,
        );
      add({ path: absolute, name: displayName(absolute, options.cwd), text: readExplicit(absolute, options.cwd), explicit: true, argument, stdin: false });
      return;
    }
    let found: string[];
    if (stat?.isDirectory()) {
      const walked = dataFilesUnder(absolute, { maxFiles: 100_000 });
      found = walked.files;
      for (const s of walked.skipped) skipped.push({ ...s, shown: displayName(s.shown, options.cwd) });
    } else if (isDynamicPattern(arg)) {
      found = globSync(arg, { cwd: options.cwd, absolute: true, dot: false, ignore: ['**/node_modules/**'], expandDirectories: false })
        .filter((f) => isDataFile(f))
        .map((f) => path.resolve(f))
        .sort();
    } else {
      throw new InputError(`${arg}: no such file or directory`);
    }
    let count = 0;
    for (const file of found) {
      const read = readFileForHost(file);
      if (!('text' in read)) {
        // A data set too large to be a protocol is passed over; anything else unreadable is said.
        if (read.problem !== 'too-large' && read.problem !== 'missing') skipped.push({ shown: displayName(file, options.cwd), reason: read.message });
        continue;
      }
      const kind = documentKindOfText(file, read.text);
      if (kind !== 'protocol' && kind !== 'catalogue' && kind !== 'register') continue;
      add({ path: file, name: displayName(file, options.cwd), text: read.text, explicit: false, argument, stdin: false });
      count++;
    }
    if (count === 0 && !skipped.length) throw new InputError(`no role protocol files found in ${arg}`);
  });
  return { files, skipped };
}

/**
 * Why a checked file is not a role protocol, or undefined when it is one (or
 * may be: a file named `*.roles.*`, or text too broken to parse, is linted so
 * that its problems are shown).
 */
export function notProtocolReason(isProtocol: boolean, root: YamlNode | undefined): string | undefined {
  if (isProtocol || !root) return undefined;
  const format = root.kind === 'mapping' ? root.pairs.find((p) => p.key.value === 'format')?.value : undefined;
  if (!format) return 'not a role protocol: no `format` key';
  const shown = format.kind === 'scalar' && !format.empty ? `\`${String(format.value)}\`` : 'not a string';
  return `not a role protocol: \`format\` is ${shown}, not ${FORMAT_NAMES.protocol}/…`;
}

/** A file named on the command line: its text, or an input error that says why not. */
function readExplicit(file: string, cwd: string): string {
  const read = readFileForHost(file);
  if ('text' in read) return read.text;
  if (read.problem === 'too-large') throw new InputError(`${displayName(file, cwd)}: not read: ${read.message}`);
  throw new InputError(`${displayName(file, cwd)}: cannot read: ${read.message}`);
}

function statOrUndefined(file: string, cwd: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new InputError(`${displayName(file, cwd)}: ${describeFsError(error)}`);
  }
}
