import * as fs from 'fs';
import * as path from 'path';
import { isDataFile } from '../shared/documentKinds';

/** A file passed over by a folder walk, and why: the user is told, the rest is still checked. */
export interface SkippedFile {
  /** The path as far as it can be shown (a name that is not UTF-8 is shown with its bytes escaped). */
  shown: string;
  reason: string;
}

export interface WalkOptions {
  /** Stop after this many files (`truncated` says so). */
  maxFiles?: number;
  /** Files larger than this are passed over without a word (a data set beside the protocols). */
  maxFileBytes?: number;
}

/**
 * The YAML and JSON files under a folder, sorted by path, as the CLI and the
 * language server look for documents: no dot-folders, no node_modules.
 * Links to folders are followed, but every real folder is visited once (a
 * link loop ends there), and a file reached by two paths is listed once.
 * A name that is not UTF-8 cannot be opened by its decoded name: it is
 * listed in `skipped`. Plain `fs`, so that it bundles into the server.
 */
export function dataFilesUnder(dir: string, options: WalkOptions = {}): { files: string[]; truncated: boolean; skipped: SkippedFile[] } {
  const maxFiles = options.maxFiles ?? 5000;
  const found: string[] = [];
  const skipped: SkippedFile[] = [];
  const seenFolders = new Set<string>();
  const seenFiles = new Set<string>();
  let truncated = false;
  const visit = (folder: string, depth: number) => {
    if (depth > 32 || truncated) return;
    const real = realPathOrUndefined(folder);
    if (!real || seenFolders.has(real)) return;
    seenFolders.add(real);
    let entries: fs.Dirent<Buffer>[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true, encoding: 'buffer' });
    } catch {
      return; // unreadable: skipped
    }
    const named = entries.map((entry) => ({ entry, name: entry.name.toString('utf8') })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const { entry, name } of named) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const full = path.join(folder, name);
      if (!Buffer.from(name, 'utf8').equals(entry.name)) {
        if (isDataFile(name) || entry.isDirectory())
          skipped.push({ shown: path.join(folder, escapeBytes(entry.name)), reason: 'its name is not UTF-8, so it cannot be opened by name; rename it' });
        continue;
      }
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = statOrUndefined(full);
        isDirectory = !!target?.isDirectory();
        isFile = !!target?.isFile();
      }
      if (isDirectory) visit(full, depth + 1);
      else if (isFile && isDataFile(name)) {
        const realFile = realPathOrUndefined(full) ?? full;
        if (seenFiles.has(realFile)) continue;
        if (options.maxFileBytes !== undefined && (statOrUndefined(full)?.size ?? 0) > options.maxFileBytes) continue;
        if (found.length >= maxFiles) {
          truncated = true;
          return;
        }
        seenFiles.add(realFile);
        found.push(full);
      }
    }
  };
  visit(path.resolve(dir), 0);
  return { files: found, truncated, skipped };
}

/** Bytes that are not UTF-8 shown as `\xNN`, the rest as text. */
function escapeBytes(bytes: Buffer): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] as number;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0;
    const piece = length > 0 ? bytes.subarray(i, i + length) : undefined;
    if (piece && piece.length === length && Buffer.from(piece.toString('utf8'), 'utf8').equals(piece)) {
      out += piece.toString('utf8');
      i += length;
    } else {
      out += `\\x${byte.toString(16).padStart(2, '0')}`;
      i++;
    }
  }
  return out;
}

function realPathOrUndefined(file: string): string | undefined {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return undefined;
  }
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
