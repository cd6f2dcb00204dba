import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';

const withRoles = (from: string, to: string) => protocolText({ roles: SECTIONS.roles.replace(from, to) });

const dosimetristPractitioner = withRoles(
  '    staffGroups: [therapeutic radiographer]\n    minBand: 6\n    maxBand: 7\n    careerLevel: practitioner\n    capacities: [operator]\n',
  '    staffGroups: [dosimetrist]\n    minBand: 6\n    maxBand: 7\n    careerLevel: practitioner\n    capacities: [practitioner, operator]\n',
);
const mixedGroups = withRoles(
  '    staffGroups: [therapeutic radiographer]\n    minBand: 6\n    maxBand: 7\n    careerLevel: practitioner\n    capacities: [operator]\n',
  '    staffGroups: [therapeutic radiographer, dosimetrist, clinical technologist]\n    minBand: 6\n    maxBand: 7\n    careerLevel: practitioner\n    capacities: [operator, practitioner, referrer]\n',
);
const assistantReferrer = withRoles(
  '    staffGroups: [therapeutic radiographer]\n    minBand: 6\n    maxBand: 7\n    careerLevel: practitioner\n    capacities: [operator]\n',
  '    staffGroups: [assistant practitioner]\n    minBand: 4\n    careerLevel: assistant practitioner\n    capacities:\n      - operator\n      - referrer\n',
);
const dosimetristOperator = withRoles('    staffGroups: [therapeutic radiographer]\n', '    staffGroups: [therapeutic radiographer, dosimetrist]\n');
const scientistPractitioner = withRoles('    capacities: [MPE, operator]\n', '    capacities: [MPE, operator, practitioner]\n');
const radiographerPractitioner = withRoles('    capacities: [operator]\n', '    capacities: [practitioner, operator]\n');
/** A radiographer practitioner whose registrations name only a voluntary register. */
const wrongRegister = withRoles(
  '    careerLevel: practitioner\n    capacities: [operator]\n',
  '    careerLevel: practitioner\n    registrations: [RCT]\n    capacities: [practitioner, operator]\n',
);
const rightRegister = withRoles(
  '    careerLevel: practitioner\n    capacities: [operator]\n',
  '    careerLevel: practitioner\n    registrations: [HCPC (radiographer)]\n    capacities: [practitioner, operator]\n',
);
/**
 * A practitioner role open to radiographers and clinical scientists lists each group's register: each holder holds
 * the register of their own staff group, not both.
 */
const twoRegisteredGroups = (registrations: string) =>
  withRoles(
    '    staffGroups: [therapeutic radiographer]\n    minBand: 6\n    maxBand: 7\n    careerLevel: practitioner\n    capacities: [operator]\n',
    `    staffGroups: [therapeutic radiographer, clinical scientist]\n    minBand: 6\n    maxBand: 7\n    careerLevel: practitioner\n    registrations: [${registrations}]\n    capacities: [practitioner, operator]\n`,
  );
const eachGroupsRegister = twoRegisteredGroups('HCPC (radiographer), HCPC (clinical scientist)');
const oneGroupsRegister = twoRegisteredGroups('HCPC (radiographer)');

describeRule('registered-duty-holder', {
  valid: [
    { name: 'a role open to two registered groups lists each group’s register', text: eachGroupsRegister },
    { name: 'a practitioner whose registrations name its register', text: rightRegister },
    { name: 'a clinical oncologist as practitioner', text: protocolText() },
    { name: 'a dosimetrist as operator only', text: dosimetristOperator },
    { name: 'a clinical scientist as practitioner', text: scientistPractitioner },
    { name: 'a therapeutic radiographer as practitioner', text: radiographerPractitioner },
  ],
  invalid: [
    {
      name: 'a role open to two registered groups lists only one group’s register',
      text: oneGroupsRegister,
      errors: [
        {
          ...span(oneGroupsRegister, 'registrations', 'careerLevel: practitioner\n    '),
          message:
            'Role `adapter` has the practitioner capacity, but its `registrations` do not include HCPC (clinical scientist), the statutory register of its staff groups; add it to `registrations`.',
        },
      ],
    },
    {
      name: 'a practitioner whose stated registrations leave out its statutory register, on registrations',
      text: wrongRegister,
      errors: [
        {
          ...span(wrongRegister, 'registrations', 'registrations: [RCT]'),
          message:
            'Role `adapter` has the practitioner capacity, but its `registrations` do not include HCPC (radiographer), the statutory register of its staff groups; add it to `registrations`.',
        },
      ],
    },
    {
      name: 'a dosimetrist role with the practitioner capacity',
      text: dosimetristPractitioner,
      errors: [
        {
          ...span(dosimetristPractitioner, 'practitioner', 'capacities: ['),
          message:
            'Role `adapter` has the practitioner capacity, but dosimetrist is not statutorily registered; remove the capacity or limit `staffGroups` to registered groups (therapeutic radiographer, clinical scientist, clinical oncologist).',
        },
      ],
    },
    {
      name: 'two unregistered groups and two restricted capacities',
      text: mixedGroups,
      errors: [
        {
          ...span(mixedGroups, 'practitioner', 'capacities: [operator, '),
          message:
            'Role `adapter` has the practitioner capacity, but dosimetrist and clinical technologist are not statutorily registered; remove the capacity or limit `staffGroups` to registered groups (therapeutic radiographer, clinical scientist, clinical oncologist).',
        },
        {
          ...span(mixedGroups, 'referrer', 'capacities: [operator, '),
          message:
            'Role `adapter` has the referrer capacity, but dosimetrist and clinical technologist are not statutorily registered; remove the capacity or limit `staffGroups` to registered groups (therapeutic radiographer, clinical scientist, clinical oncologist).',
        },
      ],
    },
    {
      name: 'an assistant practitioner as referrer, in a block list',
      text: assistantReferrer,
      errors: [
        {
          ...span(assistantReferrer, 'referrer', '      - operator'),
          message:
            'Role `adapter` has the referrer capacity, but assistant practitioner is not statutorily registered; remove the capacity or limit `staffGroups` to registered groups (therapeutic radiographer, clinical scientist, clinical oncologist).',
        },
      ],
    },
  ],
});
