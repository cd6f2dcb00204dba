import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, tempDir } from './run';

/** `role-protocols diff` on two files (git revisions: test/src/diff/git.integration.test.ts). */
describe('cli: diff', () => {
  const OLD = 'samples/reference-department.roles.yaml';
  const NEW = 'test/fixtures/diff/reference-department.v1.3.roles.yaml';

  it('prints the changes, significant first, and exits 0 without --fail-on', () => {
    const run = cli(['diff', OLD, NEW]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.match(
      run.stdout,
      /^From samples\/reference-department\.roles\.yaml \(version 1\.2\) to test\/fixtures\/diff\/reference-department\.v1\.3\.roles\.yaml \(version 1\.3\)\.\n10 changes: 6 significant, 4 minor\.\n\nSignificant\n/,
    );
    assert.ok(run.stdout.indexOf('Significant') < run.stdout.indexOf('Minor'));
    assert.match(run.stdout, /line 86 +Role “Advanced Adapter”: band 7 or above → band 6 or above\./);
  });

  it('--fail-on significant exits 1 and says why on standard error; the report still goes to standard output', () => {
    const run = cli(['diff', OLD, NEW, '--fail-on', 'significant']);
    assert.equal(run.status, 1);
    assert.equal(run.stderr, 'role-protocols: 6 significant changes found (--fail-on significant).\n');
    assert.match(run.stdout, /10 changes/);
  });

  it('identical documents: says there are no changes and exits 0, even with --fail-on minor', () => {
    const run = cli(['diff', OLD, OLD, '--fail-on', 'minor']);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, `No changes between ${OLD} and ${OLD}.\n`);
  });

  it('reads one version from standard input', () => {
    const run = cli(['diff', OLD, '-', '--stdin-filename', 'new.roles.yaml'], { input: fs.readFileSync(NEW, 'utf8') });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /to new\.roles\.yaml \(version 1\.3\)/);
  });

  it('takes the format from the --out file’s extension, and writes Word only to a file', () => {
    const dir = tempDir();
    for (const [name, check] of [
      ['changes.md', (t: string) => t.startsWith('# Summary of changes: ')],
      ['changes.json', (t: string) => (JSON.parse(t) as { summary: { significant: number } }).summary.significant === 6],
      ['changes.html', (t: string) => t.startsWith('<!DOCTYPE html>')],
      ['changes.docx', (t: string) => t.startsWith('PK')],
    ] as const) {
      const out = path.join(dir, name);
      const run = cli(['diff', OLD, NEW, '--out', out]);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, '');
      assert.ok(check(fs.readFileSync(out, 'latin1')), name);
    }
  });

  describe('a register of people', () => {
    const REGISTER = 'samples/reference-department.register.yaml';
    const LATER = fs.readFileSync('test/fixtures/diff/reference-department.later.register.yaml', 'utf8');

    it('compares two versions, each checked against the protocol it names (the later one read beside it from standard input)', () => {
      const run = cli(['diff', REGISTER, '-', '--stdin-filename', REGISTER, '--fail-on', 'significant'], { input: LATER });
      assert.equal(run.status, 1, run.stderr);
      assert.equal(run.stderr, 'role-protocols: 6 significant changes found (--fail-on significant).\n');
      assert.match(run.stdout, /^13 changes: 6 significant, 7 minor\.$/m);
      assert.match(run.stdout, /line 266 +Entitlement of “P05” as “Physicist” added\./);
    });

    it('a register and a protocol are not two versions of one document: exit 2 with the reason', () => {
      const run = cli(['diff', REGISTER, 'samples/reference-department.roles.yaml']);
      assert.equal(run.status, 2);
      assert.match(
        run.stderr,
        /is a register and samples\/reference-department\.roles\.yaml a protocol: only two versions of one kind of document can be compared/,
      );
    });
  });

  it('usage problems exit 2 with the usage line', () => {
    for (const [args, message] of [
      [['diff', OLD], /give two versions: OLD and NEW/],
      [['diff', OLD, NEW, NEW], /give two versions, not more/],
      [['diff', OLD, NEW, '--format', 'pdf'], /unknown format `pdf`; use one of text, md, json, html, docx/],
      [['diff', OLD, NEW, '--format', 'docx'], /--format docx writes a binary file: give --out FILE/],
      [['diff', OLD, NEW, '--fail-on', 'major'], /--fail-on takes significant or minor, not `major`/],
      [['diff', 'samples/no-such.roles.yaml', NEW], /no such file or directory/],
      [['diff', 'samples/broken/syntax.roles.yaml', NEW], /samples\/broken\/syntax\.roles\.yaml cannot be compared: line \d+:/],
    ] as const) {
      const run = cli([...args]);
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message);
    }
  });

  it('is in the tool’s help, and has its own', () => {
    assert.match(cli(['--help']).stdout, /^ {2}diff <old> <new> /m);
    const help = cli(['diff', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: role-protocols diff \[options\] <old> <new>/);
    assert.match(help.stdout, /--fail-on <class>/);
    assert.match(cli(['lint', '--help']).stdout, /--base <rev>/);
  });
});
