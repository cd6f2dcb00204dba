import type { Range } from '../text/lineIndex';
import type { Path } from '../parse/tree';
import type { LintResult } from '../engine/lint';
import type { DocumentControl } from '../model/protocol';
import type { FileKind } from '../../shared/documentKinds';
import type { Area, ChangeKind, Significance } from './kinds';

/** Where a change is in one version: the file (undefined: the compared document itself, else an included catalogue) and the range. */
export interface Place {
  /** The included catalogue the entry is in, as its check named it; undefined for the document itself. */
  file?: string;
  range: Range;
  /** The path of what changed in that file (the entry, or its field): what the tables' cells name as their source. */
  path: Path;
}

/** One change between two versions, named in the domain's words. */
export interface Change {
  kind: ChangeKind;
  area: Area;
  significance: Significance;
  /** What changed, e.g. `Step “Independent dose check”`, `Role “Adapter”`. */
  subject: string;
  /** One sentence: what is different now. */
  message: string;
  /** The value before and after, as text; undefined where there was none (added) or is none (removed). */
  old?: string;
  new?: string;
  /** Where the change is in the old version; undefined for an addition. */
  oldPlace?: Place;
  /** Where it is in the new version; undefined for a removal. */
  newPlace?: Place;
}

/** One version of a document to compare: its check's result and a name for reports (`main:protocols/x.roles.yaml`). */
export interface DiffSide {
  label: string;
  result: LintResult;
}

/** What a report says of each version beside the changes. */
export interface VersionSummary {
  label: string;
  document: DocumentControl;
  /** Role titles by id, to name the roles approvals were given in. */
  roleTitles: ReadonlyMap<string, string>;
  /** For a register of people: what it says of itself and the protocols it is checked against (it has no document control). */
  register?: RegisterSummary;
}

export interface RegisterSummary {
  department?: string;
  owner?: string;
  updated?: string;
  /** The protocols it names, as written. */
  protocols: string[];
  people: number;
  entitlements: number;
  training: number;
}

export interface DiffResult {
  /** The kind of document compared. */
  kind: FileKind;
  old: VersionSummary;
  new: VersionSummary;
  /** In report order: by area, then by place in the new version (the old one for removals). */
  changes: Change[];
}

/**
 * Compares two versions of one kind of document. One differ per kind
 * (protocols and catalogues share one, as they share a model; registers have
 * theirs, `register.ts`).
 */
export interface DocumentDiffer {
  /** The kinds of document this differ compares. */
  kinds: readonly FileKind[];
  diff(old: DiffSide, next: DiffSide): Change[];
}

/** The two versions cannot be compared: one does not parse, or they are different kinds of document. */
export class DiffError extends Error {}
