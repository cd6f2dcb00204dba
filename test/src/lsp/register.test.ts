import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CompletionList, DocumentSymbol, Hover, Location, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { at, SAMPLES, TestClient, uriOf } from './client';

/** A scratch workspace with the reference protocol and its register, so tests can change files on disk. */
function scratchWorkspace(): { dir: string; protocol: string; register: string } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rp-lsp-register-')));
  for (const name of ['reference-department.roles.yaml', 'reference-department.register.yaml']) fs.copyFileSync(path.join(SAMPLES, name), path.join(dir, name));
  return { dir, protocol: path.join(dir, 'reference-department.roles.yaml'), register: path.join(dir, 'reference-department.register.yaml') };
}

const codes = (diagnostics: { code?: unknown; range: { start: { line: number } } }[]) => diagnostics.map((d) => `${String(d.code)}@${d.range.start.line + 1}`);

describe('lsp: a register of people beside its protocol', () => {
  let client: TestClient;
  let ws: ReturnType<typeof scratchWorkspace>;

  beforeEach(async () => {
    ws = scratchWorkspace();
    client = await TestClient.start({ folders: [ws.dir], initializationOptions: { roleProtocols: { diagnostics: { debounceMs: 0 } } } });
  });
  afterEach(async () => {
    await client.stop();
    fs.rmSync(ws.dir, { recursive: true, force: true });
  });

  it('checks the register against its protocol: the findings its comments claim', async () => {
    const uri = await client.open(ws.register);
    assert.deepEqual(codes(await client.pushed(uri)), ['reassessment-due@323', 'reassessment-overdue@525', 'reassessment-due@531']);
  });

  it('re-checks the open register when the open protocol changes what a role needs, and again when it is changed back', async () => {
    const register = await client.open(ws.register);
    await client.pushed(register);
    const protocol = await client.open(ws.protocol);
    await client.pushed(protocol);
    const before = client.pushCount(register);
    // Mobius approval reassessed every 24 months: D05's training (2025-10-01) is no longer overdue.
    const text = client.texts.get(protocol)!;
    const at24 = text.replace(/(signOff: physicist\n {4}reassessEveryMonths: )12/, '$124');
    assert.notEqual(at24, text);
    await client.change(protocol, at24);
    assert.deepEqual(codes(await client.pushedAfter(register, before)), ['reassessment-due@323', 'reassessment-due@531']);
    const again = client.pushCount(register);
    await client.change(protocol, text);
    assert.deepEqual(codes(await client.pushedAfter(register, again)), ['reassessment-due@323', 'reassessment-overdue@525', 'reassessment-due@531']);
  });

  it('re-checks the open register when its protocol changes on disk', async () => {
    const register = await client.open(ws.register);
    await client.pushed(register);
    const before = client.pushCount(register);
    fs.writeFileSync(ws.protocol, fs.readFileSync(ws.protocol, 'utf8').replace('  - id: advanced-adapter\n', '  - id: senior-adapter\n'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(ws.protocol), type: 2 }] });
    const diagnostics = await client.pushedAfter(register, before);
    assert.ok(
      diagnostics.some((d) => d.code === 'unknown-reference' && /No role has the id `advanced-adapter`/.test(String(d.message))),
      codes(diagnostics).join(', '),
    );
  });

  it('hovers a person with their entitlements and where their training stands today', async () => {
    const uri = await client.open(ws.register);
    await client.pushed(uri);
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: client.at(uri, 'R04', 1, 'entitlements:') });
    const value = (h.contents as { value: string }).value;
    assert.match(value, /^\*\*`R04`\*\* \(therapeutic radiographer, band 6\)/);
    assert.match(value, /Training on 2026\\-11\\-26:\n- OAR outlining: \*\*Due soon\*\* \(completed 2025\\-12\\-10, due 2026\\-12\\-10\)/);
  });

  it("completes the protocol's roles and the register's people", async () => {
    const uri = await client.open(ws.register);
    await client.pushed(uri);
    await client.change(uri, client.texts.get(uri)!.replace('  - person: R01\n    role: adapter\n', '  - person: R01\n    role: \n'));
    const roles = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: client.at(uri, 'role: \n', 6) });
    assert.deepEqual(
      roles.items.map((i) => i.label),
      ['adapter', 'advanced-adapter', 'physicist', 'clinical-oncologist'],
    );
    assert.equal(roles.items.find((i) => i.label === 'advanced-adapter')?.detail, 'Advanced Adapter');
    await client.change(uri, client.texts.get(uri)!.replace('    signedOffBy: D02\n', '    signedOffBy: \n'));
    const people = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: client.at(uri, 'signedOffBy: \n', 13) });
    assert.ok(people.items.length >= 25, `${people.items.length} people offered`);
    assert.ok(people.items.some((i) => i.label === 'P01'));
  });

  it("goes from a register's role to the protocol, and finds the register's uses from the protocol when the register is not open", async () => {
    const register = await client.open(ws.register);
    await client.pushed(register);
    const definition = await client.request<Location[]>('textDocument/definition', {
      textDocument: { uri: register },
      position: client.at(register, 'physicist', 2, '  - person: P01'),
    });
    assert.deepEqual(
      definition.map((l) => `${path.basename(l.uri)}@${at(l.range)}`),
      ['reference-department.roles.yaml@93:9-93:18'],
    );
    await client.close(register);
    const protocol = await client.open(ws.protocol);
    await client.pushed(protocol);
    const references = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: protocol },
      position: client.at(protocol, 'physicist', 2, '  - id: physicist'),
      context: { includeDeclaration: false },
    });
    const inRegister = references.filter((l) => path.basename(l.uri) === 'reference-department.register.yaml');
    assert.equal(inRegister.length, 4, 'the four physicists entitled in the register');
  });

  it('renames a person everywhere in the register, and refuses an id that is not a person id', async () => {
    const uri = await client.open(ws.register);
    await client.pushed(uri);
    const position = client.at(uri, 'R02', 1, 'people:');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position, newName: '104233' });
    const changes = (edit.documentChanges as TextDocumentEdit[]).flatMap((c) => c.edits as { newText: string }[]);
    // Defined once; entitled once; two trainings; signs off R... ; supervises R10.
    assert.ok(changes.length >= 4, `${changes.length} edits`);
    assert.ok(changes.every((e) => e.newText === '104233'));
    await assert.rejects(client.request('textDocument/rename', { textDocument: { uri }, position, newName: 'R 02' }), /not a valid person id/);
  });

  it('outlines people, entitlements, training and supervision by id', async () => {
    const uri = await client.open(ws.register);
    await client.pushed(uri);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((s) => `${s.name} (${s.children?.length ?? 0})`),
      ['People (25)', 'Entitlements (24)', 'Training (52)', 'Supervision (2)'],
    );
    assert.equal(symbols[1]?.children?.[0]?.name, 'R01: adapter');
  });
});
