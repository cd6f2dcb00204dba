import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';

const noPassMark = protocolText({ methods: SECTIONS.methods.replace('    passMark: 80\n', '') });
const twoScored = protocolText({
  methods: SECTIONS.methods.replace('    passMark: 80\n', '').replace('type: training-programme', 'type: scored-assessment'),
});
const zero = protocolText({ methods: SECTIONS.methods.replace('passMark: 80', 'passMark: 0') });
const quoted = protocolText({ methods: SECTIONS.methods.replace('passMark: 80', 'passMark: "80"') });

const message = (id: string, name: string) =>
  `Method \`${id}\` (${name}) is a scored assessment with no pass mark; add the department’s own \`passMark\` (0 to 100), as a vendor’s threshold is not a clinical standard.`;

describeRule('pass-mark-stated', {
  valid: [
    { name: 'the scored assessment states a pass mark; other types need none', text: protocolText() },
    { name: 'a pass mark of 0 is stated', text: zero },
    { name: 'a pass mark written as text is left to the schema check', text: quoted },
  ],
  invalid: [
    {
      name: 'a scored assessment without a pass mark, on its type',
      text: noPassMark,
      errors: [{ ...span(noPassMark, 'scored-assessment'), message: message('proknow', 'ProKnow Contouring Tool') }],
    },
    {
      name: 'one finding per method',
      text: twoScored,
      errors: [
        { ...span(twoScored, 'scored-assessment', 'id: proknow'), message: message('proknow', 'ProKnow Contouring Tool') },
        { ...span(twoScored, 'scored-assessment', 'id: programme'), message: message('programme', 'Training programme') },
      ],
    },
  ],
});
