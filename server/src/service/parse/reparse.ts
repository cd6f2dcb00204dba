/**
 * Incremental re-parse: after an edit, read again only the list entry the
 * edit falls in and reuse the rest of the previous tree.
 *
 * A protocol is mostly long lists (steps, training rows, skills) whose entries
 * start with a `-` at the same column. Such an entry is a unit of YAML: the
 * lines from its dash to the next entry's dash parse the same on their own as
 * inside the document, because everything the entry opens (quotes, brackets,
 * block scalars, nested lists and mappings) must close before a line at the
 * dash's column or less. So the edited entry's lines are parsed alone, and the
 * result is accepted only if it is, again, a block list whose dashes sit at
 * that column; the nodes after it are copied with their offsets moved by the
 * edit's length. Anything else (an edit outside a list entry, a fragment that
 * does not stand alone, anchors, a previous text that did not parse) returns
 * undefined and the caller parses the whole text, so the answer is always the
 * one a full parse gives. `test/src/service/reparse.test.ts` checks exactly
 * that against `parseDocument` on random edits.
 */
import { parseEvents, EVENT_ID, type Event } from 'js-yaml';
import { MAX_DEPTH, TreeBuilder, type ParsedDocument, type ParseOptions, type ParseProblem } from './parseDocument';
import type { MappingNode, Pair, SequenceNode, YamlNode } from './tree';

/** What an edit changed: `[start, oldEnd)` of the old text became `[start, newEnd)` of the new. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The smallest span that differs between two texts (common prefix and suffix left out); undefined when they are equal. */
export function changedSpan(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  // Compare in blocks first: string equality of slices runs natively and is far faster than a loop over characters.
  for (let block = 4096; block >= 1; block >>= 3) {
    while (start + block <= shorter && before.slice(start, start + block) === after.slice(start, start + block)) start += block;
  }
  let oldEnd = before.length;
  let newEnd = after.length;
  for (let block = 4096; block >= 1; block >>= 3) {
    while (oldEnd - block >= start && newEnd - block >= start && before.slice(oldEnd - block, oldEnd) === after.slice(newEnd - block, newEnd)) {
      oldEnd -= block;
      newEnd -= block;
    }
  }
  return { start, oldEnd, newEnd };
}

/** List entries, one or several in a row, whose lines can be parsed again on their own. */
interface Region {
  /** The collections from the root down to the list, with the index taken at each. */
  path: { node: MappingNode | SequenceNode; index: number }[];
  list: SequenceNode;
  /** The entries `first` to `last` (inclusive) are read again. */
  first: number;
  last: number;
  /** Start of the first entry's dash line. */
  start: number;
  /** Start of the next entry's dash line; for the list's last entry, the end of its last line. */
  end: number;
  /** Column of the dashes. */
  column: number;
}

/**
 * The new text parsed by reusing `previous` wherever the edit did not reach,
 * or undefined when that cannot be done safely (the caller then parses it whole).
 */
export function reparse(previous: ParsedDocument, text: string, options: ParseOptions = {}): ParsedDocument | undefined {
  if (previous.language !== 'yaml' || !previous.root || previous.anchors.size > 0) return undefined;
  // A previous syntax problem means its tree may not be the one a full parse gives now.
  if (previous.problems.some((p) => p.ruleId !== 'duplicate-key')) return undefined;
  const change = changedSpan(previous.text, text);
  if (!change) return { text, language: 'yaml', root: previous.root, problems: previous.problems.slice(), anchors: new Map() };
  const commentsOnly = reparseComments(previous, text, change);
  if (commentsOnly) return commentsOnly;
  const maxDepth = options.maxDepth ?? MAX_DEPTH;
  const oldText = previous.text;
  const delta = change.newEnd - change.oldEnd;
  for (const region of regionsAround(previous.root, oldText, change)) {
    // Lines put before the first dash would belong, in context, to what ends there (the trailing
    // blank lines of a `|+` block scalar are part of its value): the run must still start with its dash.
    if (!dashLineAt(text, region.start, region.column)) continue;
    const fragment = text.slice(region.start, region.end + delta);
    const items = parseEntries(fragment, region.column, maxDepth - region.path.length - 1);
    // An edit may reach out of the innermost entry (a line written at its parent's indentation): try the one around it.
    if (!items) continue;
    for (const item of items.nodes) shiftInPlace(item, region.start);
    const problems: ParseProblem[] = [];
    for (const p of previous.problems) {
      if (p.end <= region.start) problems.push(p);
      else if (p.start >= region.end) problems.push({ ...p, start: p.start + delta, end: p.end + delta });
    }
    for (const p of items.problems) problems.push({ ...p, start: p.start + region.start, end: p.end + region.start });
    problems.sort((a, b) => a.start - b.start);
    return { text, language: 'yaml', root: splice(region, items.nodes, items.start + region.start, delta), problems, anchors: new Map() };
  }
  return undefined;
}

