import * as assert from 'node:assert/strict';
import { parseDocument } from '../../../server/out/service/parse/parseDocument';
import { locate, nodeAtOffset } from '../../../server/out/service/parse/tree';
import { lint, at } from '../helpers/ruleTester';
import { protocolText } from '../helpers/protocolText';
import { nth } from '../helpers/nth';

/** 1-based [line, column] of a finding's start and end. */
const where = (f: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }) => [
  f.range.start.line + 1,
  f.range.start.character + 1,
  f.range.end.line + 1,
  f.range.end.character + 1,
];

describe('positioned parsing', () => {
  it('gives every key and value its exact range, quotes included', () => {
    const text = 'format: role-protocol/1\ndocument:\n  version: "1.2"\n  title: \'A\'\nroles: [a, b]\n';
    const { root } = parseDocument(text, 'yaml');
    assert.ok(root);
    const version = locate(root, ['document', 'version']).found;
    assert.equal(version.node.kind, 'scalar');
    assert.equal(text.slice(version.node.start, version.node.end), '"1.2"');
    assert.equal(text.slice(version.key!.start, version.key!.end), 'version');
    const title = locate(root, ['document', 'title']).found.node;
    assert.equal(text.slice(title.start, title.end), "'A'");
    const roles = locate(root, ['roles']).found.node;
    assert.equal(text.slice(roles.start, roles.end), '[a, b]');
    const document = locate(root, ['document']).found.node;
    assert.equal(text.slice(document.start, document.end), 'version: "1.2"\n  title: \'A\'');
  });

  it('resolves plain scalars as YAML 1.2 core: numbers, booleans, null; dates stay text', () => {
    const { root } = parseDocument('a: 7\nb: 8a\nc: true\nd:\ne: 2026-03-01\nf: "7"\n', 'yaml');
    assert.ok(root && root.kind === 'mapping');
    assert.deepEqual(
      root.pairs.map((p) => (p.value.kind === 'scalar' ? p.value.value : undefined)),
      [7, '8a', true, null, '2026-03-01', '7'],
    );
  });

  it('places an empty value right after its key', () => {
    const text = 'a:\nb: 1\n';
    const { root } = parseDocument(text, 'yaml');
    const a = locate(root!, ['a']).found.node;
    assert.equal(a.kind === 'scalar' && a.empty, true);
    assert.equal(a.start, 2);
  });

  it('finds the node under an offset, with its path', () => {
    const text = protocolText();
    const { root } = parseDocument(text, 'yaml');
    const offset = text.indexOf('approves: [physicist]') + 'approves: ['.length + 2;
    const hit = nodeAtOffset(root!, offset);
    assert.deepEqual(hit.path, ['workflow', 1, 'approves', 0]);
    assert.equal(hit.onKey, false);
  });

  it('handles CRLF line ends with correct columns', () => {
    const text = protocolText().replace(/\n/g, '\r\n').replace('minBand: 6', 'minBand: 1');
    const finding = nth(
      lint(text).filter((f) => f.ruleId === 'schema'),
      0,
    );
    const { line, column } = at(protocolText(), 'minBand: 6');
    assert.deepEqual(where(finding), [line, column + 'minBand: '.length, line, column + 'minBand: 1'.length]);
  });
});

describe('syntax findings', () => {
  const cases: { name: string; text: string; fileName?: string; expected: [number, number]; message: RegExp }[] = [
    {
      name: 'bad indentation',
      text: 'format: role-protocol/1\ndocument:\n  id: a\n   title: b\n',
      expected: [4, 9],
      message: /^Bad indentation of a mapping entry\.$/,
    },
    {
      name: 'a key of a list entry indented less than the keys above it (not "a sequence entry")',
      text: 'format: role-protocol/1\nroles:\n  - id: b\n    title: B\n   staffGroups: [dosimetrist]\n',
      expected: [5, 4],
      message: /^`staffGroups` is indented 3 spaces, but the keys of the list entry above it are indented 4; line it up with them\.$/,
    },
    {
      name: 'a missing colon, on the line that lacks it',
      text: 'format: role-protocol/1\nroles\n  - id: a\n',
      expected: [2, 1],
      message: /^`roles` has no `:` after it\. A key needs a colon \(`roles: …`\), or this line is indented wrongly\.$/,
    },
    {
      name: 'a missing colon inside a list entry',
      text: 'roles:\n  - id: a\n    title Adapter\n    staffGroups: []\n',
      expected: [3, 5],
      message: /^`title Adapter` has no `:`/,
    },
    {
      name: 'an unclosed flow list, on its bracket',
      text: 'format: role-protocol/1\nroles: [a, b\nskills: []\n',
      expected: [2, 8],
      message: /^This list is never closed: add `\]`\.$/,
    },
    {
      name: 'an unterminated quote, on the quote',
      text: 'format: role-protocol/1\ndocument:\n  title: "abc\n',
      expected: [3, 10],
      message: /^This quoted text is never closed: add the closing double quote\.$/,
    },
    {
      name: 'JSON with a trailing comma',
      fileName: 'x.roles.json',
      text: '{\n  "format": "role-protocol/1",\n}\n',
      expected: [2, 30],
      message: /^Invalid JSON: trailing comma\. JSON allows no comma after the last item of a list or object; remove it\.$/,
    },
    {
      name: 'JSON with a trailing comma in a list, not a comma inside a string',
      fileName: 'x.roles.json',
      text: '{\n  "roles": [\n    {"id": "a,]"},\n  ]\n}\n',
      expected: [3, 18],
      message: /^Invalid JSON: trailing comma\./,
    },
    {
      name: 'JSON with a missing comma',
      fileName: 'x.roles.json',
      text: '{\n  "format": "role-protocol/1"\n  "roles": []\n}\n',
      expected: [3, 3],
      message: /^Invalid JSON: /,
    },
  ];
  for (const c of cases) {
    it(`reports ${c.name} at the exact position`, () => {
      const findings = lint(c.text, { fileName: c.fileName ?? 'x.roles.yaml' });
      const syntax = findings.filter((f) => f.ruleId === 'syntax');
      assert.equal(syntax.length, 1, JSON.stringify(findings));
      assert.deepEqual(where(nth(syntax, 0)).slice(0, 2), c.expected, nth(syntax, 0).message);
      assert.match(nth(syntax, 0).message, c.message);
      assert.equal(nth(syntax, 0).severity, 'error');
    });
  }

  it('reports a key written twice on the second key', () => {
    const text = 'format: role-protocol/1\nformat: role-protocol/1\n';
    const dup = nth(
      lint(text).filter((f) => f.ruleId === 'duplicate-key'),
      0,
    );
    assert.deepEqual(where(dup), [2, 1, 2, 7]);
  });

  it('reports a second YAML document at its marker', () => {
    const text = protocolText() + '---\nformat: role-protocol/1\n';
    const second = nth(
      lint(text).filter((f) => f.ruleId === 'syntax'),
      0,
    );
    assert.match(second.message, /one YAML document/);
    assert.equal(second.range.start.line + 1, text.split('\n').length - 2);
  });
});
