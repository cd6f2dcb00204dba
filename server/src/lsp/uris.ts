import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The file a `file:` URI names, normalised; undefined for other schemes (untitled, git, ...). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.normalize(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

export function pathToUri(file: string): string {
  return pathToFileURL(file).href;
}

/** The last segment of a URI's path, decoded: enough to tell a `.roles.yaml` from a `.json`. */
export function uriBaseName(uri: string): string {
  const withoutQuery = uri.replace(/[?#].*$/, '');
  const last = withoutQuery.slice(withoutQuery.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
