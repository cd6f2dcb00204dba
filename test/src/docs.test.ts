import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../server/out/service/rules/index';
import { CHANGE_KINDS } from '../../server/out/service/diff/index';

const ROOT = path.resolve(__dirname, '../..');

describe('rule documentation and coverage', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const brokenSamples = fs.readdirSync(path.join(ROOT, 'samples/broken')).join('\n');
  const ruleTests = fs
    .readdirSync(path.join(ROOT, 'test/src/rules'))
    .map((f) => fs.readFileSync(path.join(ROOT, 'test/src/rules', f), 'utf8'))
    .join('\n');
  for (const rule of allRules) {
    it(`${rule.id}: has a docs page with a failing and a passing example, a README row, a test table and a broken sample`, () => {
      assert.match(rule.id, /^[a-z]+(-[a-z]+)*$/);
      const docs = fs.readFileSync(path.join(ROOT, 'docs/rules', `${rule.id}.md`), 'utf8');
      assert.match(docs, new RegExp(`^# ${rule.id}\\n`));
      assert.match(docs, new RegExp(`\\*\\*Default severity:\\*\\* ${rule.defaultSeverity}`));
      assert.match(docs, /^## Fails$/m);
      assert.match(docs, /^## Passes$/m);
      assert.ok(
        readme.includes(`| [${rule.id}](docs/rules/${rule.id}.md) | ${rule.defaultSeverity} | ${rule.category} | ${rule.description} |`),
        'README rule table row is missing or out of date',
      );
      assert.ok(ruleTests.includes(`describeRule('${rule.id}'`), 'no describeRule table');
      assert.ok(new RegExp(`^${rule.id}(-[a-z-]+)?\\.(roles|register)\\.(yaml|json)$`, 'm').test(brokenSamples), 'no samples/broken file');
    });
  }
});

describe('change control documentation', () => {
  const ROOT_DIR = path.resolve(__dirname, '../..');

  it('docs/CHANGE-CONTROL.md has one row per change kind, with its class, why and source as the code has them', () => {
    const doc = fs.readFileSync(path.join(ROOT_DIR, 'docs/CHANGE-CONTROL.md'), 'utf8');
    const rows = doc.split('\n').filter((line) => /^\| `[a-z-]+` \|/.test(line));
    const expected = Object.entries(CHANGE_KINDS).map(
      ([kind, info]) => `| \`${kind}\` | ${info.significance} | ${info.title} | ${info.why} | ${info.source} |`,
    );
    assert.deepEqual(rows, expected);
  });

  // version-bump is not an engine rule (the engine never sees the earlier version), so it has no describeRule table or
  // broken sample: its tests are in test/src/diff/ (the check) and test/src/diff/git.integration.test.ts (lint --base).
  it('version-bump, the check of `lint --base`, has a docs page and a README row, and is not an engine rule', () => {
    const docs = fs.readFileSync(path.join(ROOT_DIR, 'docs/rules/version-bump.md'), 'utf8');
    assert.match(docs, /^# version-bump\n/);
    assert.match(docs, /\*\*Default severity:\*\* error/);
    assert.match(docs, /^## Fails$/m);
    assert.match(docs, /^## Passes$/m);
    const readme = fs.readFileSync(path.join(ROOT_DIR, 'README.md'), 'utf8');
    assert.ok(readme.includes('| [version-bump](docs/rules/version-bump.md) | error | governance |'));
    assert.ok(!allRules.some((rule) => rule.id === 'version-bump'));
  });
});
