import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { at, FIXTURES, ROOT, SAMPLES, TestClient, uriOf } from './client';
import { protocolText } from '../helpers/protocolText';
import { nth } from '../helpers/nth';

const UNKNOWN_REFERENCE = path.join(SAMPLES, 'broken/unknown-reference.roles.yaml');
const NO_DEBOUNCE = { roleProtocols: { diagnostics: { debounceMs: 0 } } };

describe('lsp: initialize', () => {
  it('declares every feature, and pull diagnostics only to a client that pulls', async () => {
    const push = await TestClient.start({ diagnostics: 'push' });
    const pull = await TestClient.start({ diagnostics: 'pull' });
    try {
      const caps = push.initializeResult.capabilities;
      assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
      assert.deepEqual(caps.completionProvider, { triggerCharacters: [':', ' ', '-', '[', ','], resolveProvider: false });
      assert.equal(caps.hoverProvider, true);
      assert.equal(caps.definitionProvider, true);
      assert.equal(caps.referencesProvider, true);
      assert.deepEqual(caps.renameProvider, { prepareProvider: true });
      assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix'], resolveProvider: false });
      assert.ok(caps.documentSymbolProvider);
      assert.equal(caps.diagnosticProvider, undefined);
      assert.deepEqual(pull.initializeResult.capabilities.diagnosticProvider, {
        identifier: 'role-protocols',
        interFileDependencies: true,
        workspaceDiagnostics: false,
      });
      assert.equal((push.initializeResult as unknown as { serverInfo: { name: string } }).serverInfo.name, 'role-protocols');
    } finally {
      await push.stop();
      await pull.stop();
    }
  });
});

describe('lsp: push diagnostics', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ diagnostics: 'push', initializationOptions: NO_DEBOUNCE });
  });
  after(() => client.stop());

  it('pushes each finding with its exact range, rule, link, severity and fix data', async () => {
    const uri = await client.open(UNKNOWN_REFERENCE);
    const diagnostics = await client.pushed(uri);
    assert.deepEqual(diagnostics, [
      {
        range: { start: { line: 110, character: 15 }, end: { line: 110, character: 31 } },
        severity: 1,
        source: 'role-protocols',
        code: 'unknown-reference',
        codeDescription: { href: pathToFileURL(path.join(ROOT, 'docs', 'rules', 'unknown-reference.md')).href },
        message: 'No role has the id `advanced-adaptor`. Did you mean `advanced-adapter`?',
        data: { replacement: 'advanced-adapter', data: { kind: 'role', id: 'advanced-adaptor' } },
      },
    ]);
  });

  it('updates after an edit: fixing the typo clears it, a new typo is found at its place', async () => {
    const uri = uriOf(UNKNOWN_REFERENCE);
    await client.edit(uri, 'advanced-adaptor', 'advanced-adapter', 'id: dose-check');
    assert.deepEqual(await client.pushed(uri), []);
    await client.edit(uri, 'approves: [physicist]', 'approves: [physcist]', 'id: dose-check');
    const diagnostic = nth(await client.pushed(uri), 0);
    assert.equal(at(diagnostic.range), '112:16-112:24');
    assert.equal(diagnostic.message, 'No role has the id `physcist`. Did you mean `physicist`?');
  });

  it('reports a syntax error at its exact place, and recovers when it is mended', async () => {
    const uri = uriOf(UNKNOWN_REFERENCE);
    await client.edit(uri, '    name: Treatment delivery', '    name Treatment delivery');
    const diagnostics = await client.pushed(uri);
    assert.deepEqual(
      diagnostics.map((d) => `${d.code}@${at(d.range)}`),
      ['syntax@115:5-115:28'],
    );
    await client.edit(uri, '    name Treatment delivery', '    name: Treatment delivery');
    assert.equal((await client.pushed(uri)).length, 1);
  });

  it('checks a YAML file that declares the format whatever its name, and keeps it a protocol while it does not parse', async () => {
    const file = path.join(FIXTURES, 'declared.yaml');
    const uri = await client.open(file);
    const diagnostics = await client.pushed(uri);
    assert.ok(
      diagnostics.some((d) => d.code === 'schema' && at(d.range) === '6:19-6:31'),
      JSON.stringify(diagnostics),
    );
    await client.edit(uri, 'title: Adapter', 'title Adapter');
    assert.deepEqual(
      (await client.pushed(uri)).map((d) => d.code),
      ['syntax'],
    );
  });

  it('gives a plain YAML file nothing: no diagnostics, completion, hover, symbols or actions', async () => {
    const plain = await client.open(path.join(FIXTURES, 'plain.yaml'));
    // A protocol opened after it is answered; by then the plain file would have had its push.
    const protocol = await client.open(path.join(SAMPLES, 'reference-department.roles.yaml'));
    assert.deepEqual(await client.pushed(protocol), []);
    assert.equal(client.pushCount(plain), 0);
    const position = client.at(plain, 'title', 2);
    assert.equal(await client.request('textDocument/completion', { textDocument: { uri: plain }, position }), null);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: plain }, position }), null);
    assert.equal(await client.request('textDocument/definition', { textDocument: { uri: plain }, position }), null);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: plain } }), []);
    const range = { start: position, end: position };
    assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri: plain }, range, context: { diagnostics: [] } }), []);
    assert.equal(client.pushCount(plain), 0);
  });

  it('survives a garbage document and keeps answering for the others', async () => {
    const garbage = path.join(FIXTURES, 'garbage.roles.yaml');
    const texts = [
      '\u0000\u0001\uFFFF{{{[[[',
      '['.repeat(20000),
      `a: &a [*a, *a]\n${'b: *a\n'.repeat(50)}`,
      `format: role-protocol/1\nroles: ${'- '.repeat(5000)}x\n`,
      'x: "\\',
      '- - - : : :\n\t\t- ]',
    ];
    const uri = await client.open(garbage, texts[0]);
    await client.pushed(uri);
    for (const text of texts.slice(1)) {
      await client.change(uri, text);
      const diagnostics = await client.pushed(uri);
      assert.ok(Array.isArray(diagnostics));
      await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 3 } });
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    }
    const other = await client.open(path.join(FIXTURES, 'other.roles.yaml'), fs.readFileSync(UNKNOWN_REFERENCE, 'utf8'));
    assert.equal((await client.pushed(other)).length, 1);
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: other },
      position: client.at(other, 'physicist', 1, 'id: dose-check'),
    });
    assert.match(hover.contents.value, /^\*\*Physicist\*\* \(role `physicist`\)/);
  });

  it('clears the diagnostics of a document when it is closed', async () => {
    const uri = await client.open(path.join(FIXTURES, 'closing.roles.yaml'), fs.readFileSync(UNKNOWN_REFERENCE, 'utf8'));
    assert.equal((await client.pushed(uri)).length, 1);
    const count = client.pushCount(uri);
    await client.close(uri);
    assert.deepEqual(await client.pushedAfter(uri, count), []);
  });
});

