import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, tempDir } from './run';

const TODAY = '2026-11-26';

describe('role-protocols init', () => {
  for (const template of ['blank', 'reference', 'radiographer-led', 'clinician-present']) {
    it(`writes a ${template} starter that lints clean, as a draft of the user's own`, () => {
      const dir = tempDir();
      const made = cli(['init', '--template', template, '--out', 'oart.roles.yaml'], { cwd: dir, env: { ROLE_PROTOCOLS_TODAY: TODAY } });
      assert.deepEqual(made, {
        status: 0,
        stdout: `Wrote oart.roles.yaml from the ${template} template. Next: edit it, then \`role-protocols lint oart.roles.yaml\`.\n`,
        stderr: '',
      });
      const text = fs.readFileSync(path.join(dir, 'oart.roles.yaml'), 'utf8');
      assert.match(text, /^# Started from the .* template by `role-protocols init` on 2026-11-26\./);
      assert.match(text, /\ndocument:\n {2}id: oart\n/);
      assert.match(text, /\n {2}status: draft\n/);
      // Two years from today, less a day; none of the template's approvals or dates.
      assert.match(text, /\n {2}reviewDue: 2028-11-25\n/);
      assert.doesNotMatch(text, /\n\s+(effectiveDate|approvals):/);
      const lint = cli(['lint', 'oart.roles.yaml'], { cwd: dir, env: { ROLE_PROTOCOLS_TODAY: TODAY } });
      assert.deepEqual(lint, { status: 0, stdout: '1 file checked, no problems.\n', stderr: '' });
    });
  }

  it('never replaces a file without --force, and says so', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'protocol.roles.yaml'), 'mine\n');
    const refused = cli(['init'], { cwd: dir });
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /protocol\.roles\.yaml already exists; add --force to overwrite it/);
    assert.equal(fs.readFileSync(path.join(dir, 'protocol.roles.yaml'), 'utf8'), 'mine\n');
    assert.equal(cli(['init', '--force'], { cwd: dir }).status, 0);
    assert.match(fs.readFileSync(path.join(dir, 'protocol.roles.yaml'), 'utf8'), /^# Started from the blank template/);
  });

  it('names the templates when given one that does not exist', () => {
    const run = cli(['init', '--template', 'dosimetrist'], { cwd: tempDir() });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /unknown template `dosimetrist`; use one of blank, reference, radiographer-led, clinician-present/);
  });
});
