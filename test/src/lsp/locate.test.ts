import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Range } from 'vscode-languageserver-protocol/node';
import { parseDocument } from '../../../server/out/service/parse/parseDocument';
import { sourceSpan } from '../../../server/out/service/tables/sourceRange';
import { SAMPLES, TestClient, uriOf } from './client';
import { nth } from '../helpers/nth';

const REFERENCE = path.join(SAMPLES, 'reference-department.roles.yaml');
const PROSTATE = path.join(SAMPLES, 'shared-catalogue/prostate.roles.yaml');
const CATALOGUE = path.join(SAMPLES, 'shared-catalogue/department.catalogue.yaml');

/** The text a span covers. */
function spanText(text: string, pathTo: (string | number)[]): string {
  const { start, end } = sourceSpan(parseDocument(text, 'yaml').root, pathTo);
  return text.slice(start, end);
}

/** 1-based `line:col-line:col` of an LSP range. */
const at = (r: Range) => `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;

describe('tables: sourceSpan (a cell’s source path to the text to select)', () => {
  const text = [
    'training:',
    '  - skill: oar-outlining',
    '    roles: [adapter, physicist]',
    '    methods:',
    '      - proknow',
    '    records:',
    '  - id: x',
    '    skill: y',
    '',
  ].join('\n');

  it('selects a scalar, a whole list, a whole list entry', () => {
    assert.equal(spanText(text, ['training', 0, 'skill']), 'oar-outlining');
    assert.equal(spanText(text, ['training', 0, 'roles', 1]), 'physicist');
    assert.equal(spanText(text, ['training', 0, 'roles']), '[adapter, physicist]');
    assert.equal(spanText(text, ['training', 0, 'methods']), '- proknow');
    assert.equal(spanText(text, ['training', 1]), 'id: x\n    skill: y');
  });

  it('selects the key of a value left empty, and the deepest existing part of a path past the text', () => {
    assert.equal(spanText(text, ['training', 0, 'records']), 'records');
    assert.equal(spanText(text, ['training', 0, 'signOff']), 'skill');
    assert.equal(spanText(text, ['training', 0, 'roles', 5]), 'roles');
    assert.equal(spanText(text, ['training', 7]), 'training');
    assert.equal(spanText(text, ['workflow', 0]), 'training');
  });

  it('never fails on a document that did not parse', () => {
    assert.deepEqual(sourceSpan(undefined, ['training', 0]), { start: 0, end: 0 });
  });
});

describe('lsp: roleProtocols/locate and Word over roleProtocols/tables', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ initializationOptions: { roleProtocols: { diagnostics: { debounceMs: 0 } } } });
  });
  after(() => client.stop());

  it('places a cell’s source in the open document', async () => {
    const uri = await client.open(REFERENCE);
    const found = await client.request<{ uri: string; range: Range } | null>('roleProtocols/locate', { uri, path: ['training', 0, 'skill'] });
    assert.equal(found?.uri, uri);
    assert.equal(at(found!.range), '247:12-247:25');
    assert.equal(nth(fs.readFileSync(REFERENCE, 'utf8').split('\n'), 246).slice(11, 24), 'oar-outlining');
  });

  it('places a catalogue cell in the catalogue the document includes, and nowhere else', async () => {
    const uri = await client.open(PROSTATE);
    const data = await client.request<{ id: string; rows: { text: string; source?: (string | number)[]; sourceFile?: string }[][] }[]>('roleProtocols/tables', {
      uri,
      tables: ['roles'],
      format: 'data',
    });
    const physicist = nth(
      nth(data, 0).rows.find((row) => nth(row, 0).text === 'Physicist')!,
      0,
    );
    assert.equal(physicist.sourceFile && path.resolve(physicist.sourceFile), fs.realpathSync(CATALOGUE));
    const found = await client.request<{ uri: string; range: Range } | null>('roleProtocols/locate', {
      uri,
      path: physicist.source,
      file: physicist.sourceFile,
    });
    assert.equal(found?.uri, uriOf(fs.realpathSync(CATALOGUE)));
    const line = nth(fs.readFileSync(CATALOGUE, 'utf8').split('\n'), found!.range.start.line);
    assert.equal(line.slice(found!.range.start.character, found!.range.end.character), 'Physicist');
    // A file the document does not include is not read.
    assert.equal(await client.request('roleProtocols/locate', { uri, path: ['roles', 0], file: REFERENCE }), null);
    await assert.rejects(client.request('roleProtocols/locate', { uri, path: 'roles/0' }), /needs the `uri` of a document and a `path`/);
  });

  it('sends Word base64-encoded when asked, and refuses it as text', async () => {
    const uri = await client.open(REFERENCE);
    const base64 = await client.request<string>('roleProtocols/tables', { uri, tables: ['training'], format: 'docx', encoding: 'base64' });
    const bytes = Buffer.from(base64, 'base64');
    assert.deepEqual([...bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
    assert.ok(bytes.includes('word/document.xml'));
    await assert.rejects(client.request('roleProtocols/tables', { uri, format: 'docx' }), /gives bytes; ask with `encoding: 'base64'`/);
    const html = await client.request<string>('roleProtocols/tables', { uri, tables: ['training'], format: 'html' });
    assert.match(html, /<td>ProKnow Contouring Tool<\/td>/);
  });
});
