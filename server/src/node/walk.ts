import * as fs from 'fs';
import * as path from 'path';
import { CATALOGUE_FORMAT_NAME, FORMAT_NAME } from '../service/schema/schema';

/** A file name that says it is a role protocol, whatever it holds. */
export const PROTOCOL_FILE_NAME = /\.roles\.(ya?ml|json)$/i;
/** Files that may hold a protocol when their text declares the format. */
export const DATA_FILE_NAME = /\.(ya?ml|json)$/i;
/**
 * Cheap test run before parsing a `.yaml`/`.json` file found in a folder: a
 * `format: role-protocol...` key at the start of a line. The parse decides.
 */
export const FORMAT_HINT = new RegExp(`^[ \\t{]*["']?format["']?[ \\t]*:[ \\t]*["']?(${FORMAT_NAME}|${CATALOGUE_FORMAT_NAME})`, 'm');

/**
 * The YAML and JSON files under a folder, sorted, as the language server
 * looks for them: no dot-folders, no node_modules, links to folders not
 * followed (no loops), at most `maxFiles` (`truncated` says the search
 * stopped there). Plain `fs`, so that it bundles
 * into the server (the CLI's glob library cannot be bundled as CommonJS).
 */
export function dataFilesUnder(dir: string, maxFiles = 5000): { files: string[]; truncated: boolean } {
  const found: string[] = [];
  let truncated = false;
  const visit = (folder: string, depth: number) => {
    if (depth > 32 || found.length >= maxFiles) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return; // unreadable: skipped
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (found.length >= maxFiles) {
        truncated = true;
        return;
      }
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) visit(full, depth + 1);
      else if (entry.isFile() && DATA_FILE_NAME.test(entry.name)) found.push(full);
    }
  };
  visit(path.resolve(dir), 0);
  return { files: found, truncated };
}
