import type { DocumentControl } from '../../model/protocol';
import type { RegisterAbout, TableData, TableSet } from '../types';
import { vocabularyValue } from '../words';

/**
 * What the document-format renderers (HTML, Word) share: the document-control
 * block as label/value pairs, the approvals, and one sentence describing each
 * table. Kept here so the two formats say the same thing.
 */

/** Shown for a document-control field the protocol does not state. */
export const NOT_STATED = 'Not stated';

export interface ControlField {
  label: string;
  /** Undefined when the document does not state it. */
  value?: string;
}

export interface ApprovalLine {
  name?: string;
  /** The role's title when known, else its id as written. */
  role?: string;
  date?: string;
}

/** The name a document goes by: its title, else its id, else a generic name. */
export function documentName(document: DocumentControl): string {
  return document.title ?? document.id ?? 'Role protocol';
}

/** The fields of the document-control block, in order, stated or not (approvals apart). */
export function controlFields(document: DocumentControl): ControlField[] {
  return [
    { label: 'Title', value: document.title },
    { label: 'Document id', value: document.id },
    { label: 'Version', value: document.version },
    { label: 'Status', value: document.status === undefined ? undefined : vocabularyValue('status', document.status) },
    { label: 'Owner', value: document.owner },
    { label: 'Effective date', value: document.effectiveDate },
    { label: 'Review due', value: document.reviewDue },
  ];
}

/** The approvals in document order, each role named by its title when the set knows it. */
export function approvalLines(set: TableSet): ApprovalLine[] {
  return set.document.approvals.map((a) => ({ name: a.name, role: a.role === undefined ? a.post : (set.roleTitles?.get(a.role) ?? a.role), date: a.date }));
}

/** The change history's columns and rows, as text; no rows when the document states none. */
export const CHANGE_COLUMNS = ['Version', 'Date', 'Summary', 'Approved by'] as const;
export function changeRows(document: DocumentControl): (string | undefined)[][] {
  return (document.changes ?? []).map((c) => [c.version, c.date, c.summary, c.approvedBy]);
}

/** The number of coverage cells marked as a gap. */
export function gapCount(table: TableData): number {
  return table.rows.reduce((n, cells) => n + cells.filter((c) => c.status === 'gap').length, 0);
}

/** One or two sentences saying what a table shows (and, for coverage, how many gaps it has; a register's table says it itself). */
export function tableDescription(table: TableData): string {
  if (table.description !== undefined) return table.description;
  switch (table.id) {
    case 'training':
      return 'One row per training row, in document order: who is trained, in which skill, by which method, and where the record is kept.';
    case 'roles':
      return 'Each role with its staff groups, Agenda for Change band, national career level and job profile, registration, IR(ME)R capacities (a practitioner with the scope of their entitlement), the employer’s procedures that entitle it, where its holders’ core IR(ME)R training is recorded, and its responsibilities.';
    case 'matrix':
      return 'Workflow steps (rows) by roles (columns): each cell holds the letters of the parts the role plays in the step.';
    case 'coverage': {
      const gaps = gapCount(table);
      const summary = gaps === 0 ? 'No gaps.' : `${gaps} gap${gaps === 1 ? '' : 's'}, marked “Gap”: a role entitled to act but not trained.`;
      return `For each site, each step that needs skills and each role entitled to act in it (performs, edits or approves): whether training covers every skill of the step at that site. ${summary}`;
    }
    case 'sites':
      return 'Each site with its clinical protocol and the role that approved it, how the MPE is involved, whether a clinician is present, the fractionation, and when the offline reviews covering it happen.';
    case 'governance':
      return "The training matrix's rows in the same order: who signs the training off, how often it is reassessed, and the sites it covers.";
    default:
      return '';
  }
}

/** The word put before a gap cell's text, so a gap never depends on colour alone. */
export const GAP_MARK = 'Gap';

/**
 * Text safe for XML 1.0 (and so for Word, which refuses the others): control
 * characters other than tab, LF and CR, lone surrogates, and U+FFFE/U+FFFF
 * become U+FFFD. Everything else is kept exactly.
 */
