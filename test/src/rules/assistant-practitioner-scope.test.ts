import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';

const assistantRole = (groups: string, level: string) =>
  `  - id: assistant\n    title: Assistant Practitioner\n    staffGroups: [${groups}]\n    minBand: 4\n    careerLevel: ${level}\n    capacities: [operator]\n`;
const withAssistant = (workflow: string, role = assistantRole('assistant practitioner', 'assistant practitioner')) =>
  protocolText({ roles: SECTIONS.roles + role, workflow });

const approvesOars = withAssistant(SECTIONS.workflow.replace('    approves: [physicist]\n', '    approves: [assistant]\n'));
const selectsPlan = withAssistant(
  SECTIONS.workflow.replace(
    '    activity: plan-selection\n    performs: [physicist]\n',
    '    activity: plan-selection\n    performs: [physicist, assistant]\n    approves: [assistant]\n',
  ),
);
const byCareerLevel = withAssistant(
  SECTIONS.workflow.replace('    approves: [physicist]\n', '    approves: [physicist, assistant]\n'),
  assistantRole('therapeutic radiographer', 'assistant practitioner'),
);
const byStaffGroup = withAssistant(
  SECTIONS.workflow.replace('    approves: [physicist]\n', '    approves:\n      - physicist\n      - assistant\n'),
  assistantRole('therapeutic radiographer, assistant practitioner', 'practitioner'),
);
const performsAndSupports = withAssistant(
  SECTIONS.workflow
    .replace('    activity: delivery\n    performs: [adapter]\n', '    activity: delivery\n    performs: [adapter, assistant]\n')
    .replace(
      '    activity: plan-selection\n    performs: [physicist]\n',
      '    activity: plan-selection\n    performs: [physicist]\n    supports: [assistant]\n    agrees: [assistant]\n',
    ),
);

describeRule('assistant-practitioner-scope', {
  valid: [
    { name: 'no assistant practitioner role', text: protocolText() },
    { name: 'an assistant practitioner performs delivery and supports plan selection', text: performsAndSupports },
  ],
  invalid: [
    {
      name: 'an assistant practitioner approves OARs',
      text: approvesOars,
      errors: [
        {
          ...span(approvesOars, 'assistant', 'approves: ['),
          message: 'Role `assistant` is an assistant practitioner role and approves step `oar-approval`; give this to a registered practitioner role.',
        },
      ],
    },
    {
      name: 'an assistant practitioner performs and approves plan selection',
      text: selectsPlan,
      errors: [
        {
          ...span(selectsPlan, 'assistant', 'performs: [physicist, '),
          message:
            'Role `assistant` is an assistant practitioner role and performs plan selection at step `plan-selection`; give this to a registered practitioner role.',
        },
        {
          ...span(selectsPlan, 'assistant', 'approves: [assistant'),
          message:
            'Role `assistant` is an assistant practitioner role and approves plan selection at step `plan-selection`; give this to a registered practitioner role.',
        },
      ],
    },
    {
      name: 'recognised by career level alone',
      text: byCareerLevel,
      errors: [
        {
          ...span(byCareerLevel, 'assistant', 'approves: [physicist, '),
          message: 'Role `assistant` is an assistant practitioner role and approves step `oar-approval`; give this to a registered practitioner role.',
        },
      ],
    },
    {
      name: 'recognised by staff group alone, in a block list',
      text: byStaffGroup,
      errors: [
        {
          ...span(byStaffGroup, 'assistant', '      - physicist\n'),
          message: 'Role `assistant` is an assistant practitioner role and approves step `oar-approval`; give this to a registered practitioner role.',
        },
      ],
    },
  ],
});
