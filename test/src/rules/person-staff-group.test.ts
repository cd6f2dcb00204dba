import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';
import { entitle, onProtocol, registerPlus, registerText, REGISTER_FILE } from '../helpers/registerText';

const P = onProtocol();

const dosimetrist = '  - id: D01\n    staffGroup: dosimetrist\n    band: 7\n';
/** D01, a dosimetrist, entitled to adapter (open to therapeutic radiographers only). */
const d01 = (from = '2025-06-02', more = '') => registerPlus({ people: dosimetrist, entitlements: entitle('D01', 'adapter', from, more) });
const outside =
  "`D01` is a dosimetrist, but role `adapter` is open to therapeutic radiographer only: end this entitlement, or change the role's `staffGroups` in the protocol if the department means it.";

const now = d01();
const tomorrow = d01('2026-11-27');
const untilToday = d01('2025-06-02', '    until: 2026-11-26\n');
const openToBoth = onProtocol(
  protocolText({ roles: SECTIONS.roles.replace('staffGroups: [therapeutic radiographer]', 'staffGroups: [therapeutic radiographer, dosimetrist]') }),
);

describeRule('person-staff-group', {
  valid: [
    { name: "everyone entitled is of their role's staff group", text: registerText(), ...P },
    { name: 'a role the protocol opens to dosimetrists too', text: now, ...openToBoth },
    { name: 'an entitlement that ended yesterday is history', text: d01('2024-01-08', '    until: 2026-11-25\n'), ...P },
    { name: 'a register whose protocol cannot be read', text: now, fileName: REGISTER_FILE, files: {} },
  ],
  invalid: [
    {
      name: 'a dosimetrist entitled to a radiographers-only role, on the role',
      text: now,
      ...P,
      errors: [{ ...span(now, 'adapter', 'person: D01'), message: outside }],
    },
    {
      name: 'an entitlement starting tomorrow: wrong before it starts',
      text: tomorrow,
      ...P,
      errors: [{ ...span(tomorrow, 'adapter', 'person: D01'), message: outside }],
    },
    {
      name: 'an entitlement ending today is still in force',
      text: untilToday,
      ...P,
      errors: [{ ...span(untilToday, 'adapter', 'person: D01'), message: outside }],
    },
  ],
});
