import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../../server/out/cli/main';
import { renderTables } from '../../../server/out/service/tables/index';
import { cli, MAIN, tempDir } from '../cli/run';
import { REFERENCE, ROOT, tableSet } from './fixtures';
import { unzip, wordTables } from './ooxml';

const SAMPLE = path.relative(ROOT, REFERENCE);

/** Runs the CLI with standard output kept as bytes. */
function cliBytes(args: string[]): { status: number | null; stdout: Buffer; stderr: string } {
  const result = spawnSync(process.execPath, [MAIN, ...args], { cwd: ROOT, input: '', env: { ...process.env, ROLE_PROTOCOLS_TODAY: '2026-11-26' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

const isDocx = (bytes: Uint8Array): boolean =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && wordTables(unzip(bytes).get('word/document.xml')!.toString('utf8')).length === 8;

describe('exports: role-protocols table --format html|docx', () => {
  it('prints HTML to standard output, the same page the renderer makes', () => {
    const run = cli(['table', SAMPLE, '--format', 'html']);
    assert.equal(run.status, 0);
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, renderTables(tableSet(REFERENCE), 'html'));
  });

  it('writes HTML and Word files with --out, choosing the format from the extension when --format is not given', () => {
    const dir = tempDir();
    for (const [name, check] of [
      ['tables.html', (b: Buffer) => b.toString('utf8').startsWith('<!DOCTYPE html>')],
      ['tables.htm', (b: Buffer) => b.toString('utf8').startsWith('<!DOCTYPE html>')],
      ['tables.docx', isDocx],
      ['tables.csv', (b: Buffer) => b.toString('utf8').startsWith('\uFEFF')],
      ['tables.md', (b: Buffer) => b.toString('utf8').startsWith('Online adaptive radiotherapy')],
      ['tables.txt', (b: Buffer) => b.toString('utf8').startsWith('Online adaptive radiotherapy')],
    ] as [string, (b: Buffer) => boolean][]) {
      const run = cli(['table', SAMPLE, '--out', path.join(dir, name)]);
      assert.deepEqual(run, { status: 0, stdout: '', stderr: '' }, name);
      assert.ok(check(fs.readFileSync(path.join(dir, name))), name);
    }
    const explicit = path.join(dir, 'matrix-only.bin');
    assert.equal(cli(['table', SAMPLE, '-t', 'matrix', '-f', 'docx', '-o', explicit]).status, 0);
    const document = unzip(fs.readFileSync(explicit)).get('word/document.xml')!.toString('utf8');
    assert.equal(wordTables(document).length, 3, 'document control, approvals and the matrix');
    assert.match(document, /w:orient="landscape"/);
  });

  it('refuses Word without --out, and writes it to standard output only with `--out -` when that is not a terminal', async () => {
    const refused = cli(['table', SAMPLE, '--format', 'docx']);
    assert.equal(refused.status, 2);
    assert.equal(refused.stdout, '');
    assert.match(
      refused.stderr,
      /^role-protocols: --format docx writes a binary file: give --out FILE \(or `--out -` to write it to a pipe\)\nUsage: role-protocols table/,
    );

    const piped = cliBytes(['table', SAMPLE, '--format', 'docx', '--out', '-']);
    assert.equal(piped.status, 0, piped.stderr);
    assert.ok(isDocx(piped.stdout));

    const written: (string | Uint8Array)[] = [];
    const errors: string[] = [];
    const io = {
      cwd: ROOT,
      env: {},
      stdout: { isTTY: true, write: (d: string | Uint8Array) => written.push(d) },
      stderr: { write: (t: string) => errors.push(t) },
      readStdin: () => '',
    };
    assert.equal(await main(['table', SAMPLE, '--format', 'docx', '--out', '-'], io), 2);
    assert.deepEqual(written, []);
    assert.match(errors.join(''), /--format docx writes a binary file, not for a terminal/);
  });

  it('never overwrites a Word file without --force', () => {
    const dir = tempDir();
    const out = path.join(dir, 'tables.docx');
    fs.writeFileSync(out, 'keep me');
    const refused = cli(['table', SAMPLE, '--out', out]);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /already exists; add --force to overwrite it/);
    assert.equal(fs.readFileSync(out, 'utf8'), 'keep me');
    assert.equal(cli(['table', SAMPLE, '--out', out, '--force']).status, 0);
    assert.ok(isDocx(fs.readFileSync(out)));
  });

  it('reads standard input and still reports unknown formats', () => {
    const fromStdin = cli(['table', '-', '-f', 'html', '-t', 'training'], { input: fs.readFileSync(REFERENCE, 'utf8') });
    assert.equal(fromStdin.status, 0);
    assert.match(fromStdin.stdout, /<table class="training">/);
    assert.doesNotMatch(fromStdin.stdout, /<table class="roles">/);
    const unknown = cli(['table', SAMPLE, '--format', 'pdf']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown format `pdf`; use one of md, csv, html, docx/);
  });

  it('lists the formats in --help', () => {
    const help = cli(['table', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /-f, --format <name> {7}md, csv, html, docx/);
    assert.match(help.stdout, /^ {2}docx {3}a Word document/m);
    assert.match(cli(['--help']).stdout, /Print or export summary tables \(Markdown, CSV,\n\s+HTML or Word\)/);
  });
});
