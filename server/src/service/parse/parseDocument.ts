import {
  parseEvents,
  YAMLException,
  EVENT_ID,
  SCALAR_STYLE,
  COLLECTION_STYLE,
  NOT_RESOLVED,
  nullCoreTag,
  boolCoreTag,
  intCoreTag,
  floatCoreTag,
  type Event,
  type ScalarEvent,
  getScalarValue,
} from 'js-yaml';
import { explainSyntaxError } from './syntaxHints';
import type { AliasNode, MappingNode, ScalarNode, ScalarValue, SequenceNode, YamlNode } from './tree';

export type SourceLanguage = 'yaml' | 'json';

/** A problem found while reading the text, before any schema or rule sees it. */
export interface ParseProblem {
  /**
   * `syntax`: the text is not YAML/JSON; `duplicate-key`: a key written twice
   * in one mapping; `document-limits`: the text is too large, binary or not
   * UTF-8 (found by the engine before parsing).
   */
  ruleId: 'syntax' | 'duplicate-key' | 'document-limits';
  message: string;
  start: number;
  end: number;
}

export interface ParsedDocument {
  text: string;
  language: SourceLanguage;
  /** Absent when the text does not parse or holds no document. */
  root?: YamlNode;
  problems: ParseProblem[];
  /** Anchors to the node they name, for resolving aliases. */
  anchors: Map<string, YamlNode>;
}

export interface ParseOptions {
  /** Deepest nesting accepted before the parser stops with a finding. */
  maxDepth?: number;
}

/** The deepest nesting of mappings and lists the parser reads; a protocol needs about six levels. */
export const MAX_DEPTH = 100;

/** Guess the language from a file name; YAML unless it ends in .json. */
export function languageOf(fileName: string | undefined): SourceLanguage {
  return fileName && /\.jsonc?$/i.test(fileName) ? 'json' : 'yaml';
}

const IMPLICIT_TAGS = [nullCoreTag, boolCoreTag, intCoreTag, floatCoreTag];

/** Resolve a plain scalar the way the YAML 1.2 core schema does (null, bool, int, float, else string). */
function resolvePlain(source: string): ScalarValue {
  for (const tag of IMPLICIT_TAGS) {
    const first = source.charAt(0);
    if (tag.implicitFirstChars && !tag.implicitFirstChars.includes(first)) continue;
    const value = tag.resolve(source, false, tag.tagName);
    if (value !== NOT_RESOLVED) return value as ScalarValue;
  }
  return source;
}

/**
 * Parses YAML or JSON into the positioned tree. Never throws: a syntax error
 * becomes a problem at its exact offset and the tree is left out.
 */
export function parseDocument(text: string, language: SourceLanguage, options: ParseOptions = {}): ParsedDocument {
  const result: ParsedDocument = { text, language, problems: [], anchors: new Map() };
  if (language === 'json') {
    const jsonProblem = strictJsonProblem(text);
    if (jsonProblem) {
      result.problems.push(jsonProblem);
      return result;
    }
  }
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: options.maxDepth ?? MAX_DEPTH });
  } catch (error) {
    result.problems.push(syntaxProblem(text, error));
    return result;
  }
  try {
    new TreeBuilder(text, events, result, 0).build();
  } catch (error) {
    result.root = undefined;
    result.problems.push(syntaxProblem(text, error));
  }
  return result;
}

function syntaxProblem(text: string, error: unknown): ParseProblem {
  if (error instanceof YAMLException) {
    const position = error.mark ? error.mark.position : 0;
    const at = Math.max(0, Math.min(position, text.length));
    const depth = /maxDepth \((\d+)\)/.exec(error.reason);
    if (depth) {
      // The parser's own words ("nesting exceeded maxDepth") name an option, not the problem.
      return {
        ruleId: 'syntax',
        message: `The document nests lists and mappings too deeply here (the limit is ${depth[1]} levels), so it is not read; a protocol needs about six. Check the indentation and the brackets.`,
        start: at,
        end: Math.min(text.length, at + 1),
      };
    }
    if (/tab characters must not be used in indentation/i.test(error.reason)) {
      return {
        ruleId: 'syntax',
        message: 'A tab is used for indentation here; YAML indents with spaces only, so replace the tab with spaces.',
        start: at,
        end: Math.min(text.length, at + 1),
      };
    }
    const hint = explainSyntaxError(text, at, error.reason);
    if (hint) return { ruleId: 'syntax', ...hint };
    return { ruleId: 'syntax', message: `${capitalise(error.reason)}.`, start: at, end: Math.min(text.length, at + 1) };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { ruleId: 'syntax', message: `Could not read the document: ${message}`, start: 0, end: 0 };
}

/**
 * YAML accepts things JSON does not (trailing commas, comments, single quotes).
 * A .json file is held to JSON: JSON.parse says what is wrong and where.
 */
function strictJsonProblem(text: string): ParseProblem | undefined {
  try {
    JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const match = /position (\d+)/.exec(message);
    let at = match ? Number(match[1]) : text.length;
    if (text.charCodeAt(0) === 0xfeff) at += 1;
    at = Math.min(at, text.length);
    // JSON allows no comma after the last item; JSON.parse blames the bracket after it, or gives no position.
    const comma = trailingComma(text);
    if (comma !== undefined && (!match || (comma < at && text.slice(comma + 1, at).trim() === ''))) {
      return {
        ruleId: 'syntax',
        message: 'Invalid JSON: trailing comma. JSON allows no comma after the last item of a list or object; remove it.',
        start: comma,
        end: comma + 1,
      };
    }
    // Node quotes the text around the error, line breaks and all: keep the message on one line.
    const reason = message
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/^JSON\.parse: /, '')
      .replace(/\s+/g, ' ');
    return { ruleId: 'syntax', message: `Invalid JSON: ${reason}.`, start: at, end: Math.min(text.length, at + 1) };
  }
}

