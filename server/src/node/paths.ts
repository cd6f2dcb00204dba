import * as path from 'path';

/** A path as reports show it: relative to the working folder, with forward slashes; names like `<stdin>` as they are. */
export function displayName(file: string, cwd: string): string {
  if (file.startsWith('<')) return file;
  const relative = path.relative(cwd, file);
  const shown = relative === '' ? path.basename(file) : path.isAbsolute(relative) ? file : relative;
  return shown.split(path.sep).join('/');
}
