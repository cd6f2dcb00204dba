import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';

const oncologistBands = (lines: string) =>
  protocolText({ roles: SECTIONS.roles.replace('    staffGroups: [clinical oncologist]\n', `    staffGroups: [clinical oncologist]\n${lines}`) });

const both = oncologistBands('    minBand: 8c\n    maxBand: 9\n');
const maxOnly = oncologistBands('    maxBand: 8d\n');
const mixed = protocolText({
  roles: SECTIONS.roles.replace('    staffGroups: [clinical scientist]\n', '    staffGroups: [clinical scientist, clinical oncologist]\n'),
});

describeRule('medical-role-band', {
  valid: [
    { name: 'no bands on the oncologist; bands on AfC roles', text: protocolText() },
    // Its clinical scientists are on AfC: the band is theirs.
    { name: 'a role shared by clinical scientists and clinical oncologists keeps its band', text: mixed },
  ],
  invalid: [
    {
      name: 'both bands on a clinical oncologist role',
      text: both,
      errors: [
        {
          ...span(both, '8c', 'minBand: 8c'),
          message: 'Role `oncologist` is held only by medical staff, who are not on Agenda for Change; remove `minBand`.',
        },
        { ...span(both, '9', 'maxBand: 9'), message: 'Role `oncologist` is held only by medical staff, who are not on Agenda for Change; remove `maxBand`.' },
      ],
    },
    {
      name: 'a maximum band only',
      text: maxOnly,
      errors: [
        {
          ...span(maxOnly, '8d', 'maxBand: 8d'),
          message: 'Role `oncologist` is held only by medical staff, who are not on Agenda for Change; remove `maxBand`.',
        },
      ],
    },
  ],
});
