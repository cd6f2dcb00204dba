import { LineIndex, type Range } from '../text/lineIndex';
import { languageOf, MAX_DEPTH, parseDocument, type ParsedDocument, type SourceLanguage } from '../parse/parseDocument';
import { locate, type YamlNode } from '../parse/tree';
import { reparse } from '../parse/reparse';
import { toValue, AliasBudgetExceeded, ALIAS_NODE_BUDGET } from '../parse/toValue';
import { checkLimits, firstContent, grouped } from './limits';
import { Budget, BudgetExhausted, DEFAULT_CHECK_LIMITS, type CheckLimits } from './budget';
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
import { resolveRegisterProtocols } from './registerProtocols';
import { buildRegister } from '../register/model';
import { buildBasis, DEFAULT_REGISTER_SETTINGS } from '../register/standing';
import type { RegisterContext } from '../rules/types';

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
  /** The caps on findings and the time the rules may take (engine/budget.ts); the defaults suit an editor and CI alike. */
  limits?: Partial<CheckLimits>;
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
   * True when the document is one of ours: a protocol, catalogue or register
   * by its `format` or its name (`shared/documentKinds.ts` decides).
   */
  isProtocol: boolean;
  /** What the document was decided to be; undefined when it is none of the tool's kinds. */
  fileKind: FileKind | undefined;
  /** The schema it was checked against. */
  kind: DocumentKind;
  /** The catalogues it includes, directly or not (for a register: its protocols, then their catalogues): a change to any of them needs a re-check. */
  includes: IncludedFile[];
  /** For a register of people: the register and what its protocols ask, as the rules saw them. */
  register?: RegisterContext;
}

/**
 * The whole pipeline for one document: parse, schema, indexes, rules,
 * suppressions, severities. Pure: text and settings in, findings out.
 *
 * It never throws: a document must not look clean because checking it
 * failed. A rule that throws becomes a finding of that rule; a failure
 * anywhere else, one `syntax` error saying the document was not checked.
 */
export function lintText(text: string, options: LintOptions = {}): LintResult {
  try {
    return lintUnguarded(text, options);
  } catch (error) {
    return notChecked(text, options, error);
  }
}

function lintUnguarded(text: string, options: LintOptions): LintResult {
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
  let register: RegisterContext | undefined;
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
      schemaProblems = validateAgainstSchema(root, data, kind, { text });
      // The rules read the document as it was meant where the schema knows (a misspelt key, a value's case).
      applyIntended(data, schemaProblems);
      protocol = buildProtocol(data);
      ids = collectIds(root, kind);
      if (kind === 'register') {
        const model = buildRegister(data);
        let protocols: IncludedFile[] = [];
        if (options.readInclude)
          ({
            files: included,
            protocols,
            problems: includeProblems,
          } = resolveRegisterProtocols(options.fileName, model, options.readInclude, options.includeCache));
        register = {
          model,
          basis: buildBasis(protocols.map((p) => p.protocol)),
          settings: { ...DEFAULT_REGISTER_SETTINGS, ...config.register },
          today,
          complete: model.protocols.length > 0 && protocols.length === model.protocols.length && includeProblems.length === 0,
        };
      } else if (options.readInclude && protocol.includes.length > 0) {
        ({ files: included, problems: includeProblems } = resolveIncludes(options.fileName, protocol.includes, options.readInclude, options.includeCache));
        mergeIncluded(protocol, included);
      }
    }
  }
  const directives = language === 'yaml' ? findDirectives(text) : [];
  const reports: { rule: Rule; report: RuleReport }[] = [];
  const context: Omit<RuleContext, 'budget'> | undefined =
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
          ...(register ? { register } : {}),
        }
      : undefined;
  const caps: CheckLimits = { ...DEFAULT_CHECK_LIMITS, ...options.limits };
  // Turning document-limits off turns its time limit off too, as it does the size limit.
  const budget = new Budget(limits && severityFor(limits, config) !== 'off' ? caps.rulesMs : Infinity, caps.now);
  const contextWithBudget = context && { ...context, budget };
  /** Findings the engine makes about the check itself: no comment in the document silences them. */
  const unsilenced: { rule: Rule; message: string }[] = [];
  const running = allRules.filter((rule) => severityFor(rule, config) !== 'off' && checks(rule, kind));
  for (const [index, rule] of running.entries()) {
    if (!contextWithBudget) {
      // Without a tree only the reading problems can be reported.
      for (const p of parseProblems) if (p.ruleId === rule.id) reports.push({ rule, report: { message: p.message, start: p.start, end: p.end } });
      if (rule.id === 'schema' && !stopped && !root && parsed.problems.length === 0) reports.push({ rule, report: emptyDocument(text) });
      continue;
    }
    if (budget.exhausted) {
      unsilenced.push({ rule: limits!, message: stoppedMessage(caps.rulesMs, undefined, running.slice(index)) });
      break;
    }
    let ruleReports: RuleReport[];
    try {
      ruleReports = rule.check(contextWithBudget);
    } catch (error) {
      if (error instanceof BudgetExhausted) {
        unsilenced.push({ rule: limits!, message: stoppedMessage(caps.rulesMs, rule, running.slice(index + 1)) });
        break;
      }
      unsilenced.push({ rule, message: ruleFailedMessage(rule, error) });
      continue;
    }
    for (const report of ruleReports) reports.push({ rule, report });
  }
  const suppressed = suppressionsByLine(directives);
  let findings: Finding[] = [];
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
  findings = capped(findings, caps, lines);
  if (unsilenced.length > 0) {
    const [start, end] = firstContent(text);
    const range = lines.range(start, end);
    for (const { rule, message } of unsilenced)
      findings.push({ ruleId: rule.id, severity: severityFor(rule, config) as Severity, message: oneLine(message), range });
  }
  findings.sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset || a.ruleId.localeCompare(b.ruleId));
  return { findings, parsed, lines, protocol, ids, isProtocol: isOurs(fileKind), fileKind, kind, includes: included, ...(register ? { register } : {}) };
}