/**
 * The runs of list entries that hold the whole edit, innermost first: at each
 * block list on the way down from the root, the entries from the one whose
 * lines the edit starts in to the one it ends in. The edit must leave alone
 * the line break that ends the run, so that what follows starts a line as before.
 */
function regionsAround(root: YamlNode, text: string, change: TextChange): Region[] {
  const regions: Region[] = [];
  const path: { node: MappingNode | SequenceNode; index: number }[] = [];
  const lastChanged = Math.max(change.start, change.oldEnd - 1);
  let node: YamlNode = root;
  for (;;) {
    if (node.kind === 'mapping') {
      if (node.flow) break;
      // The last pair whose key starts at or before the edit.
      let index = -1;
      let pair: Pair | undefined;
      for (const [i, p] of node.pairs.entries()) {
        if (p.key.start > change.start) break;
        index = i;
        pair = p;
      }
      if (!pair) break;
      path.push({ node, index });
      node = pair.value;
    } else if (node.kind === 'sequence') {
      if (node.flow) break;
      let first = -1;
      let last = -1;
      let column = -1;
      let start = -1;
      let bounded = true;
      for (const [i, item] of node.items.entries()) {
        const dash = dashOf(text, item);
        // An entry we cannot bound: stop here, outer entries may still do.
        if (!dash || (column >= 0 && dash.column !== column)) {
          bounded = false;
          break;
        }
        if (dash.lineStart > lastChanged) break;
        column = dash.column;
        if (dash.lineStart <= change.start) {
          first = i;
          start = dash.lineStart;
        }
        last = i;
      }
      const firstItem = node.items[first];
      const lastItem = node.items[last];
      if (!firstItem || !lastItem || !bounded) break;
      const next = node.items[last + 1];
      const nextDash = next ? dashOf(text, next) : undefined;
      if (next && (!nextDash || nextDash.column !== column)) break;
      const end = nextDash ? nextDash.lineStart : endOfLastEntry(text, lastItem.end, column);
      const inside = end >= 0 && (end < text.length ? change.oldEnd < end : change.oldEnd <= end);
      if (inside) regions.unshift({ path: path.slice(), list: node, first, last, start, end, column });
      if (first !== last) break;
      path.push({ node, index: first });
      node = firstItem;
    } else {
      break;
    }
  }
  return regions;
}

/**
 * The dash that starts a list entry written `- value` on one line: its column
 * and the start of its line. Undefined for any other layout (a dash on a line
 * of its own, a tag or a comment between, an entry that is not the first
 * thing on its line), which is then never re-parsed alone.
 */
function dashOf(text: string, item: YamlNode): { lineStart: number; column: number } | undefined {
  if (item.kind === 'scalar' && item.empty) return undefined;
  let i = item.start - 1;
  while (i >= 0 && text.charCodeAt(i) === 32) i--;
  if (i < 0 || i === item.start - 1 || text.charCodeAt(i) !== 45 /* - */) return undefined;
  const dash = i;
  while (i > 0 && text.charCodeAt(i - 1) === 32) i--;
  if (i > 0 && !isLineBreak(text.charCodeAt(i - 1))) return undefined;
  return { lineStart: i, column: dash - i };
}

