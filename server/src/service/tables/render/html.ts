import type { TableCell, TableData, TableRenderer, TableSet } from '../types';
import {
  approvalLines,
  CHANGE_COLUMNS,
  changeRows,
  controlFields,
  documentName,
  emptyText,
  GAP_MARK,
  NOT_STATED,
  privacyStatement,
  registerFields,
  registerTitle,
  splitWide,
  tableDescription,
  xmlSafe,
} from './document';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML element content and quoted attribute values: & < > "
 * and ' become references; characters XML forbids and the controls HTML
 * forbids besides them (DEL and the C1 controls U+0080-U+009F, which a
 * browser may read as Windows-1252) become U+FFFD; line breaks become `<br>`
 * only where `breaks` is set (cell text).
 */
export function escapeHtml(text: string, breaks = false): string {
  const escaped = xmlSafe(text)
    .replace(/[\u007F-\u009F]/g, '\uFFFD')
    .replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
  return breaks ? escaped.replace(/\r\n|\r|\n/g, '<br>') : escaped;
}

/**
 * The style sheet: plain on screen, and for print A4 with margins, every
 * table's header repeated on each page, rows kept whole, each table after the
 * first on a new page, and the roles, the responsibility matrix and the sites on
 * landscape pages.
 */
const STYLE = `
:root { color-scheme: light; }
body { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.35; color: #000; background: #fff; margin: 1.5rem auto; max-width: 75rem; padding: 0 1rem; }
h1 { font-size: 1.6em; margin: 0 0 0.6em; }
h2 { font-size: 1.25em; margin: 1.6em 0 0.3em; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 1.05em; margin: 1em 0 0.3em; break-after: avoid; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 0 0 0.6em; }
caption { caption-side: top; text-align: left; font-style: italic; padding: 0 0 0.4em; }
th, td { border: 1px solid #555; padding: 0.25em 0.45em; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead th { background: #e6e6e6; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.control { width: auto; min-width: 50%; }
table.control th[scope="row"] { background: #f2f2f2; width: 10em; }
.not-stated { font-style: italic; color: #555; }
table.matrix td.part { text-align: center; font-weight: bold; }
table.matrix th.role { text-align: center; }
td.gap { background: #fde2e2; font-weight: bold; }
td.gap .mark { text-transform: uppercase; letter-spacing: 0.05em; border: 1px solid #000; padding: 0 0.25em; margin-right: 0.3em; }
td.trained { background: #e3f4e3; }
ul.legend { list-style: none; padding: 0; margin: 0.3em 0 0; display: flex; flex-wrap: wrap; gap: 0.3em 1.5em; }
footer { margin-top: 2em; font-size: 0.85em; color: #444; }
@page { size: A4 portrait; margin: 15mm; }
@page landscape { size: A4 landscape; margin: 15mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; }
  section.table + section.table { break-before: page; page-break-before: always; }
  section.table-roles { page: landscape; }
  section.table-matrix { page: landscape; }
  section.table-sites { page: landscape; }
  thead th, td.gap, td.trained, table.control th[scope="row"] { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/**
 * A register's styles, added to the page of a register only (a protocol's
 * page is as it was): where a person stands as a light tint under black text
 * (the words say it; the tint only repeats it), the statement of what the
 * page holds boxed, and the people tables on landscape pages.
 */
const REGISTER_STYLE = `
td.current { background: #e3f4e3; }
td.due-soon { background: #fff2cc; }
td.overdue, td.missing { background: #fde2e2; font-weight: bold; }
td.in-training { background: #ddebf7; }
p.privacy { font-weight: bold; border: 1px solid #000; padding: 0.4em 0.6em; }
table.entitlements th, table.entitlements td, table.training-status th, table.training-status td, table.due th, table.due td { overflow-wrap: normal; }
span.date { white-space: nowrap; }
@media print {
  section.table-entitlements { page: landscape; }
  section.table-training-status { page: landscape; }
  td.current, td.due-soon, td.overdue, td.missing, td.in-training { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

function cellText(text: string): string {
  return text === '' ? '' : escapeHtml(text, true);
}

/** A register's block in place of the document-control block: what the export holds, then what the register is. */
function registerBlock(set: TableSet): string {
  const about = set.register!;
  const value = (v: string | undefined): string => (v === undefined || v === '' ? `<span class="not-stated">${NOT_STATED}</span>` : escapeHtml(v, true));
  const rows = registerFields(about).map((f) => `<tr><th scope="row">${escapeHtml(f.label)}</th><td>${value(f.value)}</td></tr>`);
  return [
    '<section class="document-control" aria-labelledby="about-register">',
    `<p class="privacy">${escapeHtml(privacyStatement(about))}</p>`,
    '<h2 id="about-register">About this register</h2>',
    '<table class="control">',
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
    '<p>The tables name people by staff number only. The states are those of the day above: on a later day more may be due.</p>',
    '</section>',
  ].join('\n');
}

function controlBlock(set: TableSet): string {
  if (set.register) return registerBlock(set);
  const value = (v: string | undefined): string => (v === undefined || v === '' ? `<span class="not-stated">${NOT_STATED}</span>` : escapeHtml(v, true));
  const rows = controlFields(set.document).map((f) => `<tr><th scope="row">${escapeHtml(f.label)}</th><td>${value(f.value)}</td></tr>`);
  const approvals = approvalLines(set);
  const lines = [
    '<section class="document-control" aria-labelledby="document-control">',
    '<h2 id="document-control">Document control</h2>',
    '<table class="control">',
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
    '<h3 id="approvals">Approvals</h3>',
  ];
  if (approvals.length === 0) {
    lines.push(`<p class="not-stated">${NOT_STATED}: the document records no approvals.</p>`);
  } else {
    lines.push(
      '<table class="approvals" aria-labelledby="approvals">',
      '<thead><tr><th scope="col">Approved by</th><th scope="col">Role</th><th scope="col">Date</th></tr></thead>',
      '<tbody>',
      ...approvals.map((a) => `<tr><td>${value(a.name)}</td><td>${value(a.role)}</td><td>${value(a.date)}</td></tr>`),
      '</tbody>',
      '</table>',
    );
  }
  // The change history, only where the document keeps one.
  const changes = changeRows(set.document);
  if (changes.length > 0) {
    lines.push(
      '<h3 id="changes">Change history</h3>',
      '<table class="changes" aria-labelledby="changes">',
      `<thead><tr>${CHANGE_COLUMNS.map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead>`,
      '<tbody>',
      ...changes.map((cells) => `<tr>${cells.map((c) => `<td>${value(c)}</td>`).join('')}</tr>`),
      '</tbody>',
      '</table>',
    );
  }
  lines.push('</section>');
  return lines.join('\n');
}

/** The register's tables: words are never broken inside (their columns are as wide as their longest word), nor dates at a hyphen. */
const REGISTER_TABLES: ReadonlySet<string> = new Set(['entitlements', 'training-status', 'due']);
const DATE = /\b\d{4}-\d{2}-\d{2}\b/g;

function bodyCell(table: TableData, cell: TableCell, column: number): string {
  const register = REGISTER_TABLES.has(table.id);
  // Escaped text has no digits-and-hyphens of its own making, so a date found in it is the value's.
  const text = (t: string): string => (register ? cellText(t).replace(DATE, (d) => `<span class="date">${d}</span>`) : cellText(t));
  if (column === 0) return `<th scope="row">${text(cell.text)}</th>`;
  const classes: string[] = [];
  let content = text(cell.text);
  if (table.id === 'matrix') classes.push('part');
  if (cell.status === 'gap') {
    classes.push('gap');
    content = `<span class="mark">${GAP_MARK}</span> ${content}`;
  } else if (cell.status) {
    classes.push(cell.status);
  }
  return `<td${classes.length > 0 ? ` class="${classes.join(' ')}"` : ''}>${content}</td>`;
}

/**
 * A table's section; a table too wide for a landscape page in print (a
 * register's training status with many skills) is cut into parts, each
 * repeating the person, as in Word.
 */
function tableSections(table: TableData): string[] {
  return splitWide(table, PRINT_WIDTH).map((part, index) => tableSection(part, index));
}

/**
 * The width the parts are cut to, in twips: a landscape A4 page less its
 * 15 mm margins, less a tenth for the printed type being a little larger
 * (9.5 pt) than Word's.
 */
export const PRINT_WIDTH = Math.floor(((297 - 30) / 25.4) * 1440 * 0.9);

function tableSection(table: TableData, part = 0): string {
  const id = escapeHtml(table.id);
  const anchor = part === 0 ? id : `${id}-${part + 1}`;
  const headers = table.columns.map((c, i) => `<th scope="col"${table.id === 'matrix' && i > 0 ? ' class="role"' : ''}>${cellText(c)}</th>`);
  const rows = table.rows.map((cells) => {
    const gap = cells.some((c) => c.status === 'gap');
    return `<tr${gap ? ' class="gap-row"' : ''}>${cells.map((cell, i) => bodyCell(table, cell, i)).join('')}</tr>`;
  });
  const lines = [
    `<section class="table table-${id}" id="${anchor}" aria-labelledby="${anchor}-title">`,
    `<h2 id="${anchor}-title">${escapeHtml(table.title)}</h2>`,
    `<table class="${id}">`,
    `<caption>${escapeHtml(tableDescription(table))}</caption>`,
    `<thead>\n<tr>${headers.join('')}</tr>\n</thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
  ];
  if (table.rows.length === 0) lines.push(`<p class="not-stated">${escapeHtml(emptyText(table))}</p>`);
  if (table.legend && table.legend.length > 0) {
    lines.push(
      `<h3 id="${anchor}-legend">Legend</h3>`,
      `<ul class="legend" aria-labelledby="${anchor}-legend">`,
      ...table.legend.map((l) => `<li>${escapeHtml(l)}</li>`),
      '</ul>',
    );
  }
  lines.push('</section>');
  return lines.join('\n');
}

/**
 * One standalone, printable HTML5 file: the document-control block, then each
 * table as a real `<table>` with a caption, a header row that repeats on every
 * printed page, and its legend. No scripts, no remote resources, no event
 * handlers: the only markup is the renderer's own, and every value from the
 * document is escaped.
 */
export const htmlRenderer: TableRenderer = {
  format: 'html',
  extension: 'html',
  render(set: TableSet): string {
    const name = set.register ? registerTitle(set.register) : documentName(set.document);
    const heading = set.register ? `${name}, as on ${set.register.asOf}` : set.document.version ? `${name}, version ${set.document.version}` : name;
    return [
      '<!DOCTYPE html>',
      '<html lang="en-GB">',
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '<meta name="generator" content="role-protocols">',
      `<title>${escapeHtml(`${name}: ${set.register ? 'tables' : 'summary tables'}`)}</title>`,
      `<style>${STYLE}${set.register ? REGISTER_STYLE : ''}</style>`,
      '</head>',
      '<body>',
      '<header>',
      `<h1>${escapeHtml(heading)}</h1>`,
      '</header>',
      '<main>',
      controlBlock(set),
      ...set.tables.flatMap(tableSections),
      '</main>',
      set.register
        ? `<footer><p>Generated by role-protocols from the register. ${escapeHtml(privacyStatement(set.register))}</p></footer>`
        : '<footer><p>Generated by role-protocols from the protocol. Change the protocol, not this file, and export again.</p></footer>',
      '</body>',
      '</html>',
      '',
    ].join('\n');
  },
};
