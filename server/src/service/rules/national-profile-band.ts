import { bandRank } from './band-range';
import type { Band } from '../model/protocol';
import type { Rule, RuleReport } from './types';

/** The bands of each national profile, lowest and highest, with where the figure comes from. */
export const PROFILE_BANDS: Readonly<Record<string, { name: string; lowest: Band; highest: Band; source: string }>> = {
  'hcs-practitioner': { name: 'Healthcare Science Practitioner', lowest: 5, highest: 5, source: 'National Job Profiles' },
  'hcs-specialist': { name: 'Healthcare Science Practitioner Specialist', lowest: 6, highest: 6, source: 'National Job Profiles' },
  'hcs-advanced': { name: 'Healthcare Science Practitioner Advanced', lowest: 7, highest: 7, source: 'National Job Profiles' },
  'hcs-manager': { name: 'Healthcare Science Practitioner Manager', lowest: '8a', highest: '8b', source: 'National Job Profiles' },
  'hcs-principal': { name: 'Healthcare Science Practitioner Principal (Research)', lowest: '8a', highest: '8c', source: 'National Job Profiles' },
  'hcs-service-manager': { name: 'Healthcare Science Service Manager', lowest: '8b', highest: '8d', source: 'National Job Profiles' },
  'ipem-higher-specialist': { name: 'Higher Specialist HCS Practitioner', lowest: '8a', highest: '8a', source: 'IPEM proposal' },
  'ipem-consultant': { name: 'Consultant HCS Practitioner', lowest: '8b', highest: '8b', source: 'IPEM proposal' },
};

const range = (lowest: Band, highest: Band): string => (String(lowest) === String(highest) ? `band ${lowest}` : `bands ${lowest}-${highest}`);

export const nationalProfileBand: Rule = {
  id: 'national-profile-band',
  defaultSeverity: 'warning',
  category: 'governance',
  description: 'A role that names its national job profile has bands within that profile’s bands.',
  rationale:
    'The NHS National Job Profiles band each healthcare science practitioner profile (Practitioner 5, Specialist 6, Advanced 7, Manager 8a-8b, Principal (Research) 8a-8c, Service Manager 8b-8d), and IPEM proposes a Higher Specialist HCS Practitioner at 8a and a Consultant HCS Practitioner at 8b. A role banded outside the profile it names has either the wrong profile or the wrong band, and with it the wrong expectations of the post.',
  check({ protocol }) {
    const reports: RuleReport[] = [];
    for (const role of protocol.roles) {
      const profile = role.nationalProfile === undefined ? undefined : PROFILE_BANDS[role.nationalProfile];
      if (!profile) continue;
      const low = bandRank(profile.lowest) ?? 0;
      const high = bandRank(profile.highest) ?? 0;
      for (const key of ['minBand', 'maxBand'] as const) {
        const rank = bandRank(role[key]);
        if (rank === undefined || (rank >= low && rank <= high)) continue;
        reports.push({
          message: `Role \`${role.id}\` names the national profile ${profile.name} (${range(profile.lowest, profile.highest)}, ${profile.source}), but its \`${key}\` is ${role[key]}; change \`${key}\` to within ${range(profile.lowest, profile.highest)}, or name the profile the posts are banded against.`,
          path: [...role.path, key],
        });
      }
    }
    return reports;
  },
};
