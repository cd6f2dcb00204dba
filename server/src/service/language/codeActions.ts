import type { SourceLanguage } from '../parse/parseDocument';
import type { MappingNode, SequenceNode, YamlNode } from '../parse/tree';
import type { FixHints } from '../rules/types';
import { findDirectives } from '../engine/directives';
import type { TextEdit } from './navigate';

/** A quick fix in offsets, for one finding; the LSP layer turns it into a CodeAction. */
export interface QuickFix {
  title: string;
  kind: 'quickfix';
  /** The fix the editor may apply without asking which (the "did you mean" replacement). */
  isPreferred?: boolean;
  /** Edits to the document the finding is in. */
  edits: TextEdit[];
}

/** What a quick fix needs to know about a finding: its rule, its offsets and its hints. */
export interface FixableFinding extends FixHints {
  ruleId: string;
  start: number;
  end: number;
}

/** Rules whose `replacement` is a "did you mean" for the text under the finding. */
const REPLACEABLE = new Set(['schema', 'unknown-reference', 'unknown-rule']);

/** Where an unknown method or record is added, and what an entry there holds. */
const ADDABLE: Record<string, string> = { method: 'methods', record: 'records' };

/** A value in a stub entry: text, a list of text (possibly empty), or a number. */
type StubValue = string | number | string[];
type Stub = [key: string, value: StubValue][];

/**
 * The quick fixes for one finding: the "did you mean" replacement (preferred),
 * a training row stub for an entitlement without training, a stub for an
 * unknown method or record, and the inline suppression comment. Pure: the
 * text and its tree in, edits in offsets out.
 */
export function quickFixes(text: string, root: YamlNode | undefined, language: SourceLanguage, finding: FixableFinding): QuickFix[] {
  const fixes: QuickFix[] = [];
  if (finding.replacement !== undefined && REPLACEABLE.has(finding.ruleId)) {
    fixes.push(replacementFix(text, finding, finding.replacement));
  }
  if (finding.ruleId === 'entitlement-needs-training' && finding.data?.role && finding.data.skill && root) {
    const { role, skill } = finding.data;
    const sites = finding.data.sites ? finding.data.sites.split(',').filter(Boolean) : [];
    const stub: Stub = [
      ['skill', skill],
      ['roles', [role]],
      ...(sites.length ? [['sites', sites] as [string, StubValue]] : []),
      ['methods', []],
      ['records', []],
      ['reassessEveryMonths', 12],
    ];
    const edit = appendEntry(text, root, language, 'training', stub);
    if (edit)
      fixes.push({
        title: `Add a training row for \`${role}\` in \`${skill}\`${sites.length ? ` at ${sites.map((s) => `\`${s}\``).join(', ')}` : ''}`,
        kind: 'quickfix',
        edits: [edit],
      });
  }
  if (finding.ruleId === 'unknown-reference' && finding.data?.id && root) {
    const section = ADDABLE[finding.data.kind ?? ''];
    if (section) {
      const id = finding.data.id;
      const edit = appendEntry(text, root, language, section, [
        ['id', id],
        ['name', id],
      ]);
      if (edit) fixes.push({ title: `Add ${finding.data.kind} \`${id}\` to \`${section}\``, kind: 'quickfix', edits: [edit] });
    }
  }
  const suppress = suppressionFix(text, language, finding);
  if (suppress) fixes.push(suppress);
  return fixes;
}

/** Replaces the text under the finding; inside quotes, the quotes stay (unless the fix is to drop them). */
function replacementFix(text: string, finding: FixableFinding, replacement: string): QuickFix {
  const original = text.slice(finding.start, finding.end);
  const quote = original.charAt(0);
  const quoted = original.length >= 2 && (quote === '"' || quote === "'") && original.endsWith(quote);
  const inner = quoted ? original.slice(1, -1) : original;
  // `"6"` for the band 6: the replacement is the same text without its quotes.
  const keepQuotes = quoted && inner !== replacement;
  const edit: TextEdit = keepQuotes
    ? { start: finding.start + 1, end: finding.end - 1, newText: replacement }
    : { start: finding.start, end: finding.end, newText: replacement };
  return { title: `Replace with \`${replacement}\``, kind: 'quickfix', isPreferred: true, edits: [edit] };
}

/**
 * `# role-protocols-disable-next-line <rule>` above the finding's line, at
 * that line's indentation. When the line above already holds such a comment,
 * the rule is added to its list (a second comment would silence only the
 * first). JSON has no comments, so it has no suppression fix.
 */
function suppressionFix(text: string, language: SourceLanguage, finding: FixableFinding): QuickFix | undefined {
  if (language !== 'yaml' || finding.ruleId === 'syntax') return undefined;
  const lineStart = text.lastIndexOf('\n', finding.start - 1) + 1;
  const title = `Suppress \`${finding.ruleId}\` on this line`;
  const line = text.slice(0, lineStart).split('\n').length - 1;
  const directives = findDirectives(text);
  // A finding in a suppression comment itself (a misspelt rule id) is mended, not suppressed.
  if (directives.some((d) => d.line === line)) return undefined;
  const above = directives.find((d) => d.line === line - 1);
  if (above) {
    // An empty list already silences every rule; the finding would not exist.
    if (above.rules.length === 0 || above.rules.some((r) => r.id === finding.ruleId)) return undefined;
    const last = above.rules.at(-1);
    if (last) return { title, kind: 'quickfix', edits: [{ start: last.end, end: last.end, newText: `, ${finding.ruleId}` }] };
    return undefined;
  }
  const indentation = /^[ \t]*/.exec(text.slice(lineStart))![0];
  return {
    title,
    kind: 'quickfix',
    edits: [{ start: lineStart, end: lineStart, newText: `${indentation}# role-protocols-disable-next-line ${finding.ruleId}${eolOf(text)}` }],
  };
}

