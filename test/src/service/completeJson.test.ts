import * as assert from 'node:assert/strict';
import { completeJson } from '../../../server/out/service/language/complete';

const knowledge = { entities: [{ kind: 'role' as const, id: 'adapter', name: 'Adapter' }, { kind: 'role' as const, id: 'physicist', name: 'Physicist' }] };

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
    assert.deepEqual(items.map((i) => i.insertText), ['"physicist"']);
  });

  it('offers nothing where no value can start: after a value with no comma, or outside any object', () => {
    assert.deepEqual(at('{"roles": [{"id": "a" |}]}'), []);
    assert.deepEqual(at('|'), []);
    assert.deepEqual(at('{"a": [1, 2] |'), []);
  });
});