/** Does a line start at `at` with a list dash at `column`? */
function dashLineAt(text: string, at: number, column: number): boolean {
  for (let i = at; i < at + column; i++) if (text.charCodeAt(i) !== 32) return false;
  if (text.charCodeAt(at + column) !== 45 /* - */) return false;
  const next = text.charCodeAt(at + column + 1);
  return next === 32 || isLineBreak(next) || Number.isNaN(next);
}

/**
 * Where the last entry of a list ends: after its last line, the comment and
 * blank lines that follow it, up to the next line written at the dash's
 * column or less (or the end of the text). -1 (the region is refused) for
 * anything else: a tab at the start of a line, which a block scalar typed
 * into the entry would read (and fail on) in the document but not alone; or
 * a line indented past the dash that the entry's nodes do not reach (an
 * explicit key's `:` on a line of its own).
 */
function endOfLastEntry(text: string, from: number, column: number): number {
  let at = nextLineStart(text, from);
  while (at < text.length) {
    let i = at;
    while (i < text.length && text.charCodeAt(i) === 32) i++;
    const c = text.charCodeAt(i);
    if (c === 9) return -1;
    const blankOrComment = i >= text.length || isLineBreak(c) || c === 35; /* # */
    if (!blankOrComment && i - at <= column) return at;
    if (!blankOrComment) return -1;
    at = nextLineStart(text, i);
  }
  return text.length;
}