/** The offset of the first comma followed (after white space) by `]` or `}`, outside strings; undefined if none. */
function trailingComma(text: string): number | undefined {
  let comma: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '"') {
      // Skip the string, escapes and all.
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      comma = undefined;
    } else if (c === ',') comma = i;
    else if ((c === ']' || c === '}') && comma !== undefined) return comma;
    else if (!/\s/.test(c)) comma = undefined;
  }
  return undefined;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * A mapping being read. `seen` (its keys, for duplicates) is made only once
 * it has more than a few pairs: most mappings have a handful, and scanning
 * them costs less than a Map for each (the collector's share of a large
 * document's parse).
 */
type OpenMapping = { node: MappingNode; pendingKey?: ScalarNode; seen?: Map<string, ScalarNode> };
type OpenCollection = OpenMapping | { node: SequenceNode };

/** Past this many pairs a mapping's keys are kept in a Map. */
const SCAN_KEYS_UP_TO = 8;

/**
 * Builds the positioned tree from js-yaml's events. Exported for the
 * incremental re-parse (`reparse.ts`), which builds a fragment of a document
 * with it and must know whether the fragment stood alone.
 */
export class TreeBuilder {
  private readonly stack: OpenCollection[] = [];
  /** How many documents the events held. */
  documents = 0;
  /** End of the last node completed, used to place empty scalars. */
  private lastEnd: number;
  /**
   * Set when an empty scalar was placed before any node had been read: its
   * place depends on what came before the text (a fragment cannot know).
   */
  placedBeforeStart = false;

  constructor(
    private readonly text: string,
    private readonly events: Event[],
    private readonly result: ParsedDocument,
    /** Where an empty scalar goes if nothing was read before it: 0 for a whole document, -1 for a fragment. */
    initialLastEnd: number,
  ) {
    this.lastEnd = initialLastEnd;
  }

  build(): void {
    for (const event of this.events) {
      switch (event.type) {
        case EVENT_ID.DOCUMENT:
          this.documents++;
          if (this.documents === 2) {
            const at = this.secondDocumentOffset();
            this.result.problems.push({
              ruleId: 'syntax',
              message:
                'A protocol file holds one YAML document; this `---` starts a second one, which is ignored. Remove it, or move what follows to a file of its own.',
              start: at,
              end: Math.min(this.text.length, at + 3),
            });
          }
          break;
        case EVENT_ID.MAPPING: {
          const node: MappingNode = { kind: 'mapping', pairs: [], flow: event.style === COLLECTION_STYLE.FLOW, start: event.start, end: event.start + 1 };
          this.anchor(event.anchorStart, event.anchorEnd, node);
          this.open({ node });
          break;
        }
        case EVENT_ID.SEQUENCE: {
          const node: SequenceNode = { kind: 'sequence', items: [], flow: event.style === COLLECTION_STYLE.FLOW, start: event.start, end: event.start + 1 };
          this.anchor(event.anchorStart, event.anchorEnd, node);
          this.open({ node });
          break;
        }
        case EVENT_ID.SCALAR:
          this.add(this.scalar(event));
          break;
        case EVENT_ID.ALIAS: {
          const node: AliasNode = {
            kind: 'alias',
            anchor: this.text.slice(event.anchorStart, event.anchorEnd),
            start: event.anchorStart - 1,
            end: event.anchorEnd,
          };
          this.add(node);
          break;
        }
        case EVENT_ID.POP: {
          const closed = this.stack.pop();
          if (closed) this.close(closed.node);
          break;
        }
      }
    }
  }

  private secondDocumentOffset(): number {
    const from = Math.max(0, this.lastEnd);
    const match = /^---/m.exec(this.text.slice(from));
    return match ? from + match.index : from;
  }

  private open(collection: OpenCollection): void {
    this.stack.push(collection);
  }

  private close(node: MappingNode | SequenceNode): void {
    const children = node.kind === 'mapping' ? node.pairs.map((p) => p.value) : node.items;
    let end = node.start + 1;
    for (const child of children) end = Math.max(end, child.end);
    if (node.kind === 'mapping') for (const p of node.pairs) end = Math.max(end, p.key.end);
    // A single pair in a flow list (`[a: b]`) is a flow mapping with no braces of its own: it ends with its value.
    const opening = node.kind === 'mapping' ? '{' : '[';
    if (node.flow && this.text.charAt(node.start) === opening) end = this.closingBracket(end, node.kind === 'mapping' ? '}' : ']');
    node.end = end;
    this.lastEnd = end;
    this.place(node);
  }

  /** A flow collection ends at its bracket, which the events do not mark: find it. */
  private closingBracket(from: number, bracket: string): number {
    const at = this.text.indexOf(bracket, from);
    return at === -1 ? from : at + 1;
  }

  private add(node: YamlNode): void {
    this.lastEnd = Math.max(this.lastEnd, node.end);
    this.place(node);
  }

  private setRoot(node: YamlNode): void {
    if (this.documents === 1) this.result.root = node;
  }

  /** Makes the node the document's root when no collection is open, else a child of the innermost one. */
  private place(node: YamlNode): void {
    const top = this.stack.at(-1);
    if (!top) return this.setRoot(node);
    if (top.node.kind === 'sequence') {
      top.node.items.push(node);
      return;
    }
    const open = top as OpenMapping;
    if (!open.pendingKey) {
      if (node.kind !== 'scalar') {
        throw new YAMLException('a key must be plain text, not a list, mapping or alias', {
          buffer: this.text,
          position: node.start,
          line: 0,
          column: 0,
          name: null,
        });
      }
      open.pendingKey = node;
      return;
    }
    const key = open.pendingKey;
    open.pendingKey = undefined;
    if (node.kind === 'scalar' && node.empty) {
      // `key:` with nothing after it: place the empty value right after the key's colon.
      const colon = this.text.indexOf(':', key.end);
      // The line ends at a LF, or at a CR for a file with old Mac line ends: the colon must come before it.
      const lf = this.text.indexOf('\n', key.end);
      const cr = this.text.indexOf('\r', key.end);
      const lineBreak = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      node.start = node.end = colon !== -1 && (lineBreak === -1 || colon < lineBreak) ? colon + 1 : key.end;
    }
    const name = String(key.value);
    const pairs = open.node.pairs;
    const written = open.seen ? open.seen.has(name) : pairs.some((pair) => String(pair.key.value) === name);
    if (written) {
      this.result.problems.push({
        ruleId: 'duplicate-key',
        message: `The key \`${name}\` is written twice in this mapping; the later value wins. Remove one of them.`,
        start: key.start,
        end: key.end,
      });
    }
    pairs.push({ key, value: node });
    if (open.seen) open.seen.set(name, key);
    else if (pairs.length > SCAN_KEYS_UP_TO) open.seen = new Map(pairs.map((p) => [String(p.key.value), p.key]));
  }

  private scalar(event: ScalarEvent): ScalarNode {
    if (event.valueStart < 0) {
      if (this.lastEnd < 0) this.placedBeforeStart = true;
      const at = Math.max(0, this.lastEnd);
      const node: ScalarNode = { kind: 'scalar', value: null, empty: true, quoted: false, start: at, end: at };
      this.anchor(event.anchorStart, event.anchorEnd, node);
      return node;
    }
    const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
    const block = event.style === SCALAR_STYLE.LITERAL_BLOCK || event.style === SCALAR_STYLE.FOLDED_BLOCK;
    const decoded = getScalarValue(this.text, event);
    let value: ScalarValue = decoded;
    if (event.style === SCALAR_STYLE.PLAIN && event.tagStart < 0) value = resolvePlain(decoded);
    let start = quoted ? event.valueStart - 1 : event.valueStart;
    let end = quoted ? event.valueEnd + 1 : event.valueEnd;
    if (block) {
      // A block scalar's events start at its content; the node starts at its `|` or `>` indicator.
      const indicator = this.text.lastIndexOf(event.style === SCALAR_STYLE.LITERAL_BLOCK ? '|' : '>', event.valueStart);
      if (indicator >= 0) start = indicator;
      while (end > start && /\s/.test(this.text.charAt(end - 1))) end--;
    }
    const node: ScalarNode = { kind: 'scalar', value, empty: false, quoted: quoted || block, start, end };
    this.anchor(event.anchorStart, event.anchorEnd, node);
    return node;
  }

  private anchor(anchorStart: number, anchorEnd: number, node: YamlNode): void {
    if (anchorStart >= 0) this.result.anchors.set(this.text.slice(anchorStart, anchorEnd), node);
  }
}
