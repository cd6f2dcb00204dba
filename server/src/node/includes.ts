import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IncludeRead, IncludeReader } from '../service/engine/includes';
import { FileTooLarge, readTextFile } from './read';

/** Included catalogues larger than this are refused rather than read. */
const MAX_INCLUDE_BYTES = 5 * 1024 * 1024;

export interface IncludeReaderOptions {
  /** Folders searched, in order, for an include not found beside the including file. */
  searchPath?: string[];
  /**
   * Folders includes may come from (the workspace); an include that resolves
   * outside all of them is reported, not read. Empty: anywhere.
   */
  roots?: string[];
  /** Open editors' text wins over the disk (the language server passes its documents). */
  overlay?: (file: string) => string | undefined;
}

/** Reads includes from disk: relative to the including file, then along the search path. */
export function fileIncludeReader(options: IncludeReaderOptions = {}): IncludeReader {
  const roots = (options.roots ?? []).map((r) => path.resolve(r));
  return (includePath: string, fromFile: string | undefined): IncludeRead => {
    if (path.isAbsolute(includePath)) return { error: 'write the path relative to this file, so the protocol can move with its catalogue.' };
    const bases = [fromFile ? path.dirname(path.resolve(fromFile)) : process.cwd(), ...(options.searchPath ?? []).map((p) => path.resolve(p))];
    const candidates = bases.map((base) => path.resolve(base, includePath));
    const found = candidates.find((file) => options.overlay?.(file) !== undefined || isFile(file));
    if (!found) return { error: `no such file (looked in ${bases.map((b) => displayPath(b)).join(', ')}).` };
    const real = safeRealPath(found);
    if (roots.length > 0 && !roots.some((root) => real === root || real.startsWith(root + path.sep))) {
      return { error: 'it is outside the workspace, so it is not read; copy the catalogue into the workspace.' };
    }
    const open = options.overlay?.(found);
    if (open !== undefined) return { file: found, text: open };
    try {
      const size = fs.statSync(found).size;
      if (size > MAX_INCLUDE_BYTES)
        return { error: `it is ${Math.round(size / 1024 / 1024)} MB, over the ${MAX_INCLUDE_BYTES / 1024 / 1024} MB limit for a catalogue.` };
      return { file: found, text: readTextFile(found, MAX_INCLUDE_BYTES) };
    } catch (error) {
      if (error instanceof FileTooLarge) return { error: `it is over the ${MAX_INCLUDE_BYTES / 1024 / 1024} MB limit for a catalogue.` };
      return { error: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).` };
    }
  };
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function safeRealPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

function displayPath(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative === '' ? '.' : relative.startsWith('..') ? dir : relative;
}

/**
 * The CLI's reader: includes may come from the working folder or from the
 * protocol's own folder, and from nowhere else.
 */
export function includeReaderFor(file: string | undefined, cwd: string): IncludeReader {
  return fileIncludeReader({ roots: file ? [cwd, path.dirname(path.resolve(cwd, file))] : [cwd] });
}
