import type { YamlNode } from '../parse/tree';
import { describeCharacter } from './characterNames';

/**
 * Characters that make text read differently from what it is (Unicode TR36
 * and TR39; "Trojan Source", CVE-2021-42574):
 * - `bidi`: the bidirectional controls (Unicode's Bidi_Control property:
 *   U+061C, U+200E, U+200F, U+202A-202E, U+2066-2069), which reorder how the
 *   text around them is displayed;
 * - `invisible`: the other default-ignorable characters (zero-width space,
 *   joiners, word joiner, soft hyphen, byte order mark, variation selectors,
 *   tag characters, Hangul fillers…), which show as nothing, so two texts that
 *   look the same differ, or text is hidden in plain sight.
 */
export type HiddenKind = 'bidi' | 'invisible';

export interface HiddenCharacter {
  kind: HiddenKind;
  codePoint: number;
  /** The character, or the escape that writes it (`\u202E` in a double-quoted string). */
  start: number;
  end: number;
  /** `U+202E RIGHT-TO-LEFT OVERRIDE`. */
  description: string;
  /** Where it is, for the message: "in the value of `title`", "in a comment". */
  where: string;
  /** The escape as written, when the character is written as one. */
  escape?: string;
}

const HIDDEN = /\p{Default_Ignorable_Code_Point}/gu;
const ANY_HIDDEN = /\p{Default_Ignorable_Code_Point}/u;
const BIDI = /^\p{Bidi_Control}$/u;
const PICTOGRAPHIC = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{FE0F}]$/u;
const DEFAULT_IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
/** A letter or mark of a script that needs joiners (Arabic, Persian, the Indic scripts…): not one that only looks like Latin. */
const JOINING_SCRIPT = /^[\p{L}\p{M}]$/u;
const LATIN_LIKE = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}]$/u;

/** A scalar of the tree, as a place a character can be: its range and how a message names it. */
interface Place {
  start: number;
  end: number;
  where: string;
  /** Written in double quotes (JSON strings, YAML `"…"`): its backslash escapes are read. */
  escapes: boolean;
}

/** The first hidden characters of a document, and how many more there are of each kind. */
export interface HiddenCharacters {
  /** At most MAX_REPORTED of each kind, in the order of the text. */
  found: HiddenCharacter[];
  /** How many more of each kind there are past those. */
  more: Record<HiddenKind, number>;
}

/** How many findings one rule gives one document, one per character; past it, the last finding counts the rest. */
export const MAX_REPORTED = 100;

const cache = new WeakMap<YamlNode, { text: string; result: HiddenCharacters }>();

/**
 * The hidden characters in the text, in order: in values, keys and comments
 * alike (comments are not in the tree, so the text itself is scanned), and
 * those written as escapes in double-quoted strings. A byte order mark at the
 * very start is not one, nor are the joiners and selectors that emoji and
 * scripts such as Arabic or Devanagari need in their place (see `allowedHere`).
 * A hostile file may hold millions: only the first MAX_REPORTED of each kind
 * are described, the rest counted. Computed once per parse; both
 * hidden-character rules read it.
 */
export function hiddenCharacters(text: string, root: YamlNode): HiddenCharacters {
  const cached = cache.get(root);
  if (cached && cached.text === text) return cached.result;
  const result = scan(text, root);
  cache.set(root, { text, result });
  return result;
}

/** A character found, before it is described. */
type Hit = Omit<HiddenCharacter, 'description' | 'where'>;

/** Keeps the first MAX_REPORTED hits of each kind and counts the rest. */
class Tally {
  readonly kept: Hit[] = [];
  readonly total: Record<HiddenKind, number> = { bidi: 0, invisible: 0 };
  add(hit: Hit): void {
    if (++this.total[hit.kind] <= MAX_REPORTED) this.kept.push(hit);
  }
}

