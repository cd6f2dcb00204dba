import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CompareResult } from '../../../server/out/shared/requests';
import { SAMPLES, TestClient } from './client';

/**
 * The server's `roleProtocols/compare` for a register of people (the editor's
 * "Compare with a previous version", which the manifest offers on
 * `*.register.*`): the open, unsaved register against its file at a commit,
 * each version checked against the protocol it names.
 */
describe('lsp: comparing an open register with a previous version', function () {
  this.timeout(30_000);
  let dir: string;
  let client: TestClient;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });

  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rp-lsp-compare-')));
    for (const name of ['reference-department.roles.yaml', 'reference-department.register.yaml'])
      fs.copyFileSync(path.join(SAMPLES, name), path.join(dir, name));
    git('init', '-q');
    git('config', 'user.email', 'physics@example.org');
    git('config', 'user.name', 'Physics');
    git('config', 'commit.gpgsign', 'false');
    git('add', '.');
    git('commit', '-q', '-m', 'Register as reviewed');
    client = await TestClient.start({ folders: [dir], initializationOptions: { roleProtocols: { diagnostics: { debounceMs: 0 } } } });
  });

  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports the unsaved edits as register changes, each linked to its line in the open text, and no name', async () => {
    const file = path.join(dir, 'reference-department.register.yaml');
    const uri = await client.open(file);
    await client.pushed(uri);
    const text = client.texts.get(uri)!;
    const edited = text.replace('sites: [bladder, prostate]', 'sites: [bladder]').replace('  - id: C04\n', '  - id: C04\n    name: Ann Example\n');
    assert.notEqual(edited, text);
    await client.change(uri, edited);
    const result = (await client.connection.sendRequest('roleProtocols/compare', { uri, revision: 'HEAD' })) as CompareResult;
    assert.equal(result.headline, '2 changes: 1 significant, 1 minor');
    assert.match(result.base, /^[0-9a-f]{8}:reference-department\.register\.yaml$/);
    assert.deepEqual(
      result.changes.map((c) => [c.kind, c.message]),
      [
        ['person-wording', 'Person “C04”: name now stated.'],
        ['entitlement-sites', 'Entitlement of “D05” as “Advanced Adapter”: no longer at Prostate.'],
      ],
    );
    const sites = result.changes[1]!;
    assert.equal(sites.location?.uri, uri);
    assert.equal(edited.split('\n')[sites.location!.range.start.line]!.trim(), 'sites: [bladder]');
    assert.ok(!JSON.stringify(result).includes('Ann Example'));
    assert.match(result.html, /<h2 id="document-control">Register<\/h2>/);
  });
});
