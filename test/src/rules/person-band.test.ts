import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';
import { entitle, onProtocol, radiographer, registerPlus, registerText, REGISTER_FILE } from '../helpers/registerText';

const P = onProtocol();

/** R03 on a band, entitled to adapter (bands 6 to 7 in the test protocol). */
const r03 = (band: number | string, from = '2025-06-02', more = '') =>
  registerPlus({ people: radiographer('R03', band), entitlements: entitle('R03', 'adapter', from, more) });
const outside = (band: number | string, range = '6 to 7', role = 'adapter', person = 'R03') =>
  `\`${person}\` is on band ${band}, outside the band of role \`${role}\` (${range}): correct the band here or the role's bands in the protocol; for an acting-up arrangement, silence this finding with a comment that says so.`;

const band5 = r03(5);
const band8a = r03('8a');
const traineeAbove = r03('8a', '2026-10-05', '    supervised: true\n');
const unbanded = registerPlus({ people: radiographer('R03').replace('    band: 6\n', ''), entitlements: entitle('R03', 'adapter') });
const physicistFloor = onProtocol(
  protocolText({ roles: SECTIONS.roles.replace('    careerLevel: advanced\n', '    minBand: 8a\n    careerLevel: advanced\n') }),
);
const doctorInBandedRole = registerPlus({ entitlements: entitle('C01', 'adapter') });

describeRule('person-band', {
  valid: [
    { name: "everyone entitled is within their role's bands", text: registerText(), ...P },
    { name: 'at the top of the range', text: r03(7), ...P },
    { name: 'a trainee under supervision on a training band below the floor', text: r03(5, '2026-10-05', '    supervised: true\n'), ...P },
    { name: 'an entitlement that ended yesterday is history', text: r03(5, '2024-01-08', '    until: 2026-11-25\n'), ...P },
    { name: 'a register whose protocol cannot be read', text: band5, fileName: REGISTER_FILE, files: {} },
    { name: 'medical staff have no band, and are not asked for one (person-staff-group judges the role)', text: doctorInBandedRole, ...P },
  ],
  invalid: [
    { name: 'below the floor, on the role', text: band5, ...P, errors: [{ ...span(band5, 'adapter', 'person: R03'), message: outside(5) }] },
    { name: 'above the ceiling', text: band8a, ...P, errors: [{ ...span(band8a, 'adapter', 'person: R03'), message: outside('8a') }] },
    {
      name: 'a trainee under supervision above the ceiling is still reported',
      text: traineeAbove,
      ...P,
      errors: [{ ...span(traineeAbove, 'adapter', 'person: R03'), message: outside('8a') }],
    },
    {
      name: 'a floor only: a band 7 physicist in a role from 8a',
      text: registerText(),
      ...physicistFloor,
      errors: [{ ...span(registerText(), 'physicist', 'person: P02'), message: outside(7, '8a or above', 'physicist', 'P02') }],
    },
    {
      name: 'a radiographer with no band recorded in a banded role',
      text: unbanded,
      ...P,
      errors: [
        {
          ...span(unbanded, 'adapter', 'person: R03'),
          message: '`R03` has no `band` in the register, and role `adapter` is banded (6 to 7): add their Agenda for Change band.',
        },
      ],
    },
  ],
});
