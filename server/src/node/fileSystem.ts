import * as fs from 'node:fs';
import type { ProjectFileSystem } from '../service/project/host';
import { MAX_READ_BYTES, MAX_SCANNED_FILE_BYTES, readFileForHost } from './read';
import { dataFilesUnder } from './walk';

/**
 * The disk as the project host reads it: regular files only (a pipe or a
 * device is refused without waiting on it), within the caps of `read.ts`.
 * `folders` are the project's folders, searched for documents that include
 * a catalogue when references or rename ask.
 */
export function diskFileSystem(options: { folders?: () => readonly string[]; limit?: number } = {}): ProjectFileSystem {
  const limit = options.limit ?? MAX_READ_BYTES;
  return {
    readFile: (file) => readFileForHost(file, limit),
    stamp: (file) => {
      try {
        const stat = fs.statSync(file, { bigint: true });
        return `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
      } catch (error) {
        return (error as NodeJS.ErrnoException).code ?? 'unreadable';
      }
    },
    dataFiles: () => {
      const files: string[] = [];
      let truncated = false;
      for (const folder of options.folders?.() ?? []) {
        const found = dataFilesUnder(folder, { maxFileBytes: MAX_SCANNED_FILE_BYTES });
        for (const file of found.files) files.push(file);
        truncated ||= found.truncated;
      }
      return { files, truncated };
    },
  };
}
