import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestClient } from './lsp/client';

/**
 * The npm package as a user installs it: `npm pack`, then the tarball
 * installed into an empty prefix (its dependencies from the registry), then
 * the installed `role-protocols` and `role-protocols-language-server` run
 * from there, far from this checkout.
 */
const ROOT = path.resolve(__dirname, '../..');

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' },
  });
  assert.equal(result.error, undefined, String(result.error));
  return result;
}

describe('distribution: the npm package', function () {
  this.timeout(300_000);
  let prefix: string;
  let bin: string;

  before(() => {
    prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-npm-'));
    const packed = run('npm', ['pack', '--pack-destination', prefix, '--ignore-scripts'], ROOT);
    assert.equal(packed.status, 0, packed.stderr);
    const tarball = fs.readdirSync(prefix).find((f) => f.endsWith('.tgz'));
    assert.ok(tarball, 'npm pack wrote no tarball');
    const installed = run('npm', ['install', '--prefix', path.join(prefix, 'install'), path.join(prefix, tarball)], prefix);
    assert.equal(installed.status, 0, installed.stderr);
    bin = path.join(prefix, 'install', 'node_modules', '.bin');
  });
  after(() => fs.rmSync(prefix, { recursive: true, force: true }));

  it('holds what the tool needs and nothing of the development', () => {
    const pkg = path.join(prefix, 'install', 'node_modules', 'role-protocols');
    for (const file of [
      'server/out/cli/main.js',
      'server/out/lsp/server.js',
      'schemas/role-protocol.schema.json',
      'samples/reference-department.roles.yaml',
      'client/templates/blank.roles.yaml',
      'docs/rules/schema.md',
      'README.md',
      'CHANGELOG.md',
      'LICENSE',
    ])
      assert.ok(fs.existsSync(path.join(pkg, file)), file);
    for (const absent of ['test', 'client/src', 'server/src', 'bench', '.ci', 'samples/broken'])
      assert.equal(fs.existsSync(path.join(pkg, absent)), false, absent);
  });

  it('runs role-protocols from the installed package: init, lint, table', () => {
    const work = fs.mkdtempSync(path.join(prefix, 'work-'));
    const env = { ...process.env, ROLE_PROTOCOLS_TODAY: '2026-11-26' };
    const tool = (args: string[]) => spawnSync(path.join(bin, 'role-protocols'), args, { cwd: work, encoding: 'utf8', env });
    assert.match(tool(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
    assert.equal(tool(['init', '--template', 'reference', '--out', 'oart.roles.yaml']).status, 0);
    assert.deepEqual(tool(['lint', 'oart.roles.yaml']).stdout, '1 file checked, no problems.\n');
    const table = tool(['table', 'oart.roles.yaml', '--table', 'training', '--out', 'training.docx']);
    assert.equal(table.status, 0, table.stderr);
    assert.ok(fs.statSync(path.join(work, 'training.docx')).size > 5000);
  });

  it('runs role-protocols-language-server from the installed package over stdio', async () => {
    const server = fs.realpathSync(path.join(bin, 'role-protocols-language-server'));
    const client = await TestClient.start({ server, diagnostics: 'pull', folders: [path.join(ROOT, 'samples')] });
    try {
      assert.equal((client.initializeResult as { serverInfo?: { name: string } }).serverInfo?.name ?? 'role-protocols', 'role-protocols');
      const uri = await client.open(path.join(ROOT, 'samples', 'broken', 'unknown-reference.roles.yaml'));
      assert.ok((await client.pull(uri)).some((d) => d.code === 'unknown-reference'));
    } finally {
      await client.stop();
    }
  });
});
