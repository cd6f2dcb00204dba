import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, fixture, MAIN, ROOT, tempDir } from './run';

const cleanText = fs.readFileSync(path.join(ROOT, fixture('clean.roles.yaml')), 'utf8');

/**
 * The clean protocol with keys a terminal would obey: an OSC that retitles
 * the window (ESC ] ... BEL), a C1 CSI that clears the screen, a
 * right-to-left override that reverses what follows, and an isolate left open.
 */
const HOSTILE_KEYS = ['"\\e]0;all clear\\a"', '"\\x9b2J"', '"evil\\u202Eedoc"', '"\\u2067x"'];
const hostile = cleanText.replace('    title: Adapter\n', `    title: Adapter\n${HOSTILE_KEYS.map((k) => `    ${k}: 1\n`).join('')}`);
/** Every control, bidi and invisible format character (only line feeds allowed). */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
const SGR = /\u001b\[\d+m/g;

/** Runs the CLI in a pseudo-terminal (util-linux `script`) of the given width; its output as the terminal got it. */
function inTerminal(args: string[], cwd: string, columns = 80): string {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = `stty cols ${columns}; ${[process.execPath, MAIN, ...args].map(quote).join(' ')}`;
  const env: NodeJS.ProcessEnv = { ...process.env, ROLE_PROTOCOLS_TODAY: '2026-11-26', NO_COLOR: '1' };
  delete env.COLUMNS;
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, env, encoding: 'utf8' });
  if (result.error) throw result.error;
  // The terminal's line discipline turns each LF into CR LF (a CSV's CR LF into CR CR LF).
  return result.stdout.replace(/\r+\n/g, '\n');
}
const hasScript = process.platform !== 'win32' && spawnSync('script', ['--version']).status === 0;

