import * as fs from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';
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
 * Writes text (as UTF-8) or bytes to a file, creating its folder, so that the
 * file is either the old one or the complete new one, never a part: the data
 * goes to a temporary file in the same folder, which then takes the target's
 * place. With `overwrite` it is renamed over the target; without, it is
 * hard-linked to the target's name, which fails if that name exists (so an
 * existing file is never replaced, with no gap between a check and the
 * write). Any failure removes the temporary file and leaves the target as it was.
 */
export function writeTextFile(file: string, text: string | Uint8Array, options: { overwrite: boolean; shownAs?: string }): void {
  const shown = options.shownAs ?? file;
  const target = resolveLinks(path.resolve(file));
  const existing = statOrUndefined(target);
  if (existing?.isDirectory()) throw new WriteError(`${shown} is a folder: give the name of a file to write`);
  if (existing && !options.overwrite) throw new WriteError(`${shown} already exists; add --force to overwrite it`, true);
  const left = existing ? `${shown} was left as it was` : 'nothing was written';

  const folder = path.dirname(target);
  const temporary = path.join(folder, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    fs.mkdirSync(folder, { recursive: true });
    const fd = fs.openSync(temporary, 'wx');
    created = true;
    try {
      if (existing) keepMode(fd, existing.mode);
      fs.writeFileSync(fd, text, { encoding: 'utf8' });
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (options.overwrite) fs.renameSync(temporary, target);
    else placeWithoutReplacing(temporary, target, shown);
  } catch (error) {
    if (created) removeQuietly(temporary);
    if (error instanceof WriteError) throw error;
    throw new WriteError(`${shown}: cannot write: ${describeWriteError(error)}; ${left}`);
  }
  if (!options.overwrite) removeQuietly(temporary);
}

/**
 * Gives the complete temporary file the target's name unless that name
 * exists. A hard link does it in one step; where links are not supported
 * (FAT, some network shares), an exclusive copy does, removing its own
 * partial copy if it fails.
 */
function placeWithoutReplacing(temporary: string, target: string, shown: string): void {
  try {
    fs.linkSync(temporary, target);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new WriteError(`${shown} already exists; add --force to overwrite it`, true);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV' && code !== 'EOPNOTSUPP') throw error;
  }
  try {
    fs.copyFileSync(temporary, target, fs.constants.COPYFILE_EXCL);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new WriteError(`${shown} already exists; add --force to overwrite it`, true);
    // The exclusive copy created the target, so a part of it is ours to remove.
    removeQuietly(target);
    throw error;
  }
}

/** A symbolic link is written through, as before, rather than replaced by a file. */
function resolveLinks(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

/** The replacement keeps the permissions of the file it replaces (a group-writable shared file stays so). */
function keepMode(fd: number, mode: number): void {
  try {
    fs.fchmodSync(fd, mode & 0o7777);
  } catch {
    // A file system without permissions (FAT): the default is all there is.
  }
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // Already gone, or the folder cannot be written: nothing more to do.
  }
}

function describeWriteError(error: unknown): string {
  switch ((error as NodeJS.ErrnoException)?.code) {
    case 'EFBIG':
      return "the file is larger than the system's file-size limit";
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EROFS':
      return 'the file system is read-only';
    default:
      return describeFsError(error);
  }
}
