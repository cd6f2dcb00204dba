import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createProtocolConnection, IPCMessageReader, IPCMessageWriter, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { DOMAIN_TRAINING_MATRIX } from '../helpers/domainTables';
import { FIXTURES, SAMPLES, SERVER, TestClient, TODAY, uriOf } from './client';
import { nth } from '../helpers/nth';

const REFERENCE = path.join(SAMPLES, 'reference-department.roles.yaml');
const TRAINING_MATRIX = `## Training matrix\n\n${DOMAIN_TRAINING_MATRIX}`;

describe('lsp: roleProtocols/tables', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ initializationOptions: { roleProtocols: { diagnostics: { debounceMs: 0 } } } });
  });
  after(() => client.stop());

  it('renders the open document’s tables as Markdown, CSV and data', async () => {
    const uri = await client.open(REFERENCE);
    const markdown = await client.request<string>('roleProtocols/tables', { uri, format: 'md' });
    assert.ok(markdown.startsWith('Online adaptive radiotherapy on Ethos - roles and training (oart-ethos-roles), version 1.2, approved\n'));
    assert.ok(markdown.includes(TRAINING_MATRIX), markdown);
    assert.ok(markdown.includes('## Roles and responsibilities'));
    const csv = await client.request<string>('roleProtocols/tables', { uri, tables: ['training'], format: 'csv' });
    assert.match(csv, /^\uFEFF?Role,Skill,Method,Record\r?\nAdapter,OAR outlining,ProKnow Contouring Tool,ProKnow log and certificates\r?\n/m);
    const data = await client.request<{ id: string; columns: string[]; rows: { text: string }[][] }[]>('roleProtocols/tables', {
      uri,
      tables: ['matrix', 'training'],
      format: 'data',
    });
    assert.deepEqual(
      data.map((t) => t.id),
      ['matrix', 'training'],
    );
    assert.deepEqual(
      nth(nth(data, 1).rows, 0).map((c) => c.text),
      ['Adapter', 'OAR outlining', 'ProKnow Contouring Tool', 'ProKnow log and certificates'],
    );
  });

  it('follows the editor’s unsaved text', async () => {
    const uri = uriOf(REFERENCE);
    await client.edit(uri, 'name: OAR outlining', 'name: Organ-at-risk outlining');
    const markdown = await client.request<string>('roleProtocols/tables', { uri, tables: ['training'], format: 'md' });
    assert.ok(markdown.includes('| Adapter | Organ-at-risk outlining | ProKnow Contouring Tool |'));
  });

  it('reads a document that is not open from disk, catalogue included', async () => {
    const markdown = await client.request<string>('roleProtocols/tables', {
      uri: uriOf(path.join(SAMPLES, 'shared-catalogue/prostate.roles.yaml')),
      tables: ['training'],
      format: 'md',
    });
    assert.ok(markdown.includes('| Adapter and Advanced Adapter | OAR outlining | ProKnow Contouring Tool | ProKnow log and certificates |'), markdown);
  });

  it('gives a register its own tables, as on the pinned day, and the Word file base64-encoded', async () => {
    const uri = await client.open(path.join(SAMPLES, 'reference-department.register.yaml'));
    const data = await client.request<{ id: string; rows: { text: string; status?: string }[][]; description?: string }[]>('roleProtocols/tables', {
      uri,
      format: 'data',
    });
    assert.deepEqual(
      data.map((t) => t.id),
      ['entitlements', 'training-status', 'due'],
    );
    assert.match(nth(data, 1).description ?? '', /as on 2026-11-26/);
    assert.deepEqual(
      nth(data, 2).rows.map((r) => nth(r, 0).text),
      ['2026-10-01', '2026-12-10', '2026-12-20', '2027-01-15'],
    );
    const markdown = await client.request<string>('roleProtocols/tables', { uri, tables: ['due'], format: 'md' });
    assert.ok(markdown.startsWith('Personal data: staff numbers, entitlements and training dates of 25 people, as on 2026-11-26.'), markdown);
    const word = Buffer.from(await client.request<string>('roleProtocols/tables', { uri, format: 'docx', encoding: 'base64' }), 'base64');
    assert.deepEqual([...word.subarray(0, 2)], [0x50, 0x4b]);
    await assert.rejects(
      client.request('roleProtocols/tables', { uri, tables: ['matrix'], format: 'md' }),
      /Unknown table `matrix`; the tables of a register are entitlements, training-status, due\./,
    );
  });

  it('answers with an error for an unknown table or format, and for a document that is not a protocol', async () => {
    const uri = uriOf(REFERENCE);
    await assert.rejects(
      client.request('roleProtocols/tables', { uri, tables: ['people'], format: 'md' }),
      /Unknown table `people`; the tables are training, roles, matrix, coverage, sites, governance\./,
    );
    await assert.rejects(client.request('roleProtocols/tables', { uri, format: 'pdf' }), /Unknown table format `pdf`/);
    const plain = await client.open(path.join(FIXTURES, 'plain.yaml'));
    await assert.rejects(client.request('roleProtocols/tables', { uri: plain, format: 'md' }), /This document is not a role protocol/);
  });
});

describe('lsp: node IPC', () => {
  it('serves over --node-ipc as over stdio', async () => {
    const child = fork(SERVER, ['--node-ipc'], { env: { ...process.env, ROLE_PROTOCOLS_TODAY: TODAY }, silent: true });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    try {
      const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification('textDocument/publishDiagnostics', resolve));
      connection.listen();
      await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: uriOf(SAMPLES),
        capabilities: {},
        initializationOptions: { roleProtocols: { diagnostics: { debounceMs: 0 } } },
      });
      await connection.sendNotification('initialized', {});
      const file = path.join(SAMPLES, 'broken/unknown-reference.roles.yaml');
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: uriOf(file), languageId: 'yaml', version: 1, text: fs.readFileSync(file, 'utf8') },
      });
      let timer: NodeJS.Timeout | undefined;
      const result = await Promise.race([
        published,
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no diagnostics over IPC')), 5000))),
      ]);
      clearTimeout(timer);
      assert.deepEqual(
        result.diagnostics.map((d) => `${String(d.code)}@${d.range.start.line + 1}:${d.range.start.character + 1}`),
        ['unknown-reference@111:16'],
      );
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    }
  });
});
