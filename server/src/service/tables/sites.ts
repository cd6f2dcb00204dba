import { roleName, type Protocol, type Site, type Step } from '../model/protocol';
import type { Path } from '../parse/tree';
import type { TableCell, TableData } from './types';
import { vocabularyValue } from './words';

/** "20 fractions, 5 per week", "20 fractions", "5 per week", "" (neither stated). */
export function fractionationText(site: Pick<Site, 'fractions' | 'fractionsPerWeek'>): string {
  const parts: string[] = [];
  if (site.fractions !== undefined) parts.push(`${site.fractions} fraction${site.fractions === 1 ? '' : 's'}`);
  if (site.fractionsPerWeek !== undefined) parts.push(`${site.fractionsPerWeek} per week`);
  return parts.join(', ');
}

/** "before the next fraction", "within 7 days", both joined with "and", or "timing not stated". */
export function timingText(timing: Step['timing']): string {
  const parts: string[] = [];
  if (timing?.beforeNextFraction === true) parts.push('before the next fraction');
  if (timing?.withinDays !== undefined) parts.push(`within ${timing.withinDays} day${timing.withinDays === 1 ? '' : 's'}`);
  return parts.length > 0 ? parts.join(' and ') : 'timing not stated';
}

/** The offline steps that review something (they cover other steps) and apply to the site. */
function offlineReviews(protocol: Protocol, site: Site): Step[] {
  return protocol.workflow.filter((step) => step.phase === 'offline' && step.covers.length > 0 && (step.sites === undefined || step.sites.includes(site.id)));
}

function timingSource(step: Step): Path {
  if (step.timing?.beforeNextFraction === true) return [...step.path, 'timing', 'beforeNextFraction'];
  if (step.timing?.withinDays !== undefined) return [...step.path, 'timing', 'withinDays'];
  return [...step.path, 'name'];
}

/**
 * Sites: one row per site in document order: its clinical protocol and the
 * role that approved it, how the MPE is involved, whether a clinician is
 * present, the fractionation, and when the offline reviews that cover the
 * site happen (each review named, as "Weekly review: within 7 days").
 */
export function buildSitesTable(protocol: Protocol): TableData {
  const rows = protocol.sites.map((site): TableCell[] => {
    const cp = site.clinicalProtocol;
    const at = (...keys: (string | number)[]): Path => [...site.path, ...keys];
    const reviews = offlineReviews(protocol, site);
    const [onlyReview] = reviews;
    const cells: TableCell[] = [
      { text: site.name, source: at('name') },
      { text: cp?.reference ?? '', source: cp?.reference !== undefined ? at('clinicalProtocol', 'reference') : cp ? at('clinicalProtocol') : site.path },
      {
        text: cp?.approvedBy !== undefined ? roleName(protocol, cp.approvedBy) : '',
        source: cp?.approvedBy !== undefined ? at('clinicalProtocol', 'approvedBy') : site.path,
      },
      {
        text: site.mpeInvolvement === undefined ? '' : vocabularyValue('mpeInvolvement', site.mpeInvolvement),
        source: site.mpeInvolvement !== undefined ? at('mpeInvolvement') : site.path,
      },
      { text: site.clinicianPresence ?? '', source: site.clinicianPresence !== undefined ? at('clinicianPresence') : site.path },
      {
        text: fractionationText(site),
        source: site.fractions !== undefined ? at('fractions') : site.fractionsPerWeek !== undefined ? at('fractionsPerWeek') : site.path,
      },
    ];
    // No review points at the site; a review at the document's own workflow step, never at the site's catalogue.
    if (onlyReview === undefined) cells.push({ text: 'No offline review', source: site.path });
    const withFile = site.file === undefined ? cells : cells.map((cell) => ({ ...cell, sourceFile: site.file }));
    if (onlyReview === undefined) return withFile;
    const text = reviews.map((step) => `${step.name}: ${timingText(step.timing)}`).join('; ');
    return [...withFile, { text, source: reviews.length === 1 ? timingSource(onlyReview) : [...onlyReview.path, 'name'] }];
  });
  return {
    id: 'sites',
    title: 'Sites',
    columns: ['Site', 'Clinical protocol', 'Protocol approved by', 'MPE involvement', 'Clinician presence', 'Fractionation', 'Offline review'],
    rows,
  };
}
