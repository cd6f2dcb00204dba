import { parseDate } from '../register/dates';
import type { Path } from '../parse/tree';
import type { Rule, RuleReport } from './types';

export const registerDates: Rule = {
  id: 'register-dates',
  defaultSeverity: 'error',
  category: 'integrity',
  kinds: ['register'],
  description:
    "A register's dates are real calendar dates, an entitlement or a supervision ends after it starts, and no training is recorded as completed after today.",
  rationale:
    'Every check of the register compares dates with today: an entitlement that ends before it starts, a 31 April, or a training completed next month would make a person look entitled or current when they are not.',
  check({ register, today }) {
    if (!register) return [];
    const { model } = register;
    const reports: RuleReport[] = [];
    const real = (value: string | undefined, path: Path): boolean => {
      if (value === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
      if (parseDate(value)) return true;
      reports.push({ message: `${value} is not a calendar date: check the day and the month.`, path });
      return false;
    };
    const span = (from: string | undefined, until: string | undefined, path: Path, what: string): void => {
      const a = real(from, [...path, 'from']);
      const b = real(until, [...path, 'until']);
      if (a && b && until! < from!)
        reports.push({ message: `This ${what} ends (${until}) before it starts (${from}): check both dates.`, path: [...path, 'until'] });
    };
    for (const e of model.entitlements) span(e.from, e.until, e.path, 'entitlement');
    for (const s of model.supervision) span(s.from, s.until, s.path, 'supervision');
    for (const t of model.training)
      if (real(t.completed, [...t.path, 'completed']) && t.completed! > today)
        reports.push({
          message: `This training is recorded as completed on ${t.completed}, after today (${today}): record it when it is completed.`,
          path: [...t.path, 'completed'],
        });
    for (const p of model.people) for (const r of p.registrations) real(r.expires, [...r.path, 'expires']);
    real(model.info.updated, ['register', 'updated']);
    return reports;
  },
};