function scan(text: string, root: YamlNode): HiddenCharacters {
  const none: HiddenCharacters = { found: [], more: { bidi: 0, invisible: 0 } };
  const literal = ANY_HIDDEN.test(text);
  const escaped = mayHoldHiddenEscape(text);
  if (!literal && !escaped) return none;
  const places = placesOf(root);
  const written = new Tally();
  if (literal) {
    // A run of tag characters is judged once (a flag, or hidden text), not once per character.
    let tagRun = { end: -1, allowed: false };
    const hidden = new RegExp(HIDDEN.source, 'gu');
    for (let m = hidden.exec(text); m; m = hidden.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      const codePoint = m[0].codePointAt(0)!;
      if (codePoint === 0xfeff && start === 0) continue;
      const kind: HiddenKind = BIDI.test(m[0]) ? 'bidi' : 'invisible';
      if (kind === 'invisible') {
        if (isTag(codePoint)) {
          if (start >= tagRun.end) tagRun = judgeTagRun(text, start);
          if (tagRun.allowed) {
            hidden.lastIndex = tagRun.end;
            continue;
          }
        } else if (allowedHere(text, start, end, codePoint)) continue;
      }
      written.add({ kind, codePoint, start, end });
    }
  }
  const escapes = new Tally();
  if (escaped) for (const place of places) if (place.escapes) escapesIn(text, place, escapes);
  const hits = [...written.kept, ...escapes.kept].sort((a, b) => a.start - b.start);
  const shown: Record<HiddenKind, number> = { bidi: 0, invisible: 0 };
  const found: HiddenCharacter[] = [];
  const lines = new CommentFinder(text, places);
  for (const hit of hits) {
    if (++shown[hit.kind] > MAX_REPORTED) continue;
    const where = hit.escape !== undefined ? (placeAt(places, hit.start)?.where ?? 'in the document') : whereIs(places, lines, hit.start);
    found.push({ ...hit, description: describeCharacter(hit.codePoint), where });
  }
  const more = (kind: HiddenKind) => written.total[kind] + escapes.total[kind] - Math.min(shown[kind], MAX_REPORTED);
  return { found, more: { bidi: more('bidi'), invisible: more('invisible') } };
}

/**
 * Whether any backslash escape in the text could write a hidden character:
 * a quick pass over the text, so that a document full of ordinary escapes
 * (`\\`, `\n`) is not walked scalar by scalar.
 */
function mayHoldHiddenEscape(text: string): boolean {
  if (!text.includes('\\')) return false;
  const candidate = /\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|x([0-9a-fA-F]{2}))/g;
  for (let m = candidate.exec(text); m; m = candidate.exec(text)) {
    const codePoint = parseInt(m[1] ?? m[2] ?? m[3] ?? '', 16);
    // A high surrogate may start a pair that writes a tag or a variation selector.
    if (codePoint >= 0xd800 && codePoint <= 0xdbff) return true;
    if (codePoint <= 0x10ffff && !(codePoint >= 0xdc00 && codePoint <= 0xdfff) && DEFAULT_IGNORABLE.test(String.fromCodePoint(codePoint))) return true;
  }
  return false;
}

/**
 * The places where an invisible character does a job and is not hidden
 * text: a zero-width joiner inside an emoji sequence (health worker: woman, joiner, staff of Aesculapius), a joiner, non-joiner
 * or other format character after a letter of a script that uses them
 * (Persian, the Indic scripts, Mongolian, Khmer), and the first variation
 * selector after a character it can modify (a telephone drawn as emoji, a keycap, an ideograph).
 * A run of selectors after one character, or any of these after a Latin,
 * Greek or Cyrillic letter, is still reported: that is how text is smuggled.
 */
