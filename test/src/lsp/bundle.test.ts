import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Location } from 'vscode-languageserver-protocol/node';
import { ROOT, SAMPLES, TestClient } from './client';

const BUNDLED = path.join(ROOT, 'dist/server.js');

/**
 * The extension ships the server bundled by esbuild into one CommonJS file
 * (scripts/bundle.js), which can break where the compiled server works: a
 * dependency that only runs as an ES module, a file read relative to a
 * module. `npm run build` makes the bundle before the tests run.
 */
describe('lsp: the bundled server (dist/server.js)', () => {
  it('starts, checks a protocol, and finds references from a catalogue into closed protocols on disk', async () => {
    assert.ok(fs.existsSync(BUNDLED), 'dist/server.js is missing: run `npm run build`');
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rp-bundle-')));
    for (const name of fs.readdirSync(path.join(SAMPLES, 'shared-catalogue')))
      fs.copyFileSync(path.join(SAMPLES, 'shared-catalogue', name), path.join(dir, name));
    const client = await TestClient.start({ server: BUNDLED, folders: [dir], initializationOptions: { roleProtocols: { diagnostics: { debounceMs: 0 } } } });
    try {
      const broken = await client.open(path.join(SAMPLES, 'broken/unknown-reference.roles.yaml'));
      assert.ok((await client.pushed(broken)).some((d) => d.code === 'unknown-reference'));
      const catalogue = await client.open(path.join(dir, 'department.catalogue.yaml'));
      await client.pushed(catalogue);
      const position = client.at(catalogue, 'plan-selection', 3, '  - id: plan-selection');
      const references = await client.request<Location[]>('textDocument/references', {
        textDocument: { uri: catalogue },
        position,
        context: { includeDeclaration: false },
      });
      assert.deepEqual([...new Set(references.map((l) => path.basename(l.uri)))], ['prostate.roles.yaml']);
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
