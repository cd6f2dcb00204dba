/**
 * Where the cursor is, in YAML terms, worked out from indentation alone. A
 * document being typed rarely parses ("title Adap", a missing colon), so
 * completion cannot wait for a tree: this reads the lines above the cursor
 * the way a YAML reader would and gives the path of the mapping or list the
 * cursor sits in.
 */
import { changedSpan } from '../parse/reparse';

export interface CursorContext {
  /** Path of the mapping (key mode, value mode) or list (item mode) the cursor is in. */
  path: (string | number)[];
  /**
   * `key`: typing a key; `value`: typing the value of `key`; `item`: typing an
   * entry of the list at `path` (after `- ` or inside `[...]`).
   */
  mode: 'key' | 'value' | 'item';
  key?: string;
  /** What has been typed of the word at the cursor. */
  partial: string;
  /** The offsets a completion replaces (the whole word, even past the cursor). */
  replaceStart: number;
  replaceEnd: number;
  inFlowList: boolean;
  /** Keys already written in the mapping at `path`, above and below the cursor (key mode). */
  existingKeys: Set<string>;
  /** Column of the key or entry being typed, for indenting snippets. */
  column: number;
  /** The line starts a new list entry with `- ` (so a snippet may fill a whole entry). */
  afterDash: boolean;
}

/**
 * What a caller keeps between calls on one document (an editor's open
 * document), so that the scan of the lines above the cursor resumes from a
 * saved state instead of the top: the stack of open containers at every few
 * hundred lines, valid for as long as the text before them is unchanged.
 * Without it every call reads from the top (8 ms at line 8,000).
 */
export interface ScanMemo {
  text?: string;
  /** In document order. */
  checkpoints: { lineStart: number; stack: Open[] }[];
}

export function createScanMemo(): ScanMemo {
  return { checkpoints: [] };
}

/** Lines between saved states: resuming costs at most this many lines. */
const CHECKPOINT_LINES = 200;

interface Opener {
  col: number;
  kind: 'key' | 'dash';
  key?: string;
  /** A key whose value starts on the next lines (a nested mapping or list). */
  block?: boolean;
}