/** Is the document one the tool checks (not configuration, not someone else's YAML)? */
const isOurs = (kind: FileKind | undefined): boolean => kind === 'protocol' || kind === 'catalogue' || kind === 'register';

/** Does a rule check documents of this kind (`Rule.kinds`)? */
function checks(rule: Rule, kind: DocumentKind): boolean {
  if (rule.kinds) return rule.kinds.includes(kind);
  return kind === 'protocol' || (kind === 'catalogue' && rule.appliesToCatalogues !== false);
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * At most `findingsPerRule` findings of one rule and `findingsPerDocument` in
 * all, the errors first, each rule's earliest first; for each rule with
 * findings left out, one closing finding of that rule (so of its severity:
 * the document still shows as failing) where the first one left out was.
 */
function capped(findings: Finding[], caps: CheckLimits, lines: LineIndex): Finding[] {
  if (findings.length <= Math.min(caps.findingsPerRule, caps.findingsPerDocument)) return findings;
  const byOffset = (a: Finding, b: Finding) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset;
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byRule.get(f.ruleId);
    if (list) list.push(f);
    else byRule.set(f.ruleId, [f]);
  }
  const hidden = new Map<string, Finding[]>();
  let kept: Finding[] = [];
  for (const [ruleId, list] of byRule) {
    list.sort(byOffset);
    // A loop, not a spread: a rule may have more findings than a call takes arguments.
    for (const f of list.slice(0, caps.findingsPerRule)) kept.push(f);
    if (list.length > caps.findingsPerRule) hidden.set(ruleId, list.slice(caps.findingsPerRule));
  }
  if (kept.length > caps.findingsPerDocument) {
    kept.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || byOffset(a, b) || a.ruleId.localeCompare(b.ruleId));
    for (const f of kept.slice(caps.findingsPerDocument)) {
      const list = hidden.get(f.ruleId);
      if (list) list.push(f);
      else hidden.set(f.ruleId, [f]);
    }
    kept = kept.slice(0, caps.findingsPerDocument);
  }
  for (const [ruleId, list] of hidden) {
    const first = list.reduce((a, b) => (byOffset(b, a) < 0 ? b : a));
    const n = list.length;
    kept.push({
      ruleId,
      severity: first.severity,
      message:
        `${grouped(n)} more \`${ruleId}\` ${n === 1 ? 'finding' : 'findings'}, from here to the end of the document, ${n === 1 ? 'is' : 'are'} not shown: ` +
        `one check shows at most ${grouped(caps.findingsPerRule)} findings of a rule and ${grouped(caps.findingsPerDocument)} in all. Mend the ones shown first; many findings of one rule often share one cause.`,
      range: lines.range(first.range.start.offset, first.range.end.offset),
    });
  }
  return kept;
}

