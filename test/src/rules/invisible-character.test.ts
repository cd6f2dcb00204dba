import * as assert from 'node:assert/strict';
import { describeRule, lint, span } from '../helpers/ruleTester';
import { protocolText } from '../helpers/protocolText';

// Written as escapes here so that this file itself shows what it holds.
const ZWSP = '\u200B';
const ZWJ = '\u200D';
const SHY = '\u00AD';
const BOM = '\uFEFF';
const WJ = '\u2060';
const VS16 = '\uFE0F';
const VS15 = '\uFE0E';
const TAG_A = '\u{E0041}';
const TAG_B = '\u{E0042}';

const WHY = 'it shows as nothing, so this text differs from what it looks like. Remove it.';

const withTitle = (title: string) => protocolText().replace('    title: Physicist\n', `    title: ${JSON.stringify(title)}\n`);
const inTitle = withTitle(`Physi${ZWSP}cist`);
const inReference = protocolText().replace(
  '    performs: [adapter]\n    skills: [oar-outlining]\n',
  `    performs: [adap${ZWJ}ter]\n    skills: [oar-outlining]\n`,
);
const softHyphen = protocolText().replace('    name: Training records\n', `    name: Training rec${SHY}ords\n`);
const inComment = protocolText().replace('  - id: adapter\n', `  # owner${BOM}: physics${WJ}\n  - id: adapter\n`);
const selectors = withTitle(`Physicist${VS16} x${VS15}`);
const tags = withTitle(`Physicist${TAG_A}${TAG_B}`);
const escaped = protocolText().replace('    title: Physicist\n', '    title: "Physi\\u200Bcist"\n');

describeRule('invisible-character', {
  valid: [
    { name: 'a protocol without them', text: protocolText() },
    { name: 'a byte order mark at the very start', text: BOM + protocolText() },
    { name: 'an emoji joined with a zero-width joiner, and its variation selector', text: withTitle('Physicist \u{1F469}\u200D\u2695\uFE0F') },
    { name: 'a keycap and one selector after a symbol', text: withTitle('Physicist 1\uFE0F\u20E3 \u260E\uFE0F') },
    { name: 'the tag characters of a flag', text: withTitle('Physicist \u{1F3F4}\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}') },
    { name: 'a non-joiner inside a Persian word', text: withTitle('Physicist \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645') },
  ],
  invalid: [
    {
      name: 'a zero-width space in a title, on exactly it',
      text: inTitle,
      errors: [{ ...span(inTitle, ZWSP), message: `U+200B ZERO WIDTH SPACE in the value of \`title\`: ${WHY}` }],
    },
    {
      name: 'a zero-width joiner inside an id in a list',
      text: inReference,
      errors: [{ ...span(inReference, ZWJ), message: `U+200D ZERO WIDTH JOINER in an item of \`performs\`: ${WHY}` }],
    },
    {
      name: 'a soft hyphen in a name',
      text: softHyphen,
      errors: [{ ...span(softHyphen, SHY), message: `U+00AD SOFT HYPHEN in the value of \`name\`: ${WHY}` }],
    },
    {
      name: 'a byte order mark that is not at the start, and a word joiner, in a comment',
      text: inComment,
      errors: [
        { ...span(inComment, BOM), message: `U+FEFF ZERO WIDTH NO-BREAK SPACE in a comment: ${WHY}` },
        { ...span(inComment, WJ), message: `U+2060 WORD JOINER in a comment: ${WHY}` },
      ],
    },
    {
      name: 'variation selectors after Latin letters',
      text: selectors,
      errors: [
        { ...span(selectors, VS16), message: `U+FE0F VARIATION SELECTOR-16 in the value of \`title\`: ${WHY}` },
        { ...span(selectors, VS15), message: `U+FE0E VARIATION SELECTOR-15 in the value of \`title\`: ${WHY}` },
      ],
    },
    {
      name: 'tag characters hiding text after a title (two UTF-16 units each)',
      text: tags,
      errors: [
        { ...span(tags, TAG_A), message: `U+E0041 TAG LATIN CAPITAL LETTER A in the value of \`title\`: ${WHY}` },
        { ...span(tags, TAG_B), message: `U+E0042 TAG LATIN CAPITAL LETTER B in the value of \`title\`: ${WHY}` },
      ],
    },
    {
      name: 'a zero-width space written as an escape',
      text: escaped,
      errors: [{ ...span(escaped, '\\u200B'), message: `The escape \`\\u200B\` writes U+200B ZERO WIDTH SPACE in the value of \`title\`: ${WHY}` }],
    },
  ],
});

describe('rule invisible-character beside bidi-control', () => {
  it('gives a warning for a zero-width space and an error for an override, each under its own rule', () => {
    const text = withTitle(`Physi${ZWSP}cist \u202E`);
    const found = lint(text).filter((f) => f.ruleId === 'invisible-character' || f.ruleId === 'bidi-control');
    assert.deepEqual(
      found.map((f) => `${f.ruleId} ${f.severity}`),
      ['invisible-character warning', 'bidi-control error'],
    );
  });
});
