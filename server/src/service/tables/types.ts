import type { Path } from '../parse/tree';
import type { DocumentControl, Protocol } from '../model/protocol';

/** The four summary tables of a protocol. */
export type TableId = 'training' | 'roles' | 'matrix' | 'coverage';
export const TABLE_IDS: readonly TableId[] = ['training', 'roles', 'matrix', 'coverage'];

/** One cell: its text, where in the document it comes from, and (coverage only) whether it is a gap. */
export interface TableCell {
  text: string;
  /** Path of the document value the cell shows, so a preview can reveal it in the editor. */
  source?: Path;
  /** The included catalogue `source` is in; undefined for the document itself. */
  sourceFile?: string;
  /** Coverage table: `trained` entitled and trained, `gap` entitled but not trained, `none` not entitled. */
  status?: 'trained' | 'gap' | 'none';
}

/** A table as plain data: renderers turn it into Markdown, CSV, HTML or Word. */
export interface TableData {
  id: TableId;
  title: string;
  columns: string[];
  rows: TableCell[][];
  /** Lines explaining letters or marks used in the cells. */
  legend?: string[];
}

/** What a renderer gets: the tables and the document-control block they belong to. */
export interface TableSet {
  document: DocumentControl;
  tables: TableData[];
  /**
   * Role titles by role id, so the document-control block can name an
   * approver's role (`clinical-oncologist` as "Clinical Oncologist"). Optional:
   * a role id without a title here is shown as written.
   */
  roleTitles?: ReadonlyMap<string, string>;
}

/** A pluggable output format that gives text. Renderers are pure: data in, text out. */
export interface TableRenderer {
  /** The `--format` name, e.g. `md`. */
  format: string;
  /** File extension without the dot. */
  extension: string;
  binary?: false;
  render(set: TableSet): string;
}

/**
 * A pluggable output format that gives bytes (a Word file). Still pure (no
 * file system), but asynchronous: the zip container is built asynchronously.
 */
export interface BinaryTableRenderer {
  format: string;
  extension: string;
  binary: true;
  render(set: TableSet): Promise<Uint8Array>;
}

/** Any registered output format. */
export type AnyTableRenderer = TableRenderer | BinaryTableRenderer;

export type TableBuilder = (protocol: Protocol) => TableData;
