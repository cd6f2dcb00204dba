import type { Rule } from './types';

export const stepHasPerformer: Rule = {
  id: 'step-has-performer',
  defaultSeverity: 'error',
  category: 'governance',
  description: 'Every workflow step names at least one role that performs it.',
  rationale:
    'IR(ME)R Schedule 2 asks the written procedures to identify who is entitled to act as referrer, practitioner or operator; a step nobody performs is a part of the session assigned to nobody so entitled.',
  check: ({ protocol }) =>
    protocol.workflow
      .filter((step) => step.performs.length === 0)
      .map((step) => ({
        message: `Step \`${step.id}\` (${step.name}) has no role that performs it; add one under \`performs\`.`,
        path: [...step.path, 'performs'],
      })),
};
