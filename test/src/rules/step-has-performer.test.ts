import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';

const noPerformer = protocolText({
  workflow: SECTIONS.workflow.replace(
    '    performs: [adapter]\n    skills: [oar-outlining]\n  - id: oar-approval',
    '    skills: [oar-outlining]\n  - id: oar-approval',
  ),
});
const emptyPerformer = protocolText({ workflow: SECTIONS.workflow.replace('    performs: [oncologist]\n', '    performs: []\n') });

describeRule('step-has-performer', {
  valid: [{ name: 'every step has a performer', text: protocolText() }],
  invalid: [
    {
      name: 'a step with no performs key is marked on its id',
      text: noPerformer,
      errors: [
        { ...span(noPerformer, 'oar-edit', 'workflow:'), message: 'Step `oar-edit` (Edit OARs) has no role that performs it; add one under `performs`.' },
      ],
    },
    {
      name: 'an empty performs list is marked on its key',
      text: emptyPerformer,
      errors: [
        {
          ...span(emptyPerformer, 'performs', 'id: review'),
          message: 'Step `review` (Offline review) has no role that performs it; add one under `performs`.',
        },
      ],
    },
  ],
});