describe('lsp: debounce', () => {
  it('pushes once for a burst of edits with the default 200 ms, for the last version', async () => {
    const client = await TestClient.start({ diagnostics: 'push' });
    try {
      const uri = await client.open(UNKNOWN_REFERENCE);
      assert.equal((await client.pushed(uri, 1)).length, 1);
      await client.edit(uri, 'advanced-adaptor', 'advanced-adapto', 'id: dose-check');
      await client.edit(uri, 'advanced-adapto', 'advanced-adapt', 'id: dose-check');
      const last = await client.edit(uri, 'advanced-adapt', 'advanced-adapter', 'id: dose-check');
      assert.deepEqual(await client.pushed(uri, last), []);
      assert.equal(client.pushCount(uri), 2, 'the edits in between were not checked on their own');
    } finally {
      await client.stop();
    }
  });
});

describe('lsp: pull diagnostics', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ diagnostics: 'pull' });
  });
  after(() => client.stop());

  it('answers textDocument/diagnostic and does not push', async () => {
    const uri = await client.open(UNKNOWN_REFERENCE);
    const items = await client.pull(uri);
    assert.deepEqual(
      items.map((d) => `${d.code}@${at(d.range)}`),
      ['unknown-reference@111:16-111:32'],
    );
    await client.edit(uri, 'advanced-adaptor', 'advanced-adapter', 'id: dose-check');
    assert.deepEqual(await client.pull(uri), []);
    assert.deepEqual(await client.pull(uriOf(path.join(FIXTURES, 'plain.yaml'))), []);
    assert.equal(client.pushCount(uri), 0);
  });
});

