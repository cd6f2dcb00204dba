import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diffTexts, versionBumpFinding, type DiffResult } from '../../../server/out/service/diff/index';
import { renderDiff, renderHtml, renderJson, renderMarkdown, renderText } from '../../../server/out/service/diff/report/index';
import { lintText } from '../../../server/out/service/engine/lint';
import { unzip, wordTables, wordText, xmlProblems, wordSections } from '../exports/ooxml';

const ROOT = path.resolve(__dirname, '../../..');
const REFERENCE = path.join(ROOT, 'samples/reference-department.roles.yaml');
/** The reference sample's next version: a realistic change, version 1.3 with its history entry. */
const NEXT = path.join(ROOT, 'test/fixtures/diff/reference-department.v1.3.roles.yaml');
const EXPECTED = path.join(ROOT, 'test/fixtures/diff/expected');

function golden(name: string, actual: string): { expected: string; actual: string } {
  const file = path.join(EXPECTED, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
  }
  return { expected: fs.readFileSync(file, 'utf8'), actual };
}

const read = (file: string) => fs.readFileSync(file, 'utf8');

function referenceChange(): DiffResult {
  return diffTexts(
    { text: read(REFERENCE), label: 'v1.2:samples/reference-department.roles.yaml', options: { fileName: REFERENCE, today: '2026-11-26' } },
    { text: read(NEXT), label: 'samples/reference-department.roles.yaml', options: { fileName: NEXT, today: '2026-11-26' } },
  );
}

describe('diff reports: the reference sample, version 1.2 to 1.3', () => {
  const diff = referenceChange();

  it('names the planted changes, significant and minor', () => {
    assert.deepEqual(
      diff.changes.map((c) => `${c.significance} ${c.kind}`),
      [
        'minor document-control',
        'minor document-control',
        'minor document-changes',
        'significant site-clinical-protocol',
        'significant role-bands',
        'minor role-wording',
        'significant step-approvers',
        'significant step-agreers',
        'significant training-reassessment-longer',
        'significant training-records-removed',
      ],
    );
  });

  for (const [name, render] of [
    ['reference-1.3.txt', renderText],
    ['reference-1.3.md', renderMarkdown],
    ['reference-1.3.json', renderJson],
    ['reference-1.3.html', (d: DiffResult) => renderHtml(d)],
  ] as const) {
    it(`matches the golden ${name}`, () => {
      const { expected, actual } = golden(name, render(diff));
      assert.equal(actual, expected);
    });
  }

  it('JSON gives both positions of a change, lines and columns from 1', () => {
    const data = JSON.parse(renderJson(diff)) as { changes: { kind: string; oldPosition?: { line: number }; newPosition?: { line: number } }[] };
    const bands = data.changes.find((c) => c.kind === 'role-bands')!;
    assert.equal(read(REFERENCE).split('\n')[bands.oldPosition!.line - 1]!.trim(), 'minBand: 7');
    assert.equal(read(NEXT).split('\n')[bands.newPosition!.line - 1]!.trim(), 'minBand: 6');
  });

  it('Word: well-formed parts, both versions’ document control, every change in a table on a landscape page', async () => {
    const parts = unzip((await renderDiff(diff, 'docx')) as Uint8Array);
    const xml = parts.get('word/document.xml')!.toString('utf8');
    assert.deepEqual(xmlProblems(xml), []);
    const [control, changes] = wordTables(xml);
    assert.ok(control && changes);
    assert.deepEqual(
      control.rows[0]!.cells.map((c) => c.text),
      ['', 'Previous version', 'This version'],
    );
    const version = control.rows.find((r) => r.cells[0]!.text === 'Version')!;
    assert.deepEqual(
      version.cells.map((c) => c.text),
      ['Version', '1.2', '1.3'],
    );
    assert.ok(changes.rows[0]!.header, 'the change table repeats its header row');
    assert.equal(changes.rows.length, diff.changes.length + 1);
    diff.changes.forEach((change, i) => assert.equal(changes.rows[i + 1]!.cells[2]!.text, change.message));
    const sections = wordSections(xml);
    assert.deepEqual(
      sections.map((s) => s.orient ?? 'portrait'),
      ['portrait', 'landscape'],
    );
    // Every table fits its page's text width.
    const width = (s: (typeof sections)[number]) => s.width - s.margins.left - s.margins.right;
    assert.ok(control.grid.reduce((a, b) => a + b, 0) <= width(sections[0]!));
    assert.ok(changes.grid.reduce((a, b) => a + b, 0) <= width(sections[1]!));
    assert.match(wordText(xml), /10 changes: 6 significant, 4 minor/);
  });

  it('no changes: every format says so', async () => {
    const same = diffTexts(
      { text: read(REFERENCE), label: 'a', options: { fileName: REFERENCE } },
      { text: read(REFERENCE), label: 'b', options: { fileName: REFERENCE } },
    );
    assert.equal(renderText(same), 'No changes between a and b.\n');
    assert.match(renderMarkdown(same), /No changes: the two versions say the same\./);
    assert.match(renderHtml(same), /No changes: the two versions say the same\./);
    assert.equal((JSON.parse(renderJson(same)) as { summary: { changes: number } }).summary.changes, 0);
    const xml = unzip((await renderDiff(same, 'docx')) as Uint8Array)
      .get('word/document.xml')!
      .toString('utf8');
    assert.match(wordText(xml), /No changes: the two versions say the same\./);
  });

  it('HTML escapes every value from the documents', () => {
    const hostile = read(REFERENCE).replace('title: Adapter', 'title: "<script>alert(1)</script> & co"');
    const result = diffTexts(
      { text: read(REFERENCE), label: '<old>', options: { fileName: REFERENCE } },
      { text: hostile, label: 'new', options: { fileName: REFERENCE } },
    );
    const html = renderHtml(result);
    assert.ok(!html.includes('<script>'));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co'));
    assert.ok(html.includes('&lt;old&gt;'));
  });
});

