import type { DocumentControl } from '../../model/protocol';
import type { TableData, TableRenderer, TableSet } from '../types';
import { CHANGE_COLUMNS, changeRows, privacyStatement, registerTitle } from './document';
import { vocabularyWords } from '../words';

/**
 * Escapes text for one cell of a GitHub-flavoured Markdown table:
 * - a pipe becomes `\|`; a run of backslashes just before a pipe is doubled
 *   first, so `a\|b` comes out as `a\\\|b` and still reads `a\|b`;
 * - `&` becomes `&amp;`, so a written `&lt;` or `&#124;` reads as written
 *   rather than as the character it names;
 * - `<` and `>` become `&lt;` and `&gt;`, so a value can never become raw
 *   HTML (a `<script>` or `<img onerror>`) in a viewer that renders HTML in
 *   Markdown, nor an autolink;
 * - line breaks (CRLF, CR or LF) become `<br>`, the one tag the renderer writes.
 * Everything else is left as written, so authors' Markdown (emphasis, code)
 * still renders.
 */
export function escapeCell(text: string): string {
  return text
    .replace(/(\\*)\|/g, (_m, slashes: string) => `${slashes}${slashes}\\|`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r\n|\r|\n/g, '<br>');
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(escapeCell).join(' | ')} |`;
}

/** The table itself: header, separator, rows, then the legend lines (one list item each). */
export function markdownTable(table: TableData): string {
  const lines = [row(table.columns), `|${table.columns.map(() => '---').join('|')}|`, ...table.rows.map((cells) => row(cells.map((c) => c.text)))];
  if (table.legend && table.legend.length > 0) {
    lines.push('');
    for (const line of table.legend) lines.push(`- ${escapeCell(line)}`);
  }
  return lines.join('\n') + '\n';
}

/** "Title (id), version 1.2, approved" (or "in review"): whatever of those the document states, as one line of prose; '' when none. */
export function documentLine(document: DocumentControl): string {
  const name = document.title && document.id ? `${document.title} (${document.id})` : (document.title ?? document.id ?? '');
  return [name, document.version ? `version ${document.version}` : '', document.status === undefined ? '' : vocabularyWords('status', document.status)]
    .filter(Boolean)
    .join(', ');
}

/**
 * GitHub-flavoured Markdown. One table renders as exactly that table (and its
 * legend), with no heading, so it can be pasted anywhere. Several tables
 * render as a document: a document-control line first (title, id, version,
 * status), then for each table a `## Title` heading, a blank line and the table.
 */
export const markdownRenderer: TableRenderer = {
  format: 'md',
  extension: 'md',
  render(set: TableSet): string {
    const only = set.tables.length === 1 ? set.tables[0] : undefined;
    // A register's tables are personal data: even one table alone says so, and the day its states are for.
    const statement = set.register ? `${escapeCell(privacyStatement(set.register))}\n` : undefined;
    if (only) return statement ? `${statement}\n${markdownTable(only)}` : markdownTable(only);
    const parts: string[] = [];
    if (set.register && statement) {
      parts.push(`${escapeCell(`${registerTitle(set.register)}, as on ${set.register.asOf}`)}\n`, statement);
      for (const table of set.tables)
        parts.push(`## ${escapeCell(table.title)}\n\n${table.description ? `${escapeCell(table.description)}\n\n` : ''}${markdownTable(table)}`);
      return parts.join('\n');
    }
    const control = documentLine(set.document);
    if (control) parts.push(escapeCell(control) + '\n');
    const changes = changeRows(set.document);
    if (changes.length > 0) {
      const lines = [row([...CHANGE_COLUMNS]), `|${CHANGE_COLUMNS.map(() => '---').join('|')}|`, ...changes.map((cells) => row(cells.map((c) => c ?? '')))];
      parts.push(`## Change history\n\n${lines.join('\n')}\n`);
    }
    for (const table of set.tables) parts.push(`## ${escapeCell(table.title)}\n\n${markdownTable(table)}`);
    return parts.join('\n');
  },
};
