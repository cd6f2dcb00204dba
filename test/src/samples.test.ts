import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../server/out/service/engine/lint';
import { fileIncludeReader } from '../../server/out/node/includes';
import { TODAY } from './helpers/ruleTester';

const SAMPLES = path.resolve(__dirname, '../../samples');

/** Every protocol file under samples/, good and broken. */
function sampleFiles(dir = SAMPLES): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? sampleFiles(path.join(dir, entry.name)) : /\.(ya?ml|json)$/.test(entry.name) ? [path.join(dir, entry.name)] : [],
    )
    .sort();
}

/**
 * A sample states the findings it should give in comments of the form
 * `# Expect: <rule-id> on line <N>` (JSON samples: an "$expect" list is not
 * possible, so they sit beside a .expect file). A sample with none must be clean.
 */
function expectations(file: string, text: string): string[] {
  const source = file.endsWith('.json') && fs.existsSync(file + '.expect') ? fs.readFileSync(file + '.expect', 'utf8') : text;
  return [...source.matchAll(/Expect: ([a-z-]+) on line (\d+)/g)].map((m) => `${m[1]}@${m[2]}`).sort();
}

describe('samples', () => {
  const files = sampleFiles();
  it('has the department models and broken examples', () => {
    const names = files.map((f) => path.relative(SAMPLES, f));
    for (const expected of [
      'reference-department.roles.yaml',
      'radiographer-led.roles.yaml',
      'physicist-present.roles.yaml',
      // Legitimate models the checks must pass without warnings or suppressions.
      'clinician-present-cervix.roles.yaml',
      'radiographer-led-bladder.roles.yaml',
      'radiographer-only-bladder.roles.yaml',
    ])
      assert.ok(names.includes(expected), expected);
    assert.ok(
      names.some((n) => n.startsWith('broken' + path.sep)),
      'no broken samples',
    );
  });
  for (const file of files) {
    const name = path.relative(SAMPLES, file);
    it(`${name} gives exactly the findings it claims`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const found = lintText(text, { fileName: file, today: TODAY, readInclude: fileIncludeReader({ roots: [SAMPLES] }) })
        .findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}`)
        .sort();
      assert.deepEqual(found, expectations(file, text));
      // A good model is clean on its own merits, not by silencing a finding.
      if (!name.startsWith('broken')) assert.doesNotMatch(text, /role-protocols-disable/, 'a good sample suppresses a finding');
    });
  }
});
