/**
 * Recovery at the language-server level. Faults are injected from outside
 * the product: a test-only preload (preload/faults.ts, loaded with
 * NODE_OPTIONS=--require) makes the analysis of one marked document throw,
 * crash the process or kill it. The server must keep serving every other
 * document, and when the process does die, its log must name the document it
 * was checking (the VS Code client restarts it and says so).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol/node';
import { SAMPLES, TestClient, uriOf, type ClientOptions } from '../lsp/client';
import { startWithEnv } from './server';
import { protocolText, SECTIONS } from '../helpers/protocolText';
import { billionLaughs } from '../fuzz/corpus';
import { nth } from '../helpers/nth';

const FAULTS = path.join(__dirname, 'preload', 'faults.js');
const MARKER = 'ROLE-PROTOCOLS-TEST-FAULT';
const PULL: ClientOptions = { diagnostics: 'pull', folders: [SAMPLES], initializationOptions: { roleProtocols: { diagnostics: { debounceMs: 0 } } } };
const REFERENCE = path.join(SAMPLES, 'reference-department.roles.yaml');
const UNKNOWN_REFERENCE = path.join(SAMPLES, 'broken/unknown-reference.roles.yaml');

const withFault = (fault: string, options: ClientOptions = PULL) =>
  startWithEnv({ NODE_OPTIONS: `--require ${FAULTS}`, ROLE_PROTOCOLS_FAULT: fault, ROLE_PROTOCOLS_FAULT_MARKER: MARKER }, options);

function exited(client: TestClient): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (client.child.exitCode !== null || client.child.signalCode !== null)
    return Promise.resolve({ code: client.child.exitCode, signal: client.child.signalCode });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not exit. Log:\n${client.log.join('')}`)), 10_000);
    client.child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

/** Stops a client whose server may already be gone (a signal leaves exitCode null, which stop() would wait out). */
async function finish(client: TestClient): Promise<void> {
  if (client.child.exitCode !== null || client.child.signalCode !== null) client.connection.dispose();
  else await client.stop();
}

/** A hover on `advanced-adapter` in the reference sample: the server is alive and right. */
async function hoverWorks(client: TestClient, uri: string): Promise<void> {
  const hover = await client.request<Hover | null>('textDocument/hover', {
    textDocument: { uri },
    position: client.at(uri, 'advanced-adapter', 2, 'performs: ['),
  });
  assert.ok(hover && JSON.stringify(hover.contents).includes('Advanced'), JSON.stringify(hover));
}

describe('recovery: one bad document cannot wedge the server', function () {
  this.timeout(30_000);

  it('an analysis that throws: that document gets one error saying so (never shown as clean), the error is logged with its URI, every other document is served, and an edit recovers it', async () => {
    const client = await withFault('throw');
    try {
      const reference = await client.open(REFERENCE);
      const broken = await client.open(UNKNOWN_REFERENCE);
      const bad = await client.open(path.join(SAMPLES, 'bad.roles.yaml'), `${protocolText()}# ${MARKER}\n`);
      const failed = await client.pull(bad);
      assert.equal(failed.length, 1);
      assert.equal(failed[0]!.severity, 1);
      assert.match(String(failed[0]!.message), /^This document could not be checked \(injected fault: .*\); its problems are not shown\./);
      assert.deepEqual(await client.pull(reference), []);
      assert.deepEqual(
        (await client.pull(broken)).map((d: Diagnostic) => d.code),
        ['unknown-reference'],
      );
      await hoverWorks(client, reference);
      // Every feature on the bad document answers (with nothing) rather than hanging.
      for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/documentSymbol']) {
        await client.request(method, { textDocument: { uri: bad }, position: { line: 3, character: 4 }, context: { includeDeclaration: true } });
      }
      assert.ok(
        client.log.some((line) => line.includes(`role-protocols: analysing ${bad} failed: Error: injected fault`)),
        `the failure is logged with the document:\n${client.log.join('\n')}`,
      );
      await client.change(bad, protocolText({ roles: SECTIONS.roles.replace('minBand: 6', 'minBand: 11') }));
      assert.deepEqual(
        (await client.pull(bad)).map((d) => d.code),
        ['schema'],
      );
    } finally {
      await client.stop();
    }
  });

  it('the same with pushed diagnostics: the others are still pushed', async () => {
    const client = await withFault('throw', { ...PULL, diagnostics: 'push' });
    try {
      const bad = await client.open(path.join(SAMPLES, 'bad.roles.yaml'), `${protocolText()}# ${MARKER}\n`);
      const broken = await client.open(UNKNOWN_REFERENCE);
      assert.deepEqual(
        (await client.pushed(broken)).map((d) => d.code),
        ['unknown-reference'],
      );
      await client.change(bad, `${protocolText()}# ${MARKER} again\n`);
      const reference = await client.open(REFERENCE);
      assert.deepEqual(await client.pushed(reference), []);
      await hoverWorks(client, reference);
    } finally {
      await client.stop();
    }
  });

  it('a fatal error while checking: the server says which document on standard error, then exits for the client to restart it', async () => {
    const client = await withFault('fatal');
    try {
      const bad = await client.open(path.join(SAMPLES, 'fatal.roles.yaml'), `${protocolText()}# ${MARKER}\n`);
      void client.pull(bad).catch(() => undefined);
      const { code } = await exited(client);
      assert.equal(code, 1);
      const log = client.log.join('');
      assert.ok(log.includes(`role-protocols: checking ${bad} (version 1)`), log);
      assert.ok(log.includes(`role-protocols: the server stopped on an unexpected error while checking ${bad}: Error: injected fatal fault`), log);
    } finally {
      await finish(client);
    }
  });

  it('killed outright while checking (as by the out-of-memory killer): the last line of its log names the document', async () => {
    const client = await withFault('kill');
    try {
      const good = await client.open(REFERENCE);
      assert.deepEqual(await client.pull(good), []);
      const bad = await client.open(path.join(SAMPLES, 'killed.roles.yaml'), `${protocolText()}# ${MARKER}\n`);
      void client.pull(bad).catch(() => undefined);
      const { signal } = await exited(client);
      assert.equal(signal, 'SIGKILL');
      const checking = client.log
        .join('')
        .split('\n')
        .filter((l) => l.startsWith('role-protocols: checking '));
      assert.equal(checking.at(-1), `role-protocols: checking ${bad} (version 1)`);
    } finally {
      await finish(client);
    }
  });
});

