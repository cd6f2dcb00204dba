import type { DocumentControl } from '../../model/protocol';
import type { TableData, TableSet } from '../types';

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
    { label: 'Status', value: document.status },
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

/** One or two sentences saying what a table shows (and, for coverage, how many gaps it has). */
export function tableDescription(table: TableData): string {
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
