import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument, type ParsedDocument, type ParseProblem } from '../../../server/out/service/parse/parseDocument';
import { changedSpan, reparse } from '../../../server/out/service/parse/reparse';
import { cursorContext, createScanMemo } from '../../../server/out/service/language/cursorContext';
import { SAMPLES } from '../fuzz/corpus';
import { seedFromEnv, runsFromEnv, TEST_SEED } from '../fuzz/properties';
import { nth } from '../helpers/nth';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { protocolOfLines } = require('../../../bench/generate.js') as { protocolOfLines(lines: number): { text: string } };

/** YAML documents to edit: the samples, one with Windows line breaks, and a generated department. */
const DOCUMENTS: string[] = [
  ...SAMPLES.filter((s) => /\.ya?ml$/.test(s.name)).map((s) => s.text),
  SAMPLES.find((s) => s.name === 'reference-department.roles.yaml')!.text.replace(/\n/g, '\r\n'),
  protocolOfLines(600).text,
];

function sortedProblems(problems: ParseProblem[]): ParseProblem[] {
  return problems.slice().sort((a, b) => a.start - b.start || a.end - b.end || a.message.localeCompare(b.message));
}

/** The incremental answer, when there is one, must be the full parse's, node for node. */
function agrees(previous: ParsedDocument, text: string, maxDepth?: number): { reused: boolean; parsed: ParsedDocument } {
  const options = maxDepth === undefined ? {} : { maxDepth };
  const full = parseDocument(text, 'yaml', options);
  const incremental = reparse(previous, text, options);
  if (!incremental) return { reused: false, parsed: full };
  assert.deepStrictEqual(incremental.root, full.root);
  assert.deepStrictEqual(sortedProblems(incremental.problems), sortedProblems(full.problems));
  assert.equal(incremental.anchors.size, full.anchors.size);
  assert.equal(incremental.text, text);
  return { reused: true, parsed: incremental };
}

/** Characters and pieces that change YAML's structure, with plain text among them. */
const piece = fc.oneof(
  fc.constantFrom(
    '-',
    ' ',
    '  ',
    '\n',
    '\r\n',
    ':',
    ': ',
    '- ',
    '#',
    '"',
    "'",
    '[',
    ']',
    '{',
    '}',
    ',',
    '|',
    '>',
    '&a',
    '*a',
    '!!str',
    '!t ',
    '? ',
    ' #c',
    '%YAML 1.2\n',
    '---',
    '...',
    '\t',
    'x',
    'id',
    'name: z',
    '  - id: new\n',
    '\n  - ',
    '|+',
    '>+',
    'notes: |+\n      kept\n\n',
    '\n  -\n',
    '\n  - : b\n',
    '\n: x\n',
    '\n\n',
    '\r',
    '{x}',
    '\t\n',
  ),
  fc.string({ maxLength: 6 }),
);

type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'line'; line: number; op: 'duplicate' | 'delete' | 'indent' | 'dedent' | 'blank' | 'comment' | 'deep comment' };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.array(piece, { minLength: 1, maxLength: 3 }).map((a) => a.join('')) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({
    kind: fc.constant('line' as const),
    line: fc.nat(),
    op: fc.constantFrom(
      'duplicate' as const,
      'delete' as const,
      'indent' as const,
      'dedent' as const,
      'blank' as const,
      'comment' as const,
      'deep comment' as const,
    ),
  }),
);

function apply(text: string, e: Edit): string {
  if (e.kind === 'insert') {
    const at = e.at % (text.length + 1);
    return text.slice(0, at) + e.text + text.slice(at);
  }
  if (e.kind === 'delete') {
    const at = e.at % (text.length + 1);
    return text.slice(0, at) + text.slice(at + e.length);
  }
  const lines = text.split('\n');
  const i = e.line % lines.length;
  switch (e.op) {
    case 'duplicate':
      lines.splice(i, 0, nth(lines, i));
      break;
    case 'delete':
      lines.splice(i, 1);
      break;
    case 'indent':
      lines[i] = '  ' + lines[i];
      break;
    case 'dedent':
      lines[i] = nth(lines, i).replace(/^ {1,2}/, '');
      break;
    case 'blank':
      lines[i] = '';
      break;
    case 'comment':
      lines.splice(i, 0, '# a note');
      break;
    case 'deep comment':
      // Indented under whatever is above: content in a block scalar, a comment anywhere else.
      lines.splice(i, 0, '        # a note');
      break;
  }
  return lines.join('\n');
}

