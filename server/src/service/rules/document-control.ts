import { locate, type Path } from '../parse/tree';
import type { Rule, RuleReport } from './types';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A YYYY-MM-DD text that names a real calendar day, or a reason it does not; undefined when it is not of that shape at all (the schema says so). */
function readDate(text: string | undefined): { ok: true; text: string; year: number; month: number; day: number } | { ok: false; why: string } | undefined {
  if (text === undefined) return undefined;
  const m = DATE_SHAPE.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return { ok: false, why: 'there is no month ' + m[2] };
  const last = daysIn(year, month);
  if (day < 1 || day > last) return { ok: false, why: `${MONTHS[month - 1]} ${year} has ${last} days` };
  return { ok: true, text, year, month, day };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The same day two years on; 29 February becomes 28 February. */
function twoYearsOn(d: { year: number; month: number; day: number }): string {
  const year = d.year + 2;
  return `${pad(year, 4)}-${pad(d.month)}-${pad(Math.min(d.day, daysIn(year, d.month)))}`;
}

export const documentControl: Rule = {
  id: 'document-control',
  defaultSeverity: 'warning',
  category: 'governance',
  appliesToCatalogues: false,
  description:
    'The document names an owner and at least one approval dated no later than its effective date, its change history (if kept) has an entry for its version, and its review is due no later than two years after the effective date and not already past.',
  rationale:
    'A protocol in clinical use needs someone responsible for it and a record of who approved it, before it came into use. Towards Safer Radiotherapy asks that procedures are reviewed at least every two years, so a review date further out, or already past, means the protocol may no longer reflect practice.',
  check({ protocol, root, today }) {
    const doc = protocol.document;
    if (!doc.present) return []; // the schema check reports a missing document section
    const reports: RuleReport[] = [];
    const status = doc.status;
    // A retired document is kept for the record and is not reviewed again.
    const underReview = status !== 'retired';
    if (doc.owner === undefined) {
      reports.push({
        message: 'The document names no owner; add `owner` with the post responsible for keeping this protocol up to date.',
        path: ['document'],
        on: 'key',
      });
    }
    // A draft or a document in review is not approved yet.
    if (doc.approvals.length === 0 && status !== 'draft' && status !== 'in-review') {
      reports.push({
        message: 'The document has no approvals; add at least one under `approvals` (who approved this version, in which role, and on what date).',
        path: ['document'],
        on: 'key',
      });
    }
    if (underReview && doc.reviewDue === undefined && !locate(root, ['document', 'reviewDue']).complete) {
      reports.push({
        message: 'The document has no review date; add `reviewDue`, no later than two years after the effective date.',
        path: ['document'],
        on: 'key',
      });
    }
    const impossible = (text: string | undefined, path: Path, what: string) => {
      const d = readDate(text);
      if (d && !d.ok) reports.push({ message: `The ${what} \`${text}\` is not a calendar date: ${d.why}.`, path });
      return d && d.ok ? d : undefined;
    };
    const effective = impossible(doc.effectiveDate, ['document', 'effectiveDate'], 'effective date');
    const due = impossible(doc.reviewDue, ['document', 'reviewDue'], 'review date');
    const approvalDates = doc.approvals.map((approval) => impossible(approval.date, [...approval.path, 'date'], 'approval date'));
    if (effective) {
      doc.approvals.forEach((approval, index) => {
        const date = approvalDates[index];
        if (!date || date.text <= effective.text) return;
        const who = approval.name ?? approval.role;
        reports.push({
          message: `The approval${who ? ` by ${who}` : ''} is dated ${date.text}, after the effective date ${effective.text}: the document was in clinical use before it was approved; correct the date, or set \`effectiveDate\` on or after ${date.text}.`,
          path: [...approval.path, 'date'],
        });
      });
    }
    // A change history that leaves out the version in force does not record what changed in it.
    const changes = doc.changes ?? [];
    if (changes.length > 0 && doc.version !== undefined && !changes.some((change) => change.version === doc.version)) {
      reports.push({
        message: `The change history has no entry for version ${doc.version}, the version in force; add one to \`changes\` (version, date, summary, approvedBy).`,
        path: ['document', 'version'],
      });
    }
    if (effective && due) {
      const latest = twoYearsOn(effective);
      if (due.text > latest) {
        reports.push({
          message: `Review is due on ${due.text}, more than two years after the effective date ${effective.text}; Towards Safer Radiotherapy asks for review at least every two years, so set \`reviewDue\` no later than ${latest}.`,
          path: ['document', 'reviewDue'],
        });
      }
    }
    if (due && underReview && due.text < today) {
      reports.push({
        message: `Review was due on ${due.text}, before today (${today}); review the protocol and set a new \`reviewDue\`.`,
        path: ['document', 'reviewDue'],
      });
    }
    return reports;
  },
};