describe('lsp: settings and configuration', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-lsp-config-'));
    file = path.join(dir, 'site.roles.yaml');
    // Two governance warnings: no reassessment interval, and a pass mark missing.
    fs.writeFileSync(
      file,
      protocolText()
        .replace('    signOff: oncologist\n    reassessEveryMonths: 12\n  - skill: plan-selection', '    signOff: oncologist\n  - skill: plan-selection')
        .replace('    passMark: 80\n', ''),
    );
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const summary = (diagnostics: { code?: unknown; severity?: number }[]) => diagnostics.map((d) => `${String(d.code)}:${d.severity}`).sort();

  it('re-checks with the new severities when the configuration file changes (didChangeWatchedFiles)', async () => {
    const client = await TestClient.start({ folders: [dir], initializationOptions: NO_DEBOUNCE, watchedFiles: true });
    try {
      const uri = await client.open(file);
      assert.deepEqual(summary(await client.pushed(uri)), ['pass-mark-stated:2', 'reassessment-interval:2']);
      assert.ok(
        client.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'),
        'the server asks to be told of file changes',
      );
      const count = client.pushCount(uri);
      const config = path.join(dir, '.roleprotocols.yaml');
      fs.writeFileSync(config, 'rules:\n  reassessment-interval: error\n  pass-mark-stated: info\n');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 1 }] });
      assert.deepEqual(summary(await client.pushedAfter(uri, count)), ['pass-mark-stated:3', 'reassessment-interval:1']);
      fs.writeFileSync(config, 'rules:\n  reassessment-interval: off\n');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 2 }] });
      assert.deepEqual(summary(await client.pushedAfter(uri, count + 1)), ['pass-mark-stated:2']);
    } finally {
      await client.stop();
    }
  });

  it('reads roleProtocols from workspace/configuration; the project file wins for the rules it names', async () => {
    let settings: unknown = { rules: { 'reassessment-interval': 'off', 'pass-mark-stated': 'info' }, diagnostics: { debounceMs: 0 } };
    fs.writeFileSync(path.join(dir, '.roleprotocols.yaml'), 'rules:\n  reassessment-interval: error\n');
    const client = await TestClient.start({ folders: [dir], configuration: () => settings });
    try {
      const uri = await client.open(file);
      assert.deepEqual(summary(await client.pushed(uri)), ['pass-mark-stated:3', 'reassessment-interval:1']);
      assert.ok(client.configurationRequests > 0);
      settings = { rules: { 'pass-mark-stated': 'error' }, diagnostics: { debounceMs: 0 } };
      const count = client.pushCount(uri);
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      assert.deepEqual(summary(await client.pushedAfter(uri, count)), ['pass-mark-stated:1', 'reassessment-interval:1']);
    } finally {
      await client.stop();
    }
  });

  it('takes settings pushed with didChangeConfiguration from a client that is not asked', async () => {
    const client = await TestClient.start({ folders: [dir], initializationOptions: NO_DEBOUNCE });
    try {
      const uri = await client.open(file);
      assert.deepEqual(summary(await client.pushed(uri)), ['pass-mark-stated:2', 'reassessment-interval:2']);
      const count = client.pushCount(uri);
      await client.connection.sendNotification('workspace/didChangeConfiguration', {
        settings: { roleProtocols: { rules: { 'reassessment-interval': 'info', 'no-such-rule': 'off' }, diagnostics: { debounceMs: 0 } } },
      });
      assert.deepEqual(summary(await client.pushedAfter(uri, count)), ['pass-mark-stated:2', 'reassessment-interval:3']);
      assert.ok(
        client.log.some((line) => line.includes('no rule `no-such-rule`')),
        'an unknown rule id in the settings is logged',
      );
    } finally {
      await client.stop();
    }
  });

  it('shows the configuration file’s own problems on it while it is open, and clears them when mended', async () => {
    const client = await TestClient.start({ folders: [dir], initializationOptions: NO_DEBOUNCE });
    try {
      const config = path.join(dir, '.roleprotocols.yaml');
      const text = 'rules:\n  reassesment-interval: error\n  pass-mark-stated: loud\nmaxFileSizeKb: 0\n';
      fs.writeFileSync(config, text);
      const uri = await client.open(config, text);
      const where = (d: { range: { start: { line: number; character: number } } }) => `${d.range.start.line + 1}:${d.range.start.character + 1}`;
      const found = await client.pushed(uri);
      assert.deepEqual(found.map((d) => [String(d.code), d.severity, where(d)]).sort(), [
        ['schema', 1, '3:21'],
        ['schema', 1, '4:16'],
        ['unknown-rule', 2, '2:3'],
      ]);
      assert.match(String(found.find((d) => d.code === 'unknown-rule')!.message), /Did you mean `reassessment-interval`\?/);
      await client.change(uri, 'rules:\n  reassessment-interval: error\n');
      assert.deepEqual(await client.pushed(uri), []);
    } finally {
      await client.stop();
    }
  });

  it('asks a pull client to refresh when the configuration file changes', async () => {
    const client = await TestClient.start({ folders: [dir], diagnostics: 'pull' });
    try {
      const uri = await client.open(file);
      assert.deepEqual(summary(await client.pull(uri)), ['pass-mark-stated:2', 'reassessment-interval:2']);
      const config = path.join(dir, '.roleprotocols.json');
      fs.writeFileSync(config, '{ "rules": { "pass-mark-stated": "off" } }');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 1 }] });
      await client.until('workspace/diagnostic/refresh', () => (client.refreshRequests > 0 ? true : undefined));
      assert.deepEqual(summary(await client.pull(uri)), ['reassessment-interval:2']);
    } finally {
      await client.stop();
    }
  });
});
