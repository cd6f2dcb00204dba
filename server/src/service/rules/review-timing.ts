import type { Site } from '../model/protocol';
import type { Rule, RuleReport } from './types';

/** Calendar days from the first fraction to the last, fractions given on consecutive weekdays (or days) of each week. */
export function courseDays(site: Site): number | undefined {
  if (site.fractions === undefined) return undefined;
  const perWeek = site.fractionsPerWeek ?? 5;
  const gaps = site.fractions - 1;
  return Math.floor(gaps / perWeek) * 7 + (gaps % perWeek);
}

export const reviewTiming: Rule = {
  id: 'review-timing',
  defaultSeverity: 'warning',
  category: 'governance',
  description:
    'An offline review that covers online steps, and says it happens within N days, comes before the end of the course of every site it covers whose fractions are stated.',
  rationale:
    'Where an offline review is the independent check on an online decision (the consultant’s review of plan selections at the weekly MDT), it must come while the decision can still be changed. A weekly review of a five-fraction course can fall after the last fraction: the check then finds errors only after they have been delivered. Towards Safer Radiotherapy says checks should, as far as possible, be independent of the original method; that a check after the last fraction cannot serve as that check is this tool’s reading.',
  check({ protocol }) {
    const reports: RuleReport[] = [];
    const allSites = protocol.sites;
    for (const review of protocol.workflow) {
      const days = review.timing?.withinDays;
      if (review.phase !== 'offline' || review.covers.length === 0 || days === undefined || review.timing?.beforeNextFraction) continue;
      // The sites the covered steps apply to (every site for a step without `sites`).
      const siteIds = new Set<string>();
      for (const id of review.covers) {
        const step = protocol.stepById.get(id);
        if (!step) continue; // unknown-reference says so
        for (const site of step.sites === undefined ? allSites : step.sites.flatMap((s) => protocol.siteById.get(s) ?? [])) siteIds.add(site.id);
      }
      const late = allSites.filter((site) => {
        const course = courseDays(site);
        return siteIds.has(site.id) && course !== undefined && days >= course;
      });
      if (late.length === 0) continue;
      const which = late.map((site) => `\`${site.id}\` (${site.fractions} fractions, ${courseDays(site)} days from first to last)`).join(', ');
      reports.push({
        message: `Offline review \`${review.id}\` happens within ${days} days, which can fall after the last fraction at ${which}; review before the next fraction (\`beforeNextFraction: true\`) or within fewer days for short courses.`,
        path: [...review.path, 'timing', 'withinDays'],
      });
    }
    return reports;
  },
};
