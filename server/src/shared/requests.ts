/**
 * The server's own requests, as both sides speak them: the language server
 * answers them (`lsp/tables.ts`, `lsp/locate.ts`) and the VS Code client sends
 * them (the tables preview and export). Types and method names only, no
 * code of either side, so the client can import this module alone.
 */

/** The summary tables of a protocol. */
export type ProtocolTableId = 'training' | 'roles' | 'matrix' | 'coverage' | 'sites' | 'governance';
/** The tables of a register of people. */
export type RegisterTableId = 'entitlements' | 'training-status' | 'due';
/** Any table: which ones a document has depends on its kind (`tableIdsFor`). */
export type TableId = ProtocolTableId | RegisterTableId;
/** A protocol's tables, in the order they are shown and exported; a new table goes last so existing orders stay. */
export const TABLE_IDS: readonly ProtocolTableId[] = ['training', 'roles', 'matrix', 'coverage', 'sites', 'governance'];
/** A register's tables, in the order they are shown and exported: who holds which role, where each stands in training, what is due. */
export const REGISTER_TABLE_IDS: readonly RegisterTableId[] = ['entitlements', 'training-status', 'due'];

/** The tables a document of this kind has: a register's, or else a protocol's (a catalogue's are a protocol's). */
export function tableIdsFor(kind: string | undefined): readonly TableId[] {
  return kind === 'register' ? REGISTER_TABLE_IDS : TABLE_IDS;
}

/**
 * Where a person stands in a skill (register tables), as `register/standing.ts`
 * decides: each is shown with words, the colour only repeats them.
 */
export type StandingStatus = 'current' | 'due-soon' | 'overdue' | 'in-training' | 'missing';

/** A place in a document: keys and list indexes from the top. */
export type SourcePath = ReadonlyArray<string | number>;

/** One cell: its text, where in the document it comes from, and (coverage, register tables) a status its text already says. */
export interface TableCell {
  text: string;
  /** Path of the document value the cell shows, so a preview can reveal it in the editor. */
  source?: SourcePath;
  /** The included catalogue `source` is in; undefined for the document itself. */
  sourceFile?: string;
  /**
   * Coverage table: `trained` entitled and with a training row, `gap` entitled but no training row, `none` not entitled.
   * Register tables: where a person stands (the worst, where a cell shows several sites). Styling only: the text says it.
   */
  status?: 'trained' | 'gap' | 'none' | StandingStatus;
}

/** A table as plain data: renderers turn it into Markdown, CSV, HTML or Word. */
export interface TableData {
  id: TableId;
  title: string;
  columns: string[];
  rows: TableCell[][];
  /** Lines explaining letters or marks used in the cells. */
  legend?: string[];
  /**
   * What the table shows, when it depends on more than the table's kind (the
   * register's: the day it was computed for and the counts). Renderers and
   * the preview show it as the caption; without it they use their own.
   */
  description?: string;
  /** What to say when there are no rows, instead of the general "nothing yet". */
  empty?: string;
  /**
   * The leading columns that name a row (the person): where a wide table is
   * printed in parts, each part repeats them. Without it a table is never split.
   */
  keyColumns?: number;
}

/** `roleProtocols/tables`: the summary tables of a document. */
export const TABLES_METHOD = 'roleProtocols/tables';

/** Parameters of `roleProtocols/tables`: which document, which tables (default all), and how. */
export interface TablesParams {
  uri: string;
  tables?: string[];
  /**
   * `md`, `csv` (or another text format the service renders, e.g. `html`) give the text; `data` gives TableData[].
   * A format that gives bytes (`docx`) needs `encoding: 'base64'` and gives the file base64-encoded.
   */
  format: 'md' | 'csv' | 'html' | 'docx' | 'data' | (string & {});
  encoding?: 'base64';
}

/** Text, the tables as data, or (base64) the bytes of a binary format. */
export type TablesResult = string | TableData[];

/** `roleProtocols/locate`: where a table cell's source is written. */
export const LOCATE_METHOD = 'roleProtocols/locate';

/**
 * Parameters of `roleProtocols/locate`: a table cell's `source` path in an
 * open document, or (with `file`, the cell's `sourceFile`) in one of the
 * catalogues that document includes.
 */
export interface LocateParams {
  uri: string;
  path: SourcePath;
  file?: string;
}

/** A range as LSP writes it (zero-based lines and UTF-16 characters). */
export interface WireRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** Where the path is written: the document (or catalogue) and the range to select. */
export interface LocateResult {
  uri: string;
  range: WireRange;
}

/** `roleProtocols/revisions`: the git commits that changed a document's file, newest first. */
export const REVISIONS_METHOD = 'roleProtocols/revisions';

export interface RevisionsParams {
  uri: string;
}

/** One commit that changed the file, with the file's path in the repository at that commit (it follows renames). */
export interface FileRevision {
  hash: string;
  short: string;
  /** YYYY-MM-DD, the author date. */
  date: string;
  subject: string;
  path: string;
}

export interface RevisionsResult {
  revisions: FileRevision[];
}

/** `roleProtocols/compare`: what changed in a document since a revision of its file (the open text against the file at the commit). */
export const COMPARE_METHOD = 'roleProtocols/compare';

export interface CompareParams {
  uri: string;
  /** A commit hash or any revision git understands. */
  revision: string;
  /** The file's path in the repository at that revision, when it had another name (from `roleProtocols/revisions`). */
  path?: string;
}

/** One change, with where it is in the current text (or an included catalogue) when it is there at all. */
export interface CompareChange {
  kind: string;
  significance: 'significant' | 'minor';
  subject: string;
  message: string;
  old?: string;
  new?: string;
  /**
   * Where the change is now; undefined for a removal. `path` is what changed
   * (the entry or its field) and `file` the included catalogue it is in, as a
   * table cell names its `source` and `sourceFile`.
   */
  location?: { uri: string; range: WireRange; path: SourcePath; file?: string };
  /** Where it was in the earlier version (0-based line), for a removal. */
  oldLine?: number;
}

export interface CompareResult {
  /** "3 changes: 2 significant, 1 minor" or "No changes". */
  headline: string;
  /** The earlier version as the report names it: `1a2b3c4d:protocols/oart.roles.yaml`. */
  base: string;
  changes: CompareChange[];
  /**
   * The report as a standalone HTML page; each change's place is a link
   * `href="#change-N"` (N its index in `changes`) for the client to turn
   * into its own way of revealing the line.
   */
  html: string;
}
