import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';

/** The physicist role (advanced) opened to dosimetrists too. */
const withDosimetrists = protocolText({
  roles: SECTIONS.roles.replace('    staffGroups: [clinical scientist]\n', '    staffGroups: [clinical scientist, dosimetrist]\n'),
});
/** A dosimetrist role at the consultant level. */
const consultantDosimetrist = protocolText({
  roles:
    SECTIONS.roles +
    '  - id: lead-planner\n    title: Lead Planner\n    staffGroups: [dosimetrist]\n    minBand: 8a\n    careerLevel: consultant\n    capacities: [operator]\n',
});
/** The same role under its local title, with no national level. */
const localTitleOnly = protocolText({
  roles: SECTIONS.roles + '  - id: advanced-adapter\n    title: Advanced Adapter\n    staffGroups: [dosimetrist]\n    minBand: 7\n    capacities: [operator]\n',
});

describeRule('registered-career-level', {
  valid: [
    { name: 'registered staff groups at advanced and consultant levels', text: protocolText() },
    { name: 'a dosimetrist role with a local title and no national level', text: localTitleOnly },
    {
      name: 'a dosimetrist role at the enhanced level',
      text: localTitleOnly.replace('    minBand: 7\n    capacities: [operator]\n', '    minBand: 7\n    careerLevel: enhanced\n    capacities: [operator]\n'),
    },
  ],
  invalid: [
    {
      name: 'an advanced role open to dosimetrists, on careerLevel',
      text: withDosimetrists,
      errors: [
        {
          ...span(withDosimetrists, 'advanced', 'careerLevel: advanced'),
          message:
            'Role `physicist` is at the advanced level of the national career framework, which needs state registration, but dosimetrist is not state registered; keep the local title in `title` and leave out `careerLevel`, or limit `staffGroups` to registered groups.',
        },
      ],
    },
    {
      name: 'a consultant dosimetrist',
      text: consultantDosimetrist,
      errors: [
        {
          ...span(consultantDosimetrist, 'consultant', '    careerLevel: consultant\n    capacities: [operator]'),
          message:
            'Role `lead-planner` is at the consultant level of the national career framework, which needs state registration, but dosimetrist is not state registered; keep the local title in `title` and leave out `careerLevel`, or limit `staffGroups` to registered groups.',
        },
      ],
    },
  ],
});
