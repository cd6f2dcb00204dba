import type { DocumentControl } from '../../model/protocol';
import { baseName } from '../../util/text';
import { controlFields, documentName, NOT_STATED } from '../../tables/render/document';
import { AREA_NAMES } from '../kinds';
import type { Change, DiffResult, Place, VersionSummary } from '../types';

/**
 * What every report format says the same way: the headline, the rows of the
 * document-control comparison, the change table's columns and cells. Kept
 * here so Markdown, HTML and Word say the same thing.
 */

/** Shown for a value a version does not have (an entry added or removed). */
export const ABSENT = '—';

/** "3 changes: 2 significant, 1 minor" or "No changes". */
export function headline(diff: DiffResult): string {
  const n = diff.changes.length;
  if (n === 0) return 'No changes';
  const significant = diff.changes.filter((c) => c.significance === 'significant').length;
  return `${n} change${n === 1 ? '' : 's'}: ${significant} significant, ${n - significant} minor`;
}

/** A version as a report names it: its label, with its version number. */
export function versionName(version: VersionSummary): string {
  return version.document.version ? `${version.label} (version ${version.document.version})` : version.label;
}

/** The document both versions are of, by its newer title (a register by its department, else its label). */
export function reportTitle(diff: DiffResult): string {
  if (diff.kind === 'register') return `Summary of changes: register of ${diff.new.register?.department ?? diff.old.register?.department ?? diff.new.label}`;
  return `Summary of changes: ${documentName(diff.new.document.present ? diff.new.document : diff.old.document)}`;
}

/** What the kind of document compared is called in a sentence: "protocol", "register". */
export const documentNoun = (diff: DiffResult): string => (diff.kind === 'register' ? 'register' : diff.kind === 'catalogue' ? 'catalogue' : 'protocol');

/** The heading of the comparison beside the changes: a register has no document control, but says what it is. */
export const controlHeading = (diff: DiffResult): string => (diff.kind === 'register' ? 'Register' : 'Document control');

/** Where a change is: `line 12`, or `department.catalogue.yaml line 12`; a removal says where it was. */
export function placeText(change: Change): string {
  if (change.newPlace) return where(change.newPlace);
  if (change.oldPlace) return `removed (was ${where(change.oldPlace)})`;
  return '';
}

function where(place: Place): string {
  const line = `line ${place.range.start.line + 1}`;
  return place.file ? `${baseName(place.file)} ${line}` : line;
}

export const significanceText = (change: Change): string => (change.significance === 'significant' ? 'Significant' : 'Minor');

export const valueText = (value: string | undefined): string => (value === undefined ? ABSENT : value === '' ? 'none' : value);

/** The change table's columns. */
export const CHANGE_TABLE_COLUMNS = ['Area', 'What changed', 'Previous', 'Now', 'Significance', 'Where (this version)'] as const;

/** One change as the table's cells. */
export function changeCells(change: Change): string[] {
  return [AREA_NAMES[change.area], change.message, valueText(change.old), valueText(change.new), significanceText(change), placeText(change)];
}

/** The document-control comparison: each field, the approvals and the latest history entry, old beside new. */
export function controlComparison(diff: DiffResult): { label: string; old: string; new: string }[] {
  if (diff.kind === 'register') return registerComparison(diff);
  const a = controlFields(diff.old.document);
  const b = controlFields(diff.new.document);
  const rows = a.map((field, i) => ({ label: field.label, old: field.value || NOT_STATED, new: b[i]?.value || NOT_STATED }));
  rows.push({ label: 'Approvals', old: approvalsText(diff.old), new: approvalsText(diff.new) });
  rows.push({ label: 'Latest change recorded', old: latestChange(diff.old.document), new: latestChange(diff.new.document) });
  return rows;
}

/** A register's own fields and its size, old beside new; people are counted, never named. */
function registerComparison(diff: DiffResult): { label: string; old: string; new: string }[] {
  const a = diff.old.register;
  const b = diff.new.register;
  const row = (label: string, value: (r: NonNullable<typeof a>) => string | undefined) => ({
    label,
    old: (a && value(a)) || NOT_STATED,
    new: (b && value(b)) || NOT_STATED,
  });
  return [
    row('Department', (r) => r.department),
    row('Owner', (r) => r.owner),
    row('Updated', (r) => r.updated),
    row('Checked against', (r) => r.protocols.join('\n')),
    row('People', (r) => String(r.people)),
    row('Entitlements', (r) => String(r.entitlements)),
    row('Training records', (r) => String(r.training)),
  ];
}

function approvalsText(version: VersionSummary): string {
  const lines = version.document.approvals.map((a) => {
    const role = a.role === undefined ? a.post : (version.roleTitles.get(a.role) ?? a.role);
    return [a.name ?? NOT_STATED, role ? `(${role})` : '', a.date ?? ''].filter(Boolean).join(' ');
  });
  return lines.length ? lines.join('\n') : NOT_STATED;
}

function latestChange(document: DocumentControl): string {
  const last = document.changes?.[document.changes.length - 1];
  if (!last) return NOT_STATED;
  return [last.version, last.date, last.summary].filter(Boolean).join(', ');
}

/** One line saying which versions are compared. */
export function comparedLine(diff: DiffResult): string {
  return `From ${versionName(diff.old)} to ${versionName(diff.new)}.`;
}
