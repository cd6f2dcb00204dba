import * as fs from 'fs';
import * as path from 'path';
import { describeFsError } from './config';

/** A file that could not be written; `exists` when it was refused because it is already there. */
export class WriteError extends Error {
  constructor(
    message: string,
    readonly exists = false,
  ) {
    super(message);
  }
}

/**
 * Writes text (as UTF-8) or bytes to a file, creating its folder. Without
 * `overwrite` an existing file is left alone (checked by the open itself, so
 * nothing can slip in between a check and the write).
 */
export function writeTextFile(file: string, text: string | Uint8Array, options: { overwrite: boolean; shownAs?: string }): void {
  const shown = options.shownAs ?? file;
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, text, { encoding: 'utf8', flag: options.overwrite ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new WriteError(`${shown} already exists; add --force to overwrite it`, true);
    throw new WriteError(`${shown}: cannot write: ${describeFsError(error)}`);
  }
}