/**
 * Appends an entry to a top-level list section, written the way the section
 * already is: a block list at its own indentation (with a blank line between
 * entries if the others have one), or a flow list (JSON). A section that is
 * not there is added at the end of the document.
 */
function appendEntry(text: string, root: YamlNode, language: SourceLanguage, section: string, stub: Stub): TextEdit | undefined {
  if (root.kind !== 'mapping') return undefined;
  const eol = eolOf(text);
  const json = language === 'json' || root.flow;
  const pair = root.pairs.filter((p) => p.key.value === section).pop();
  if (!pair) return appendSection(text, root, json, section, stub);
  const list = pair.value;
  if (list.kind === 'scalar' && list.empty) {
    // `training:` with nothing after it.
    const keyColumn = columnOf(text, pair.key.start);
    const at = lineEndAt(text, pair.key.end);
    return { start: at, end: at, newText: eol + blockEntry(stub, keyColumn + 2, eol) };
  }
  if (list.kind !== 'sequence') return undefined;
  if (list.flow) return appendFlow(text, list, json, stub, eol);
  const items = list.items;
  const last = items[items.length - 1];
  if (!last) return undefined;
  const dash = text.lastIndexOf('-', last.start);
  const dashColumn = columnOf(text, dash);
  const at = lineEndAt(text, last.end);
  // Entries separated by a blank line get one more.
  const previous = items[items.length - 2];
  const blank = previous !== undefined && /\n[ \t]*\r?\n/.test(text.slice(lineEndAt(text, previous.end), dash));
  return { start: at, end: at, newText: eol + (blank ? eol : '') + blockEntry(stub, dashColumn, eol) };
}

/** Adds a whole section after the last one. */
function appendSection(text: string, root: MappingNode, json: boolean, section: string, stub: Stub): TextEdit | undefined {
  const eol = eolOf(text);
  const lastPair = root.pairs[root.pairs.length - 1];
  if (json) {
    if (!lastPair) return undefined;
    const indent = ' '.repeat(columnOf(text, lastPair.key.start));
    const at = lastPair.value.end;
    return { start: at, end: at, newText: `,${eol}${indent}${JSON.stringify(section)}: [${flowEntry(stub, true)}]` };
  }
  const keyColumn = lastPair ? columnOf(text, lastPair.key.start) : 0;
  const ending = text.length === 0 || text.endsWith('\n') ? '' : eol;
  const pad = ' '.repeat(keyColumn);
  return {
    start: text.length,
    end: text.length,
    newText: `${ending}${text.length ? eol : ''}${pad}${section}:${eol}${blockEntry(stub, keyColumn + 2, eol)}${eol}`,
  };
}

/** Adds an entry to a `[...]` list: on its own line when the entries are one per line. */
function appendFlow(text: string, list: SequenceNode, json: boolean, stub: Stub, eol: string): TextEdit {
  const entry = flowEntry(stub, json);
  const last = list.items[list.items.length - 1];
  if (!last) {
    return { start: list.start, end: list.end, newText: `[${entry}]` };
  }
  const onOwnLine = /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', last.start - 1) + 1, last.start));
  const separator = onOwnLine ? `,${eol}${' '.repeat(columnOf(text, last.start))}` : ', ';
  return { start: last.end, end: last.end, newText: `${separator}${entry}` };
}

/** `- key: value` lines, the dash at `column`. */
function blockEntry(stub: Stub, column: number, eol: string): string {
  const pad = ' '.repeat(column);
  return stub.map(([key, value], i) => `${pad}${i === 0 ? '- ' : '  '}${key}: ${yamlValue(value)}`).join(eol);
}

/** `{skill: x, roles: [y]}` (YAML) or `{"skill": "x", "roles": ["y"]}` (JSON). */
function flowEntry(stub: Stub, json: boolean): string {
  const scalar = (v: string | number) => (json ? JSON.stringify(v) : typeof v === 'number' ? String(v) : yamlScalar(v));
  const value = (v: StubValue) => (Array.isArray(v) ? `[${v.map(scalar).join(', ')}]` : scalar(v));
  return `{${stub.map(([k, v]) => `${json ? JSON.stringify(k) : k}: ${value(v)}`).join(', ')}}`;
}

function yamlValue(value: StubValue): string {
  if (Array.isArray(value)) return `[${value.map(yamlScalar).join(', ')}]`;
  return typeof value === 'number' ? String(value) : yamlScalar(value);
}

/** Plain when that reads back as the same text, double-quoted otherwise. */
function yamlScalar(value: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9 _.()/-]*$/.test(value) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(value) && !/\s$/.test(value);
  return plain ? value : JSON.stringify(value);
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** The end of the line holding `offset`, before its line break. */
function lineEndAt(text: string, offset: number): number {
  let end = text.indexOf('\n', offset);
  if (end === -1) return text.length;
  if (end > 0 && text.charAt(end - 1) === '\r') end--;
  return end;
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
