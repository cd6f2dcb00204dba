import * as assert from 'node:assert/strict';
import { describeRule, lint, span } from '../helpers/ruleTester';
import { protocolText } from '../helpers/protocolText';
import { nth } from '../helpers/nth';

// Written as escapes here so that this file itself shows what it holds.
const RLO = '\u202E';
const PDF = '\u202C';
const RLI = '\u2067';
const PDI = '\u2069';
const RLM = '\u200F';
const ALM = '\u061C';

const WHY = 'it changes the order in which the text around it is displayed, so a reader sees something other than what is written (Trojan Source). Remove it.';

const inTitle = protocolText().replace('    title: Physicist\n', `    title: Physicist ${RLO}tsigoloiR${PDF}\n`);
const inComment = protocolText().replace('  - id: adapter\n', `  # approved by ${RLI}Dr A. Consultant${PDI}\n  - id: adapter\n`);
const inKey = protocolText().replace('    title: Physicist\n', `    ti${RLM}tle: Physicist\n`);
const escaped = protocolText().replace('    title: Physicist\n', '    title: "Physicist \\u202E"\n');
const marks = protocolText().replace('    - name: Dr A. Consultant\n', `    - name: Dr A.${ALM} Consultant\n`);

describeRule('bidi-control', {
  valid: [
    { name: 'a protocol without them', text: protocolText() },
    { name: 'a byte order mark at the very start', text: '\uFEFF' + protocolText() },
    { name: 'right-to-left script written without controls', text: protocolText().replace('    title: Physicist\n', '    title: "Physicist (فيزيائي)"\n') },
    { name: 'a backslash-u written where it is not an escape', text: protocolText().replace('    title: Physicist\n', "    title: 'Physicist \\u202E'\n") },
  ],
  invalid: [
    {
      name: 'an override in a title: one finding per control, on exactly it',
      text: inTitle,
      errors: [
        { ...span(inTitle, RLO), message: `U+202E RIGHT-TO-LEFT OVERRIDE in the value of \`title\`: ${WHY}` },
        { ...span(inTitle, PDF), message: `U+202C POP DIRECTIONAL FORMATTING in the value of \`title\`: ${WHY}` },
      ],
    },
    {
      name: 'isolates in a comment (comments are not in the tree: the text is scanned)',
      text: inComment,
      errors: [
        { ...span(inComment, RLI), message: `U+2067 RIGHT-TO-LEFT ISOLATE in a comment: ${WHY}` },
        { ...span(inComment, PDI), message: `U+2069 POP DIRECTIONAL ISOLATE in a comment: ${WHY}` },
      ],
    },
    {
      name: 'a mark in a key, named as the key looks',
      text: inKey,
      errors: [{ ...span(inKey, RLM), message: `U+200F RIGHT-TO-LEFT MARK in the key \`title\`: ${WHY}` }],
    },
    {
      name: 'an override written as an escape in a double-quoted string, on the escape',
      text: escaped,
      errors: [{ ...span(escaped, '\\u202E'), message: `The escape \`\\u202E\` writes U+202E RIGHT-TO-LEFT OVERRIDE in the value of \`title\`: ${WHY}` }],
    },
    {
      name: 'an Arabic letter mark in an approver’s name',
      text: marks,
      errors: [{ ...span(marks, ALM), message: `U+061C ARABIC LETTER MARK in the value of \`name\`: ${WHY}` }],
    },
  ],
});

describe('rule bidi-control in JSON', () => {
  it('finds an override written as a JSON escape and one written as itself', () => {
    const json = JSON.stringify({ format: 'role-protocol/1', roles: [{ id: 'adapter', title: `Adapter ${RLO}` }] }, null, 2).replace(
      '"id": "adapter"',
      '"id": "adapter", "notes": "a\\u2066b"',
    );
    const found = lint(json, { fileName: 'test.roles.json' }).filter((f) => f.ruleId === 'bidi-control');
    assert.deepEqual(
      found.map((f) => [json.slice(f.range.start.offset, f.range.end.offset), f.message.split(':')[0]]),
      [
        ['\\u2066', 'The escape `\\u2066` writes U+2066 LEFT-TO-RIGHT ISOLATE in the value of `notes`'],
        [RLO, 'U+202E RIGHT-TO-LEFT OVERRIDE in the value of `title`'],
      ],
    );
  });

  it('reports the first 100 in a file full of them, the last counting the rest', () => {
    const text = protocolText().replace('    title: Physicist\n', `    title: Physicist ${RLO.repeat(250)}\n`);
    const found = lint(text).filter((f) => f.ruleId === 'bidi-control');
    assert.equal(found.length, 100);
    assert.match(nth(found, 99).message, /\(150 more bidirectional controls after this one are not reported one by one\.\)$/);
  });
});
