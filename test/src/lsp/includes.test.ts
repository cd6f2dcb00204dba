import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CompletionList, Hover, Location, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { load } from 'js-yaml';
import { applyEdits, at, FIXTURES, SAMPLES, TestClient, uriOf } from './client';
import { nth } from '../helpers/nth';

const SHARED = path.join(SAMPLES, 'shared-catalogue');

/** A scratch workspace holding a copy of samples/shared-catalogue, so tests can change files on disk. */
function scratchWorkspace(): { dir: string; protocol: string; catalogue: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-lsp-includes-'));
  for (const name of fs.readdirSync(SHARED)) fs.copyFileSync(path.join(SHARED, name), path.join(dir, name));
  return {
    dir: fs.realpathSync(dir),
    protocol: path.join(fs.realpathSync(dir), 'prostate.roles.yaml'),
    catalogue: path.join(fs.realpathSync(dir), 'department.catalogue.yaml'),
  };
}

const codes = (diagnostics: { code?: unknown; range: { start: { line: number } } }[]) => diagnostics.map((d) => `${String(d.code)}@${d.range.start.line + 1}`);

describe('lsp: includes', () => {
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

  it('resolves ids from the catalogue: clean diagnostics, definition into the catalogue file, hover and completion', async () => {
    const uri = await client.open(ws.protocol);
    assert.deepEqual(await client.pushed(uri), []);
    const definition = await client.request<Location[]>('textDocument/definition', {
      textDocument: { uri },
      position: client.at(uri, 'advanced-adapter', 3, 'id: target-edit'),
    });
    assert.deepEqual(definition, [{ uri: uriOf(ws.catalogue), range: { start: { line: 20, character: 8 }, end: { line: 20, character: 24 } } }]);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: client.at(uri, 'physicist', 3, 'agrees: [') });
    assert.match(
      (hover.contents as { value: string }).value,
      /^\*\*Physicist\*\* \(role `physicist`\)\n\nStaff group: clinical scientist · Band: 7 or above · Career level: advanced · IR\(ME\)R: MPE, operator/,
    );
    assert.equal(at(hover.range!), '51:14-51:23');
    await client.change(uri, client.texts.get(uri)!.replace('    agrees: [physicist]', '    agrees: [physicist, ]'));
    const completion = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: client.at(uri, 'agrees: [physicist, ]', 20),
    });
    assert.deepEqual(
      completion.items.map((i) => [i.label, i.detail, (i.documentation as { value: string }).value]),
      [
        ['adapter', 'Adapter', 'Role **Adapter** (from `department.catalogue.yaml`)'],
        ['advanced-adapter', 'Advanced Adapter', 'Role **Advanced Adapter** (from `department.catalogue.yaml`)'],
        ['clinical-oncologist', 'Clinical Oncologist', 'Role **Clinical Oncologist** (from `department.catalogue.yaml`)'],
      ],
    );
  });

  it('offers a catalogue only the sections a catalogue may have', async () => {
    // Without its document block (written at the end), so that every section a catalogue may have is still to offer.
    const text = fs.readFileSync(ws.catalogue, 'utf8').replace(/\n# Document control[\s\S]*$/, '\n');
    assert.ok(!text.includes('\ndocument:'));
    const catalogue = await client.open(ws.catalogue, text.replace('\nroles:\n', '\n\n\nroles:\n'));
    const completion = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri: catalogue },
      position: client.at(catalogue, '\n\n\nroles:', 2),
    });
    assert.deepEqual(
      completion.items.map((i) => i.label),
      ['document', 'service', 'sites', 'includes'],
    );
  });

  it('re-checks the including document when the open catalogue is edited', async () => {
    const protocol = await client.open(ws.protocol);
    assert.deepEqual(await client.pushed(protocol), []);
    const catalogue = await client.open(ws.catalogue);
    await client.pushed(catalogue);
    const count = client.pushCount(protocol);
    await client.edit(catalogue, '  - id: physicist', '  - id: medical-physicist');
    assert.deepEqual(codes(await client.pushedAfter(protocol, count)), [
      'unknown-reference@51',
      'unknown-reference@57',
      'unknown-reference@75',
      'unknown-reference@84',
      'unknown-reference@92',
    ]);
    await client.edit(catalogue, '  - id: medical-physicist', '  - id: physicist');
    assert.deepEqual(await client.pushedAfter(protocol, count + 1), []);
    // Closing the catalogue goes back to the file on disk, which never changed.
    await client.edit(catalogue, '  - id: physicist', '  - id: mpe');
    assert.equal((await client.pushedAfter(protocol, count + 2)).length, 5);
    await client.close(catalogue);
    assert.deepEqual(await client.pushedAfter(protocol, count + 3), []);
  });

  it('re-checks the including document when an unopened catalogue changes on disk (didChangeWatchedFiles)', async () => {
    const protocol = await client.open(ws.protocol);
    assert.deepEqual(await client.pushed(protocol), []);
    const count = client.pushCount(protocol);
    fs.writeFileSync(ws.catalogue, fs.readFileSync(ws.catalogue, 'utf8').replace('  - id: target-outlining\n', '  - id: target-outline\n'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(ws.catalogue), type: 2 }] });
    const diagnostics = await client.pushedAfter(protocol, count);
    assert.deepEqual(codes(diagnostics), ['unknown-reference@46', 'unknown-reference@77']);
    assert.equal(String(nth(diagnostics, 0).message), 'No skill has the id `target-outlining`. Did you mean `target-outline`?');
    // The file goes away: the include itself is the finding.
    fs.rmSync(ws.catalogue);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(ws.catalogue), type: 3 }] });
    const missing = await client.pushedAfter(protocol, count + 1);
    const include = missing.find((d) => d.code === 'unresolved-include')!;
    assert.equal(at(include.range), '6:5-6:30');
  });

  it('asks a pull client to refresh when a catalogue changes', async () => {
    const pull = await TestClient.start({ folders: [ws.dir], diagnostics: 'pull' });
    try {
      const protocol = await pull.open(ws.protocol);
      assert.deepEqual(await pull.pull(protocol), []);
      const catalogue = await pull.open(ws.catalogue);
      await pull.edit(catalogue, '  - id: adapter', '  - id: radiographer');
      await pull.until('workspace/diagnostic/refresh', () => (pull.refreshRequests > 0 ? true : undefined));
      assert.deepEqual(codes(await pull.pull(protocol)).slice(0, 2), ['unknown-reference@33', 'unknown-reference@38']);
    } finally {
      await pull.stop();
    }
  });

  it('renames a catalogue role from the protocol, in both files', async () => {
    const protocol = await client.open(ws.protocol);
    await client.pushed(protocol);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: protocol },
      position: client.at(protocol, 'physicist', 3, 'agrees: ['),
      newName: 'medical-physicist',
    });
    const changes = edit.documentChanges as TextDocumentEdit[];
    assert.deepEqual(
      changes.map((c) => [path.basename(c.textDocument.uri), c.textDocument.version, c.edits.length]),
      [
        ['prostate.roles.yaml', 1, 5],
        ['department.catalogue.yaml', null, 1],
      ],
    );
    assert.deepEqual(nth(changes, 1).edits, [{ range: { start: { line: 33, character: 8 }, end: { line: 33, character: 17 } }, newText: 'medical-physicist' }]);
    // Both files renamed, the protocol is still clean.
    fs.writeFileSync(ws.catalogue, applyEdits(fs.readFileSync(ws.catalogue, 'utf8'), nth(changes, 1).edits as TextEdit[]));
    await client.change(protocol, applyEdits(client.texts.get(protocol)!, nth(changes, 0).edits as TextEdit[]));
    assert.deepEqual(await client.pushed(protocol), []);
    await assert.rejects(
      client.request('textDocument/rename', {
        textDocument: { uri: protocol },
        position: client.at(protocol, 'medical-physicist', 3, 'agrees: ['),
        newName: 'clinical-oncologist',
      }),
      /A role with the id `clinical-oncologist` already exists/,
    );
  });

  it('renames and finds references from the catalogue into the open protocols that include it', async () => {
    const protocol = await client.open(ws.protocol);
    await client.pushed(protocol);
    const catalogue = await client.open(ws.catalogue);
    await client.pushed(catalogue);
    const position = client.at(catalogue, 'plan-selection', 3, '  - id: plan-selection');
    const references = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: catalogue },
      position,
      context: { includeDeclaration: true },
    });
    assert.deepEqual(
      references.map((l) => `${path.basename(l.uri)}@${at(l.range)}`),
      ['department.catalogue.yaml@65:9-65:23', 'prostate.roles.yaml@52:14-52:28', 'prostate.roles.yaml@83:12-83:26'],
    );
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: catalogue }, position, newName: 'plan-choice' });
    assert.deepEqual(
      (edit.documentChanges as TextDocumentEdit[]).map(
        (c) => `${path.basename(c.textDocument.uri)} v${c.textDocument.version}: ${c.edits.map((e) => at(e.range)).join(', ')}`,
      ),
      ['department.catalogue.yaml v1: 65:9-65:23', 'prostate.roles.yaml v1: 52:14-52:28, 83:12-83:26'],
    );
  });

  it('renames and finds references from the catalogue into protocols on disk that are not open', async () => {
    // A second protocol including the catalogue, the first again as minified JSON, and a plain YAML file to be left alone.
    fs.copyFileSync(ws.protocol, path.join(ws.dir, 'second.roles.yaml'));
    fs.writeFileSync(path.join(ws.dir, 'minified.roles.json'), JSON.stringify(load(fs.readFileSync(ws.protocol, 'utf8'))));
    fs.writeFileSync(path.join(ws.dir, 'notes.yaml'), 'plan-selection: not a protocol\n');
    const catalogue = await client.open(ws.catalogue);
    await client.pushed(catalogue);
    const position = client.at(catalogue, 'plan-selection', 3, '  - id: plan-selection');
    const references = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: catalogue },
      position,
      context: { includeDeclaration: true },
    });
    assert.deepEqual(
      references
        .map((l) => `${path.basename(l.uri)}@${at(l.range)}`)
        .filter((r) => !r.startsWith('minified'))
        .sort(),
      [
        'department.catalogue.yaml@65:9-65:23',
        'prostate.roles.yaml@52:14-52:28',
        'prostate.roles.yaml@83:12-83:26',
        'second.roles.yaml@52:14-52:28',
        'second.roles.yaml@83:12-83:26',
      ],
    );
    assert.equal(references.filter((l) => path.basename(l.uri) === 'minified.roles.json').length, 2, 'minified JSON on one line is found too');
    fs.rmSync(path.join(ws.dir, 'minified.roles.json'));
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: catalogue }, position, newName: 'plan-choice' });
    assert.deepEqual(
      (edit.documentChanges as TextDocumentEdit[])
        .map((c) => `${path.basename(c.textDocument.uri)} v${c.textDocument.version}: ${c.edits.map((e) => at(e.range)).join(', ')}`)
        .sort(),
      ['department.catalogue.yaml v1: 65:9-65:23', 'prostate.roles.yaml vnull: 52:14-52:28, 83:12-83:26', 'second.roles.yaml vnull: 52:14-52:28, 83:12-83:26'],
    );
    // The edits applied as an editor would (the open catalogue in the editor, the others on disk) leave every protocol clean.
    for (const change of edit.documentChanges as TextDocumentEdit[]) {
      const uri = change.textDocument.uri;
      if (change.textDocument.version !== null) await client.change(uri, applyEdits(client.texts.get(uri)!, change.edits as TextEdit[]));
      else fs.writeFileSync(new URL(uri), applyEdits(fs.readFileSync(new URL(uri), 'utf8'), change.edits as TextEdit[]));
    }
    const second = await client.open(path.join(ws.dir, 'second.roles.yaml'));
    assert.deepEqual(codes(await client.pushed(second)), []);
  });

  it('reports a missing include on its line, and an include outside the workspace', async () => {
    const dir = path.join(ws.dir, 'site');
    fs.mkdirSync(dir);
    const file = path.join(dir, 'missing.roles.yaml');
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-lsp-outside-'));
    try {
      fs.writeFileSync(path.join(outside, 'shared.catalogue.yaml'), 'format: role-catalogue/1\n');
      const relative = path.relative(dir, path.join(outside, 'shared.catalogue.yaml'));
      const uri = await client.open(
        file,
        fs
          .readFileSync(path.join(FIXTURES, 'includes/missing.roles.yaml'), 'utf8')
          .replace('  - department.catalogue.yaml\n', `  - ../department.catalogue.yaml\n  - ${relative}\n`),
      );
      const includes = (await client.pushed(uri)).filter((d) => d.code === 'unresolved-include');
      assert.deepEqual(
        includes.map((d) => at(d.range)),
        [`4:5-4:${5 + relative.length}`, '5:5-5:27'],
      );
      assert.equal(
        String(nth(includes, 0).message),
        `Cannot include \`${relative}\`: it is outside the workspace, so it is not read; copy the catalogue into the workspace.`,
      );
      assert.match(String(nth(includes, 1).message), /^Cannot include `missing\.catalogue\.yaml`: no such file \(looked in .*site\)\.$/);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('finds an include along roleProtocols.includePath', async () => {
    const dir = path.join(ws.dir, 'site');
    fs.mkdirSync(dir);
    const file = path.join(dir, 'site.roles.yaml');
    const text = fs.readFileSync(ws.protocol, 'utf8');
    const settings = await TestClient.start({
      folders: [ws.dir],
      initializationOptions: { roleProtocols: { includePath: ['.'], diagnostics: { debounceMs: 0 } } },
    });
    try {
      // department.catalogue.yaml is not beside site/site.roles.yaml, but the workspace folder is on the search path.
      const uri = await settings.open(file, text);
      assert.deepEqual(await settings.pushed(uri), []);
      const without = await client.open(file, text);
      assert.deepEqual(codes((await client.pushed(without)).filter((d) => d.code === 'unresolved-include')), ['unresolved-include@6']);
    } finally {
      await settings.stop();
    }
  });

  it('reports a circular include on the include line', async () => {
    const folder = path.join(FIXTURES, 'includes/circular');
    const circular = await TestClient.start({ folders: [folder], initializationOptions: { roleProtocols: { diagnostics: { debounceMs: 0 } } } });
    try {
      const uri = await circular.open(path.join(folder, 'loop.roles.yaml'));
      const include = nth(
        (await circular.pushed(uri)).filter((d) => d.code === 'unresolved-include'),
        0,
      );
      assert.equal(at(include.range), '3:5-3:21');
      assert.equal(
        String(include.message),
        'Circular include: `a.catalogue.yaml` → `b.catalogue.yaml` → `a.catalogue.yaml`. A catalogue must not include, directly or not, a file that includes it.',
      );
    } finally {
      await circular.stop();
    }
  });
});
