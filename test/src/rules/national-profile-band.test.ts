import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';

/** A dosimetrist planner role naming a national profile, with the bands given. */
const planner = (profile: string, bands: string) =>
  protocolText({
    roles:
      SECTIONS.roles +
      `  - id: planner\n    title: Adaptive Planner\n    staffGroups: [dosimetrist]\n${bands}    nationalProfile: ${profile}\n    capacities: [operator]\n`,
  });

const advancedTo8a = planner('hcs-advanced', '    minBand: 7\n    maxBand: 8a\n');
const specialistAt5 = planner('hcs-specialist', '    minBand: 5\n    maxBand: 7\n');

describeRule('national-profile-band', {
  valid: [
    { name: 'no national profile named', text: protocolText() },
    { name: 'Advanced at band 7', text: planner('hcs-advanced', '    minBand: 7\n    maxBand: 7\n') },
    { name: 'Principal within 8a-8c', text: planner('hcs-principal', '    minBand: 8a\n    maxBand: 8c\n') },
    { name: 'IPEM Higher Specialist at 8a, no maximum', text: planner('ipem-higher-specialist', '    minBand: 8a\n') },
    { name: 'no bands written', text: planner('hcs-manager', '') },
  ],
  invalid: [
    {
      name: 'a maximum above the profile, on maxBand',
      text: advancedTo8a,
      errors: [
        {
          ...span(advancedTo8a, '8a', 'maxBand: 8a'),
          message:
            'Role `planner` names the national profile Healthcare Science Practitioner Advanced (band 7, National Job Profiles), but its `maxBand` is 8a; change `maxBand` to within band 7, or name the profile the posts are banded against.',
        },
      ],
    },
    {
      name: 'both ends outside the profile: a finding for each',
      text: specialistAt5,
      errors: [
        {
          ...span(specialistAt5, '5', 'minBand: 5\n    maxBand: 7\n    nationalProfile'),
          message:
            'Role `planner` names the national profile Healthcare Science Practitioner Specialist (band 6, National Job Profiles), but its `minBand` is 5; change `minBand` to within band 6, or name the profile the posts are banded against.',
        },
        {
          ...span(specialistAt5, '7', 'maxBand: 7\n    nationalProfile'),
          message:
            'Role `planner` names the national profile Healthcare Science Practitioner Specialist (band 6, National Job Profiles), but its `maxBand` is 7; change `maxBand` to within band 6, or name the profile the posts are banded against.',
        },
      ],
    },
  ],
});
