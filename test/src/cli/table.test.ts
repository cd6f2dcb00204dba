import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../../server/out/service/engine/lint';
import { buildTables, renderTables, TABLE_IDS } from '../../../server/out/service/tables/index';
import type { TableId } from '../../../server/out/service/tables/types';
import { cli, fixture, ROOT, tempDir } from './run';

const CLEAN = fixture('clean.roles.yaml');
const cleanText = fs.readFileSync(path.join(ROOT, CLEAN), 'utf8');

/** What the table module itself renders for a file, to compare the CLI with. */
function expected(text: string, ids: readonly TableId[], format: string): string {
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

  describe('usage', () => {
    it('exits 2 for an unknown table or format, a missing file, a non-protocol, or no file', () => {
      const table = cli(['table', CLEAN, '--table', 'everything']);
      assert.equal(table.status, 2);
      assert.match(table.stderr, /unknown table `everything`; use one of training, roles, matrix, coverage, all/);
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
