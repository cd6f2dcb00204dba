import { LineIndex, type Range } from '../text/lineIndex';
import { languageOf, MAX_DEPTH, parseDocument, type ParsedDocument, type SourceLanguage } from '../parse/parseDocument';
import { locate, type YamlNode } from '../parse/tree';
import { reparse } from '../parse/reparse';
import { toValue, AliasBudgetExceeded, ALIAS_NODE_BUDGET } from '../parse/toValue';
import { checkLimits, grouped } from './limits';
import { validateAgainstSchema, type SchemaProblem } from '../schema/validate';
import { buildProtocol, type Protocol } from '../model/protocol';
import { collectIds, definitionsByKind, type IdOccurrence } from '../model/ids';
import type { DocumentKind, FileKind } from '../../shared/documentKinds';
import { decideKind, schemaKindOf } from './documentKind';
import { mergeIncluded, resolveIncludes, type IncludeCache, type IncludedFile, type IncludeProblem, type IncludeReader } from './includes';
import { allRules, ruleById, knownRuleIds } from '../rules/index';
import type { FixHints, Rule, RuleContext, RuleReport, Severity, SeveritySetting } from '../rules/types';
import { findDirectives } from './directives';
import { emptyConfig, type ProjectConfig } from '../config/config';

/** One finding: which rule, how severe, what it says, and exactly where. */
export interface Finding extends FixHints {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
}

export interface LintOptions {
  /** Used to tell JSON from YAML when `language` is not given. */
  fileName?: string;
  language?: SourceLanguage;
  config?: ProjectConfig;
  /** YYYY-MM-DD; defaults to the real date. */
  today?: string;
  /** Reads included catalogues; without it, `includes` are not followed. */
  readInclude?: IncludeReader;
  /**
   * The parse of an earlier version of the same document (an editor's last
   * check): the list entries an edit did not touch are reused from it
   * instead of being read again (`parse/reparse.ts`). The findings are the
   * same with or without it.
   */
  previous?: ParsedDocument;
  /** Catalogues already read, shared between the checks of the documents that include them. */
  includeCache?: IncludeCache;
}

/** Everything one pass over a document produced, for the CLI, the server and the tables. */
export interface LintResult {
  findings: Finding[];
  parsed: ParsedDocument;
  lines: LineIndex;
  /** Present when the text parsed; built even when the schema check failed. */
  protocol?: Protocol;
  /** The document's own id definitions and references. */
  ids: IdOccurrence[];
  /**
   * True when the document is one of ours: a protocol or catalogue by its
   * `format` or its name (`shared/documentKinds.ts` decides).
   */
  isProtocol: boolean;
  /** What the document was decided to be; undefined when it is none of the tool's kinds. */
  fileKind: FileKind | undefined;
  /** The schema it was checked against. */
  kind: DocumentKind;
  /** The catalogues it includes, directly or not: a change to any of them needs a re-check. */
  includes: IncludedFile[];
}

/**
 * The whole pipeline for one document: parse, schema, indexes, rules,
 * suppressions, severities. Pure: text and settings in, findings out.
 */
