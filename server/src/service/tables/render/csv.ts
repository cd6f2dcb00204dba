import type { TableData, TableRenderer, TableSet } from '../types';
import { privacyStatement, registerTitle } from './document';
import { documentLine } from './markdown';

const CRLF = '\r\n';
const BOM = '\uFEFF';

/**
 * One CSV field. Control characters other than tab, CR and LF (C0, DEL and
 * C1: spreadsheets drop or mangle them, and NEL U+0085 ends a line for some
 * readers) become U+FFFD, as in HTML and Word. A value a spreadsheet would
 * run as a formula (starting with =, +, -, @, tab or CR) gets a leading
 * apostrophe; then, per RFC 4180, a field containing a comma, a quote, CR or
 * LF is quoted, with quotes doubled.
 */
export function csvField(text: string): string {
  const shown = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '\uFFFD');
  const safe = /^[=+\-@\t\r]/.test(shown) ? `'${shown}` : shown;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function record(fields: readonly string[]): string {
  return fields.map(csvField).join(',') + CRLF;
}

function csvTable(table: TableData): string {
  return record(table.columns) + table.rows.map((cells) => record(cells.map((c) => c.text))).join('');
}

/**
 * CSV (RFC 4180, CRLF line ends) with a UTF-8 byte order mark so Excel reads
 * it as UTF-8. One table renders as the bare table (header and rows), ready
 * to import. Several tables render as a document: the document-control line,
 * then each table preceded by a line with its title and followed by its
 * legend lines, with a blank line between blocks.
 */
export const csvRenderer: TableRenderer = {
  format: 'csv',
  extension: 'csv',
  render(set: TableSet): string {
    const only = set.tables.length === 1 ? set.tables[0] : undefined;
    // A register's tables are personal data: the file says so on its first line, even for one table.
    const statement = set.register ? record([privacyStatement(set.register)]) : '';
    if (only) return BOM + statement + csvTable(only);
    const blocks: string[] = [];
    const control = set.register ? `${registerTitle(set.register)}, as on ${set.register.asOf}` : documentLine(set.document);
    if (statement) blocks.push(statement);
    if (control) blocks.push(record([control]));
    for (const table of set.tables) blocks.push(record([table.title]) + csvTable(table) + (table.legend ?? []).map((line) => record([line])).join(''));
    return BOM + blocks.join(CRLF);
  },
};
