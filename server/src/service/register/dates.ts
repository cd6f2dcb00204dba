/**
 * Calendar dates as the register writes them (YYYY-MM-DD), compared as text
 * and moved by whole months or days without time zones: a reassessment due
 * "12 months after 2025-01-31" is due on 2026-01-31, and one month after
 * 2025-01-31 is 2025-02-28 (the last day of a shorter month).
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Parsed dates by their text: a register writes the same few hundred dates thousands of times. */
const parsed = new Map<string, { year: number; month: number; day: number } | null>();

/** The date's parts when it is a real calendar date (2026-02-30 is not). */
export function parseDate(text: string | undefined): { year: number; month: number; day: number } | undefined {
  if (text === undefined) return undefined;
  let known = parsed.get(text);
  if (known === undefined) {
    const match = DATE.exec(text);
    known = null;
    if (match) {
      const year = Number(match[1]);
      const month = Number(match[2]);
      const day = Number(match[3]);
      if (month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month)) known = { year, month, day };
    }
    // Bounded: a document cannot grow the memo without limit.
    if (parsed.size > 50_000) parsed.clear();
    parsed.set(text, known);
  }
  return known ?? undefined;
}

/** The text when it is a real calendar date, else undefined: rules compare only dates that mean something. */
export function realDate(text: string | undefined): string | undefined {
  return parseDate(text) ? text : undefined;
}

export function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return DAYS[month - 1] ?? 31;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `months` whole months after a date, kept within the target month. */
export function addMonths(date: string, months: number): string | undefined {
  const d = parseDate(date);
  if (!d || !Number.isFinite(months)) return undefined;
  const total = d.year * 12 + (d.month - 1) + Math.trunc(months);
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  if (year < 1 || year > 9999) return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d.day, daysIn(year, month)))}`;
}

/** `days` days after a date (negative: before). */
export function addDays(date: string, days: number): string | undefined {
  const d = parseDate(date);
  if (!d) return undefined;
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day) + Math.trunc(days) * 86_400_000);
  const year = t.getUTCFullYear();
  if (year < 1 || year > 9999) return undefined;
  return `${pad(year, 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number | undefined {
  const a = parseDate(from);
  const b = parseDate(to);
  if (!a || !b) return undefined;
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}
