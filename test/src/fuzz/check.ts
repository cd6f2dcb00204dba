/**
 * The properties every document must have, whatever it holds: checked over
 * the pure service (this file) and over the language server (lspCheck.ts).
 *
 * - nothing throws;
 * - each call finishes within a fixed, generous bound (a hang or a quadratic
 *   blow-up goes over it; ordinary slowness does not);
 * - every range lies inside the document, start before end;
 * - every finding names a known rule and has a one-line, non-empty message;
 * - no prototype is polluted and no tag runs code;
 * - hover and completion Markdown holds no link, image or HTML: document text in it is escaped;
 * - a hidden-character finding covers exactly one hidden character, or its escape.
 */
import * as path from 'node:path';
import { lintText, type LintResult } from '../../../server/out/service/engine/lint';
import { knownRuleIds } from '../../../server/out/service/rules/index';
import { complete, completeJson } from '../../../server/out/service/language/complete';
import { hover } from '../../../server/out/service/language/hover';
import { outline, type OutlineSymbol } from '../../../server/out/service/language/symbols';
import { definitionOf, referencesOf, rename } from '../../../server/out/service/language/navigate';
import { quickFixes } from '../../../server/out/service/language/codeActions';
import { knowledgeFrom, type Knowledge } from '../../../server/out/service/language/knowledge';
import { LineIndex } from '../../../server/out/service/text/lineIndex';
import { stylish } from '../../../server/out/cli/formatters/stylish';
import { json } from '../../../server/out/cli/formatters/json';
import { sarif } from '../../../server/out/cli/formatters/sarif';
import { fileResult, toMessage } from '../../../server/out/cli/results';
import { SAMPLES } from './corpus';
import type { FuzzCase } from './arbitraries';

/** The date the review checks use, pinned so a case replays the same on any day. */
export const TODAY = '2026-11-26';

/**
 * The most one service call may take. Generous on purpose: the largest
 * sample is linted in about 20 ms, so only a hang or a blow-up reaches it.
 */
export const SERVICE_BOUND_MS = Number(process.env.FUZZ_BOUND_MS ?? 2000);

const SEVERITIES = new Set(['error', 'warning', 'info']);
const COMPLETION_KINDS = new Set(['key', 'value', 'reference', 'snippet']);
const CATALOGUE = SAMPLES.find((s) => s.name.endsWith('department.catalogue.yaml'));

/** What a property found wrong, with the case that shows it. */
export class Violation extends Error {}

export function fail(message: string): never {
  throw new Violation(message);
}

