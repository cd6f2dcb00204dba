/**
 * Text from a protocol (ids, keys, values quoted in messages, file names)
 * shown in a terminal must not steer it: ESC and the other C0 and C1 controls
 * and DEL can clear the screen, retitle the window or overwrite lines, and
 * the bidirectional and invisible format characters (U+202A-202E,
 * U+2066-2069, U+200E/200F, U+061C, zero-width characters, tag characters)
 * reorder or hide what a line says. Every control (Cc), format (Cf), line
 * separator (Zl) and paragraph separator (Zp) character is shown as its
 * escape instead, as JSON writes it: `\u001b`, `\t`, `\u202e`.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
/** The same, but a line feed (or CR LF) the output itself writes is kept. */
const HIDDEN_BUT_LINES = /(?!\r\n|\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

const SHORT: Record<string, string> = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };

function escape(character: string): string {
  const short = SHORT[character];
  if (short) return short;
  const code = character.codePointAt(0)!;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Text for one line of a terminal: every control and format character shown as an escape. */
export function visible(text: string): string {
  return text.replace(HIDDEN, escape);
}

/**
 * Text of several lines for a terminal (a Markdown or CSV table): line feeds
 * and CR LF are kept, a lone CR and every other control or format character
 * is shown as an escape.
 */
export function visibleLines(text: string): string {
  return text.replace(HIDDEN_BUT_LINES, escape);
}

/**
 * JSON text with the controls and format characters JSON.stringify leaves as
 * they are (C1, DEL, bidirectional and invisible characters, U+2028/2029)
 * written as `\u` escapes too. Outside strings JSON text is ASCII, so this
 * changes no value: a program reads the same data, a terminal shows it safely.
 */
export function jsonVisible(json: string): string {
  return json.replace(HIDDEN, (character) => {
    if (character < ' ') return character; // whitespace between tokens: JSON.stringify escapes the others
    // An astral character (a tag character) as its two UTF-16 halves, as JSON spells it.
    return character
      .split('')
      .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .join('');
  });
}
