import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../../server/out/service/engine/lint';
import { buildTables, renderTables, TABLE_IDS } from '../../../server/out/service/tables/index';
import type { ProtocolTableId } from '../../../server/out/service/tables/types';
import { cli, fixture, ROOT, tempDir } from './run';

const CLEAN = fixture('clean.roles.yaml');
const cleanText = fs.readFileSync(path.join(ROOT, CLEAN), 'utf8');

/** What the table module itself renders for a file, to compare the CLI with. */
function expected(text: string, ids: readonly ProtocolTableId[], format: string): string {
  const { protocol } = lintText(text, { fileName: 'x.roles.yaml' });
  const rendered = renderTables({ document: protocol!.document, tables: buildTables(protocol!, ids) }, format);
  return rendered.endsWith('\n') ? rendered : `${rendered}\n`;
}

describe('role-protocols table', () => {
  it('prints one table as Markdown', () => {
    const run = cli(['table', CLEAN, '--table', 'training', '--format', 'md']);
    assert.equal(run.status, 0);
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, expected(cleanText, ['training'], 'md'));
    assert.match(run.stdout, /^\|.*\|$/m);
    assert.match(run.stdout, /OAR outlining/);
  });

  it('prints one table as CSV', () => {
    const run = cli(['table', CLEAN, '-t', 'roles', '-f', 'csv']);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, expected(cleanText, ['roles'], 'csv'));
    assert.doesNotMatch(run.stdout, /^\|/m);
    assert.match(run.stdout, /Clinical Oncologist/);
  });

  it('prints every table by default, in Markdown', () => {
    const run = cli(['table', CLEAN]);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, expected(cleanText, TABLE_IDS, 'md'));
  });

  it('reads standard input for `-`', () => {
    const run = cli(['table', '-', '-t', 'matrix'], { input: cleanText });
    assert.equal(run.status, 0);
    assert.equal(run.stdout, expected(cleanText, ['matrix'], 'md'));
  });

  it('still makes tables from a document with schema and rule findings, and says so', () => {
    const run = cli(['table', fixture('broken.roles.yaml'), '-t', 'roles']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /Clinical Oncologist/);
    assert.match(
      run.stderr,
      /^role-protocols: note: test\/fixtures\/cli\/broken\.roles\.yaml has 3 errors and 1 warning; .*role-protocols lint test\/fixtures\/cli\/broken\.roles\.yaml/,
    );
  });

  it('stops with exit 1 and the findings for a document with syntax errors', () => {
    const run = cli(['table', fixture('syntax-error.roles.yaml'), '--no-color']);
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /test\/fixtures\/cli\/syntax-error\.roles\.yaml\n\s+25:18\s+error\s+This list is never closed: add `\]`\.\s+syntax/);
    assert.match(run.stderr, /no tables: fix the syntax errors first/);
  });

  describe('--out', () => {
    it('writes a new file and prints nothing', () => {
      const out = path.join(tempDir(), 'training.csv');
      const run = cli(['table', CLEAN, '-t', 'training', '-f', 'csv', '--out', out]);
      assert.deepEqual(run, { status: 0, stdout: '', stderr: '' });
      assert.equal(fs.readFileSync(out, 'utf8'), expected(cleanText, ['training'], 'csv'));
    });

    it('refuses to overwrite an existing file without --force', () => {
      const dir = tempDir();
      const out = path.join(dir, 'tables.md');
      fs.writeFileSync(out, 'keep me\n');
      const refused = cli(['table', path.join(ROOT, CLEAN), '--out', 'tables.md'], { cwd: dir });
      assert.equal(refused.status, 2);
      assert.equal(refused.stderr, 'role-protocols: tables.md already exists; add --force to overwrite it\n');
      assert.equal(fs.readFileSync(out, 'utf8'), 'keep me\n');
      const forced = cli(['table', path.join(ROOT, CLEAN), '--out', 'tables.md', '--force'], { cwd: dir });
      assert.equal(forced.status, 0);
      assert.equal(fs.readFileSync(out, 'utf8'), expected(cleanText, TABLE_IDS, 'md'));
    });
  });

  describe('a write that fails', function () {
    // Under a 4 KiB file-size limit the 14 KB Word file cannot be written (EFBIG), as on a full disk.
    before(function () {
      if (process.platform === 'win32') this.skip();
    });
    const OLD = Buffer.from('the approved tables, version 1\n');

    it('with --force leaves the existing file byte for byte, and no temporary file', () => {
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'tables.docx'), OLD);
      const run = cli(['table', path.join(ROOT, CLEAN), '--out', 'tables.docx', '--force'], { cwd: dir, fileSizeLimitKiB: 4 });
      assert.equal(run.status, 2);
      assert.equal(
        run.stderr,
        "role-protocols: tables.docx: cannot write: the file is larger than the system's file-size limit; tables.docx was left as it was\n",
      );
      assert.deepEqual(fs.readFileSync(path.join(dir, 'tables.docx')), OLD);
      assert.deepEqual(fs.readdirSync(dir), ['tables.docx']);
    });

    it('to a new file leaves no file, so the rerun is not refused', () => {
      const dir = tempDir();
      const run = cli(['table', path.join(ROOT, CLEAN), '--out', 'reports/tables.docx'], { cwd: dir, fileSizeLimitKiB: 4 });
      assert.equal(run.status, 2);
      assert.equal(
        run.stderr,
        "role-protocols: reports/tables.docx: cannot write: the file is larger than the system's file-size limit; nothing was written\n",
      );
      assert.deepEqual(fs.readdirSync(path.join(dir, 'reports')), []);
      const rerun = cli(['table', path.join(ROOT, CLEAN), '--out', 'reports/tables.docx'], { cwd: dir });
      assert.deepEqual(rerun, { status: 0, stdout: '', stderr: '' });
      assert.deepEqual(fs.readdirSync(path.join(dir, 'reports')), ['tables.docx']);
    });

    it('of the lint report leaves the last report as it was', () => {
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'lint.json'), OLD);
      // The JSON report of the broken fixture, written 60 times over (one file named 60 ways would be linted once).
      const copies = Array.from({ length: 60 }, (_, i) => `copy${i}.roles.yaml`);
      for (const name of copies) fs.copyFileSync(path.join(ROOT, fixture('broken.roles.yaml')), path.join(dir, name));
      const run = cli(['lint', '.', '-f', 'json', '--output', 'lint.json'], { cwd: dir, fileSizeLimitKiB: 4 });
      assert.equal(run.status, 2);
      assert.match(run.stderr, /^role-protocols: lint\.json: cannot write: .*; lint\.json was left as it was\n$/);
      assert.deepEqual(fs.readFileSync(path.join(dir, 'lint.json')), OLD);
      assert.deepEqual(fs.readdirSync(dir).sort(), [...copies, 'lint.json'].sort());
    });
  });

  describe('--out that is not a file name', () => {
    it('says that an empty --out needs a file name', () => {
      const run = cli(['table', CLEAN, '--out', '']);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /^role-protocols: --out needs a file name, not an empty string\nUsage: role-protocols table/);
      const lint = cli(['lint', CLEAN, '--output', '']);
      assert.equal(lint.status, 2);
      assert.match(lint.stderr, /^role-protocols: --output needs a file name, not an empty string\nUsage: role-protocols lint/);
    });

    it('says that a folder is not a file to write, and writes nothing', () => {
      const dir = tempDir();
      fs.mkdirSync(path.join(dir, 'exports'));
      const existing = cli(['table', path.join(ROOT, CLEAN), '--out', 'exports', '--force'], { cwd: dir });
      assert.deepEqual(existing, { status: 2, stdout: '', stderr: 'role-protocols: exports is a folder: give the name of a file to write\n' });
      const slash = cli(['table', path.join(ROOT, CLEAN), '--out', 'new/'], { cwd: dir });
      assert.equal(slash.status, 2);
      assert.match(slash.stderr, /^role-protocols: --out new\/ names a folder: give the name of a file to write, e\.g\. new\/tables\.md\n/);
      const dot = cli(['lint', path.join(ROOT, CLEAN), '-o', '.'], { cwd: dir });
      assert.equal(dot.status, 2);
      assert.match(dot.stderr, /^role-protocols: --output \. names a folder/);
      assert.deepEqual(fs.readdirSync(dir), ['exports']);
      assert.deepEqual(fs.readdirSync(path.join(dir, 'exports')), []);
    });
  });

  it('takes --output as another name for --out, as lint takes --out for --output', () => {
    const dir = tempDir();
    assert.equal(cli(['table', path.join(ROOT, CLEAN), '--output', 'tables.md'], { cwd: dir }).status, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'tables.md'), 'utf8'), expected(cleanText, TABLE_IDS, 'md'));
    assert.equal(cli(['lint', path.join(ROOT, CLEAN), '-f', 'json', '--out', 'lint.json'], { cwd: dir }).status, 0);
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'lint.json'), 'utf8'))[0].errorCount, 0);
    const dash = cli(['lint', path.join(ROOT, CLEAN), '-f', 'json', '-o', '-'], { cwd: dir });
    assert.equal(JSON.parse(dash.stdout)[0].errorCount, 0);
    assert.equal(fs.existsSync(path.join(dir, '-')), false);
    const both = cli(['table', path.join(ROOT, CLEAN), '--out', 'a.md', '--output', 'b.md'], { cwd: dir });
    assert.equal(both.status, 2);
    assert.match(both.stderr, /--out and --output are the same option; give it once/);
  });

  describe('usage', () => {
    it('exits 2 for an unknown table or format, a missing file, a non-protocol, or no file', () => {
      const table = cli(['table', CLEAN, '--table', 'everything']);
      assert.equal(table.status, 2);
      assert.match(
        table.stderr,
        /unknown table `everything`; use one of training, roles, matrix, coverage, sites, governance, entitlements, training-status, due, all/,
      );
      const format = cli(['table', CLEAN, '--format', 'pdf']);
      assert.equal(format.status, 2);
      assert.match(format.stderr, /unknown format `pdf`; use one of .*md.*csv/);
      assert.equal(cli(['table', fixture('missing.roles.yaml')]).stderr, 'role-protocols: test/fixtures/cli/missing.roles.yaml: no such file or directory\n');
      const notProtocol = cli(['table', fixture('not-a-protocol.yaml')]);
      assert.deepEqual(notProtocol, {
        status: 2,
        stdout: '',
        stderr: 'role-protocols: test/fixtures/cli/not-a-protocol.yaml: not a role protocol: no `format` key\n',
      });
      const none = cli(['table']);
      assert.equal(none.status, 2);
      assert.match(none.stderr, /no file given\nUsage: role-protocols table/);
      assert.equal(cli(['table', CLEAN, '--bogus']).status, 2);
    });
  });
});
