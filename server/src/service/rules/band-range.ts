import type { Band } from '../model/protocol';
import type { Rule, RuleReport } from './types';

/** The AfC bands in order, as the schema writes them (numbers unquoted, lettered bands as strings). */
const BANDS: readonly Band[] = [2, 3, 4, 5, 6, 7, '8a', '8b', '8c', '8d', 9];

/** The position of a band in the AfC order, or undefined for a value outside the vocabulary (the schema reports it). */
export function bandRank(band: Band | undefined): number | undefined {
  if (band === undefined) return undefined;
  const rank = BANDS.indexOf(band);
  return rank < 0 ? undefined : rank;
}

export const bandRange: Rule = {
  id: 'band-range',
  defaultSeverity: 'warning',
  category: 'governance',
  description: 'A role’s minimum AfC band is not above its maximum band.',
  rationale: 'A band range whose minimum is above its maximum admits nobody; it is almost always two values written the wrong way round or a typo.',
  check({ protocol }) {
    const reports: RuleReport[] = [];
    for (const role of protocol.roles) {
      const min = bandRank(role.minBand);
      const max = bandRank(role.maxBand);
      if (min === undefined || max === undefined || min <= max) continue;
      reports.push({
        message: `Role \`${role.id}\` has \`minBand\` ${role.minBand} above \`maxBand\` ${role.maxBand}; swap them or correct one.`,
        path: [...role.path, 'maxBand'],
      });
    }
    return reports;
  },
};
