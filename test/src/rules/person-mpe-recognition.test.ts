import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';
import { entitle, onProtocol, registerPlus, registerText, registerWith, REGISTER_FILE } from '../helpers/registerText';

const P = onProtocol();

const P01_MPE = '        number: MPE-0101\n        expires: 2029-03-31\n';
const expired = registerWith(P01_MPE, '        number: MPE-0101\n        expires: 2026-11-25\n');
const expiresToday = registerWith(P01_MPE, '        number: MPE-0101\n        expires: 2026-11-26\n');
const trainee = `  - id: P05
    staffGroup: clinical scientist
    band: 7
    registrations:
      - register: HCPC (clinical scientist)
        number: CS10005
        expires: 2028-05-31
`;
const noRecognition = registerPlus({ people: trainee, entitlements: entitle('P05', 'physicist', '2026-10-05') });
const twoEntitlements = registerPlus({ entitlements: entitle('P01', 'physicist', '2026-01-05', '    sites: [bladder]\n') }, {}).replace(
  P01_MPE,
  '        number: MPE-0101\n        expires: 2026-11-25\n',
);
const noMpeCapacity = onProtocol(protocolText({ roles: SECTIONS.roles.replace('capacities: [MPE, operator]', 'capacities: [operator]') }));

describeRule('person-mpe-recognition', {
  valid: [
    { name: 'every MPE holds a certificate in date', text: registerText(), ...P },
    { name: 'a certificate expiring today is in date today', text: expiresToday, ...P },
    { name: 'a clinical scientist training towards MPE, not entitled to the MPE role', text: registerPlus({ people: trainee }), ...P },
    { name: 'a role without the MPE capacity asks for no recognition', text: noRecognition, ...noMpeCapacity },
    {
      name: 'an entitlement that ended yesterday is history',
      text: registerWith('    from: 2024-06-03\n', '    from: 2024-06-03\n    until: 2026-11-25\n', expired),
      ...P,
    },
    { name: 'a register whose protocol cannot be read', text: noRecognition, fileName: REGISTER_FILE, files: {} },
  ],
  invalid: [
    {
      name: 'entitled to an MPE role with no recognition, on the role',
      text: noRecognition,
      ...P,
      errors: [
        {
          ...span(noRecognition, 'physicist', 'person: P05'),
          message:
            'Role `physicist` acts as MPE, but `P05` has no MPE recognition: add `register: MPE certificate (RPA2000)` with its number and expiry to their `registrations`, or entitle them to a role without the MPE capacity.',
        },
      ],
    },
    {
      name: 'a certificate that expired yesterday, on its expiry; once however many MPE entitlements',
      text: twoEntitlements,
      ...P,
      errors: [
        {
          ...span(twoEntitlements, '2026-11-25'),
          message:
            "`P01`'s MPE certificate expired on 2026-11-25, and role `physicist` acts as MPE: they may not act as MPE until it is renewed; record the new expiry date.",
        },
      ],
    },
  ],
});
