import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';

const second = protocolText({ training: SECTIONS.training.replace(/ {4}reassessEveryMonths: 12\n$/, '') });
const both = protocolText({ training: SECTIONS.training.split('    reassessEveryMonths: 12\n').join('') });
const quoted = protocolText({ training: SECTIONS.training.replace(/reassessEveryMonths: 12\n$/, 'reassessEveryMonths: "12"\n') });

const message = (skill: string) => `Training row for \`${skill}\` states no reassessment interval; add \`reassessEveryMonths\` (for example 12).`;

describeRule('reassessment-interval', {
  valid: [
    { name: 'every row states an interval', text: protocolText() },
    { name: 'an interval written as text is left to the schema check', text: quoted },
  ],
  invalid: [
    {
      name: 'a row without an interval, on its skill',
      text: second,
      errors: [{ ...span(second, 'plan-selection', '- skill: '), message: message('plan-selection') }],
    },
    {
      name: 'one finding per row',
      text: both,
      errors: [
        { ...span(both, 'oar-outlining', '- skill: '), message: message('oar-outlining') },
        { ...span(both, 'plan-selection', '- skill: plan'), message: message('plan-selection') },
      ],
    },
  ],
});
