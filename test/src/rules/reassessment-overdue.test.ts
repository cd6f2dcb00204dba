import { describeRule, span } from '../helpers/ruleTester';
import { entitle, onProtocol, radiographer, registerPlus, registerText, REGISTER_FILE, trained } from '../helpers/registerText';

const P = onProtocol();

/** R03, an adapter since 2023, with OAR outlining completed on the given date (reassessed every 12 months). */
const r03 = (completed: string, entitlement = '', more = '') =>
  registerPlus({
    people: radiographer('R03'),
    entitlements: entitle('R03', 'adapter', '2023-06-05', entitlement),
    training: trained('R03', 'oar-outlining', completed) + more,
  });

const lapsed = (person: string, skill: string, completed: string, due: string, role = 'adapter') =>
  `\`${person}\`'s training in \`${skill}\` (completed ${completed}) was due for reassessment on ${due}, every 12 months for \`${role}\`: it has lapsed. Reassess them and record the new training before they act in the role again.`;

const yesterday = r03('2025-11-25');
const untilToday = r03('2025-11-25', '    until: 2026-11-26\n');
const leapDay = r03('2024-02-29');
const oldThenNew = r03('2024-10-01', '', trained('R03', 'oar-outlining', '2025-10-20'));
const physicistLapsed = registerText().replace('completed: 2026-02-02', 'completed: 2025-10-30');

describeRule('reassessment-overdue', {
  valid: [
    { name: 'every reassessment in date', text: registerText(), ...P },
    { name: 'due exactly today: not yet lapsed (reassessment-due says so)', text: r03('2025-11-26'), ...P },
    { name: 'a register whose protocol cannot be read', text: yesterday, fileName: REGISTER_FILE, files: {} },
    { name: 'an entitlement that ended yesterday is history', text: r03('2025-11-25', '    until: 2026-11-25\n'), ...P },
    {
      name: 'a lapsed training of someone not entitled to any role',
      text: registerPlus({ people: radiographer('R03'), training: trained('R03', 'oar-outlining', '2024-01-08') }),
      ...P,
    },
    { name: 'a returner retraining under supervision: trainee-supervised checks them instead', text: r03('2025-11-25', '    supervised: true\n'), ...P },
    { name: 'month end: 29 February plus 12 months is due on 28 February, not yet lapsed that day', text: leapDay, today: '2025-02-28', ...P },
    { name: 'month end: 30 November plus 12 months is due on 30 November, still in date on the 26th', text: r03('2025-11-30'), ...P },
  ],
  invalid: [
    {
      name: 'due yesterday: lapsed, on the completed date',
      text: yesterday,
      ...P,
      errors: [{ ...span(yesterday, '2025-11-25', 'person: R03\n    skill'), message: lapsed('R03', 'oar-outlining', '2025-11-25', '2026-11-25') }],
    },
    {
      name: 'an entitlement ending today is still checked today',
      text: untilToday,
      ...P,
      errors: [{ ...span(untilToday, '2025-11-25', 'person: R03\n    skill'), message: lapsed('R03', 'oar-outlining', '2025-11-25', '2026-11-25') }],
    },
    {
      name: 'month end: 29 February plus 12 months was due on 28 February, lapsed on 1 March',
      text: leapDay,
      today: '2025-03-01',
      ...P,
      errors: [{ ...span(leapDay, '2024-02-29'), message: lapsed('R03', 'oar-outlining', '2024-02-29', '2025-02-28') }],
    },
    {
      name: 'only the latest training counts: the newer one has lapsed too',
      text: oldThenNew,
      ...P,
      errors: [{ ...span(oldThenNew, '2025-10-20'), message: lapsed('R03', 'oar-outlining', '2025-10-20', '2026-10-20') }],
    },
    {
      name: 'a physicist lapsed in a skill: one finding, on the record',
      text: physicistLapsed,
      ...P,
      errors: [{ ...span(physicistLapsed, '2025-10-30'), message: lapsed('P01', 'oar-outlining', '2025-10-30', '2026-10-30', 'physicist') }],
    },
  ],
});
