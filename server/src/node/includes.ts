import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IncludeRead, IncludeReader } from '../service/engine/includes';
import type { CheckSettings, FileRead } from '../service/project/host';
import { MAX_INCLUDE_BYTES, readFileForHost } from './read';

export interface IncludeResolverOptions {
  /** Folders searched, in order, for an include not found beside the including file. */
  searchPath?: string[];
  /**
   * Folders includes may come from (the workspace), as real paths; an
   * include whose real path is outside all of them is reported, not used.
   * Empty: anywhere.
   */
  roots?: string[];
  /** The folder an include in a document with no file is taken from (the CLI's working folder). */
  cwd?: string;
}

/**
 * Finds includes on disk: relative to the including file, then along the
 * search path. Files are read with the project host's reader (open editors'
 * text first, then the disk; every read recorded), so this only decides
 * where a path points and whether it may be used.
 */
export function includeResolver(options: IncludeResolverOptions = {}): NonNullable<CheckSettings['includes']> {
  const roots = options.roots ?? [];
  const cwd = options.cwd ?? process.cwd();
  return (read: (file: string) => FileRead): IncludeReader =>
    (includePath: string, fromFile: string | undefined): IncludeRead => {
      if (path.isAbsolute(includePath)) return { error: 'write the path relative to this file, so the protocol can move with its catalogue.' };
      const bases = [fromFile ? path.dirname(path.resolve(fromFile)) : cwd, ...(options.searchPath ?? []).map((p) => path.resolve(p))];
      let found: { file: string; read: FileRead } | undefined;
      for (const base of bases) {
        const file = path.resolve(base, includePath);
        // Where a path points is decided before anything is read: a file outside the folders is never read.
        if (roots.length > 0 && !roots.some((root) => isInside(root, realPath(file)))) {
          if (existsOnDisk(file)) return { error: 'it is outside the workspace, so it is not read; copy the catalogue into the workspace.' };
          continue;
        }
        // Nor is a catalogue over the size limit.
        const size = sizeOnDisk(file);
        if (size !== undefined && size > MAX_INCLUDE_BYTES)
          return { error: `it is ${(size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_INCLUDE_BYTES / 1024 / 1024} MB limit for a catalogue.` };
        const got = read(file);
        if ('problem' in got && got.problem === 'missing') continue;
        found = { file, read: got };
        break;
      }
      if (!found) return { error: `no such file (looked in ${bases.map((b) => displayPath(b, cwd)).join(', ')}).` };
      if ('text' in found.read) {
        // An editor's unsaved text may be larger than the file on disk.
        const text = found.read.text;
        const bytes = text.length * 3 > MAX_INCLUDE_BYTES ? Buffer.byteLength(text, 'utf8') : text.length;
        if (bytes > MAX_INCLUDE_BYTES)
          return { error: `it is ${(bytes / 1024 / 1024).toFixed(1)} MB, over the ${MAX_INCLUDE_BYTES / 1024 / 1024} MB limit for a catalogue.` };
        return { file: found.file, text: found.read.text };
      }
      switch (found.read.problem) {
        case 'not-a-file':
          return { error: `${found.read.message}; only a file can be included.` };
        case 'too-large':
          return { error: `${found.read.message}.` };
        default:
          return { error: `it cannot be read (${found.read.message}).` };
      }
    };
}

function existsOnDisk(file: string): boolean {
  try {
    fs.statSync(file);
    return true;
  } catch {
    return false;
  }
}

/** A regular file's size in bytes, without reading it; undefined for anything else. */
function sizeOnDisk(file: string): number | undefined {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}

/** Is `file` the folder `root` or inside it? Both real paths; `/` holds everything. */
export function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** A path with its links resolved (one system call), or the path itself when it cannot be (it is not there yet). */
export function realPath(file: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return file;
  }
}

function displayPath(dir: string, cwd: string): string {
  const relative = path.relative(cwd, dir);
  return relative === '' ? '.' : relative.startsWith('..') ? dir : relative;
}

/**
 * The CLI's includes: from the working folder or from the protocol's own
 * folder, and from nowhere else (real paths, so a folder reached through a
 * link is still itself).
 */
export function cliIncludeResolver(file: string | undefined, cwd: string, real: (dir: string) => string = realPath): NonNullable<CheckSettings['includes']> {
  const roots = [cwd, ...(file ? [path.dirname(path.resolve(cwd, file))] : [])].map(real);
  return includeResolver({ roots, cwd });
}

/** Includes read straight from disk, with nothing cached or recorded: for one-off checks (tests, scripts). */
export function fileIncludeReader(options: { roots?: string[]; searchPath?: string[] } = {}): IncludeReader {
  const resolve = includeResolver({ ...options, roots: (options.roots ?? []).map((root) => realPath(path.resolve(root))) });
  return resolve((file) => readFileForHost(file), { id: '', name: '', text: '' });
}
