import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../server/out/service/rules/index';

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