/** Runs `fn`, failing if it throws or takes longer than the bound. */
export function timed<T>(what: string, fn: () => T, boundMs = SERVICE_BOUND_MS): T {
  const started = performance.now();
  let result: T;
  try {
    result = fn();
  } catch (error) {
    if (error instanceof Violation) throw error;
    fail(`${what} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  const took = performance.now() - started;
  if (took > boundMs) fail(`${what} took ${Math.round(took)} ms, over the ${boundMs} ms bound`);
  return result;
}

export function checkRange(what: string, text: string, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end)) fail(`${what}: range ${start}-${end} is not whole offsets`);
  if (start < 0 || end > text.length || start > end)
    fail(`${what}: range ${start}-${end} is not inside the document (length ${text.length}) with start <= end`);
  // An editor has no position between the CR and the LF of a line break.
  for (const o of [start, end])
    if (o > 0 && text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10) fail(`${what}: offset ${o} lies inside a CRLF line break`);
}

export function checkMessage(what: string, message: unknown): void {
  if (typeof message !== 'string' || message.trim() === '') fail(`${what}: the message is empty`);
  if (/[\r\n]/.test(message)) fail(`${what}: the message is not one line: ${JSON.stringify(message)}`);
}

/** Control, bidi and invisible format characters a terminal would obey or hide; only the reports' own line feeds may remain. */
const RAW_IN_REPORT = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/** The command line's reports of the findings (stylish, JSON, SARIF) show every character of the document as an escape or as itself. */
function checkReports(c: FuzzCase, result: LintResult): void {
  const results = [fileResult(path.resolve(c.fileName), result.findings.map(toMessage))];
  const options = { cwd: process.cwd(), color: false, version: '0.0.0', columns: 60 };
  const reports: [string, string][] = [
    ['stylish', stylish(results, options)],
    ['json', json(results, options)],
    ['sarif', sarif(results, options)],
  ];
  for (const [name, report] of reports) {
    const raw = RAW_IN_REPORT.exec(report);
    if (raw) fail(`the ${name} report holds U+${raw[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} as it is`);
    if (name !== 'stylish') JSON.parse(report);
  }
}

/** A hidden-character finding covers exactly one such character, or the backslash escape (or JSON surrogate pair) that writes it. */
function checkHiddenCharacter(what: string, covered: string): void {
  if (!/^(\p{Default_Ignorable_Code_Point}|\\[uUx][0-9a-fA-F]+(\\u[dD][c-fC-F][0-9a-fA-F]{2})?)$/u.test(covered))
    fail(`${what}: covers ${JSON.stringify(covered)}, not one hidden character`);
}

/**
 * Markdown the server sends makes no link, image or HTML of its own accord:
 * outside code spans, no `![`, `](` or `<tag` that a backslash does not escape.
 */
export function checkInertMarkdown(what: string, markdown: string): void {
  const outsideCode = markdown.replace(/(?<![`\\])(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
  const live = /(?<!\\)!\[|(?<!\\)\]\(|(?<!\\)<[A-Za-z/!?]/.exec(outsideCode);
  if (live) fail(`${what}: the Markdown holds an unescaped \`${live[0]}\`: ${JSON.stringify(markdown)}`);
}

/** Object.prototype and Array.prototype as they were before any case ran. */
const PROTOTYPE_KEYS = {
  object: Reflect.ownKeys(Object.prototype).map(String).sort().join(),
  array: Reflect.ownKeys(Array.prototype).map(String).sort().join(),
};

export function checkNoPollution(): void {
  const probe = {} as Record<string, unknown>;
  if (probe.polluted !== undefined || probe.id !== undefined) fail('Object.prototype was polluted');
  if (Reflect.ownKeys(Object.prototype).map(String).sort().join() !== PROTOTYPE_KEYS.object) fail('Object.prototype gained or lost a property');
  if (Reflect.ownKeys(Array.prototype).map(String).sort().join() !== PROTOTYPE_KEYS.array) fail('Array.prototype gained or lost a property');
  if ((globalThis as Record<string, unknown>).__fuzzPwned !== undefined) fail('a tag in the document ran code');
}

/** The good protocols a fuzzed register may name (the reference register names the reference protocol). */
const PROTOCOLS = new Map(SAMPLES.filter((s) => !s.name.startsWith('broken') && /\.roles\.ya?ml$/.test(s.name)).map((s) => [path.basename(s.name), s]));

/** Includes resolve to the shared sample catalogue when they name it, a register's protocol to the sample of that name; anything else is missing. */
function readInclude(includePath: string): { file: string; text: string } | { error: string } {
  if (CATALOGUE && path.basename(includePath) === 'department.catalogue.yaml') return { file: CATALOGUE.file, text: CATALOGUE.text };
  const protocol = PROTOCOLS.get(path.basename(includePath));
  if (protocol) return { file: protocol.file, text: protocol.text };
  return { error: 'no such file.' };
}

export function lint(c: FuzzCase): LintResult {
  return lintText(c.text, { fileName: c.fileName, today: TODAY, readInclude });
}

/** Every property of one case over the service. Returns the knowledge a later case (the next keystroke) may use. */
export function checkService(c: FuzzCase, previous: Knowledge = { entities: [] }): Knowledge {
  const { text } = c;
  const result = timed('lintText', () => lint(c));
  const lines = new LineIndex(text);
  let last = -1;
  for (const f of result.findings) {
    const what = `finding ${f.ruleId} at ${f.range.start.line + 1}:${f.range.start.character + 1}`;
    if (!knownRuleIds.has(f.ruleId)) fail(`${what}: unknown rule id`);
    if (!SEVERITIES.has(f.severity)) fail(`${what}: severity ${String(f.severity)}`);
    checkMessage(what, f.message);
    checkRange(what, text, f.range.start.offset, f.range.end.offset);
    if (f.ruleId === 'bidi-control' || f.ruleId === 'invisible-character') checkHiddenCharacter(what, text.slice(f.range.start.offset, f.range.end.offset));
    for (const [p, offset] of [
      [f.range.start, f.range.start.offset],
      [f.range.end, f.range.end.offset],
    ] as const) {
      const expected = lines.positionAt(offset);
      if (p.line !== expected.line || p.character !== expected.character)
        fail(`${what}: position ${p.line}:${p.character} does not match offset ${offset} (${expected.line}:${expected.character})`);
    }
    if (f.range.start.offset < last) fail(`${what}: findings are not in document order`);
    last = f.range.start.offset;
  }
  checkNoPollution();
  checkReports(c, result);

  const root = result.parsed.root;
  const protocol = result.protocol;
  const knowledge = root && protocol ? { ...knowledgeFrom(protocol, result.ids), kind: result.kind } : previous;
  for (const offset of c.offsets) {
    const completions = timed(`complete at ${offset}`, () =>
      /\.json$/.test(c.fileName) ? completeJson(text, offset, knowledge) : complete(text, offset, knowledge),
    );
    for (const item of completions) {
      const what = `completion \`${item.label}\` at ${offset}`;
      if (typeof item.label !== 'string' || item.label === '') fail(`${what}: empty label`);
      if (!COMPLETION_KINDS.has(item.kind)) fail(`${what}: kind ${String(item.kind)}`);
      if (typeof item.insertText !== 'string') fail(`${what}: no insert text`);
      checkRange(what, text, item.start, item.end);
      if (item.documentation !== undefined) checkInertMarkdown(`${what}: documentation`, item.documentation);
    }
    if (root && protocol) {
      const found = timed(`hover at ${offset}`, () => hover(root, protocol, result.ids, offset));
      if (found) {
        checkRange(`hover at ${offset}`, text, found.start, found.end);
        checkInertMarkdown(`hover at ${offset}`, found.contents);
        // Empty contents are allowed: the server drops such a hover.
      }
      const definitions = timed(`definition at ${offset}`, () => definitionOf(result.ids, offset));
      const references = timed(`references at ${offset}`, () => referencesOf(result.ids, offset, true));
      for (const o of [...definitions, ...references]) checkRange(`navigation at ${offset}`, text, o.node.start, o.node.end);
      const renamed = timed(`rename at ${offset}`, () => rename(result.ids, offset, 'renamed-id'));
      if ('error' in renamed) checkMessage(`rename at ${offset}`, renamed.error);
      else for (const e of renamed.edits) if (e.file === undefined) checkRange(`rename edit at ${offset}`, text, e.start, e.end);
    }
  }
  if (root && protocol) {
    const symbols = timed('outline', () => outline(root, protocol));
    const walk = (list: OutlineSymbol[]) => {
      for (const s of list) {
        const what = `outline symbol \`${s.name}\``;
        if (typeof s.name !== 'string' || s.name === '') fail(`${what}: empty name (VS Code refuses it)`);
        checkRange(what, text, s.start, s.end);
        // LSP: the selection range must lie inside the range.
        if (s.selectionStart < s.start || s.selectionEnd > s.end || s.selectionStart > s.selectionEnd)
          fail(`${what}: selection ${s.selectionStart}-${s.selectionEnd} is not inside ${s.start}-${s.end}`);
        walk(s.children);
      }
    };
    walk(symbols);
  }
  for (const f of result.findings.slice(0, 40)) {
    const fixes = timed(`quick fixes for ${f.ruleId}`, () =>
      quickFixes(text, root, result.parsed.language, {
        ruleId: f.ruleId,
        start: f.range.start.offset,
        end: f.range.end.offset,
        ...(f.replacement !== undefined ? { replacement: f.replacement } : {}),
        ...(f.data ? { data: f.data } : {}),
      }),
    );
    for (const fix of fixes) {
      if (fix.title.trim() === '') fail(`quick fix for ${f.ruleId}: empty title`);
      for (const e of fix.edits) checkRange(`quick fix \`${fix.title}\``, text, e.start, e.end);
    }
  }
  return knowledge;
}

/** A short, printable description of a case for failure reports. */
export function describeCase(c: FuzzCase): string {
  const shown = c.text.length > 1200 ? `${c.text.slice(0, 600)}\n…(${c.text.length - 1200} characters)…\n${c.text.slice(-600)}` : c.text;
  return `${c.kind}; ${c.fileName}; offsets ${c.offsets.join(', ')}; text (JSON):\n${JSON.stringify(shown)}`;
}
