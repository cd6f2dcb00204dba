import { describeRule, span } from '../helpers/ruleTester';
import { entitle, onProtocol, radiographer, registerPlus, registerText, REGISTER_FILE, trained } from '../helpers/registerText';

const P = onProtocol();

/** R03, an adapter since 2023, with OAR outlining completed on the given date (reassessed every 12 months). */
const r03 = (completed: string, entitlement = '') =>
  registerPlus({
    people: radiographer('R03'),
    entitlements: entitle('R03', 'adapter', '2023-06-05', entitlement),
    training: trained('R03', 'oar-outlining', completed),
  });

const due = (completed: string, on: string) =>
  `\`R03\`'s training in \`oar-outlining\` (completed ${completed}) is due for reassessment on ${on}, every 12 months for \`adapter\`: book the reassessment.`;

// TODAY is 2026-11-26; the window is 60 days, to 2027-01-25.
const dueToday = r03('2025-11-26');
const windowEnd = r03('2026-01-25');
const monthEnd = r03('2025-11-30');
const untilToday = r03('2026-01-10', '    until: 2026-11-26\n');

describeRule('reassessment-due', {
  valid: [
    { name: 'nothing due within the window', text: registerText(), ...P },
    { name: 'due one day after the window ends', text: r03('2026-01-26'), ...P },
    { name: 'already lapsed: reassessment-overdue says so instead', text: r03('2025-11-25'), ...P },
    { name: 'a register whose protocol cannot be read', text: dueToday, fileName: REGISTER_FILE, files: {} },
    { name: 'an entitlement that ended yesterday', text: r03('2026-01-10', '    until: 2026-11-25\n'), ...P },
    {
      name: 'an entitlement that starts tomorrow',
      text: registerPlus({
        people: radiographer('R03'),
        entitlements: entitle('R03', 'adapter', '2026-11-27'),
        training: trained('R03', 'oar-outlining', '2026-01-10'),
      }),
      ...P,
    },
  ],
  invalid: [
    { name: 'due exactly today', text: dueToday, ...P, errors: [{ ...span(dueToday, '2025-11-26'), message: due('2025-11-26', '2026-11-26') }] },
    {
      name: "due exactly at the window's end (60 days)",
      text: windowEnd,
      ...P,
      errors: [{ ...span(windowEnd, '2026-01-25'), message: due('2026-01-25', '2027-01-25') }],
    },
    {
      name: 'month end: 30 November plus 12 months',
      text: monthEnd,
      ...P,
      errors: [{ ...span(monthEnd, '2025-11-30'), message: due('2025-11-30', '2026-11-30') }],
    },
    {
      name: 'an entitlement ending today is still checked today',
      text: untilToday,
      ...P,
      errors: [{ ...span(untilToday, '2026-01-10'), message: due('2026-01-10', '2027-01-10') }],
    },
  ],
});