function nextLineStart(text: string, from: number): number {
  let i = from;
  while (i < text.length && !isLineBreak(text.charCodeAt(i))) i++;
  if (i < text.length && text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) i++;
  return Math.min(text.length, i + 1);
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/**
 * Parses an entry's lines on their own. They must make one block list whose
 * every dash is at `column`, with no anchors and nothing placed by what came
 * before them; otherwise undefined.
 */
function parseEntries(fragment: string, column: number, maxDepth: number): { nodes: YamlNode[]; start: number; problems: ParseProblem[] } | undefined {
  if (maxDepth < 2) return undefined;
  let events: Event[];
  try {
    events = parseEvents(fragment, { maxDepth });
  } catch {
    return undefined;
  }
  const result: ParsedDocument = { text: fragment, language: 'yaml', problems: [], anchors: new Map() };
  const builder = new TreeBuilder(fragment, events, result, -1);
  try {
    builder.build();
  } catch {
    return undefined;
  }
  // What the fragment's first line could say about the list itself (a tag, `---`, a directive) it says to
  // the whole document in context, or is an error there: only a bare list stands alone.
  const document = events[0];
  const list = events[1];
  if (document?.type !== EVENT_ID.DOCUMENT || document.explicitStart || document.explicitEnd || document.directives.length > 0) return undefined;
  if (list?.type !== EVENT_ID.SEQUENCE || list.tagStart >= 0 || list.anchorStart >= 0) return undefined;
  const root = result.root;
  if (builder.documents !== 1 || builder.placedBeforeStart || result.anchors.size > 0) return undefined;
  if (!root || root.kind !== 'sequence' || root.flow || root.items.length === 0) return undefined;
  for (const item of root.items) {
    const dash = dashOf(fragment, item);
    if (!dash || dash.column !== column) return undefined;
  }
  if (result.problems.some((p) => p.ruleId !== 'duplicate-key')) return undefined;
  return { nodes: root.items, start: root.start, problems: result.problems };
}

/**
 * The previous tree with the region's entry replaced by `items`: new objects
 * along the path from the root, the nodes before the edit shared, the nodes
 * after it copied with their offsets moved by `delta`.
 */
function splice(region: Region, items: YamlNode[], firstDash: number, delta: number): YamlNode {
  const { list, first, last } = region;
  const newList: SequenceNode = {
    kind: 'sequence',
    items: [...list.items.slice(0, first), ...items, ...list.items.slice(last + 1).map((n) => shifted(n, delta))],
    flow: false,
    // A block list starts at its first dash, which moves only when the first entry is one of those read again.
    start: first === 0 ? firstDash : list.start,
    end: 0,
  };
  newList.end = blockEnd(newList);
  let child: YamlNode = newList;
  // From the innermost level out.
  for (const { node, index: at } of region.path.slice().reverse()) {
    if (node.kind === 'mapping') {
      const pairs: Pair[] = node.pairs.map(
        (p, i) => (i < at ? p : i === at ? { key: p.key, value: child } : { key: shifted(p.key, delta), value: shifted(p.value, delta) }) as Pair,
      );
      const copy: MappingNode = { kind: 'mapping', pairs, flow: false, start: node.start, end: 0 };
      copy.end = blockEnd(copy);
      child = copy;
    } else {
      const copy: SequenceNode = {
        kind: 'sequence',
        items: node.items.map((n, i) => (i < at ? n : i === at ? child : shifted(n, delta))),
        flow: false,
        start: node.start,
        end: 0,
      };
      copy.end = blockEnd(copy);
      child = copy;
    }
  }
  return child;
}

/** A block collection's end, as the tree builder computes it: the furthest end of what it holds. */
function blockEnd(node: MappingNode | SequenceNode): number {
  let end = node.start + 1;
  if (node.kind === 'mapping') {
    for (const p of node.pairs) end = Math.max(end, p.key.end, p.value.end);
  } else {
    for (const item of node.items) end = Math.max(end, item.end);
  }
  return end;
}

/** A copy of a subtree with every offset moved by `delta`. */
function shifted<T extends YamlNode>(node: T, delta: number): T {
  if (delta === 0) return node;
  switch (node.kind) {
    // Object literals in the tree builder's property order: the copies share its hidden classes, and no spread is paid.
    case 'scalar':
      return { kind: 'scalar', value: node.value, empty: node.empty, quoted: node.quoted, start: node.start + delta, end: node.end + delta } as T;
    case 'alias':
      return { kind: 'alias', anchor: node.anchor, start: node.start + delta, end: node.end + delta } as T;
    case 'mapping':
      return {
        kind: 'mapping',
        pairs: node.pairs.map((p) => ({ key: shifted(p.key, delta), value: shifted(p.value, delta) })),
        flow: node.flow,
        start: node.start + delta,
        end: node.end + delta,
      } as T;
    case 'sequence':
      return { kind: 'sequence', items: node.items.map((n) => shifted(n, delta)), flow: node.flow, start: node.start + delta, end: node.end + delta } as T;
  }
}

/** Moves a fresh subtree (the fragment's) to its place in the document. */
function shiftInPlace(node: YamlNode, delta: number): void {
  node.start += delta;
  node.end += delta;
  if (node.kind === 'mapping') {
    for (const p of node.pairs) {
      shiftInPlace(p.key, delta);
      shiftInPlace(p.value, delta);
    }
  } else if (node.kind === 'sequence') {
    for (const item of node.items) shiftInPlace(item, delta);
  }
}

/**
 * An edit that only adds, removes or changes comment and blank lines (a
 * whole-text sync that appends a note, a comment typed between sections)
 * changes no node: the tree is the old one with what follows the edit moved.
 * Refused when such a line could be content in context: inside a scalar or a
 * flow collection that spans the edit, or after a block scalar (`|`, `>`),
 * whose value takes in lines indented under it and, with `+`, blank lines.
 */
function reparseComments(previous: ParsedDocument, text: string, change: TextChange): ParsedDocument | undefined {
  const root = previous.root;
  if (!root) return undefined;
  const oldText = previous.text;
  const lineStart = startOfLine(oldText, change.start);
  // Where the edit ends at a line start in both texts, what follows starts a line as before; otherwise
  // the rest of that line is joined to (or split from) the edited lines, and is checked with them.
  const suffixKeepsItsLine = atLineStart(oldText, change.oldEnd) && atLineStart(text, change.newEnd);
  const oldTo = suffixKeepsItsLine ? change.oldEnd : endOfLine(oldText, change.oldEnd);
  const newTo = suffixKeepsItsLine ? change.newEnd : endOfLine(text, change.newEnd);
  if (!onlyCommentLines(oldText, lineStart, oldTo) || !onlyCommentLines(text, lineStart, newTo)) return undefined;
  const at = lineStart;
  if (!quietAt(root, oldText, at)) return undefined;
  // An empty value or key is placed at the end of the token before it, which may lie before its
  // parent's start: offsets then do not nest, and moving "what follows" is not well defined.
  if (holdsEmptyNode(root)) return undefined;
  const delta = change.newEnd - change.oldEnd;
  const problems = previous.problems.map((p) => (p.start >= at ? { ...p, start: p.start + delta, end: p.end + delta } : p));
  return { text, language: 'yaml', root: shiftFrom(root, at, delta), problems, anchors: new Map() };
}

/** Does the tree hold an empty scalar (a `-` or a key with no value, an empty key)? */
function holdsEmptyNode(root: YamlNode): boolean {
  const stack: YamlNode[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.kind === 'scalar') {
      if (node.empty) return true;
    } else if (node.kind === 'mapping') {
      for (const pair of node.pairs) stack.push(pair.key, pair.value);
    } else if (node.kind === 'sequence') {
      for (const item of node.items) stack.push(item);
    }
  }
  return false;
}