describe('diff: the version-bump check', () => {
  const text = read(REFERENCE);
  const check = (newText: string, baseText = text) => {
    const current = lintText(newText, { fileName: REFERENCE, today: '2026-11-26' });
    const diff = diffTexts(
      { text: baseText, label: 'main:x', options: { fileName: REFERENCE } },
      { text: newText, label: 'x', options: { fileName: REFERENCE } },
    );
    return { finding: versionBumpFinding(diff, current, 'main:x'), current };
  };
  const significant = (t: string) => t.replace('approves: [advanced-adapter, physicist]', 'approves: [physicist]');

  it('a significant change with the same version and no new history entry is an error on document.version', () => {
    const { finding, current } = check(significant(text));
    assert.ok(finding);
    assert.equal(finding.ruleId, 'version-bump');
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /^1 significant change since main:x \(Advanced Adapter no longer approves/);
    assert.equal(current.lines.text.split('\n')[finding.range.start.line], '  version: "1.2"');
  });

  it('passes with a new version', () => {
    assert.equal(check(significant(text).replace('version: "1.2"', 'version: "1.3"')).finding, undefined);
  });

  it('passes with a new change history entry', () => {
    const withEntry = significant(text).replace(
      '  references:\n',
      '  changes:\n    - version: "1.2"\n      date: 2026-11-20\n      summary: The MPE alone approves the dose check.\n  references:\n',
    );
    assert.equal(check(withEntry).finding, undefined);
  });

  it('passes when every change is minor', () => {
    assert.equal(check(text.replace('name: Cervix', 'name: Cervix uteri')).finding, undefined);
  });

  it('is placed on `document` when neither version writes a version', () => {
    const unversioned = text.replace('  version: "1.2"\n', '');
    const { finding, current } = check(significant(unversioned), unversioned);
    assert.ok(finding);
    assert.match(finding.message, /`document.version` states no version/);
    assert.equal(current.lines.text.split('\n')[finding.range.start.line], 'document:');
  });
});
