import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../../server/out/service/engine/lint';
import { definitionOf, referencesOf, rename } from '../../../server/out/service/language/navigate';
import { hover } from '../../../server/out/service/language/hover';

const SAMPLE = path.resolve(__dirname, '../../../samples/clinician-present-cervix.roles.yaml');

/** The `contingencies` section's `step` is a step reference through the schema's `x-refKind`, like `covers`. */
describe('the contingencies section: its step is a reference like any other', () => {
  const text = fs.readFileSync(SAMPLE, 'utf8');
  const result = lintText(text, { fileName: SAMPLE });
  const entryAt = text.indexOf('  - step: target-edit\n') + '  - step: '.length;
  const definitionAt = text.indexOf('id: target-edit') + 'id: '.length;

  it('goes to the step and is among its references', () => {
    assert.deepEqual(
      definitionOf(result.ids, entryAt).map((d) => d.node.start),
      [definitionAt],
    );
    assert.ok(referencesOf(result.ids, definitionAt, false).some((r) => r.node.start === entryAt));
  });

  it('is renamed with the step', () => {
    const renamed = rename(result.ids, definitionAt, 'target-adapt');
    assert.ok('edits' in renamed, JSON.stringify(renamed));
    assert.ok(renamed.edits.some((edit) => edit.start === entryAt && edit.newText === 'target-adapt'));
  });

  it('is shown in the step’s hover', () => {
    assert.match(
      JSON.stringify(hover(result.parsed.root!, result.protocol!, result.ids, definitionAt)),
      /contingency: No consultant clinical oncologist available: Treat with the scheduled plan/,
    );
  });

  it('is reported when it names no step', () => {
    const wrong = lintText(text.replace('  - step: target-edit\n', '  - step: target-edti\n'), { fileName: SAMPLE });
    assert.ok(wrong.findings.some((f) => f.ruleId === 'unknown-reference' && f.message.includes('`target-edti`')));
  });
});