export function xmlSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** What to say under a table with no rows. */
export function emptyText(table: TableData): string {
  return table.empty ?? 'No rows: the document has nothing for this table yet.';
}

/**
 * What a register export holds, said at its top (and on every Word page):
 * the tables are personal data, and the states are those of one day.
 */
export function privacyStatement(about: RegisterAbout): string {
  return `Personal data: staff numbers, entitlements and training dates of ${about.people} ${about.people === 1 ? 'person' : 'people'}, as on ${about.asOf}. Keep it as the register is kept.`;
}

/** The name a register export goes by. */
export function registerTitle(about: RegisterAbout): string {
  return about.department ? `Register of people: ${about.department}` : 'Register of people';
}

/** The register's block in place of the document-control block: what it is, what it was checked against, and the day. */
export function registerFields(about: RegisterAbout): ControlField[] {
  return [
    { label: 'Department', value: about.department },
    { label: 'Owner', value: about.owner },
    { label: 'Register updated', value: about.updated },
    { label: 'Checked against', value: about.protocols.length > 0 ? about.protocols.join('\n') : undefined },
    { label: 'As on', value: about.asOf },
    { label: 'Due soon', value: `within ${about.dueSoonDays} days` },
    { label: 'People', value: String(about.people) },
  ];
}

/** Roughly the width of one character of 9 pt bold Arial, and a cell's left and right margins, in twips. */
export const CHAR_WIDTH = 115;
export const CELL_PADDING = 200;

/** The least width of each column, in twips: room for its longest word (header included), at least four characters. */
export function minimumWidths(columns: readonly string[], rows: readonly (readonly { text: string }[])[]): number[] {
  return columns.map((header, c) => {
    const texts = [header, ...rows.map((cells) => cells[c]?.text ?? '')];
    return Math.max(4, ...texts.flatMap((t) => t.split(/\s+/).map((w) => [...w].length))) * CHAR_WIDTH + CELL_PADDING;
  });
}

/**
 * A table too wide for a page (`total` twips), cut into parts that fit, for
 * print: each part repeats the key columns (the person) and takes as many of
 * the others, in order, as leave every word whole. Only a table that names
 * its key columns is cut; one that fits, or that cannot be cut, comes back
 * whole. The legend goes with the last part.
 */
export function splitWide(table: TableData, total: number): TableData[] {
  const keys = table.keyColumns ?? 0;
  if (keys <= 0 || keys >= table.columns.length) return [table];
  const widths = minimumWidths(table.columns, table.rows);
  if (widths.reduce((a, b) => a + b, 0) <= total) return [table];
  const room = total - widths.slice(0, keys).reduce((a, b) => a + b, 0);
  const groups: number[][] = [];
  let current: number[] = [];
  let used = 0;
  for (let c = keys; c < table.columns.length; c++) {
    const width = widths[c] ?? 0;
    if (current.length > 0 && used + width > room) {
      groups.push(current);
      current = [];
      used = 0;
    }
    current.push(c);
    used += width;
  }
  if (current.length > 0) groups.push(current);
  if (groups.length <= 1) return [table];
  const keyIndexes = [...Array(keys).keys()];
  const keyNames = joinNames(keyIndexes.map((i) => table.columns[i] ?? ''));
  return groups.map((group, index): TableData => {
    const indexes = [...keyIndexes, ...group];
    const range = `${table.columns[group[0]!]} to ${table.columns[group[group.length - 1]!]}`;
    const part = `Part ${index + 1} of ${groups.length}: ${range}, each part repeating ${keyNames}.`;
    const { legend, ...rest } = table;
    return {
      ...rest,
      title: `${table.title} (${index + 1} of ${groups.length})`,
      columns: indexes.map((i) => table.columns[i] ?? ''),
      rows: table.rows.map((cells) => indexes.map((i) => cells[i] ?? { text: '' })),
      description: index === 0 ? `${tableDescription(table)} ${part}` : part,
      ...(index === groups.length - 1 && legend ? { legend } : {}),
    };
  });
}

const joinNames = (names: string[]): string => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);
