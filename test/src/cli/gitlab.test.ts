import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeQualityIssue } from '../../../server/out/cli/formatters/gitlab';
import { cli, fixture, ROOT, tempDir } from './run';

interface EslintFile {
  filePath: string;
  messages: { ruleId: string; severityName: string; message: string; line: number; endLine: number }[];
}

describe('role-protocols lint --format gitlab', () => {
  const args = ['lint', fixture('broken.roles.yaml'), fixture('relaxed'), fixture('bad-config')];

  it('writes the Code Quality report GitLab reads, with the same findings as JSON', () => {
    const dir = tempDir();
    const report = path.join(dir, 'gl-code-quality-report.json');
    const run = cli([...args, '--format', 'gitlab', '--output', report]);
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stdout, '');
    const issues = JSON.parse(fs.readFileSync(report, 'utf8')) as CodeQualityIssue[];
    const fromJson = (JSON.parse(cli([...args, '-f', 'json']).stdout) as EslintFile[]).flatMap((file) =>
      file.messages.map((m) => ({
        description: m.message,
        check_name: m.ruleId,
        severity: { error: 'major', warning: 'minor', info: 'info' }[m.severityName],
        location: { path: path.relative(ROOT, file.filePath).split(path.sep).join('/'), lines: { begin: m.line, end: m.endLine } },
      })),
    );
    assert.ok(fromJson.length >= 5, 'the fixtures have findings');
    assert.deepEqual(
      issues.map(({ fingerprint: _fingerprint, ...rest }) => rest),
      fromJson,
    );
    for (const issue of issues) {
      assert.deepEqual(Object.keys(issue).sort(), ['check_name', 'description', 'fingerprint', 'location', 'severity']);
      assert.ok(!path.isAbsolute(issue.location.path) && !issue.location.path.includes('\\'), issue.location.path);
      assert.ok(Number.isInteger(issue.location.lines.begin) && issue.location.lines.begin >= 1);
    }
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length, 'every fingerprint is unique');
  });

  it('writes an empty array for clean files, and the same fingerprints from another folder', () => {
    const clean = cli(['lint', fixture('clean.roles.yaml'), '-f', 'gitlab']);
    assert.deepEqual(clean, { status: 0, stdout: '[]\n', stderr: '' });
    // A copy of the fixtures in another folder, linted from there: the report is the same, byte for byte.
    const dir = tempDir();
    fs.cpSync(path.join(ROOT, 'test/fixtures/cli'), path.join(dir, 'test/fixtures/cli'), { recursive: true });
    assert.equal(cli([...args, '-f', 'gitlab'], { cwd: dir }).stdout, cli([...args, '-f', 'gitlab']).stdout);
  });
});
