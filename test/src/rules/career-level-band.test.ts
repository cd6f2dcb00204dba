import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';

const physicistBand = (band: string) =>
  protocolText({ roles: SECTIONS.roles.replace('    careerLevel: advanced\n', `    minBand: ${band}\n    careerLevel: advanced\n`) });
const consultantRadiographer = (band: string) =>
  protocolText({
    roles:
      SECTIONS.roles +
      `  - id: consultant-radiographer\n    title: Consultant Radiographer\n    staffGroups: [therapeutic radiographer]\n    minBand: ${band}\n    maxBand: 8c\n    careerLevel: consultant\n    capacities: [operator]\n`,
  });
const adapterLevel = (level: string, band: string) =>
  protocolText({
    roles: SECTIONS.roles.replace(
      '    minBand: 6\n    maxBand: 7\n    careerLevel: practitioner\n',
      `    minBand: ${band}\n    maxBand: 7\n    careerLevel: ${level}\n`,
    ),
  });

const advancedAt6 = physicistBand('6');
const consultantAt7 = consultantRadiographer('7');
const consultantAt8 = adapterLevel('consultant', '5');

describeRule('career-level-band', {
  valid: [
    { name: 'advanced at band 7, consultant with no band', text: protocolText() },
    { name: 'advanced at 8a', text: physicistBand('8a') },
    // national-profile-band checks it against the profile; two floors on one line could contradict.
    {
      name: 'a role that names its national job profile is left to national-profile-band',
      text: protocolText({
        roles: SECTIONS.roles.replace('    careerLevel: advanced\n', '    minBand: 6\n    careerLevel: advanced\n    nationalProfile: hcs-specialist\n'),
      }),
    },
    // medical-role-band asks to remove the band; advice to raise it would contradict that on the same line.
    {
      name: 'a consultant medical role with a band is left to medical-role-band',
      text: protocolText({
        roles: SECTIONS.roles.replace('    staffGroups: [clinical oncologist]\n', '    staffGroups: [clinical oncologist]\n    minBand: 7\n'),
      }),
    },
    { name: 'consultant at 8a', text: consultantRadiographer('8a') },
    { name: 'consultant at 8b', text: consultantRadiographer('8b') },
    { name: 'practitioner and enhanced levels have no floor here', text: adapterLevel('enhanced', '5') },
    { name: 'a band outside the vocabulary is left to the schema', text: physicistBand('1') },
  ],
  invalid: [
    {
      name: 'an advanced role at band 6',
      text: advancedAt6,
      errors: [
        {
          ...span(advancedAt6, '6', 'minBand: 6\n    careerLevel: advanced'),
          message:
            'Role `physicist` is at the advanced career level but its `minBand` is 6; advanced roles are expected at band 7 or above: raise `minBand` or change `careerLevel`.',
        },
      ],
    },
    {
      name: 'a consultant role at band 7',
      text: consultantAt7,
      errors: [
        {
          ...span(consultantAt7, '7', 'minBand: 7\n    maxBand: 8c'),
          message:
            'Role `consultant-radiographer` is at the consultant career level but its `minBand` is 7; consultant roles are expected at band 8a or above: raise `minBand` or change `careerLevel`.',
        },
      ],
    },
    {
      name: 'a consultant role at band 5',
      text: consultantAt8,
      errors: [
        {
          ...span(consultantAt8, '5', 'minBand: 5'),
          message:
            'Role `adapter` is at the consultant career level but its `minBand` is 5; consultant roles are expected at band 8a or above: raise `minBand` or change `careerLevel`.',
        },
      ],
    },
  ],
});
