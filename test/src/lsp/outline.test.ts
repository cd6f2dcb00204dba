import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { at, SAMPLES, TestClient } from './client';

/** The outline over LSP while a document does not parse (issue 16): never the empty one. */
describe('lsp: the outline of a document that does not parse', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start({ diagnostics: 'pull', initializationOptions: { roleProtocols: { diagnostics: { debounceMs: 0 } } } });
  });
  after(() => client.stop());

  const symbols = (uri: string) => client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  const shape = (found: DocumentSymbol[]) => found.map((s) => `${s.name}(${s.children?.length ?? 0})`);

  it('opened broken: the sections and ids before the slip', async () => {
    const uri = await client.open(path.join(SAMPLES, 'broken', 'syntax.roles.yaml'));
    const found = await symbols(uri);
    assert.deepEqual(shape(found), ['Sites(1)', 'Roles(3)']);
    const physicist = found[1]!.children![2]!;
    assert.equal(physicist.name, 'physicist');
    assert.equal(at(physicist.selectionRange), '56:9-56:18');
  });

  it('broken by an edit: every entry the edit left whole, from the last text that parsed, until it is mended', async () => {
    const file = path.join(SAMPLES, 'reference-department.roles.yaml');
    const uri = await client.open(file.replace(/\.roles\.yaml$/, '-outline.roles.yaml'), fs.readFileSync(file, 'utf8'));
    const clean = await symbols(uri);
    assert.deepEqual(shape(clean), ['Sites(3)', 'Roles(4)', 'Workflow(10)', 'Skills(5)', 'Methods(5)', 'Records(6)', 'Training(5)']);
    await client.pull(uri);
    // A list opened in the workflow and never closed: nothing after it parses.
    await client.edit(uri, 'approves: [advanced-adapter]', 'approves: [advanced-adapter', 'id: oar-approval');
    const diagnostics = await client.pull(uri);
    assert.ok(diagnostics.some((d) => d.code === 'syntax'));
    const broken = await symbols(uri);
    assert.deepEqual(shape(broken), shape(clean));
    // Placed where they were: the edit took one character away, before the training rows.
    const lastRow = (s: DocumentSymbol[]) => s[6]!.children![4]!;
    assert.equal(at(lastRow(broken).selectionRange), at(lastRow(clean).selectionRange));
    // An id then edited into a slip of its own drops out; the rest stay.
    await client.edit(uri, 'id: physicist', 'id: physi[cist');
    assert.deepEqual(shape(await symbols(uri)), ['Sites(3)', 'Roles(3)', 'Workflow(10)', 'Skills(5)', 'Methods(5)', 'Records(6)', 'Training(5)']);
    await client.edit(uri, 'id: physi[cist', 'id: physicist');
    await client.edit(uri, 'approves: [advanced-adapter', 'approves: [advanced-adapter]', 'id: oar-approval');
    assert.deepEqual(shape(await symbols(uri)), shape(clean));
  });
});
