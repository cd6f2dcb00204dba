import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';
import { entitle, onProtocol, registerPlus, registerText, registerWith, REGISTER_FILE } from '../helpers/registerText';

const P = onProtocol();
/** Adapter open to radiographers, clinical scientists and clinical technologists, each with their own register. */
const MIXED = onProtocol(
  protocolText({
    roles: SECTIONS.roles.replace(
      '    staffGroups: [therapeutic radiographer]\n',
      '    staffGroups: [therapeutic radiographer, clinical scientist, clinical technologist]\n    registrations: [HCPC (radiographer), HCPC (clinical scientist), RCT]\n',
    ),
  }),
);

const P01_HCPC = '        number: CS10001\n        expires: 2027-09-30\n';
const expired = registerWith(P01_HCPC, '        number: CS10001\n        expires: 2026-11-25\n');
const expiresToday = registerWith(P01_HCPC, '        number: CS10001\n        expires: 2026-11-26\n');
const renewed = registerWith(
  P01_HCPC,
  '        number: CS10001\n        expires: 2026-09-30\n      - register: HCPC (clinical scientist)\n        number: CS10001\n        expires: 2028-09-30\n',
);
const twoEntitlements = registerPlus({ entitlements: entitle('P01', 'physicist', '2026-01-05', '    sites: [bladder]\n') }, {}).replace(
  P01_HCPC,
  '        number: CS10001\n        expires: 2026-11-25\n',
);
const missing = registerWith('      - register: HCPC (clinical scientist)\n        number: CS10002\n        expires: 2028-01-31\n', '');
const technologist = (registrations: string) =>
  registerPlus({ people: `  - id: T01\n    staffGroup: clinical technologist\n    band: 6\n${registrations}`, entitlements: entitle('T01', 'adapter') });
const noRct = technologist('');

const lapsed = (person: string, on: string) =>
  `\`${person}\`'s HCPC (clinical scientist) registration expired on ${on}, and role \`physicist\` requires it: they may not act in the role until it is renewed; record the new expiry date.`;

describeRule('person-registration', {
  valid: [
    { name: 'every registration a role requires is held and in date', text: registerText(), ...P },
    { name: 'expiring today is still in date today', text: expiresToday, ...P },
    { name: 'a lapsed entry and its renewal: the renewal counts', text: renewed, ...P },
    { name: 'a role open to several groups asks each person for their own register only', text: registerText(), ...MIXED },
    {
      name: 'a voluntary register asked of a group with no statutory one: held',
      text: technologist('    registrations:\n      - register: RCT\n        number: RCT-0091\n'),
      ...MIXED,
    },
    {
      name: 'an entitlement that ended yesterday is history',
      text: registerWith('    from: 2024-06-03\n', '    from: 2024-06-03\n    until: 2026-11-25\n', expired),
      ...P,
    },
    { name: 'a register whose protocol cannot be read', text: expired, fileName: REGISTER_FILE, files: {} },
  ],
  invalid: [
    { name: 'expired yesterday, on its expiry date', text: expired, ...P, errors: [{ ...span(expired, '2026-11-25'), message: lapsed('P01', '2026-11-25') }] },
    {
      name: 'two entitlements needing one lapsed registration: one finding',
      text: twoEntitlements,
      ...P,
      errors: [{ ...span(twoEntitlements, '2026-11-25'), message: lapsed('P01', '2026-11-25') }],
    },
    {
      name: 'no entry for the register at all, on the role',
      text: missing,
      ...P,
      errors: [
        {
          ...span(missing, 'physicist', 'person: P02'),
          message:
            'Role `physicist` requires HCPC (clinical scientist) registration, which `P02` has none of in `registrations`: add it with its number and expiry date.',
        },
      ],
    },
    {
      name: 'a clinical technologist without the voluntary register the role asks of their group',
      text: noRct,
      ...MIXED,
      errors: [
        {
          ...span(noRct, 'adapter', 'person: T01'),
          message: 'Role `adapter` requires RCT registration, which `T01` has none of in `registrations`: add it with its number and expiry date.',
        },
      ],
    },
  ],
});
