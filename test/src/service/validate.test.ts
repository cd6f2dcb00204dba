import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { languageOf, parseDocument } from '../../../server/out/service/parse/parseDocument';
import { toValue } from '../../../server/out/service/parse/toValue';
import { validateAgainstSchema } from '../../../server/out/service/schema/validate';
import { documentKindOf } from '../../../server/out/service/engine/documentKind';
import { mutatedSample, schemaDocument } from '../fuzz/arbitraries';
import { runsFromEnv, seedFromEnv, TEST_SEED } from '../fuzz/properties';

type Problem = ReturnType<typeof validateAgainstSchema>[number];
const sorted = (problems: Problem[]) => problems.slice().sort((a, b) => a.start - b.start || a.end - b.end || a.message.localeCompare(b.message));

/**
 * Long top-level lists are validated entry by entry (ajv's error gathering
 * grows with the square of the errors otherwise). Splitting every list, from
 * one entry, must give exactly the problems of one validation of the whole.
 */
describe('schema validation of long lists, entry by entry', () => {
  it('gives the same problems as validating the whole document', () => {
    let withProblems = 0;
    fc.assert(
      fc.property(fc.oneof(schemaDocument, mutatedSample), (c) => {
        const parsed = parseDocument(c.text, languageOf(c.fileName));
        if (!parsed.root) return;
        let data: unknown;
        try {
          data = toValue(parsed.root, parsed.anchors);
        } catch {
          return; // an alias bomb: not validated at all
        }
        const kind = documentKindOf(parsed.root);
        const whole = validateAgainstSchema(parsed.root, data, kind, { splitListsFrom: Infinity });
        const split = validateAgainstSchema(parsed.root, data, kind, { splitListsFrom: 1 });
        assert.deepStrictEqual(sorted(split), sorted(whole));
        if (whole.length > 0) withProblems++;
      }),
      { seed: seedFromEnv(TEST_SEED), numRuns: runsFromEnv(300) },
    );
    assert.ok(withProblems > 50, `only ${withProblems} documents had schema problems to compare`);
  });

  it('reports every problem of a file of many wrong entries, each at its entry', () => {
    // 3,000 roles each with three problems (the time this takes is in docs/RELIABILITY.md, not asserted here).
    let text = 'format: role-protocol/1\nroles:\n';
    for (let i = 0; i < 3000; i++) text += `  - id: Role${i}\n    title: T\n    staffGroups: [x]\n    bogus: 1\n`;
    const parsed = parseDocument(text, 'yaml');
    const problems = validateAgainstSchema(parsed.root!, toValue(parsed.root!, parsed.anchors), 'protocol');
    assert.equal(problems.length, 9003); // 3 per role, and one each for the missing document, workflow and training
    assert.equal(problems.filter((p) => p.path[0] === 'roles' && p.path[1] === 2999).length, 3);
  });
});
