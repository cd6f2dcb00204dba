import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../../server/out/service/engine/lint';
import { definitionOf, referencesOf, rename } from '../../../server/out/service/language/navigate';
import { hover } from '../../../server/out/service/language/hover';
import { complete } from '../../../server/out/service/language/complete';
import { knowledgeFrom } from '../../../server/out/service/language/knowledge';
import { fileIncludeReader } from '../../../server/out/node/includes';
import { TODAY } from '../helpers/ruleTester';

const SAMPLES = path.resolve(__dirname, '../../../samples');
const SAMPLE = path.join(SAMPLES, 'reference-department.roles.yaml');

/**
 * A role's `procedures` name references (`document.references`, by the document's number) and its `coreTraining`
 * names records, through the schema's `x-idKind` and `x-refKind`: the same walk as every other id.
 */
describe('references and core training records: ids like any other', () => {
  const text = fs.readFileSync(SAMPLE, 'utf8');
  const result = lintText(text, { fileName: SAMPLE, today: TODAY });
  const definitionAt = text.indexOf('- id: EP-RT-07') + '- id: '.length;
  const uses = [...text.matchAll(/procedures: \[EP-RT-07\]/g)].map((m) => (m.index ?? 0) + 'procedures: ['.length);
  const adapterUse = uses[0] ?? -1;
  const recordAt = text.indexOf('- id: irmer-core-training') + '- id: '.length;
  const recordUses = [...text.matchAll(/coreTraining: \[irmer-core-training\]/g)].map((m) => (m.index ?? 0) + 'coreTraining: ['.length);

  it('the sample names its procedure from every duty-holder role', () => {
    assert.equal(uses.length, 4);
    assert.equal(recordUses.length, 4);
    assert.deepEqual(result.findings, []);
  });

  it('goes from a role’s procedure to the reference, and from the reference to every role that names it', () => {
    assert.deepEqual(
      definitionOf(result.ids, adapterUse).map((d) => [d.kind, d.node.start]),
      [['reference', definitionAt]],
    );
    assert.deepEqual(
      referencesOf(result.ids, definitionAt, false).map((r) => r.node.start),
      uses,
    );
    assert.deepEqual(
      referencesOf(result.ids, definitionAt, true).map((r) => r.node.start),
      [definitionAt, ...uses],
    );
  });

  it('goes from a role’s core training to the record, which is among its references', () => {
    assert.deepEqual(
      definitionOf(result.ids, recordUses[0] ?? -1).map((d) => [d.kind, d.node.start]),
      [['record', recordAt]],
    );
    assert.deepEqual(
      referencesOf(result.ids, recordAt, false).map((r) => r.node.start),
      recordUses,
    );
  });

  it('renames a reference number everywhere, in the quality system’s own form, and refuses one YAML would misread', () => {
    const renamed = rename(result.ids, adapterUse, 'EP-RT-07.2');
    assert.ok('edits' in renamed, JSON.stringify(renamed));
    assert.deepEqual(
      renamed.edits.map((e) => [e.start, e.newText]),
      [definitionAt, ...uses].map((start) => [start, 'EP-RT-07.2']),
    );
    const refused = rename(result.ids, adapterUse, 'EP RT: 07');
    assert.ok('error' in refused);
    assert.match(refused.error, /is not a valid reference number/);
    // A role id is still kebab case.
    const role = rename(result.ids, text.indexOf('id: adapter') + 'id: '.length, 'Adapter');
    assert.ok('error' in role && /not a valid id/.test(role.error));
  });

  it('renames a core training record with its uses', () => {
    const renamed = rename(result.ids, recordAt, 'irmer-training');
    assert.ok('edits' in renamed, JSON.stringify(renamed));
    assert.deepEqual(
      renamed.edits.map((e) => e.start),
      [recordAt, ...recordUses].sort((a, b) => a - b),
    );
  });

  it('shows the procedures and core training of a role in its hover, by name', () => {
    const shown = hover(result.parsed.root!, result.protocol!, result.ids, text.indexOf('id: adapter') + 'id: '.length);
    assert.ok(shown);
    // The document's words are escaped for Markdown (util/markdown.ts).
    assert.match(shown.contents, /Entitled under: Employer\\'s procedure for the entitlement of duty holders under IR\\\(ME\\\)R 2017/);
    assert.match(shown.contents, /Core IR\(ME\)R training recorded in: IR\\\(ME\\\)R and radiation protection core training records/);
  });

  it('shows a reference’s title, kind and the roles it entitles in its hover, from a role’s procedures too', () => {
    const shown = hover(result.parsed.root!, result.protocol!, result.ids, adapterUse);
    assert.ok(shown);
    assert.equal(shown.start, adapterUse);
    assert.match(
      shown.contents,
      /^\*\*Employer\\'s procedure for the entitlement of duty holders under IR\\\(ME\\\)R 2017\*\* \(reference `EP-RT-07`, employer\\-procedure\)/,
    );
    assert.match(shown.contents, /Entitles: Adapter, Advanced Adapter, Physicist, Clinical Oncologist/);
  });

  it('completes a role’s procedures with the references, by title, and its core training with the records', () => {
    const knowledge = knowledgeFrom(result.protocol, result.ids);
    const at = (line: string, replacement: string) => {
      const edited = text.replace(line, replacement);
      return complete(edited, edited.indexOf(replacement) + replacement.length, knowledge);
    };
    const procedures = at('    procedures: [EP-RT-07]\n', '    procedures: [');
    assert.deepEqual(
      procedures.map((c) => [c.label, c.detail]),
      [['EP-RT-07', "Employer's procedure for the entitlement of duty holders under IR(ME)R 2017"]],
    );
    const records = at('    coreTraining: [irmer-core-training]\n', '    coreTraining: [');
    assert.ok(records.some((c) => c.label === 'irmer-core-training' && c.detail === 'IR(ME)R and radiation protection core training records'));
    assert.ok(records.every((c) => c.kind === 'reference'));
  });

  it('reports a procedure or a core training record that names nothing, with a guess', () => {
    const wrong = lintText(
      text.replace('procedures: [EP-RT-07]', 'procedures: [EP-RT-7]').replace('coreTraining: [irmer-core-training]', 'coreTraining: [irmer-core]'),
      {
        fileName: SAMPLE,
        today: TODAY,
      },
    );
    assert.deepEqual(
      wrong.findings.map((f) => [f.ruleId, f.message]),
      [
        ['unknown-reference', 'No reference has the id `EP-RT-7`. Did you mean `EP-RT-07`?'],
        ['unknown-reference', 'No record has the id `irmer-core`. Did you mean `irmer-core-training`?'],
      ],
    );
  });

  it('says where a document is listed when a procedure names none and nothing is close', () => {
    const wrong = lintText(text.replace('procedures: [EP-RT-07]', 'procedures: [TRUST-POLICY-99]'), { fileName: SAMPLE, today: TODAY });
    assert.deepEqual(
      wrong.findings.map((f) => f.message),
      ['No reference has the id `TRUST-POLICY-99`. List the document under `document.references` with this `id` and its `title`.'],
    );
  });

  it('counts a record named only by roles’ core training as used, and reports it once nothing names it', () => {
    const unused = lintText(text.replaceAll('    coreTraining: [irmer-core-training]\n', ''), { fileName: SAMPLE, today: TODAY }).findings;
    assert.ok(unused.some((f) => f.ruleId === 'unused-definition' && f.message.startsWith('Record `irmer-core-training`')));
  });

  it('leaves a reference nothing names alone: a protocol cites documents it implements as a whole', () => {
    const cited = text.replace(
      '      kind: employer-procedure\n',
      '      kind: employer-procedure\n    - id: EP-RT-12\n      title: Employer’s procedure for patient identification\n      kind: employer-procedure\n',
    );
    assert.deepEqual(lintText(cited, { fileName: SAMPLE, today: TODAY }).findings, []);
  });

  it('reports a reference number listed twice in one document, but not one the document and its catalogue both cite', () => {
    const twice = text.replace('      kind: employer-procedure\n', '      kind: employer-procedure\n    - id: EP-RT-07\n      title: The same number again\n');
    assert.deepEqual(
      lintText(twice, { fileName: SAMPLE, today: TODAY }).findings.map((f) => [f.ruleId, f.message]),
      [['duplicate-id', 'The reference id `EP-RT-07` is already defined on line 29; give this reference a different id.']],
    );
    const prostate = path.join(SAMPLES, 'shared-catalogue/prostate.roles.yaml');
    const own = fs
      .readFileSync(prostate, 'utf8')
      .replace(
        '  reviewDue: 2028-04-30\n',
        "  reviewDue: 2028-04-30\n  references:\n    - id: EP-RT-07\n      title: Employer's procedure for the entitlement of duty holders under IR(ME)R 2017\n",
      );
    const both = lintText(own, { fileName: prostate, today: TODAY, readInclude: fileIncludeReader({ roots: [SAMPLES] }) });
    assert.deepEqual(both.findings, []);
    // The catalogue's roles name the procedure; the protocol's own entry is the one they resolve to.
    const defined = both.ids.filter((o) => o.kind === 'reference' && o.use === 'definition');
    assert.deepEqual(
      defined.map((o) => o.file === undefined),
      [true],
    );
  });
});