interface Open extends Opener {
  /** For a dash: its index among its siblings. */
  index: number;
  keys: Set<string>;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\-?:,[\]{}][^#]*?|-[^\s#]*?)\s*:(?=\s|$)/;

/** The openers of one line: its `- ` markers and its `key:`, with their columns. */
function openersOf(line: string): { openers: Opener[]; rest: string; restCol: number } | undefined {
  let pos = 0;
  while (pos < line.length && line[pos] === ' ') pos++;
  if (pos >= line.length || line[pos] === '#' || line.startsWith('---', pos) || line.startsWith('...', pos)) return undefined;
  const openers: Opener[] = [];
  while (line[pos] === '-' && (pos + 1 === line.length || line[pos + 1] === ' ')) {
    openers.push({ col: pos, kind: 'dash' });
    pos++;
    while (line[pos] === ' ') pos++;
  }
  const m = KEY.exec(line.slice(pos));
  if (m) {
    const raw = m[1] ?? ''; // group 1 always takes part: it is the whole key
    const key = /^["']/.test(raw) ? raw.slice(1, -1) : raw.trim();
    let restCol = pos + m[0].length;
    while (line[restCol] === ' ') restCol++;
    const rest = line
      .slice(restCol)
      .replace(/(^|\s)#.*$/, '')
      .trimEnd();
    const block = rest === '' || /^&\S+$/.test(rest) || /^!\S+$/.test(rest);
    openers.push({ col: pos, kind: 'key', key, block });
    return { openers, rest, restCol };
  }
  return { openers, rest: line.slice(pos), restCol: pos };
}

/** The innermost open container. The stack always keeps its root: `push` never pops the last entry. */
function innermost(stack: Open[]): Open {
  const top = stack.at(-1);
  if (!top) throw new Error('the stack of open containers lost its root');
  return top;
}

/** Applies one opener to the stack of open containers, as a YAML reader would. */
function push(stack: Open[], opener: Opener): void {
  let siblingIndex = -1;
  for (;;) {
    const top = innermost(stack);
    if (top.col < opener.col) break;
    if (top.col === opener.col) {
      if (opener.kind === 'dash' && top.kind === 'key' && top.block) break; // `key:` then `- item` at the same column
      if (opener.kind === 'dash' && top.kind === 'dash') siblingIndex = top.index;
    }
    if (stack.length === 1) break;
    stack.pop();
  }
  const parent = innermost(stack);
  if (opener.kind === 'key') {
    parent.keys.add(opener.key ?? '');
    if (opener.block) stack.push({ ...opener, index: 0, keys: new Set() });
  } else {
    stack.push({ ...opener, index: siblingIndex + 1, keys: new Set() });
  }
}

const pathOf = (stack: Open[]): (string | number)[] => stack.slice(1).map((o) => (o.kind === 'key' ? (o.key ?? '') : o.index));

/** A deep copy: the scan adds keys to the stack's sets as it goes. */
function copyOf(stack: Open[]): Open[] {
  return stack.map((o) => ({ ...o, keys: new Set(o.keys) }));
}

/**
 * The saved state nearest before `lineStart`, copied, after dropping those
 * the text's changes since the last call have made stale (the state at a
 * line depends only on the text before it).
 */
function resume(memo: ScanMemo, text: string, lineStart: number): { stack: Open[]; lineStart: number } | undefined {
  if (memo.text !== text) {
    const unchangedUpTo = memo.text === undefined ? 0 : (changedSpan(memo.text, text)?.start ?? text.length);
    let keep = memo.checkpoints.length;
    while (keep > 0 && memo.checkpoints[keep - 1]!.lineStart > unchangedUpTo) keep--;
    memo.checkpoints.length = keep;
    memo.text = text;
  }
  let found: { lineStart: number; stack: Open[] } | undefined;
  for (const checkpoint of memo.checkpoints) {
    if (checkpoint.lineStart > lineStart) break;
    found = checkpoint;
  }
  if (!found) return undefined;
  return { stack: copyOf(found.stack), lineStart: found.lineStart };
}

/** Works out the cursor's context from the text and an offset into it. */
export function cursorContext(text: string, offset: number, memo?: ScanMemo): CursorContext {
  // At offset 0, lastIndexOf(…, -1) would still find a line break at 0.
  const lineStart = offset > 0 ? text.lastIndexOf('\n', offset - 1) + 1 : 0;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd === -1) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const column = offset - lineStart;
  let stack: Open[] = [{ col: -1, kind: 'key', index: 0, keys: new Set(), block: true }];
  // Lines above the cursor, in order; from the last saved state before the cursor that the text still allows.
  let start = 0;
  if (memo) {
    const resumed = resume(memo, text, lineStart);
    if (resumed) ({ stack, lineStart: start } = resumed);
  }
  let sinceCheckpoint = 0;
  let lastSaved = memo?.checkpoints[memo.checkpoints.length - 1]?.lineStart ?? -1;
  while (start < lineStart) {
    // Saved in order, past the last one kept: a scan that resumed early passes the later ones again.
    if (memo && ++sinceCheckpoint > CHECKPOINT_LINES && start > lastSaved) {
      memo.checkpoints.push({ lineStart: start, stack: copyOf(stack) });
      lastSaved = start;
      sinceCheckpoint = 0;
    }
    let end = text.indexOf('\n', start);
    if (end === -1 || end >= lineStart) end = lineStart - 1;
    const shape = openersOf(text.slice(start, end).replace(/\r$/, ''));
    if (shape) for (const opener of shape.openers) push(stack, opener);
    start = end + 1;
  }
  // The cursor line, up to the cursor.
  const before = line.slice(0, column);
  const shape = openersOf(before) ?? { openers: [], rest: before.trimStart(), restCol: before.length - before.trimStart().length };
  const dashes = shape.openers.filter((o) => o.kind === 'dash');
  for (const dash of dashes) push(stack, dash);
  const keyOpener = shape.openers.find((o) => o.kind === 'key');
  const wordEnd = (from: number) => {
    let e = from;
    while (e < line.length && !/[\s,\]}:#]/.test(line.charAt(e))) e++;
    return lineStart + e;
  };
  if (keyOpener) {
    // `key: value|`: the stack above is the key's mapping.
    push(stack, { ...keyOpener, block: false });
    const path = pathOf(stack);
    const rest = before.slice(shape.restCol);
    const flowOpen = rest.lastIndexOf('[');
    if (flowOpen !== -1 && rest.indexOf(']', flowOpen) === -1) {
      const after = rest.slice(flowOpen + 1);
      const lastComma = after.lastIndexOf(',');
      const partial = after.slice(lastComma + 1).trimStart();
      const partialCol = column - partial.length;
      return {
        path: [...path, keyOpener.key ?? ''],
        mode: 'item',
        partial,
        replaceStart: lineStart + partialCol,
        replaceEnd: wordEnd(column),
        inFlowList: true,
        existingKeys: new Set(),
        column: keyOpener.col,
        afterDash: false,
      };
    }
    const partial = rest.replace(/^["']/, '');
    return {
      path,
      mode: 'value',
      key: keyOpener.key,
      partial,
      replaceStart: lineStart + shape.restCol,
      replaceEnd: lineStart + Math.max(column, line.replace(/\s+#.*$/, '').trimEnd().length),
      inFlowList: false,
      existingKeys: new Set(),
      column: keyOpener.col,
      afterDash: dashes.length > 0,
    };
  }
  // Typing a key (or a list entry) at `col`.
  const partial = shape.rest.trimStart();
  const col = column - partial.length;
  const afterDash = dashes.length > 0;
  push(stack, { col, kind: 'key', key: '\u0000', block: false });
  const container = innermost(stack);
  container.keys.delete('\u0000');
  const existingKeys = new Set(container.keys);
  // Keys of the same mapping written below the cursor.
  for (let s = lineEnd + 1; s < text.length;) {
    let e = text.indexOf('\n', s);
    if (e === -1) e = text.length;
    const below = openersOf(text.slice(s, e).replace(/\r$/, ''));
    s = e + 1;
    if (!below) continue;
    const first = below.openers[0];
    if (!first) continue;
    if (first.col < col) break;
    const key = below.openers.find((o) => o.kind === 'key');
    if (key && key.col === col && below.openers.length === 1) existingKeys.add(key.key ?? '');
  }
  return {
    path: pathOf(stack),
    mode: 'key',
    partial,
    replaceStart: lineStart + col,
    replaceEnd: wordEnd(column),
    inFlowList: false,
    existingKeys,
    column: col,
    afterDash,
  };
}