/** The rules did not all run in time: which did not, and what to do. */
function stoppedMessage(ms: number, cut: Rule | undefined, skipped: Rule[]): string {
  const named = `${skipped
    .slice(0, 5)
    .map((r) => `\`${r.id}\``)
    .join(', ')}${skipped.length > 5 ? ` and ${skipped.length - 5} more` : ''}`;
  const rules = skipped.length === 1 ? 'the rule' : `the ${skipped.length} rules`;
  const what = cut ? `\`${cut.id}\` did not finish${skipped.length ? ` and ${rules} after it (${named}) did not run` : ''}` : `${rules} ${named} did not run`;
  return (
    `Checking this document took longer than the ${grouped(ms)} ms allowed, so it was stopped: ${what}, and their findings are missing. ` +
    'Look for lists that multiply (every role on every step, each needing every skill), or split the document into protocols that include a shared catalogue.'
  );
}

/** A rule threw: its findings are missing, which must not look like a clean document. */
function ruleFailedMessage(rule: Rule, error: unknown): string {
  return `The \`${rule.id}\` check failed on this document with an internal error (${describeError(error)}), so its findings are missing; this is a bug in Role Protocols: please report it with the document.`;
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** A document with nothing in it but blank lines and comments: a truncated or unsaved file must not pass. */
function emptyDocument(text: string): { message: string; start: number; end: number } {
  const lineEnd = text.search(/\r|\n/);
  const end = Math.min(lineEnd === -1 ? text.length : lineEnd, 120);
  return {
    message:
      'The document is empty (it holds only blank lines and comments): a protocol needs at least `format: role-protocol/1`, `document`, `workflow` and `training`, and a catalogue `format: role-catalogue/1`. Was the file truncated or not saved?',
    start: 0,
    end: notInsideSurrogate(text, end),
  };
}

function notInsideSurrogate(text: string, offset: number): number {
  const c = text.charCodeAt(offset - 1);
  return offset > 0 && c >= 0xd800 && c <= 0xdbff ? offset - 1 : offset;
}

/**
 * Checking failed outside any rule (a bug in reading or indexing the
 * document): one `syntax` error says so, so the document does not look clean.
 */
function notChecked(text: string, options: LintOptions, error: unknown): LintResult {
  const language = options.language ?? languageOf(options.fileName);
  const lines = new LineIndex(text);
  const [start, end] = firstContent(text);
  const fileKind = decideKind(options.fileName, undefined, text);
  return {
    findings: [
      {
        ruleId: 'syntax',
        severity: 'error',
        message: oneLine(
          `Role Protocols failed while reading this document with an internal error (${describeError(error)}), so nothing in it was checked; this is a bug in Role Protocols: please report it with the document.`,
        ),
        range: lines.range(start, end),
      },
    ],
    parsed: { text, language, problems: [], anchors: new Map() },
    lines,
    ids: [],
    // What it is by its name and `format` line: a document of ours that failed is shown failed, not passed over.
    isProtocol: isOurs(fileKind),
    fileKind,
    kind: schemaKindOf(fileKind),
    includes: [],
  };
}

/**
 * Puts what the schema says was meant into the data the rules read: a
 * misspelt key renamed (unless the right one is written too), a vocabulary
 * value replaced. The findings stay the schema's; the rules do not echo them.
 */
function applyIntended(data: unknown, problems: readonly SchemaProblem[]): void {
  for (const problem of problems) {
    if (!problem.intended) continue;
    const path = problem.path;
    let parent: unknown = data;
    for (const step of path.slice(0, -1)) parent = parent && typeof parent === 'object' ? (parent as Record<string | number, unknown>)[step] : undefined;
    const last = path[path.length - 1];
    if (!parent || typeof parent !== 'object' || last === undefined) continue;
    const owner = parent as Record<string | number, unknown>;
    if ('key' in problem.intended) {
      const meant = problem.intended.key;
      if (Object.hasOwn(owner, meant) || !Object.hasOwn(owner, last)) continue;
      owner[meant] = owner[last];
      delete owner[last];
    } else if (Object.hasOwn(owner, last)) {
      owner[last] = problem.intended.value;
    }
  }
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
