import * as assert from 'node:assert/strict';
import { lintText } from '../../../server/out/service/engine/lint';
import { SAMPLES } from '../fuzz/corpus';
import { TODAY } from '../helpers/ruleTester';

/**
 * One slip, one finding: where the schema knows what was meant (a misspelt
 * key, a vocabulary value in the wrong case), the rules read the document as
 * meant and do not echo the slip; and a value YAML reads as a number where
 * text is wanted is shown as written, with how to keep it.
 */
const REFERENCE = SAMPLES.find((s) => s.name === 'reference-department.roles.yaml')!.text;
const findings = (text: string) => lintText(text, { fileName: 'x.roles.yaml', today: TODAY }).findings.map((f) => `${f.ruleId}: ${f.message}`);

describe('one slip, one finding', () => {
  it('a misspelt key is matched by its word (performedBy → performs), and the step is not also said to have no performer', () => {
    const text = REFERENCE.replace('    performs: [adapter]', '    performedBy: [adapter]');
    assert.notEqual(text, REFERENCE);
    const found = findings(text);
    assert.equal(found.length, 1, found.join('\n'));
    assert.match(found[0]!, /^schema: Unknown key `performedBy` in workflow step `[a-z-]+`\. Did you mean `performs`\?$/);
  });

  it('a vocabulary value in the wrong case (capacities: [mpe]) is one schema error, not also the MPE rules', () => {
    const text = REFERENCE.replace('capacities: [MPE, operator]', 'capacities: [mpe, operator]');
    assert.notEqual(text, REFERENCE);
    const found = findings(text);
    assert.deepEqual(found, ['schema: `capacities` entry must be one of employer, referrer, practitioner, operator, MPE; got `mpe`. Did you mean `MPE`?']);
  });

  it('a version written as a number is shown as written, with the quotes that keep it', () => {
    const text = REFERENCE.replace(/version: "[^"]+"/, 'version: 1.0');
    const result = lintText(text, { fileName: 'x.roles.yaml', today: TODAY });
    const version = result.findings.find((f) => f.ruleId === 'schema');
    assert.equal(version?.message, '`version` must be text; `1.0` is read as the number 1. Put it in quotes: `"1.0"`.');
    assert.equal(version?.replacement, '"1.0"');
    assert.equal(result.findings.length, 1);
  });
});

describe('an approver who holds no role in the protocol', () => {
  it('is named by `post` (a clinical director), shown in the document-control block, and a role id that is not a role says so', () => {
    const withPost = REFERENCE.replace(/(\n {2}approvals:\n {4}- )/, '$1name: A. Director\n      post: Clinical Director\n      date: 2026-02-17\n    - ');
    assert.notEqual(withPost, REFERENCE);
    assert.deepEqual(findings(withPost), []);
    const result = lintText(withPost, { fileName: 'x.roles.yaml', today: TODAY });
    assert.equal(result.protocol?.document.approvals[0]?.post, 'Clinical Director');
    const asRole = withPost.replace('post: Clinical Director', 'role: clinical-director');
    assert.deepEqual(findings(asRole), [
      'unknown-reference: No role has the id `clinical-director`. An approver who holds no role in this protocol is named by `post` instead of `role`.',
    ]);
  });
});
