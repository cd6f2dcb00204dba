import type { ParseProblem } from '../parse/parseDocument';
import type { Path, YamlNode } from '../parse/tree';
import type { Protocol } from '../model/protocol';
import type { IdOccurrence } from '../model/ids';
import type { DocumentKind, EntityKind } from '../schema/schema';
import type { IncludeProblem } from '../engine/includes';
import type { SchemaProblem } from '../schema/validate';
import type { Register } from '../register/model';
import type { Basis, RegisterSettings } from '../register/standing';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/**
 * What a rule reports: a message and where. A path is turned into a range by
 * the engine (on the value, or on the key with `on: 'key'`); a few integrity
 * rules already know offsets and give them directly.
 */
export type RuleReport = ({ message: string; path: Path; on?: 'key' | 'value' } | { message: string; start: number; end: number }) & FixHints;

/** What a quick fix needs to know, beside the message. */
export interface FixHints {
  /** The text that most likely should stand where the finding is ("did you mean"). */
  replacement?: string;
  /** Facts about the finding for code actions, e.g. `{ role, skill }`. */
  data?: Record<string, string>;
}

/** Everything a rule may read, computed once per document before any rule runs. */
export interface RuleContext {
  protocol: Protocol;
  root: YamlNode;
  text: string;
  /** Today's date as YYYY-MM-DD (injected so tests do not depend on the clock). */
  today: string;
  parseProblems: ParseProblem[];
  schemaProblems: SchemaProblem[];
  /** Whether the document is a protocol or a shared catalogue. */
  kind: DocumentKind;
  /** Includes that could not be followed, by their index in `includes`. */
  includeProblems: IncludeProblem[];
  /** The document's own ids (included files' ids are only in `definitions`). */
  ids: IdOccurrence[];
  /** Definitions by kind and id, the included catalogues' (marked with `file`) among them. */
  definitions: Map<EntityKind, Map<string, IdOccurrence[]>>;
  /** Inline `role-protocols-disable-next-line` comments, with the rule ids they name. */
  directives: Directive[];
  /** Every rule id the engine knows, for checking the ids that comments name. */
  knownRuleIds: ReadonlySet<string>;
  /**
   * The time left for the rules. A rule whose work is a product of the
   * document's lists (steps × roles × skills) calls `check()` once per outer
   * step; it throws when the time is up, and the engine reports the rules
   * that did not finish.
   */
  budget: { check(): void };
  /**
   * For a register of people: the register, what its protocols ask of people
   * (read with their catalogues), and the project's register settings.
   */
  register?: RegisterContext;
}

export interface RegisterContext {
  model: Register;
  basis: Basis;
  settings: RegisterSettings;
  /** The day it was checked for (YYYY-MM-DD): where people stand depends on it. */
  today: string;
  /** False when a protocol it names could not be read: checks against the protocol then say nothing rather than guess. */
  complete: boolean;
}

/** An inline suppression comment; an empty `rules` list silences every rule on the next line. */
export interface Directive {
  /** Zero-based line of the comment; it applies to `line + 1`. */
  line: number;
  rules: { id: string; start: number; end: number }[];
}

export interface Rule {
  /** Stable kebab-case id; never renamed once released. */
  id: string;
  defaultSeverity: Severity;
  category: 'integrity' | 'governance';
  /** One line: what the rule checks. */
  description: string;
  /** Why it matters, with the regulation where there is one. */
  rationale: string;
  /** False for rules that only make sense for a whole protocol (a catalogue has no workflow or document control). */
  appliesToCatalogues?: boolean;
  /**
   * The kinds of document the rule checks. Left out: protocols, and
   * catalogues unless `appliesToCatalogues` is false. The rules about text
   * and ids check every kind; the register's rules only registers.
   */
  kinds?: readonly DocumentKind[];
  check(context: RuleContext): RuleReport[];
}