describe('role-protocols in a terminal', () => {
  let dir: string;
  before(() => {
    dir = tempDir();
    fs.writeFileSync(path.join(dir, 'hostile.roles.yaml'), hostile);
  });

  describe('control and format characters from a protocol', () => {
    it('are shown as escapes in the stylish report, coloured or not', () => {
      for (const colour of ['--no-color', '--color']) {
        const run = cli(['lint', 'hostile.roles.yaml', colour, '--quiet'], { cwd: dir, env: { COLUMNS: '300' } });
        assert.equal(run.status, 1);
        const text = run.stdout.replace(SGR, '');
        assert.doesNotMatch(text, RAW, colour);
        for (const shown of ['`\\u001b]0;all clear\\u0007`', '`\\u009b2J`', '`evil\\u202eedoc`', '`\\u2067x`'])
          assert.ok(text.includes(shown), `${colour}: ${shown}`);
        // Four unknown keys, and the two bidi controls among them (bidi-control).
        assert.match(text, /✖ 6 problems \(6 errors, 0 warnings\)/);
      }
    });

    it('are kept in JSON and SARIF values, written as \\u escapes', () => {
      for (const format of ['json', 'sarif']) {
        const run = cli(['lint', 'hostile.roles.yaml', '-f', format], { cwd: dir });
        assert.doesNotMatch(run.stdout, RAW, format);
        const messages: string[] =
          format === 'json'
            ? JSON.parse(run.stdout)[0].messages.map((m: { message: string }) => m.message)
            : JSON.parse(run.stdout).runs[0].results.map((r: { message: { text: string } }) => r.message.text);
        for (const key of ['\u001b]0;all clear\u0007', '\u009b2J', 'evil\u202eedoc', '\u2067x'])
          assert.ok(
            messages.some((m) => m.includes(`\`${key}\``)),
            `${format}: ${JSON.stringify(key)}`,
          );
      }
    });

    it('are shown as escapes in a file name and in a value quoted on standard error', () => {
      const named = tempDir();
      const name = 'a\u001b[2Jb\u202e.roles.yaml';
      fs.writeFileSync(path.join(named, name), hostile);
      const run = cli(['lint', '.', '--no-color'], { cwd: named });
      assert.ok(run.stdout.startsWith('\na\\u001b[2Jb\\u202e.roles.yaml\n'), run.stdout.slice(0, 80));
      assert.doesNotMatch(run.stdout, RAW);

      fs.writeFileSync(path.join(named, 'other.yaml'), 'format: "\\e[2J\\e]0;done\\a"\n');
      const other = cli(['lint', 'other.yaml'], { cwd: named });
      assert.deepEqual(other, {
        status: 2,
        stdout: '',
        stderr: 'role-protocols: other.yaml: not a role protocol: `format` is `\\u001b[2J\\u001b]0;done\\u0007`, not role-protocol/…\n',
      });
    });

    it('are shown as escapes in tables written to a terminal, and kept in tables written to a pipe or a file', function () {
      if (!hasScript) this.skip();
      const table = cleanText.replace('    title: Adapter\n', '    title: "Adapter\\e[2J \\u202Eright"\n');
      fs.writeFileSync(path.join(dir, 'table.roles.yaml'), table);
      const md = inTerminal(['table', 'table.roles.yaml', '-t', 'roles', '-f', 'md'], dir);
      assert.ok(md.includes('| Adapter\\u001b[2J \\u202eright |'), md);
      assert.doesNotMatch(md, RAW);
      const piped = cli(['table', 'table.roles.yaml', '-t', 'roles', '-f', 'md'], { cwd: dir });
      assert.ok(piped.stdout.includes('| Adapter\u001b[2J \u202eright |'));
      // CSV writes U+FFFD for the control characters themselves; the bidi override is left to the terminal's escape.
      const csv = inTerminal(['table', 'table.roles.yaml', '-t', 'roles', '-f', 'csv'], dir);
      assert.ok(csv.includes('\nAdapter\uFFFD[2J \\u202eright,'), csv);
      assert.doesNotMatch(csv, RAW);
      assert.ok(cli(['table', 'table.roles.yaml', '-t', 'roles', '-f', 'csv'], { cwd: dir }).stdout.includes('\nAdapter\uFFFD[2J \u202eright,'));
      // A CSV's byte order mark is for spreadsheets, not shown to a terminal.
      assert.ok(inTerminal(['table', 'table.roles.yaml', '-t', 'roles', '-f', 'csv'], dir).startsWith('Role,'));
    });
  });

  describe('long messages', () => {
    it('keep the columns when they fit the width, and wrap under location and rule when not', () => {
      const wide = cli(['lint', fixture('broken.roles.yaml'), '--no-color'], { env: { COLUMNS: '200' } });
      assert.match(
        wide.stdout,
        /^ {2}104:5 {3}error {4}The key `name` is written twice in this mapping; the later value wins\. Remove one of them\. {2}duplicate-key$/m,
      );
      const narrow = cli(['lint', fixture('broken.roles.yaml'), '--no-color'], { env: { COLUMNS: '72' } });
      assert.equal(
        narrow.stdout,
        [
          '',
          'test/fixtures/cli/broken.roles.yaml',
          '   53:5   error    schema',
          '                   Unknown key `note` in role `oncologist`. Did you mean',
          '                   `notes`?',
          '   76:38  warning  There is no rule `no-such-rule`.  unknown-rule',
          '   77:9   error    step-has-performer',
          '                   Step `delivery` (Deliver) has no role that performs',
          '                   it; add one under `performs`.',
          '  104:5   error    duplicate-key',
          '                   The key `name` is written twice in this mapping; the',
          '                   later value wins. Remove one of them.',
          '',
          '✖ 4 problems (3 errors, 1 warning)',
          '',
        ].join('\n'),
      );
    });

    it('wrap to the width of the terminal itself', function () {
      if (!hasScript) this.skip();
      // 110 columns: the schema message fits beside its location and rule, the step-has-performer one does not.
      const shown = inTerminal(['lint', path.join(ROOT, fixture('broken.roles.yaml'))], dir, 110);
      assert.match(shown, /^ {3}53:5 {3}error {4}Unknown key `note` in role `oncologist`\. Did you mean `notes`\? {2}schema\n/m);
      assert.match(
        shown,
        /^ {3}77:9 {3}error {4}step-has-performer\n {19}Step `delivery` \(Deliver\) has no role that performs it; add one under `performs`\.\n/m,
      );
      assert.ok(
        shown.split('\n').every((line) => line.length <= 110),
        shown,
      );
    });
  });
});
