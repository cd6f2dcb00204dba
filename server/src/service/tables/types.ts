import type { DocumentControl, Protocol } from '../model/protocol';

// The tables as data are what the client's preview receives: their types are shared with it.
export { TABLE_IDS, REGISTER_TABLE_IDS, tableIdsFor } from '../../shared/requests';
export type { ProtocolTableId, RegisterTableId, StandingStatus, TableCell, TableData, TableId } from '../../shared/requests';
import type { TableData } from '../../shared/requests';

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
  /**
   * Present for a register of people's tables: what the export holds and the
   * day it was computed for. The renderers then say so in place of the
   * document-control block (the register has none), on every page and in
   * every format: the tables are personal data.
   */
  register?: RegisterAbout;
}

/** What a register export says about itself. */
export interface RegisterAbout {
  department?: string;
  owner?: string;
  /** The register's own `updated` date, as written. */
  updated?: string;
  /** The protocols it is checked against, as the register names them. */
  protocols: string[];
  /** The day the states were computed for (YYYY-MM-DD). */
  asOf: string;
  /** How many people the register lists. */
  people: number;
  /** The due-soon window, in days. */
  dueSoonDays: number;
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
