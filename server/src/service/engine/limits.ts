import type { ParseProblem } from '../parse/parseDocument';

/**
 * The limits checked before a document is parsed: its size, and whether it
 * is text at all. Each problem is a `document-limits` finding; the ones that
 * `stop` mean the document is not parsed or checked any further.
 */

/** The default for `maxFileSizeKb`: a large protocol is about 100 KB. */
export const DEFAULT_MAX_FILE_SIZE_KB = 2048;
/** The most `maxFileSizeKb` may be set to (100 MB). */
export const MAX_FILE_SIZE_KB_CEILING = 102_400;

export interface LimitProblem extends ParseProblem {
  ruleId: 'document-limits';
  /** The document is not parsed: nothing else can be said about it. */
  stop: boolean;
}

// The ASCII range, NUL included.
const NOT_ASCII = /[^\x00-\x7f]/;

/**
 * The size of the text saved as UTF-8, in bytes, counted without encoding it;
 * stops counting once past `stopAfter` (the answer is then just over it).
 */
export function utf8Length(text: string, stopAfter = Infinity): number {
  // Most protocols are ASCII, one byte a character: a native search finds the first that is not.
  const firstWide = text.search(NOT_ASCII);
  if (firstWide === -1) return text.length;
  let bytes = firstWide;
  for (let i = firstWide; i < text.length && bytes <= stopAfter; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** 12345 as `12,345`. */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Size, binary content and text that was not UTF-8. A file over the limit or
 * holding a NUL character stops here; a U+FFFD (what a decoder leaves where
 * bytes were not UTF-8) is reported once and the document is still checked.
 */
export function checkLimits(text: string, maxFileSizeKb: number = DEFAULT_MAX_FILE_SIZE_KB): LimitProblem[] {
  const limitBytes = maxFileSizeKb * 1024;
  // Every UTF-16 unit is at least one byte, and at most three: decide without counting where possible.
  if (text.length > limitBytes || (text.length * 3 > limitBytes && utf8Length(text, limitBytes) > limitBytes)) {
    const kb = Math.ceil(utf8Length(text) / 1024);
    const [start, end] = firstContent(text);
    return [
      {
        ruleId: 'document-limits',
        message: `This file is ${grouped(kb)} KB, over the ${grouped(maxFileSizeKb)} KB limit for one document, so it is not checked; split it into catalogues listed under \`includes\`, or raise \`maxFileSizeKb\` in .roleprotocols.yaml.`,
        start,
        end,
        stop: true,
      },
    ];
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    return [
      {
        ruleId: 'document-limits',
        message:
          'The file holds a NUL character here, so it is binary data rather than a protocol and it is not checked; if it should be a protocol, save it as UTF-8 text (a file saved as UTF-16 also looks like this).',
        start: nul,
        end: nul + 1,
        stop: true,
      },
    ];
  }
  const replacement = text.indexOf('\ufffd');
  if (replacement !== -1) {
    let count = 0;
    for (let i = replacement; i !== -1; i = text.indexOf('\ufffd', i + 1)) count++;
    const more = count > 1 ? ` (${grouped(count)} places in the file)` : '';
    return [
      {
        ruleId: 'document-limits',
        message: `This character (U+FFFD) is what is left where bytes could not be read as UTF-8${more}: the file is, or once was, saved in another encoding such as Windows-1252. Save it as UTF-8 and type the right character here.`,
        start: replacement,
        end: replacement + 1,
        stop: false,
      },
    ];
  }
  return [];
}

/**
 * Where a finding about the whole file sits: the first line that holds
 * something other than a comment (so a disable comment can go above it),
 * from its first character to the end of the line, at most 120 characters.
 */
export function firstContent(text: string): [number, number] {
  const lineBreak = /\r\n|\r|\n/g;
  let lineStart = 0;
  for (let n = 0; n < 10_000 && lineStart < text.length; n++) {
    lineBreak.lastIndex = lineStart;
    const found = lineBreak.exec(text);
    const lineEnd = found ? found.index : text.length;
    const line = text.slice(lineStart, Math.min(lineEnd, lineStart + 10_000));
    const indent = line.search(/\S/); // \s includes the byte order mark
    if (indent !== -1 && line.charAt(indent) !== '#') {
      const shown = line.slice(indent, indent + 120).trimEnd();
      return [lineStart + indent, lineStart + indent + shown.length];
    }
    if (!found) break;
    lineStart = found.index + found[0].length;
  }
  return [0, Math.min(1, text.length)];
}
