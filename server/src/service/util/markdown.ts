/**
 * Document text inside the Markdown the server sends (hovers, completion
 * documentation). A title is the author's text, not Markdown: written as
 * `![t](https://…)` it must not make the editor fetch an image, nor a
 * `[x](command:…)` a link that runs a command, nor `<img>` HTML. Our own
 * fixed words keep their Markdown; every piece taken from a document goes
 * through one of these.
 */

/** ASCII punctuation: CommonMark lets a backslash escape each of these, and only these. */
const PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * Text that renders as exactly its characters: every ASCII punctuation
 * character is backslash-escaped, so no link, image, autolink, HTML, entity,
 * emphasis, heading or list can start in it (a bare `www.x` or `https://x`
 * is no longer one either, its `.` and `:` being escaped). Line breaks
 * become spaces: the text sits inside a line or a list item of ours. A
 * bidirectional control is shown by its code, `⟨U+202E⟩`, rather than left
 * to reorder the hover around it (the `bidi-control` rule reports it).
 */
export function markdownText(text: string): string {
  return text
    .replace(/[ \t]*(?:\r\n|[\r\n\u2028\u2029])[ \t]*/g, ' ')
    .replace(PUNCTUATION, '\\$&')
    .replace(/\p{Bidi_Control}/gu, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

/**
 * Text as a code span: shown literally (a code span holds no Markdown), with
 * a fence of backticks longer than any run of them in the text, so the text
 * cannot close it early.
 */
export function markdownCode(text: string): string {
  const flat = text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // A space on each side keeps a backtick at either end apart from the fence; CommonMark strips one of each.
  const pad = flat.startsWith('`') || flat.endsWith('`') || (flat.startsWith(' ') && flat.endsWith(' ') && flat.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * The plain text of Markdown built with these helpers, for a client that
 * shows hovers as plain text: the backslash escapes are taken out again.
 */
export function markdownToPlain(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