export function lintText(text: string, options: LintOptions = {}): LintResult {
  const language = options.language ?? languageOf(options.fileName);
  const config = options.config ?? emptyConfig();
  // Size and content come first: a file too large, or binary, is not parsed at all.
  const limits = ruleById.get('document-limits');
  const limitProblems = limits && severityFor(limits, config) !== 'off' ? checkLimits(text, config.maxFileSizeKb) : [];
  const stopped = limitProblems.some((p) => p.stop);
  const parsed: ParsedDocument = stopped
    ? { text, language, problems: [], anchors: new Map() }
    : ((language === 'yaml' && options.previous ? reparse(options.previous, text) : undefined) ?? parseDocument(text, language));
  const lines = new LineIndex(text);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const root = parsed.root;
  const parseProblems = [...limitProblems.map(({ stop: _stop, ...problem }) => problem), ...parsed.problems];
  let schemaProblems: SchemaProblem[] = [];
  let protocol: Protocol | undefined;
  let ids: IdOccurrence[] = [];
  let included: IncludedFile[] = [];
  let includeProblems: IncludeProblem[] = [];
  const fileKind = decideKind(options.fileName, root, text);
  const kind = schemaKindOf(fileKind);
  if (root) {
    let data: unknown;
    try {
      data = toValue(root, parsed.anchors);
    } catch (error) {
      if (!(error instanceof AliasBudgetExceeded)) throw error;
      const message =
        error.reason === 'size'
          ? `This alias expands the document to more than ${grouped(ALIAS_NODE_BUDGET)} values (an alias bomb), so the document is not checked; write the values out instead of repeating \`*aliases\`.`
          : `This alias nests the document more than ${MAX_DEPTH} levels deep once expanded, so the document is not checked; write the values out instead of nesting \`*aliases\`.`;
      parseProblems.push({ ruleId: 'syntax', message, start: error.start, end: error.end });
    }
    if (data !== undefined) {
      schemaProblems = validateAgainstSchema(root, data, kind);
      protocol = buildProtocol(data);
      ids = collectIds(root, kind);
      if (options.readInclude && protocol.includes.length > 0) {
        ({ files: included, problems: includeProblems } = resolveIncludes(options.fileName, protocol.includes, options.readInclude, options.includeCache));
        mergeIncluded(protocol, included);
      }
    }
  }
  const directives = language === 'yaml' ? findDirectives(text) : [];
  const reports: { rule: Rule; report: RuleReport }[] = [];
  const context: RuleContext | undefined =
    root && protocol
      ? {
          protocol,
          root,
          text,
          today,
          kind,
          parseProblems,
          schemaProblems,
          includeProblems,
          ids,
          definitions: definitionsByKind([...ids, ...included.flatMap((f) => f.ids)]),
          directives,
          knownRuleIds,
        }
      : undefined;
  for (const rule of allRules) {
    if (severityFor(rule, config) === 'off') continue;
    if (kind === 'catalogue' && rule.appliesToCatalogues === false) continue;
    if (!context) {
      // Without a tree only the reading problems can be reported.
      for (const p of parseProblems) if (p.ruleId === rule.id) reports.push({ rule, report: { message: p.message, start: p.start, end: p.end } });
      continue;
    }
    for (const report of rule.check(context)) reports.push({ rule, report });
  }
  const suppressed = suppressionsByLine(directives);
  const findings: Finding[] = [];
  for (const { rule, report } of reports) {
    const severity = severityFor(rule, config);
    if (severity === 'off') continue;
    const [start, end] = 'path' in report ? placePath(root, report) : [report.start, report.end];
    const range = lines.range(notInsideCrlf(text, start), notInsideCrlf(text, end));
    const silencedIds = suppressed.get(range.start.line);
    if (silencedIds && (silencedIds.size === 0 || silencedIds.has(rule.id))) continue;
    const finding: Finding = { ruleId: rule.id, severity, message: oneLine(report.message), range };
    if (report.replacement !== undefined) finding.replacement = report.replacement;
    if (report.data) finding.data = report.data;
    findings.push(finding);
  }
  findings.sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset || a.ruleId.localeCompare(b.ruleId));
  return { findings, parsed, lines, protocol, ids, isProtocol: fileKind === 'protocol' || fileKind === 'catalogue', fileKind, kind, includes: included };
}

/** An offset between the CR and the LF of a line break is moved before the CR: no editor position lies inside a line break. */
function notInsideCrlf(text: string, offset: number): number {
  return offset > 0 && text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10 ? offset - 1 : offset;
}

/**
 * A message is one line: a value quoted in it may hold line breaks (an id
 * written as `"a\nb"`), which are shown as `\n` so that reports keep one
 * finding per line.
 */
function oneLine(message: string): string {
  return /[\r\n\u2028\u2029]/.test(message)
    ? message.replace(/\r\n|[\r\n\u2028\u2029]/g, (m) => (m === '\r' ? '\\r' : m === '\u2028' || m === '\u2029' ? ' ' : '\\n'))
    : message;
}

function severityFor(rule: Rule, config: ProjectConfig): SeveritySetting {
  return config.rules.get(rule.id) ?? rule.defaultSeverity;
}

/** Lines silenced by a directive on the line above, with the rule ids (empty: all). */
function suppressionsByLine(directives: ReturnType<typeof findDirectives>): Map<number, Set<string>> {
  const map = new Map<number, Set<string>>();
  for (const directive of directives) map.set(directive.line + 1, new Set(directive.rules.map((r) => r.id)));
  return map;
}

/**
 * Turns a rule's path into offsets: the value (or key) it names, or, where the
 * path goes past what was written, the key of the deepest part that exists.
 */
function placePath(root: YamlNode | undefined, report: Extract<RuleReport, { path: unknown }>): [number, number] {
  if (!root) return [0, 0];
  const { found, complete } = locate(root, report.path);
  const node = found.node;
  if (found.key && (report.on === 'key' || !complete || node.kind !== 'scalar' || node.empty)) return [found.key.start, found.key.end];
  if (node.kind === 'mapping') {
    // A list entry has no key of its own: mark its id, which names it, or else its first key.
    const id = node.pairs.find((p) => p.key.value === 'id');
    if (id && id.value.kind === 'scalar' && !id.value.empty) return [id.value.start, id.value.end];
    const first = node.pairs[0];
    return first ? [first.key.start, first.key.end] : [node.start, node.end];
  }
  if (node.kind === 'sequence') {
    const first = node.items[0];
    return first ? [first.start, first.end] : [node.start, node.end];
  }
  return [node.start, node.end];
}

export { ruleById };
