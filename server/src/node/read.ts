import * as fs from 'fs';
import { MAX_FILE_SIZE_KB_CEILING } from '../service/engine/limits';
import type { FileRead } from '../service/project/host';

/**
 * Every read from disk goes through this module (the CLI's files, includes,
 * configuration, the language server's requests), and every cap on what is
 * read is here, in bytes.
 */

/**
 * The most the tool reads of one file: the largest `maxFileSizeKb` allowed.
 * A file over the configured limit but under this is read and gets a
 * `document-limits` finding; a larger one is refused unread.
 */
export const MAX_READ_BYTES = MAX_FILE_SIZE_KB_CEILING * 1024;
/** Included catalogues larger than this are refused rather than read. */
export const MAX_INCLUDE_BYTES = 5 * 1024 * 1024;
/** A configuration file is a few lines; a larger one than this is refused (none needs to be). */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** Files larger than this are passed over when looking on disk for documents that include a catalogue. */
export const MAX_SCANNED_FILE_BYTES = 2 * 1024 * 1024;

/** A path that is not a regular file (a folder, a pipe, a device, a socket): never read, so never waited on. */
export class NotARegularFile extends Error {
  constructor(readonly what: string) {
    super(`it is ${what}, not a regular file`);
  }
}

/** A file larger than the tool reads at all. */
export class FileTooLarge extends Error {
  constructor(
    readonly bytes: number | undefined,
    readonly limit: number,
  ) {
    super(
      bytes === undefined
        ? `it goes on past the ${megabytes(limit)} MB the tool reads of one file; a protocol is far smaller`
        : `it is ${megabytes(bytes)} MB, more than the ${megabytes(limit)} MB the tool reads of one file; a protocol is far smaller`,
    );
  }
}

function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return mb >= 10 ? String(Math.round(mb)) : mb.toFixed(1);
}

/**
 * Reads at most `limit` bytes of a file, in chunks, and throws FileTooLarge
 * beyond that: a regular file is refused by its size before a byte is read,
 * and a device or pipe that never ends (`/dev/zero`) stops at the limit
 * instead of filling memory.
 */
export function readBytesCapped(file: string, limit = MAX_READ_BYTES): Buffer {
  // Opened without blocking, so a named pipe with no writer cannot hang the open; then only a regular file is read.
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new NotARegularFile(describeNonFile(stat));
    if (stat.size > limit) throw new FileTooLarge(stat.size, limit);
    const chunks: Buffer[] = [];
    let total = 0;
    const chunkSize = stat.isFile() ? Math.max(1, Math.min(stat.size + 1, limit + 1)) : 64 * 1024;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(chunkSize, limit + 1 - total));
      const read = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
      total += read;
      if (total > limit) throw new FileTooLarge(stat.isFile() ? stat.size : undefined, limit);
    }
    return Buffer.concat(chunks, total);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Bytes to text. UTF-8 (a byte order mark is dropped), or UTF-16 when the
 * file starts with a UTF-16 byte order mark. Bytes that are not UTF-8 are
 * detected with a fatal decoder and then decoded as U+FFFD at their places,
 * which the `document-limits` rule reports (so the rest of the file is still
 * checked); a NUL byte is kept, and makes the file count as binary.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // TextDecoder drops a UTF-8 byte order mark itself.
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** A file's text as the tool reads protocols, catalogues and configuration: capped, then decoded. Throws. */
export function readTextFile(file: string, limit = MAX_READ_BYTES): string {
  return decodeText(readBytesCapped(file, limit));
}

/** The same read, with what went wrong as data (the project host's `FileRead`): it never throws. */
export function readFileForHost(file: string, limit = MAX_READ_BYTES): FileRead {
  try {
    return { text: stripBom(readTextFile(file, limit)) };
  } catch (error) {
    if (error instanceof FileTooLarge) return { problem: 'too-large', message: error.message };
    if (error instanceof NotARegularFile) return { problem: 'not-a-file', message: error.message };
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { problem: 'missing', message: 'there is no such file' };
    if (code === 'EISDIR') return { problem: 'not-a-file', message: 'it is a folder, not a regular file' };
    if (code === 'ELOOP') return { problem: 'not-a-file', message: 'it is a loop of symbolic links, not a regular file' };
    return { problem: 'unreadable', message: describeFsError(error) };
  }
}

/** What a path that is not a regular file is, in words. */
export function describeNonFile(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** Drops a UTF-8 byte order mark decoded as U+FEFF (a UTF-16 one is dropped by `decodeText`). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A short reason for a failed file operation: `no such file`, `is a directory`, ... */
export function describeFsError(error: unknown): string {
  if (error instanceof NotARegularFile || error instanceof FileTooLarge) return error.message;
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EISDIR':
      return 'is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ELOOP':
      return 'a loop of symbolic links';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
