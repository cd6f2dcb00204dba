import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { runsFromEnv, seedFromEnv, TEST_SEED } from '../fuzz/properties';
import { ProjectHost, settingsKey } from '../../../server/out/service/project/host';
import { diskFileSystem } from '../../../server/out/node/fileSystem';
import { includeResolver } from '../../../server/out/node/includes';
import { MAIN, ROOT } from '../cli/run';
import { SAMPLES, TestClient, uriOf } from '../lsp/client';

/**
 * Reading files: only regular files are read, everywhere (a pipe or a device
 * is refused at once, never waited on); real paths are compared with real
 * paths; a link loop is walked once; a file name that is not UTF-8 is
 * reported while the rest is checked; the server's tables request reads only
 * open documents and protocols in the workspace; a document is checked by its
 * text, whatever its version number says.
 */

const SHARED = path.join(SAMPLES, 'shared-catalogue');
const CLEAN = fs.readFileSync(path.join(SAMPLES, 'reference-department.roles.yaml'), 'utf8');
const BROKEN = fs.readFileSync(path.join(SAMPLES, 'broken', 'unknown-reference.roles.yaml'), 'utf8');
const canFifo = process.platform !== 'win32';

/** A fresh folder (its real path), removed after the test file. */
function scratch(prefix: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `rp-files-${prefix}-`)));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The CLI as a user runs it, with a limit: a hang fails the test instead of stalling the suite. */
function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [MAIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, ROLE_PROTOCOLS_TODAY: '2026-11-26' },
  });
  assert.equal(result.error, undefined, `the CLI did not finish: ${String(result.error)}`);
  return result;
}

function copyShared(to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const name of fs.readdirSync(SHARED)) fs.copyFileSync(path.join(SHARED, name), path.join(to, name));
}

describe('files: only regular files, real paths, every file once', () => {
  it('refuses a named pipe given on the command line at once, with the reason (exit 2)', function () {
    if (!canFifo) this.skip();
    const dir = scratch('fifo');
    execFileSync('mkfifo', [path.join(dir, 'p.roles.yaml')]);
    const run = cli(['lint', 'p.roles.yaml'], dir);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /p\.roles\.yaml: it is a named pipe, not a regular file/);
  });

  it('passes over a pipe, a link to one and a folder named like a protocol in a folder or glob, and checks the rest', function () {
    if (!canFifo) this.skip();
    const dir = scratch('walk');
    fs.writeFileSync(path.join(dir, 'broken.roles.yaml'), BROKEN);
    execFileSync('mkfifo', [path.join(dir, 'pipe.roles.yaml')]);
    fs.symlinkSync(path.join(dir, 'pipe.roles.yaml'), path.join(dir, 'link.roles.yaml'));
    fs.mkdirSync(path.join(dir, 'folder.roles.yaml'));
    for (const args of [
      ['lint', '.', '--format', 'json'],
      ['lint', '*.roles.yaml', '--format', 'json'],
    ]) {
      const run = cli(args, dir);
      assert.equal(run.status, 1, run.stderr);
      const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
      assert.deepEqual(
        results.map((r) => path.basename(r.filePath)),
        ['broken.roles.yaml'],
      );
      assert.ok(results[0]!.messages.some((m) => m.ruleId === 'unknown-reference'));
    }
  });

  it('lists a file reached through a link loop once', function () {
    if (process.platform === 'win32') this.skip();
    const dir = scratch('loop');
    fs.mkdirSync(path.join(dir, 'a'));
    fs.writeFileSync(path.join(dir, 'a', 'broken.roles.yaml'), BROKEN);
    fs.symlinkSync(dir, path.join(dir, 'a', 'again'));
    fs.symlinkSync(path.join(dir, 'a'), path.join(dir, 'b'));
    const run = cli(['lint', '.', '--format', 'json', '--max-warnings', '0'], dir);
    const results = JSON.parse(run.stdout) as { filePath: string }[];
    assert.equal(results.length, 1, run.stdout);
  });

  it('reports a file whose name is not UTF-8 and still checks the others', function () {
    if (process.platform !== 'linux') this.skip();
    const dir = scratch('names');
    fs.writeFileSync(path.join(dir, 'broken.roles.yaml'), BROKEN);
    // Latin-1 "é" (0xE9): not UTF-8. Written through a Buffer path, as a file copied from an old system would be.
    fs.writeFileSync(Buffer.concat([Buffer.from(dir + '/caf'), Buffer.from([0xe9]), Buffer.from('.roles.yaml')]), CLEAN);
    const run = cli(['lint', '.', '--format', 'json'], dir);
    assert.equal(run.status, 1, run.stderr);
    const results = JSON.parse(run.stdout) as { filePath: string }[];
    assert.deepEqual(
      results.map((r) => path.basename(r.filePath)),
      ['broken.roles.yaml'],
    );
    assert.match(run.stderr, /skipped caf\\xe9\.roles\.yaml: its name is not UTF-8/);
  });

  it('follows includes in a protocol folder reached through a link, and from a working folder of /', function () {
    if (process.platform === 'win32') this.skip();
    const dir = scratch('linked');
    copyShared(path.join(dir, 'real'));
    fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'linked'));
    const linked = cli(['lint', 'prostate.roles.yaml'], path.join(dir, 'linked'));
    assert.equal(linked.status, 0, linked.stdout + linked.stderr);
    const fromRoot = cli(['lint', path.join(dir, 'linked', 'prostate.roles.yaml').slice(1)], '/');
    assert.equal(fromRoot.status, 0, fromRoot.stdout + fromRoot.stderr);
  });

  it('says an include that is a folder is not a regular file (not "no such file")', () => {
    const dir = scratch('include-folder');
    copyShared(dir);
    fs.renameSync(path.join(dir, 'department.catalogue.yaml'), path.join(dir, 'moved.catalogue.yaml'));
    fs.mkdirSync(path.join(dir, 'department.catalogue.yaml'));
    const run = cli(['lint', 'prostate.roles.yaml', '--format', 'json'], dir);
    const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string; message: string }[] }[];
    const include = result!.messages.find((m) => m.ruleId === 'unresolved-include');
    assert.equal(include?.message, 'Cannot include `department.catalogue.yaml`: it is a folder, not a regular file; only a file can be included.');
  });
});

