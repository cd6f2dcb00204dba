import { buildProtocol } from '../model/protocol';
import { parseDocument, type ParsedDocument, type SourceLanguage } from '../parse/parseDocument';
import { toValue } from '../parse/toValue';
import { outline, type OutlineSymbol } from './symbols';

/**
 * The outline of a text that does not parse: what can still be known of it,
 * so that the outline does not go blank while the author mends a slip (Red
 * Hat's YAML extension, when installed, shows its own raw tree beside ours).
 *
 * Three sources, the one that knows most wins:
 * - the last text of the document that parsed: its entries whose id the
 *   edits since left untouched (before the first changed character, or after
 *   the last one, moved by the length the edits added or took away);
 * - the outline given for the last text that did not parse, carried over the
 *   same way: edit by edit, only what each edit touched is lost;
 * - the text itself read up to the slip: the longest of a few prefixes, each
 *   ending at a line start before the syntax error, that parses.
 *
 * An entry whose id the edits touched is left out rather than shown with a
 * stale name.
 */
export function outlineWhileBroken(
  text: string,
  language: SourceLanguage,
  slipAt: number | undefined,
  earlier: { lastClean?: ParsedDocument; lastBroken?: { text: string; symbols: readonly OutlineSymbol[] } } = {},
): OutlineSymbol[] {
  const candidates: OutlineSymbol[][] = [];
  if (earlier.lastClean) candidates.push(carriedOver(outlineOfParsed(earlier.lastClean), earlier.lastClean.text, text));
  if (earlier.lastBroken) candidates.push(carriedOver(earlier.lastBroken.symbols, earlier.lastBroken.text, text));
  // A prefix of JSON never parses (its brackets are open), so only YAML is read up to the slip.
  if (language === 'yaml' && slipAt !== undefined) candidates.push(outlineOfPrefix(text, slipAt));
  let best: OutlineSymbol[] = [];
  for (const candidate of candidates) if (symbolCount(candidate) > symbolCount(best)) best = candidate;
  return best;
}

/** The outline of a parsed text (no includes: only the document's own entries are outlined). */
export function outlineOfParsed(parsed: ParsedDocument): OutlineSymbol[] {
  if (!parsed.root) return [];
  let data: unknown;
  try {
    data = toValue(parsed.root, parsed.anchors);
  } catch {
    // An alias bomb: the check reports it; the outline has nothing to show.
    return [];
  }
  return outline(parsed.root, buildProtocol(data));
}

/** How many prefixes, each ending a line or more earlier, are read before giving up. */
const PREFIX_TRIES = 8;

/**
 * The outline of the text before the slip: the text up to the start of the
 * slip's line, or, when that does not parse either (a bracket opened earlier),
 * up to the start of the line of the prefix's own error, and so on.
 */
export function outlineOfPrefix(text: string, slipAt: number): OutlineSymbol[] {
  let cut = lineStart(text, Math.min(slipAt, text.length));
  for (let tries = 0; tries < PREFIX_TRIES && cut > 0; tries++) {
    const parsed = parseDocument(text.slice(0, cut), 'yaml');
    const slip = parsed.problems.find((p) => p.ruleId === 'syntax');
    if (parsed.root && !slip) return outlineOfParsed(parsed);
    // Always at least one line earlier: each try reads a shorter prefix.
    cut = lineStart(text, Math.min(slip ? slip.start : cut - 1, cut - 1));
  }
  return [];
}

/**
 * The symbols of an earlier text moved onto the current one. A symbol is kept
 * when its start and its selection (the id, or the section's key) are
 * untouched by the edits: both before the first changed character or after
 * the last one. Its end moves with the text when it is untouched too (the
 * edits are then after it, or inside it); otherwise it ends with the last of
 * its entries kept, or its selection.
 */
export function carriedOver(symbols: readonly OutlineSymbol[], before: string, after: string): OutlineSymbol[] {
  if (before === after) return [...symbols];
  const shortest = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  /** The first offset of the unchanged tail, in the earlier text. */
  const tail = before.length - suffix;
  const delta = after.length - before.length;
  const start = (offset: number) => (offset < prefix ? offset : offset >= tail ? offset + delta : undefined);
  const end = (offset: number) => (offset <= prefix ? offset : offset > tail ? offset + delta : undefined);
  const carry = (symbol: OutlineSymbol): OutlineSymbol | undefined => {
    const from = start(symbol.start);
    const selection =
      symbol.selectionEnd <= prefix
        ? { start: symbol.selectionStart, end: symbol.selectionEnd }
        : symbol.selectionStart >= tail
          ? { start: symbol.selectionStart + delta, end: symbol.selectionEnd + delta }
          : undefined;
    if (from === undefined || !selection) return undefined;
    const children = symbol.children.map(carry).filter((c): c is OutlineSymbol => c !== undefined);
    const to = end(symbol.end) ?? Math.max(selection.end, ...children.map((c) => c.end));
    return { ...symbol, start: from, end: to, selectionStart: selection.start, selectionEnd: selection.end, children };
  };
  return symbols.map(carry).filter((s): s is OutlineSymbol => s !== undefined);
}

function symbolCount(symbols: readonly OutlineSymbol[]): number {
  return symbols.reduce((n, s) => n + 1 + symbolCount(s.children), 0);
}

function lineStart(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}
