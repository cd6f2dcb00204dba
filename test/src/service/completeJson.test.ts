import * as assert from 'node:assert/strict';
import { completeJson } from '../../../server/out/service/language/complete';
import { nth } from '../helpers/nth';

const knowledge = {
  entities: [
    { kind: 'role' as const, id: 'adapter', name: 'Adapter' },
    { kind: 'role' as const, id: 'physicist', name: 'Physicist' },
  ],
};

/** Completions at the `|` in `text`. */
function at(textWithCursor: string) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  return completeJson(text, offset, knowledge as never);
}

describe('JSON completion (service)', () => {
  it('offers the top-level keys not yet written, each with the start of its value', () => {
    const items = at('{"format": "role-protocol/1", |}');
    assert.ok(!items.some((i) => i.label === 'format'));
    assert.equal(items.find((i) => i.label === 'roles')!.insertText, '"roles": [{$0}]');
    assert.equal(items.find((i) => i.label === 'document')!.insertText, '"document": {$0}');
  });

  it('replaces a half-typed key with its quotes', () => {
    const items = at('{"format": "role-protocol/1", "ro|"}');
    const roles = items.find((i) => i.label === 'roles')!;
    assert.deepEqual([roles.start, roles.end], [30, 34]);
  });

  it('writes vocabulary as JSON: numbers bare, text quoted', () => {
    const bands = at('{"roles": [{"id": "a", "minBand": |}]}');
    assert.deepEqual(bands.map((i) => i.insertText).slice(5, 8), ['7', '"8a"', '"8b"']);
    const choice = at('{"roles": [{"id": "a", |}]}').find((i) => i.label === 'careerLevel')!;
    assert.equal(choice.insertText, '"careerLevel": ${1|"assistant practitioner","practitioner","enhanced","advanced","consultant"|}');
  });

  it('offers ids in a list of references, leaving out those listed', () => {
    const items = at('{"workflow": [{"id": "s", "performs": ["adapter", |]}]}');
    assert.deepEqual(
      items.map((i) => i.insertText),
      ['"physicist"'],
    );
  });

  it('offers nothing where no value can start: after a value with no comma, or outside any object', () => {
    assert.deepEqual(at('{"roles": [{"id": "a" |}]}'), []);
    assert.deepEqual(at('|'), []);
    assert.deepEqual(at('{"a": [1, 2] |'), []);
  });
});

describe('JSON completion (service), the cases a review found', () => {
  it('matches what the editor filters on: a string typed from its quote is matched with its quote', () => {
    const items = at('{"roles": [{"id": "a", "careerLevel": "pra|"}]}');
    assert.equal(items.find((i) => i.label === 'practitioner')!.filterText, '"practitioner"');
    assert.equal(nth(at('{"roles": [{"id": "a", "minBand": |}]}'), 0).filterText, undefined);
  });

  it('ends a string left open on an earlier line at that line: later places are read as they are', () => {
    const items = at('{"roles": [{"id": "a", "careerLevel": "pra\n}, {"id": "b", "|"}]}');
    assert.ok(
      items.some((i) => i.label === 'title'),
      items.map((i) => i.label).join(', '),
    );
    for (const i of items) assert.ok(i.start >= 59 - 1, `range ${i.start}-${i.end} reaches back over lines`);
  });

  it('replaces only the key of an existing key, keeping its value', () => {
    const item = at('{"roles": [{"id": "a", "careerLev|": "advanced"}]}').find((i) => i.label === 'careerLevel')!;
    assert.equal(item.insertText, '"careerLevel"');
  });

  it('offers nothing right after a key or a value that still needs its colon or comma', () => {
    assert.deepEqual(at('{"roles": [{"id": "a", "shortName" |}]}'), []);
    assert.deepEqual(at('{"roles": [{"id": "a", "careerLevel": "advanced"\n  pr|}]}'), []);
  });

  it('leaves out the ids already listed in a list at the end of the text', () => {
    assert.deepEqual(
      at('{"workflow": [{"id": "s", "performs": ["adapter", |').map((i) => i.insertText),
      ['"physicist"'],
    );
  });
});