describe('files: the language server', () => {
  let client: TestClient;
  let dir: string;

  beforeEach(async () => {
    dir = scratch('server');
    copyShared(dir);
    client = await TestClient.start({ folders: [dir], diagnostics: 'pull' });
  });
  afterEach(() => client.stop());

  it('answers a tables request for a pipe with an error at once, and goes on serving', async function () {
    if (!canFifo) this.skip();
    const fifo = path.join(dir, 'pipe.roles.yaml');
    execFileSync('mkfifo', [fifo]);
    await assert.rejects(client.request('roleProtocols/tables', { uri: uriOf(fifo), format: 'md' }), /it is a named pipe, not a regular file/);
    const tables = await client.request<string>('roleProtocols/tables', { uri: uriOf(path.join(dir, 'prostate.roles.yaml')), format: 'md', tables: ['roles'] });
    assert.match(tables, /^\| Role \| Staff group \| Band \|/);
  });

  it('reads no file outside the workspace, and no file that is not a protocol', async () => {
    const outside = path.join(scratch('outside'), 'x.roles.yaml');
    fs.writeFileSync(outside, CLEAN);
    await assert.rejects(client.request('roleProtocols/tables', { uri: uriOf(outside), format: 'md' }), /is outside the workspace folders/);
    await assert.rejects(client.request('roleProtocols/tables', { uri: uriOf('/etc/passwd'), format: 'md' }), /\/etc\/passwd is not a YAML or JSON file/);
    const plain = path.join(dir, 'settings.yaml');
    fs.writeFileSync(plain, 'colour: blue\n');
    await assert.rejects(client.request('roleProtocols/tables', { uri: uriOf(plain), format: 'md' }), /is not a role protocol/);
  });

  it('checks a document re-opened, or changed, with the same version by its text', async () => {
    const file = path.join(dir, 'p.roles.yaml');
    const uri = await client.open(file, CLEAN);
    assert.deepEqual(await client.pull(uri), []);
    await client.close(uri);
    await client.open(file, BROKEN);
    const reopened = (await client.pull(uri)).map((d: Diagnostic) => d.code);
    assert.ok(reopened.includes('unknown-reference'), String(reopened));
    // The same version number again, with the clean text.
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 1 }, contentChanges: [{ text: CLEAN }] });
    assert.deepEqual(await client.pull(uri), []);
  });

  it('follows includes in a workspace folder reached through a link', async function () {
    if (process.platform === 'win32') this.skip();
    await client.stop();
    const linked = path.join(scratch('link-parent'), 'linked');
    fs.symlinkSync(dir, linked);
    client = await TestClient.start({ folders: [linked], diagnostics: 'pull' });
    const uri = await client.open(path.join(linked, 'prostate.roles.yaml'));
    assert.deepEqual(await client.pull(uri), []);
  });
});

