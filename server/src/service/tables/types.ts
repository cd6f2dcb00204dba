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
}

/** A pluggable output format. Renderers are pure: data in, text (or bytes) out. */
export interface TableRenderer {
  /** The `--format` name, e.g. `md`. */
  format: string;
  /** File extension without the dot. */
  extension: string;
  render(set: TableSet): string;
}

export type TableBuilder = (protocol: Protocol) => TableData;