describe('incremental re-parse', () => {
  it('finds the span two texts differ in', () => {
    assert.equal(changedSpan('abc', 'abc'), undefined);
    assert.deepEqual(changedSpan('abcdef', 'abXdef'), { start: 2, oldEnd: 3, newEnd: 3 });
    assert.deepEqual(changedSpan('aaaa', 'aaaaa'), { start: 4, oldEnd: 4, newEnd: 5 });
    assert.deepEqual(changedSpan('abc', ''), { start: 0, oldEnd: 3, newEnd: 0 });
    const long = 'x'.repeat(10_000);
    assert.deepEqual(changedSpan(long + 'a' + long, long + 'bb' + long), { start: 10_000, oldEnd: 10_001, newEnd: 10_002 });
  });

  it('re-reads only the edited list entry for a typical edit, and gives the full parse', () => {
    const text = protocolOfLines(2000).text;
    const previous = parseDocument(text, 'yaml');
    const at = text.lastIndexOf('name: ');
    const edited = text.slice(0, at + 6) + 'Renamed ' + text.slice(at + 6);
    assert.equal(agrees(previous, edited).reused, true);
    // Adding a whole entry, and deleting one.
    const stepAt = text.indexOf('\n  - id: ', text.length / 2) + 1;
    const nextAt = text.indexOf('\n  - id: ', stepAt) + 1;
    assert.equal(agrees(previous, text.slice(0, nextAt) + text.slice(stepAt, nextAt) + text.slice(nextAt)).reused, true);
    assert.equal(agrees(previous, text.slice(0, stepAt) + text.slice(nextAt)).reused, true);
  });

  it('falls back to a full parse when the edit does not stay inside an entry', () => {
    const text = protocolOfLines(400).text;
    const previous = parseDocument(text, 'yaml');
    const entry = text.indexOf('\n  - id: ', text.length / 2) + 1;
    // An unclosed quote runs on past the entry; a key at the top level ends the list.
    assert.equal(reparse(previous, text.slice(0, entry + 8) + '"' + text.slice(entry + 8)), undefined);
    assert.equal(reparse(previous, text.slice(0, entry) + 'extra: 1\n' + text.slice(entry)), undefined);
    // Anchors anywhere, or a previous text that did not parse: always whole.
    const anchored = parseDocument(text.replace('format:', 'x: &a 1\nformat:'), 'yaml');
    assert.equal(reparse(anchored, anchored.text + '\n'), undefined);
    const broken = parseDocument(text + '\n  - "', 'yaml');
    assert.equal(reparse(broken, text), undefined);
  });

  it('leaves to a full parse a line put before an entry, which may belong to the entry above', () => {
    // The blank lines after a `|+` block scalar are part of its value.
    const text = 'steps:\n  - id: a\n    notes: |+\n      kept\n\n  - id: b\n    name: B\n';
    const previous = parseDocument(text, 'yaml');
    const at = text.indexOf('  - id: b');
    const edited = text.slice(0, at) + '\n' + text.slice(at);
    agrees(previous, edited);
    assert.equal(reparse(previous, edited), undefined);
  });

  it('re-uses the whole tree for comment and blank lines between nodes (a whole-text sync that appends a note)', () => {
    const text = protocolOfLines(2000).text;
    const previous = parseDocument(text, 'yaml');
    const workflow = text.indexOf('\nworkflow:') + 1;
    for (const edited of [
      text + '# appended by a client that sends the whole text\n',
      text.slice(0, workflow) + '# The session, step by step.\n\n' + text.slice(workflow),
      text.slice(0, 0) + '# A heading comment\n' + text,
    ]) {
      assert.equal(agrees(previous, edited).reused, true);
    }
    // Taken away again.
    const commented = parseDocument(text.slice(0, workflow) + '# gone soon\n' + text.slice(workflow), 'yaml');
    assert.equal(agrees(commented, text).reused, true);
    // After a block scalar a `#` line indented under it is content, and a blank line may be kept by `|+`.
    const block = 'format: role-protocol/1\nnotes: |\n  kept\nroles: []\n';
    const afterBlock = block.replace('roles:', '  # not a comment\nroles:');
    agrees(parseDocument(block, 'yaml'), afterBlock);
    assert.equal(reparse(parseDocument(block, 'yaml'), afterBlock), undefined);
    // Empty values and keys are placed at the token before them, outside their parent: left to the full parse.
    for (const [before, edited] of [
      ['list:\n  -\n  - x\n', 'list:\n# c\n  -\n  - x\n'],
      ['a:\n- b: |+\n    keep\n: x\n', 'a:\n- b: |+\n    keep\n\n: x\n'],
      ['a:\n  - x: 1\n  - : b\n', 'a:\n  - x: 1\n# c\n  - : b\n'],
    ]) {
      agrees(parseDocument(before!, 'yaml'), edited!);
      assert.equal(reparse(parseDocument(before!, 'yaml'), edited!), undefined, JSON.stringify(edited));
    }
    // Inside a flow collection or a multi-line scalar: left to the full parse.
    const flow = 'roles: [\n  a,\n  b\n]\n';
    assert.equal(reparse(parseDocument(flow, 'yaml'), flow.replace('  b', '  # c\n  b')), undefined);
  });

  it('agrees with a full parse in the cases a review found', () => {
    // A tab line after a list's last entry: a block scalar typed into the entry reads it (and fails) in place.
    const tabbed = 'format: role-protocol/1\nroles:\n  - id: a\n    title: A\n  - id: b\n\t\n';
    agrees(parseDocument(tabbed, 'yaml'), tabbed.replace('- id: b', '- id: |'));
    assert.equal(reparse(parseDocument(tabbed, 'yaml'), tabbed.replace('- id: b', '- id: |')), undefined);
    // Lone CR line ends: an explicit key's empty value is placed on its own line, not on a later one.
    for (const [before, after] of [
      ['k:\r  - ? a\r  - y: 1\r', 'k:\r  - ? ab\r  - y: 1\r'],
      ['k:\r  - {x}\r  - b: 1\r', 'k:\r  - {xy}\r  - b: 1\r'],
    ] as const) {
      assert.equal(agrees(parseDocument(before, 'yaml'), after).reused, true, JSON.stringify(after));
    }
  });

  it('agrees with a full parse after random edits, one after another', () => {
    let reused = 0;
    let cases = 0;
    fc.assert(
      fc.property(fc.nat(DOCUMENTS.length - 1), fc.array(edit, { minLength: 1, maxLength: 4 }), (doc, edits) => {
        let text = nth(DOCUMENTS, doc);
        let previous = parseDocument(text, 'yaml');
        for (const e of edits) {
          text = apply(text, e);
          const result = agrees(previous, text);
          cases++;
          if (result.reused) reused++;
          previous = result.parsed;
        }
      }),
      { seed: seedFromEnv(TEST_SEED), numRuns: runsFromEnv(400) },
    );
    // Many random edits land inside some entry; if none were re-read alone, the optimisation is broken. The share
    // moves with the samples the edits start from (a quarter or so; 24% with the test seed once the hidden-character
    // samples were added), so the floor is a fifth: a sanity check, not a measurement.
    assert.ok(reused > cases / 5, `only ${reused} of ${cases} edits were re-read incrementally`);
  });

  it('keeps the nesting limit of a full parse', () => {
    const base = 'a:\n  b:\n    - c: 1\n    - c: 2\n';
    for (let maxDepth = 3; maxDepth <= 9; maxDepth++) {
      const previous = parseDocument(base, 'yaml', { maxDepth: 12 });
      const deeper = base.replace('c: 2', 'c: {d: {e: [[f]]}}');
      const full = parseDocument(deeper, 'yaml', { maxDepth });
      const incremental = reparse(previous, deeper, { maxDepth });
      if (incremental) assert.deepStrictEqual(incremental.root, full.root, `maxDepth ${maxDepth}`);
      if (full.problems.some((p) => p.ruleId === 'syntax')) assert.equal(incremental, undefined, `maxDepth ${maxDepth}`);
    }
  });
});

describe('completion scan resumed from saved states', () => {
  it('gives the same cursor context as a scan from the top, across edits and cursor moves', () => {
    const documents = [protocolOfLines(1500).text, nth(DOCUMENTS, 0), nth(DOCUMENTS, -2)];
    let resumed = 0;
    fc.assert(
      fc.property(
        fc.nat(documents.length - 1),
        fc.array(fc.tuple(fc.option(edit, { nil: undefined }), fc.nat()), { minLength: 1, maxLength: 8 }),
        (doc, steps) => {
          let text = nth(documents, doc);
          const memo = createScanMemo();
          for (const [e, at] of steps) {
            if (e) text = apply(text, e);
            const offset = at % (text.length + 1);
            const before = memo.checkpoints.length;
            assert.deepStrictEqual(cursorContext(text, offset, memo), cursorContext(text, offset));
            if (before > 0) resumed++;
          }
        },
      ),
      { seed: seedFromEnv(TEST_SEED), numRuns: runsFromEnv(150) },
    );
    assert.ok(resumed > 100, `saved states were used only ${resumed} times`);
  });
});
