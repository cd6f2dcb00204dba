import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';

const RECOGNISED = '    registrations: [HCPC (clinical scientist), MPE certificate (RPA2000)]\n';
const physicist = (from: string, to: string) => protocolText({ roles: SECTIONS.roles.replace(from, to) });

const unstated = physicist(RECOGNISED, '    registrations: [HCPC (clinical scientist)]\n');
const noRegistrations = physicist(RECOGNISED, '');
const dosimetristsToo = physicist('    staffGroups: [clinical scientist]\n', '    staffGroups: [clinical scientist, dosimetrist]\n');
const both = physicist('    staffGroups: [clinical scientist]\n', '    staffGroups: [dosimetrist]\n').replace(RECOGNISED, '');

const notRecognised = (role: string) =>
  `Role \`${role}\` has the MPE capacity but its \`registrations\` do not state MPE recognition; add \`MPE certificate (RPA2000)\` to \`registrations\`.`;

describeRule('mpe-recognition', {
  valid: [
    { name: 'a clinical scientist role with MPE recognition stated', text: protocolText() },
    {
      name: 'a role without the MPE capacity needs no recognition',
      text: physicist('capacities: [MPE, operator]', 'capacities: [operator]').replace(RECOGNISED, ''),
    },
  ],
  invalid: [
    {
      name: 'registrations without MPE recognition, on the MPE capacity',
      text: unstated,
      errors: [{ ...span(unstated, 'MPE', 'capacities: [MPE'), message: notRecognised('physicist') }],
    },
    {
      name: 'no registrations at all',
      text: noRegistrations,
      errors: [{ ...span(noRegistrations, 'MPE', 'capacities: [MPE'), message: notRecognised('physicist') }],
    },
    {
      name: 'a role also open to dosimetrists',
      text: dosimetristsToo,
      errors: [
        {
          ...span(dosimetristsToo, 'MPE', 'capacities: [MPE'),
          message:
            'Role `physicist` has the MPE capacity but is open to dosimetrist; an MPE is a clinical scientist with MPE recognition: limit `staffGroups` to clinical scientist, or give the MPE capacity to a role that is.',
        },
      ],
    },
    {
      name: 'a dosimetrist role with no recognition: a finding for each',
      text: both,
      errors: [
        {
          ...span(both, 'MPE', 'capacities: [MPE'),
          message:
            'Role `physicist` has the MPE capacity but is open to dosimetrist; an MPE is a clinical scientist with MPE recognition: limit `staffGroups` to clinical scientist, or give the MPE capacity to a role that is.',
        },
        { ...span(both, 'MPE', 'capacities: [MPE'), message: notRecognised('physicist') },
      ],
    },
  ],
});