function startOfLine(text: string, at: number): number {
  let i = at;
  while (i > 0 && !isLineBreak(text.charCodeAt(i - 1))) i--;
  return i;
}

function endOfLine(text: string, at: number): number {
  let i = at;
  while (i < text.length && !isLineBreak(text.charCodeAt(i))) i++;
  return i;
}

/** Does a line start at `at` (not between the CR and the LF of one line break)? */
function atLineStart(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text.charCodeAt(at - 1);
  return before === 10 || (before === 13 && text.charCodeAt(at) !== 10);
}

/** Are the lines of `[from, to)` all blank, or comments (`#` the first thing on the line)? No tabs. */
function onlyCommentLines(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to) {
    while (i < to && text.charCodeAt(i) === 32) i++;
    const c = text.charCodeAt(i);
    if (i < to && !isLineBreak(c) && c !== 35 /* # */) return false;
    while (i < to && !isLineBreak(text.charCodeAt(i))) {
      if (text.charCodeAt(i) === 9) return false;
      i++;
    }
    while (i < to && isLineBreak(text.charCodeAt(i))) i++;
  }
  return true;
}

/**
 * Is `at` (a line start) between nodes, where a comment line is a comment:
 * not inside a scalar or a flow collection, and not right after a block scalar?
 */
function quietAt(node: YamlNode, text: string, at: number): boolean {
  for (;;) {
    if (node.kind === 'scalar' || node.kind === 'alias') {
      if (node.start < at && at < node.end) return false;
      return !(node.kind === 'scalar' && node.end <= at && isBlockScalar(text, node.start));
    }
    if (node.flow && node.start < at && at < node.end) return false;
    const children: YamlNode[] = node.kind === 'mapping' ? node.pairs.flatMap((p) => [p.key, p.value]) : node.items;
    let next: YamlNode | undefined;
    for (const child of children) if (child.start < at) next = child;
    // Nothing before `at` in this collection: the edit is before all of it.
    if (!next) return true;
    node = next;
  }
}

function isBlockScalar(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  return c === 124 /* | */ || c === 62; /* > */
}

/** The tree with every offset at or after `at` moved by `delta`; what ends before it is shared. */
function shiftFrom<T extends YamlNode>(node: T, at: number, delta: number): T {
  if (node.end <= at) return node;
  if (node.start >= at) return shifted(node, delta);
  // A collection that spans the edit: its start stays, its end and what follows the edit move.
  switch (node.kind) {
    case 'mapping':
      return {
        kind: 'mapping',
        pairs: node.pairs.map((p) => ({ key: shiftFrom(p.key, at, delta), value: shiftFrom(p.value, at, delta) })),
        flow: node.flow,
        start: node.start,
        end: node.end + delta,
      } as T;
    case 'sequence':
      return { kind: 'sequence', items: node.items.map((n) => shiftFrom(n, at, delta)), flow: node.flow, start: node.start, end: node.end + delta } as T;
    default:
      return { ...node, end: node.end + delta } as T;
  }
}
