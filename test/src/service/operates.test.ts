import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../../server/out/service/engine/lint';
import { rename } from '../../../server/out/service/language/navigate';
import { hover } from '../../../server/out/service/language/hover';

const SAMPLE = path.resolve(__dirname, '../../../samples/clinician-present-cervix.roles.yaml');

/** `operates` is found through the schema's `x-refKind`, like the other parts of a step. */
describe('the operates part of a step, and the approval of a step, in hover and rename', () => {
  const text = fs.readFileSync(SAMPLE, 'utf8');
  const result = lintText(text, { fileName: SAMPLE });

  it('is a role reference: renaming the role renames it under operates too', () => {
    const definition = text.indexOf('id: adaptive-radiographer') + 'id: '.length;
    const renamed = rename(result.ids, definition, 'console-radiographer');
    assert.ok('edits' in renamed, JSON.stringify(renamed));
    const operatesAt = text.indexOf('operates: [adaptive-radiographer]') + 'operates: ['.length;
    assert.ok(renamed.edits.some((edit) => edit.start === operatesAt && edit.newText === 'console-radiographer'));
  });

  it('is shown in a step’s hover with the other parts', () => {
    const at = text.indexOf('covers: [target-edit]') + 'covers: ['.length;
    const shown = hover(result.parsed.root!, result.protocol!, result.ids, at);
    // Document text is escaped for Markdown (`\-`), as in every hover.
    assert.match(JSON.stringify(shown), /operates: adaptive\\\\-radiographer/);
  });

  it('says in a step’s hover whether all approvers must approve', () => {
    const withTwo = text.replace(
      '    approves: [mpe]\n    skills: [mobius-approval]',
      '    approves: [mpe, clinical-oncologist]\n    approval: any\n    skills: [mobius-approval]',
    );
    const two = lintText(withTwo, { fileName: SAMPLE });
    const idAt = withTwo.indexOf('id: dose-check') + 'id: '.length;
    assert.match(JSON.stringify(hover(two.parsed.root!, two.protocol!, two.ids, idAt)), /approval: any one approver/);
    const plain = text.indexOf('id: dose-check') + 'id: '.length;
    assert.doesNotMatch(JSON.stringify(hover(result.parsed.root!, result.protocol!, result.ids, plain)), /approval:/);
    // The contingency is shown with the parts.
    assert.match(JSON.stringify(hover(result.parsed.root!, result.protocol!, result.ids, plain)), /contingency: Mobius fails \\\\- the MPE present reviews/);
  });
});