function allowedHere(text: string, start: number, end: number, codePoint: number): boolean {
  const previous = characterBefore(text, start);
  const next = characterAt(text, end);
  const joiningLetter = previous !== '' && JOINING_SCRIPT.test(previous) && !LATIN_LIKE.test(previous);
  if (codePoint === 0x200d) return (PICTOGRAPHIC.test(previous) && PICTOGRAPHIC.test(next)) || joiningLetter;
  if (codePoint === 0x200c || codePoint === 0x034f || (codePoint >= 0x180b && codePoint <= 0x180f) || codePoint === 0x17b4 || codePoint === 0x17b5)
    return joiningLetter;
  const selector = (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || (codePoint >= 0xe0100 && codePoint <= 0xe01ef);
  if (selector) {
    if (/^[0-9#*]$/.test(previous) && (codePoint === 0xfe0f || codePoint === 0xfe0e) && next === '\u20e3') return true;
    return previous !== '' && previous.codePointAt(0)! > 0x7f && !DEFAULT_IGNORABLE.test(previous);
  }
  return false;
}

function isTag(codePoint: number): boolean {
  return codePoint >= 0xe0000 && codePoint <= 0xe007f;
}

/**
 * A run of tag characters is allowed when it is the tail of a subdivision
 * flag: right after U+1F3F4 WAVING BLACK FLAG, ending in U+E007F CANCEL TAG
 * (the flag of Wales), and short, as a region code is. Anything else is text hidden in tags.
 */
function judgeTagRun(text: string, start: number): { end: number; allowed: boolean } {
  let end = start;
  let last = 0;
  for (let cp = text.codePointAt(end); cp !== undefined && isTag(cp); cp = text.codePointAt(end)) {
    last = cp;
    end += 2;
  }
  // A flag's tags spell a region code (`gbwls`): a few characters, not a hidden sentence.
  const count = (end - start) / 2;
  return { end, allowed: characterBefore(text, start) === '\u{1F3F4}' && last === 0xe007f && count >= 2 && count <= 8 };
}

function characterBefore(text: string, offset: number): string {
  if (offset <= 0) return '';
  const low = text.charCodeAt(offset - 1);
  if (low >= 0xdc00 && low <= 0xdfff && offset >= 2) {
    const high = text.charCodeAt(offset - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(offset - 2, offset);
  }
  return text.charAt(offset - 1);
}

function characterAt(text: string, offset: number): string {
  const cp = text.codePointAt(offset);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** Every scalar, key or value, in the order of the text, with how a message names it. */
function placesOf(root: YamlNode): Place[] {
  const places: Place[] = [];
  const visit = (node: YamlNode, where: string) => {
    if (node.kind === 'scalar') {
      if (!node.empty) places.push({ start: node.start, end: node.end, where, escapes: node.quoted && node.end > node.start });
    } else if (node.kind === 'mapping') {
      for (const pair of node.pairs) {
        const key = visible(String(pair.key.value));
        places.push({ start: pair.key.start, end: pair.key.end, where: `in the key \`${key}\``, escapes: pair.key.quoted });
        visit(pair.value, `in the value of \`${key}\``);
      }
    } else if (node.kind === 'sequence') {
      const owner = where.startsWith('in the value of ') ? where.slice('in the value of '.length) : '';
      for (const item of node.items) visit(item, owner ? `in an item of ${owner}` : 'in a list item');
    }
  };
  visit(root, 'in the document');
  return places.sort((a, b) => a.start - b.start);
}

/** A key as it looks: its own hidden characters left out. */
function visible(text: string): string {
  return text.replace(/\p{Default_Ignorable_Code_Point}/gu, '');
}

/** Where an offset outside every scalar is: in a comment, or elsewhere in the layout. */
function whereIs(places: Place[], comments: CommentFinder, offset: number): string {
  const place = placeAt(places, offset);
  if (place) return place.where;
  return comments.inComment(offset) ? 'in a comment' : 'between the values';
}

/**
 * Whether an offset lies in a comment: after a `#` that starts one (at the
 * start of its line or after white space, and not inside a scalar). Each line
 * is read once, however many characters on it are asked about.
 */
class CommentFinder {
  private lineStart = -1;
  private lineEnd = -1;
  private commentStart = -1;
  constructor(
    private readonly text: string,
    private readonly places: Place[],
  ) {}

  inComment(offset: number): boolean {
    if (offset < this.lineStart || offset > this.lineEnd) this.readLine(offset);
    return this.commentStart !== -1 && this.commentStart < offset;
  }

  private readLine(offset: number): void {
    const text = this.text;
    this.lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
    const breakAt = text.slice(offset).search(/[\r\n]/);
    this.lineEnd = breakAt === -1 ? text.length : offset + breakAt;
    this.commentStart = -1;
    for (let i = text.indexOf('#', this.lineStart); i !== -1 && i < this.lineEnd; i = text.indexOf('#', i + 1)) {
      if ((i === this.lineStart || /\s/.test(text.charAt(i - 1))) && !placeAt(this.places, i)) {
        this.commentStart = i;
        return;
      }
    }
  }
}

function placeAt(places: Place[], offset: number): Place | undefined {
  let low = 0;
  let high = places.length - 1;
  let best: Place | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const place = places[mid]!; // low <= mid <= high, all within the list
    if (place.start <= offset) {
      best = place;
      low = mid + 1;
    } else high = mid - 1;
  }
  return best && offset < best.end ? best : undefined;
}

/** Hidden characters written as backslash escapes inside a double-quoted string (`"\u202E"`, `"\U000E0041"`). */
function escapesIn(text: string, place: Place, tally: Tally): void {
  if (text.charAt(place.start) !== '"') return;
  const raw = text.slice(place.start, place.end);
  if (!raw.includes('\\')) return;
  const escape = /\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|x([0-9a-fA-F]{2})|[\s\S])/g;
  for (let m = escape.exec(raw); m; m = escape.exec(raw)) {
    const hex = m[1] ?? m[2] ?? m[3];
    if (hex === undefined) continue;
    let codePoint = parseInt(hex, 16);
    let written = m[0];
    // JSON writes a character beyond U+FFFF as two escapes, a surrogate pair.
    if (m[1] !== undefined && codePoint >= 0xd800 && codePoint <= 0xdbff) {
      const low = /^\\u(d[c-f][0-9a-f]{2})/i.exec(raw.slice(escape.lastIndex, escape.lastIndex + 6));
      if (low) {
        codePoint = 0x10000 + ((codePoint - 0xd800) << 10) + (parseInt(low[1] ?? '', 16) - 0xdc00);
        written += low[0];
        escape.lastIndex += low[0].length;
      }
    }
    if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) continue;
    const character = String.fromCodePoint(codePoint);
    if (!DEFAULT_IGNORABLE.test(character)) continue;
    const start = place.start + m.index;
    tally.add({ kind: BIDI.test(character) ? 'bidi' : 'invisible', codePoint, start, end: start + written.length, escape: written });
  }
}
