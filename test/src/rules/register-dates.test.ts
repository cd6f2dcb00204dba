import { describeRule, span } from '../helpers/ruleTester';
import { entitle, onProtocol, radiographer, registerPlus, registerText, registerWith, REGISTER_FILE, trained } from '../helpers/registerText';

const P = onProtocol();

const notADate = (date: string) => `${date} is not a calendar date: check the day and the month.`;

const feb30 = registerWith('    from: 2025-03-03\n', '    from: 2025-02-30\n');
const backwards = registerWith('    from: 2025-03-03\n', '    from: 2025-03-03\n    until: 2025-03-02\n');
const supervisionBackwards = registerPlus({
  supervision: '  - trainee: R02\n    supervisor: R01\n    skills: [oar-outlining]\n    from: 2026-10-05\n    until: 2026-09-30\n',
});
const completedTomorrow = registerPlus({ people: radiographer('R03'), training: trained('R03', 'oar-outlining', '2026-11-27') });
const april31 = registerWith('        expires: 2027-05-31\n', '        expires: 2027-04-31\n');
const month13 = registerWith('  updated: 2026-11-20\n', '  updated: 2026-13-20\n');

describeRule('register-dates', {
  valid: [
    { name: 'real dates in order, nothing completed after today', text: registerText(), ...P },
    {
      name: 'a one-day entitlement: ends the day it starts',
      text: registerWith('    from: 2025-03-03\n', '    from: 2025-03-03\n    until: 2025-03-03\n'),
      ...P,
    },
    {
      name: 'a training completed today',
      text: registerPlus({ people: radiographer('R03'), entitlements: entitle('R03', 'adapter'), training: trained('R03', 'oar-outlining', '2026-11-26') }),
      ...P,
    },
    { name: 'a leap day is a real date', text: registerWith('    from: 2025-03-03\n', '    from: 2024-02-29\n'), ...P },
  ],
  invalid: [
    { name: '30 February, on the date', text: feb30, ...P, errors: [{ ...span(feb30, '2025-02-30'), message: notADate('2025-02-30') }] },
    {
      name: 'a register whose protocol cannot be read: its own dates are still checked',
      text: feb30,
      fileName: REGISTER_FILE,
      files: {},
      errors: [{ ...span(feb30, '2025-02-30'), message: notADate('2025-02-30') }],
    },
    {
      name: 'an entitlement that ends before it starts, on until',
      text: backwards,
      ...P,
      errors: [{ ...span(backwards, '2025-03-02'), message: 'This entitlement ends (2025-03-02) before it starts (2025-03-03): check both dates.' }],
    },
    {
      name: 'a supervision that ends before it starts',
      text: supervisionBackwards,
      ...P,
      errors: [{ ...span(supervisionBackwards, '2026-09-30'), message: 'This supervision ends (2026-09-30) before it starts (2026-10-05): check both dates.' }],
    },
    {
      name: 'a training completed tomorrow',
      text: completedTomorrow,
      ...P,
      errors: [
        {
          ...span(completedTomorrow, '2026-11-27'),
          message: 'This training is recorded as completed on 2026-11-27, after today (2026-11-26): record it when it is completed.',
        },
      ],
    },
    { name: 'a registration expiring on 31 April', text: april31, ...P, errors: [{ ...span(april31, '2027-04-31'), message: notADate('2027-04-31') }] },
    { name: 'the register updated in month 13', text: month13, ...P, errors: [{ ...span(month13, '2026-13-20'), message: notADate('2026-13-20') }] },
  ],
});
