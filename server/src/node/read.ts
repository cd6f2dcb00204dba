import * as fs from 'fs';
import { MAX_FILE_SIZE_KB_CEILING } from '../service/engine/limits';

/**
 * The most the tool reads of one file: the largest `maxFileSizeKb` allowed.
 * A file over the configured limit but under this is read and gets a
 * `document-limits` finding; a larger one is refused unread.
 */
export const MAX_READ_BYTES = MAX_FILE_SIZE_KB_CEILING * 1024;

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
  const fd = fs.openSync(file, 'r');
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isFile() && stat.size > limit) throw new FileTooLarge(stat.size, limit);
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

/** A file's text as the tool reads protocols, catalogues and configuration: capped, then decoded. */
export function readTextFile(file: string, limit = MAX_READ_BYTES): string {
  return decodeText(readBytesCapped(file, limit));
}