describe('recovery: hostile documents open side by side with good ones', function () {
  this.timeout(60_000);

  it('an alias bomb, a 3 MB file, deep nesting, binary data and a 100,000-character line each get their finding, quickly, and the good document is still served', async () => {
    const client = await TestClient.start(PULL);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'role-protocols-hostile-'));
    try {
      const documents: [string, string, string[]][] = [
        ['bomb.roles.yaml', protocolText() + billionLaughs(9, 9), ['syntax']],
        ['large.roles.yaml', protocolText() + `# ${'x'.repeat(97)}\n`.repeat(31_000), ['document-limits']],
        ['deep.roles.yaml', `format: role-protocol/1\nx: ${'['.repeat(500)}${']'.repeat(500)}\n`, ['syntax']],
        ['binary.roles.yaml', `format: role-protocol/1\n\u0000\u0001\u0002\u0089PNG\n`, ['document-limits']],
        ['long-line.roles.yaml', protocolText().replace('title: Adapter', `title: ${'adapter '.repeat(12_500)}`), []],
      ];
      const reference = await client.open(REFERENCE);
      const uris: string[] = [];
      for (const [name, text] of documents) uris.push(await client.open(path.join(dir, name), text));
      for (const [i, [name, , rules]] of documents.entries()) {
        const started = Date.now();
        const diagnostics = await client.pull(nth(uris, i));
        assert.ok(Date.now() - started < 5000, `${name}: ${Date.now() - started} ms`);
        assert.deepEqual(
          [...new Set(diagnostics.map((d) => String(d.code)))].filter((r) => (rules.length === 0 ? r === 'syntax' || r === 'document-limits' : true)),
          rules,
          name,
        );
        await client.request('textDocument/completion', { textDocument: { uri: uris[i] }, position: { line: 1, character: 0 } });
        await hoverWorks(client, reference);
      }
      assert.deepEqual(await client.pull(reference), []);
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the project size limit (`maxFileSizeKb` in .roleprotocols.yaml) applies in the editor as on the command line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'role-protocols-limit-'));
    fs.writeFileSync(path.join(dir, '.roleprotocols.yaml'), 'maxFileSizeKb: 4\n');
    const client = await TestClient.start({ ...PULL, folders: [dir] });
    try {
      const uri = await client.open(path.join(dir, 'a.roles.yaml'), protocolText() + `# ${'x'.repeat(97)}\n`.repeat(40));
      const d = nth(await client.pull(uri), 0);
      assert.equal(d.code, 'document-limits');
      assert.match(String(d.message), /^This file is 7 KB, over the 4 KB limit for one document, so it is not checked/);
      assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 23 } });
      assert.ok(uriOf(path.join(dir, 'a.roles.yaml')) === uri);
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
