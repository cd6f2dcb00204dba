import * as fs from 'fs';
import * as path from 'path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { declaresProtocolFormat } from '../service/engine/lint';
import { FORMAT_NAME } from '../service/schema/schema';
import type { YamlNode } from '../service/parse/tree';
import { describeFsError, stripBom } from './config';
import { displayName } from './paths';
import { FileTooLarge, readTextFile } from './read';

import { DATA_FILE_NAME, FORMAT_HINT, PROTOCOL_FILE_NAME } from './walk';

export { DATA_FILE_NAME, PROTOCOL_FILE_NAME };

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

/**
 * Expands the arguments of `lint` into files with their text. Folders are
 * searched recursively (skipping `node_modules` and dot-folders) for
 * `*.roles.yaml|yml|json` and for other `.yaml`/`.yml`/`.json` files whose
 * text looks like it declares the format; globs are matched the same way.
 * Throws InputError for a missing or unreadable file and for a folder or glob
 * with no candidates.
 */
export function collectInputs(args: readonly string[], options: CollectOptions): InputFile[] {
  const files: InputFile[] = [];
  const seen = new Set<string>();
  const add = (file: InputFile) => {
    const key = file.stdin ? '\0stdin' : file.path!;
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
    const stat = statOrUndefined(absolute);
    if (stat && !stat.isDirectory()) {
      // A file, or something read like one (a named pipe, /dev/stdin).
      add({ path: absolute, name: displayName(absolute, options.cwd), text: readText(absolute, options.cwd), explicit: true, argument, stdin: false });
      return;
    }
    let found: string[];
    if (stat?.isDirectory()) {
      found = globSync('**/*.{yaml,yml,json}', { cwd: absolute, absolute: true, dot: false, ignore: ['**/node_modules/**'] });
    } else if (isDynamicPattern(arg)) {
      found = globSync(arg, { cwd: options.cwd, absolute: true, dot: false, ignore: ['**/node_modules/**'], expandDirectories: false }).filter((f) =>
        DATA_FILE_NAME.test(f),
      );
    } else {
      throw new InputError(`${arg}: no such file or directory`);
    }
    let count = 0;
    for (const file of found.map((f) => path.resolve(f)).sort()) {
      // Any large YAML or JSON file in a folder (a data set) is passed over unless its name says it is a protocol.
      const text = readText(file, options.cwd, !PROTOCOL_FILE_NAME.test(file));
      if (text === undefined) continue;
      if (!PROTOCOL_FILE_NAME.test(file) && !FORMAT_HINT.test(text)) continue;
      add({ path: file, name: displayName(file, options.cwd), text, explicit: false, argument, stdin: false });
      count++;
    }
    if (count === 0) throw new InputError(`no role protocol files found in ${arg}`);
  });
  return files;
}

/**
 * Why a parsed file is not a role protocol, or undefined when it is one (or
 * may be: a file named `*.roles.*`, or text too broken to parse, is linted so
 * that its problems are shown).
 */
export function notProtocolReason(file: Pick<InputFile, 'name' | 'path'>, root: YamlNode | undefined): string | undefined {
  if (PROTOCOL_FILE_NAME.test(file.path ?? file.name)) return undefined;
  if (!root || declaresProtocolFormat(root)) return undefined;
  const format = root.kind === 'mapping' ? root.pairs.find((p) => p.key.value === 'format')?.value : undefined;
  if (!format) return 'not a role protocol: no `format` key';
  const shown = format.kind === 'scalar' && !format.empty ? `\`${String(format.value)}\`` : 'not a string';
  return `not a role protocol: \`format\` is ${shown}, not ${FORMAT_NAME}/…`;
}

/**
 * A file's text: UTF-8 (or UTF-16 with a byte order mark), bytes that are not
 * UTF-8 left as U+FFFD for the `document-limits` rule to report. A file over
 * what the tool reads at all is an input error, or skipped when `skipTooLarge`.
 */
function readText(file: string, cwd: string, skipTooLarge: boolean): string | undefined;
function readText(file: string, cwd: string): string;
function readText(file: string, cwd: string, skipTooLarge = false): string | undefined {
  try {
    return stripBom(readTextFile(file));
  } catch (error) {
    if (error instanceof FileTooLarge) {
      if (skipTooLarge) return undefined;
      throw new InputError(`${displayName(file, cwd)}: not read: ${error.message}`);
    }
    throw new InputError(`${displayName(file, cwd)}: cannot read: ${describeFsError(error)}`);
  }
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new InputError(`${file}: ${describeFsError(error)}`);
  }
}