describe('files: the protocol before `initialize`', () => {
  it('answers a request sent before initialize with ServerNotInitialized (-32002)', async () => {
    const { spawn } = await import('node:child_process');
    const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = await import('vscode-languageserver-protocol/node');
    const child = spawn(process.execPath, [path.join(ROOT, 'server/out/lsp/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.listen();
    try {
      await assert.rejects(
        connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///x.roles.yaml' }, position: { line: 0, character: 0 } }),
        (error: { code?: number }) => error.code === -32002,
      );
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});

describe('files: random folders (fuzz)', () => {
  /** One entry of a folder: a protocol, a catalogue-less YAML file, a pipe, a link (to a file, a pipe, a folder above), a folder. */
  type Entry = { kind: 'protocol' | 'plain' | 'pipe' | 'link-file' | 'link-pipe' | 'link-up' | 'folder'; name: string };

  it('walks folders of pipes, links and loops without waiting, and checks each protocol once', function () {
    if (!canFifo) this.skip();
    const entry = fc.record({
      kind: fc.constantFrom<Entry['kind']>('protocol', 'plain', 'pipe', 'link-file', 'link-pipe', 'link-up', 'folder'),
      name: fc.stringMatching(/^[a-z]{1,6}$/),
    });
    const tree = fc.array(fc.tuple(fc.nat(3), entry), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(tree, (entries) => {
        const root = scratch('fuzz');
        const folders = [root];
        const protocols = new Set<string>();
        entries.forEach(([at, e], i) => {
          const folder = folders[at % folders.length]!;
          const base = path.join(folder, `${e.name}${i}`);
          switch (e.kind) {
            case 'protocol':
              fs.writeFileSync(`${base}.roles.yaml`, BROKEN);
              protocols.add(fs.realpathSync(`${base}.roles.yaml`));
              break;
            case 'plain':
              fs.writeFileSync(`${base}.yaml`, 'colour: blue\n');
              break;
            case 'pipe':
              execFileSync('mkfifo', [`${base}.roles.yaml`]);
              break;
            case 'link-file': {
              const target = [...protocols][0];
              if (target) fs.symlinkSync(target, `${base}.roles.yaml`);
              break;
            }
            case 'link-pipe':
              execFileSync('mkfifo', [`${base}.pipe`]);
              fs.symlinkSync(`${base}.pipe`, `${base}.roles.yaml`);
              break;
            case 'link-up':
              fs.symlinkSync(root, base);
              break;
            case 'folder':
              fs.mkdirSync(`${base}.roles.yaml`);
              folders.push(`${base}.roles.yaml`);
              break;
          }
        });
        const run = cli(['lint', '.', '--format', 'json'], root);
        if (protocols.size === 0) {
          assert.ok(run.status === 2 || run.status === 0, run.stderr);
          return;
        }
        assert.equal(run.status, 1, run.stderr);
        const checked = (JSON.parse(run.stdout) as { filePath: string }[]).map((r) => fs.realpathSync(r.filePath));
        assert.deepEqual(checked.sort(), [...protocols].sort(), 'each protocol once, nothing else');
      }),
      { seed: seedFromEnv(TEST_SEED), numRuns: runsFromEnv(12) },
    );
  });
});

describe('files: what the host reuses, and what it reads, on a real disk', () => {
  /** A protocol that includes `department.catalogue.yaml`, in `ws/`, checked by a host over the disk with `ws` as the only root. */
  function workspace() {
    const dir = scratch('host-disk');
    fs.mkdirSync(path.join(dir, 'ws'));
    fs.mkdirSync(path.join(dir, 'outside'));
    copyShared(path.join(dir, 'outside'));
    fs.copyFileSync(path.join(dir, 'outside', 'prostate.roles.yaml'), path.join(dir, 'ws', 'prostate.roles.yaml'));
    const reads: string[] = [];
    const disk = diskFileSystem();
    const host = new ProjectHost({ ...disk, readFile: (file) => (reads.push(file), disk.readFile(file)) });
    const config = { rules: new Map() };
    const settings = { config, includes: includeResolver({ roots: [path.join(dir, 'ws')] }), key: settingsKey(config) };
    const protocol = path.join(dir, 'ws', 'prostate.roles.yaml');
    const include = (): string | undefined => host.analysis(protocol, settings)?.result.findings.find((f) => f.ruleId === 'unresolved-include')?.message;
    return {
      dir,
      reads,
      include,
      catalogue: path.join(dir, 'ws', 'department.catalogue.yaml'),
      outsideCatalogue: path.join(dir, 'outside', 'department.catalogue.yaml'),
    };
  }

  it('never reads an include outside the workspace, and follows a link swapped for a copy of the same text', function () {
    if (process.platform === 'win32') this.skip();
    const ws = workspace();
    fs.symlinkSync(ws.outsideCatalogue, ws.catalogue);
    assert.match(ws.include() ?? '', /it is outside the workspace, so it is not read/);
    assert.deepEqual(
      ws.reads.filter((f) => f.includes('catalogue')),
      [],
      'the catalogue behind the link was not read',
    );
    // The same text, now a file of the workspace: checked afresh, not taken from the last answer.
    fs.rmSync(ws.catalogue);
    fs.copyFileSync(ws.outsideCatalogue, ws.catalogue);
    assert.equal(ws.include(), undefined);
    // And back: a link to the outside with the same text is refused again.
    fs.rmSync(ws.catalogue);
    fs.symlinkSync(ws.outsideCatalogue, ws.catalogue);
    assert.match(ws.include() ?? '', /outside the workspace/);
  });

  it('does not read a catalogue over the size limit', () => {
    const ws = workspace();
    fs.writeFileSync(ws.catalogue, `format: role-catalogue/1\n# ${'x'.repeat(6 * 1024 * 1024)}\n`);
    assert.match(ws.include() ?? '', /^Cannot include `department\.catalogue\.yaml`: it is 6\.0 MB, over the 5 MB limit for a catalogue\.$/);
    assert.deepEqual(
      ws.reads.filter((f) => f.includes('catalogue')),
      [],
    );
  });
});

describe('files: the server sees a configuration change without file events', () => {
  it('reads .roleprotocols.yaml again when it appears or changes, even from a client that sends no file events', async () => {
    const dir = scratch('config');
    fs.writeFileSync(path.join(dir, 'p.roles.yaml'), BROKEN);
    const client = await TestClient.start({ folders: [dir], diagnostics: 'pull' });
    try {
      const uri = await client.open(path.join(dir, 'p.roles.yaml'));
      assert.ok((await client.pull(uri)).some((d) => d.code === 'unknown-reference'));
      fs.writeFileSync(path.join(dir, '.roleprotocols.yaml'), 'rules:\n  unknown-reference: off\n');
      assert.equal(
        (await client.pull(uri)).some((d) => d.code === 'unknown-reference'),
        false,
      );
      fs.writeFileSync(path.join(dir, '.roleprotocols.yaml'), 'rules:\n  unknown-reference: warning\n');
      assert.equal((await client.pull(uri)).find((d) => d.code === 'unknown-reference')?.severity, 2);
    } finally {
      await client.stop();
    }
  });
});
