import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { SAMPLES, TestClient } from './client';

const NO_DEBOUNCE = { roleProtocols: { diagnostics: { debounceMs: 0 } } };
const FILE = path.join(SAMPLES, 'reference-department.roles.yaml');

/**
 * The server re-reads only the list entry an edit touched (`parse/reparse.ts`)
 * and keeps a catalogue's parse between checks. Whatever it reuses, the
 * diagnostics after a run of edits must be those of the same text opened
 * afresh in another server.
 */
describe('lsp: diagnostics after incremental edits', () => {
  let edited: TestClient;
  let fresh: TestClient;
  before(async () => {
    [edited, fresh] = await Promise.all([
      TestClient.start({ diagnostics: 'pull', initializationOptions: NO_DEBOUNCE }),
      TestClient.start({ diagnostics: 'pull', initializationOptions: NO_DEBOUNCE }),
    ]);
  });
  after(async () => {
    await Promise.all([edited.stop(), fresh.stop()]);
  });

  const EDITS: [string, string, string, string][] = [
    // [what, old text, new text, after]
    ['a step renamed', 'name: Review and edit AI-generated OARs', 'name: Review OARs', ''],
    ['a reference broken', 'performs: [advanced-adapter]', 'performs: [advanced-adaptor]', 'id: target-edit'],
    ['the reference mended', 'performs: [advanced-adaptor]', 'performs: [advanced-adapter]', 'id: target-edit'],
    ['a key misspelt inside an entry', 'signOff:', 'signof:', '- skill: plan-selection'],
    ['a whole entry added', '  - skill: plan-selection', '  - skill: oar-outlining\n    roles: [adapter]\n\n  - skill: plan-selection', ''],
    ['a line that does not parse', 'reassessEveryMonths: 12', 'reassessEveryMonths: [12', '- skill: plan-selection'],
    ['the line mended', 'reassessEveryMonths: [12', 'reassessEveryMonths: 12', '- skill: plan-selection'],
    ['the misspelt key mended', 'signof:', 'signOff:', '- skill: plan-selection'],
  ];

  it('match a fresh check of the same text after every edit', async () => {
    const uri = await edited.open(FILE);
    await edited.pull(uri);
    const seen = new Set<unknown>();
    for (const [what, oldText, newText, after] of EDITS) {
      await edited.edit(uri, oldText, newText, after);
      const text = edited.texts.get(uri)!;
      const freshUri = await fresh.open(FILE, text);
      const [got, want] = await Promise.all([edited.pull(uri), fresh.pull(freshUri)]);
      await fresh.close(freshUri);
      assert.deepEqual(got, want, `after ${what}`);
      for (const d of got) seen.add(d.code);
    }
    // The edits did change the findings: the comparison was not of empty lists.
    assert.deepEqual(
      ['schema', 'syntax', 'unknown-reference'].filter((code) => !seen.has(code)),
      [],
    );
  });
});
