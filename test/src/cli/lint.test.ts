import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, fixture, golden, ROOT, tempDir } from './run';
import { nth } from '../helpers/nth';

const BROKEN = fixture('broken.roles.yaml');
const CLEAN = fixture('clean.roles.yaml');
const WARNING = fixture('warning.roles.yaml');
const RELAXED = fixture('relaxed');
const BAD_CONFIG = fixture('bad-config');

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; severity: 1 | 2; severityName: string; message: string; line: number; column: number; endLine: number; endColumn: number }[];
  errorCount: number;
  warningCount: number;
}
const json = (stdout: string) => JSON.parse(stdout) as JsonResult[];
const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

describe('role-protocols lint', () => {
  describe('output', () => {
    it('reports a broken file and a folder with its own configuration in the stylish format', () => {
      const run = cli(['lint', BROKEN, RELAXED, '--no-color']);
      const { expected, actual } = golden('broken.stylish.txt', run.stdout);
      assert.equal(actual, expected);
      assert.equal(run.stderr, '');
      assert.equal(run.status, 1);
    });

    it('reports the same findings as JSON, with 1-based lines and columns', () => {
      const run = cli(['lint', BROKEN, RELAXED, '--format', 'json']);
      const { expected, actual } = golden('broken.json', run.stdout.split(ROOT).join('<root>'));
      assert.equal(actual, expected);
      assert.equal(run.status, 1);
      const broken = nth(json(run.stdout), 0);
      assert.equal(broken.filePath, path.join(ROOT, BROKEN));
      // `note:` in the oncologist role: line 53, columns 5 to 9 (end just past the key).
      const schema = broken.messages.find((m) => m.ruleId === 'schema')!;
      assert.deepEqual([schema.line, schema.column, schema.endLine, schema.endColumn], [53, 5, 53, 9]);
      const text = nth(fs.readFileSync(path.join(ROOT, BROKEN), 'utf8').split('\n'), 52);
      assert.equal(text.slice(schema.column - 1, schema.endColumn - 1), 'note');
    });

    it('says in one line that a clean file has no problems, and exits 0', () => {
      assert.deepEqual(cli(['lint', CLEAN]), { status: 0, stdout: '1 file checked, no problems.\n', stderr: '' });
      const dir = tempDir();
      for (const name of ['a.roles.yaml', 'b.roles.yaml']) fs.copyFileSync(path.join(ROOT, CLEAN), path.join(dir, name));
      assert.deepEqual(cli(['lint', '.'], { cwd: dir }), { status: 0, stdout: '2 files checked, no problems.\n', stderr: '' });
    });

    it('lists clean files in JSON with no messages', () => {
      const run = cli(['lint', CLEAN, '-f', 'json']);
      assert.equal(run.status, 0);
      assert.deepEqual(json(run.stdout), [
        {
          filePath: path.join(ROOT, CLEAN),
          messages: [],
          suppressedMessages: [],
          errorCount: 0,
          fatalErrorCount: 0,
          warningCount: 0,
          fixableErrorCount: 0,
          fixableWarningCount: 0,
          usedDeprecatedRules: [],
          infoCount: 0,
        },
      ]);
    });

    it('writes the report to --output instead of standard output', () => {
      const out = path.join(tempDir(), 'reports', 'lint.json');
      const run = cli(['lint', BROKEN, '-f', 'json', '-o', out]);
      assert.equal(run.status, 1);
      assert.equal(run.stdout, '');
      assert.equal(nth(json(fs.readFileSync(out, 'utf8')), 0).errorCount, 3);
    });

    it('shows errors only with --quiet', () => {
      const run = cli(['lint', BROKEN, '--quiet', '-f', 'json']);
      const result = nth(json(run.stdout), 0);
      assert.deepEqual(
        result.messages.map((m) => m.ruleId),
        ['schema', 'step-has-performer', 'duplicate-key'],
      );
      assert.equal(result.warningCount, 0);
      const warningOnly = cli(['lint', WARNING, '--quiet']);
      assert.deepEqual(warningOnly, { status: 0, stdout: '1 file checked, no errors.\n', stderr: '' });
    });
  });

  describe('exit codes', () => {
    it('exits 0 with warnings only, and 1 when they exceed --max-warnings', () => {
      assert.equal(cli(['lint', WARNING]).status, 0);
      assert.equal(cli(['lint', WARNING, '--max-warnings', '1']).status, 0);
      const over = cli(['lint', WARNING, '--max-warnings', '0']);
      assert.equal(over.status, 1);
      assert.match(over.stdout, /1 problem \(0 errors, 1 warning\)/);
      assert.equal(over.stderr, 'role-protocols found too many warnings: 1 (maximum: 0).\n');
    });

    it('counts warnings hidden by --quiet against --max-warnings, as ESLint does', () => {
      const run = cli(['lint', WARNING, '--quiet', '--max-warnings', '0']);
      assert.equal(run.status, 1);
      assert.equal(run.stdout, '1 file checked, no errors.\n');
    });

    it('rejects a --max-warnings that is not a whole number', () => {
      const run = cli(['lint', WARNING, '--max-warnings', 'lots']);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /--max-warnings needs a whole number/);
    });

    it('exits 1 when any error is found', () => {
      assert.equal(cli(['lint', BROKEN]).status, 1);
    });

    it('exits 2 for a named file that is not a role protocol', () => {
      const run = cli(['lint', fixture('not-a-protocol.yaml')]);
      assert.deepEqual(run, { status: 2, stdout: '', stderr: 'role-protocols: test/fixtures/cli/not-a-protocol.yaml: not a role protocol: no `format` key\n' });
      const other = cli(['lint', fixture('other-format.yaml')]);
      assert.equal(other.status, 2);
      assert.equal(other.stderr, 'role-protocols: test/fixtures/cli/other-format.yaml: not a role protocol: `format` is `openapi/3`, not role-protocol/…\n');
    });

    it('exits 2 for a missing file, before linting anything', () => {
      const run = cli(['lint', BROKEN, fixture('missing.roles.yaml')]);
      assert.deepEqual(run, { status: 2, stdout: '', stderr: 'role-protocols: test/fixtures/cli/missing.roles.yaml: no such file or directory\n' });
    });

    it('exits 2 for an unknown option, with the usage', () => {
      const run = cli(['lint', '--frobnicate', BROKEN]);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^role-protocols: unknown option `--frobnicate`\nUsage: role-protocols lint \[options\]/);
    });

    it('exits 2 for an unknown format, a missing option value and no files', () => {
      assert.match(cli(['lint', BROKEN, '-f', 'xml']).stderr, /unknown format `xml`; use one of stylish, json, sarif, gitlab/);
      const missing = cli(['lint', BROKEN, '--format']);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /--format needs a value/);
      const none = cli(['lint']);
      assert.equal(none.status, 2);
      assert.match(none.stderr, /no files given/);
    });

    it('exits 2 when a folder or glob holds no role protocol', () => {
      const empty = tempDir();
      fs.writeFileSync(path.join(empty, 'other.yaml'), 'name: x\n');
      const folder = cli(['lint', '.'], { cwd: empty });
      assert.deepEqual(folder, { status: 2, stdout: '', stderr: 'role-protocols: no role protocol files found in .\n' });
      const glob = cli(['lint', 'test/fixtures/cli/**/*.nothing.yaml']);
      assert.equal(glob.status, 2);
      assert.equal(glob.stderr, 'role-protocols: no role protocol files found in test/fixtures/cli/**/*.nothing.yaml\n');
    });

    it('exits 2 when --config names a file that does not exist', () => {
      const run = cli(['lint', CLEAN, '--config', 'no-such-config.yaml']);
      assert.deepEqual(run, {
        status: 2,
        stdout: '',
        stderr: 'role-protocols: no-such-config.yaml: cannot read the configuration: no such file or directory\n',
      });
    });
  });

  describe('finding files', () => {
    it('searches folders for protocols, skipping other YAML and JSON, node_modules and dot-folders', () => {
      const dir = tempDir();
      const protocol = fs.readFileSync(path.join(ROOT, CLEAN), 'utf8');
      const write = (name: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
      };
      write('a.roles.yaml', protocol);
      write('sub/plain.yaml', protocol);
      write('sub/deeper/as-json.json', JSON.stringify({ $comment: 'a protocol in JSON', format: 'role-protocol/1' }, null, 2));
      write('sub/notes.yaml', 'title: notes\n');
      write('sub/package.json', JSON.stringify({ name: 'x', format: 'something-else' }));
      write('sub/nested-format.yaml', 'build:\n  format: role-protocol/1\n');
      write('node_modules/dep/x.roles.yaml', 'format: [broken\n');
      write('.hidden/y.roles.yaml', 'format: [broken\n');
      const run = cli(['lint', '.', '-f', 'json'], { cwd: dir });
      const files = json(run.stdout).map((r) => path.relative(dir, r.filePath).split(path.sep).join('/'));
      assert.deepEqual(files, ['a.roles.yaml', 'sub/deeper/as-json.json', 'sub/plain.yaml']);
    });

    it('expands globs itself, keeping only role protocols', () => {
      const run = cli(['lint', 'test/fixtures/cli/*.yaml', '-f', 'json']);
      assert.deepEqual(
        json(run.stdout).map((r) => rel(r.filePath)),
        [BROKEN, CLEAN, fixture('syntax-error.roles.yaml'), WARNING],
      );
    });

    it('lints each file once, however often it is named', () => {
      const run = cli(['lint', BROKEN, BROKEN, 'test/fixtures/cli/broken.*', '-f', 'json']);
      assert.equal(json(run.stdout).length, 1);
    });

    it('reads standard input for `-`', () => {
      const text = fs.readFileSync(path.join(ROOT, WARNING), 'utf8');
      const run = cli(['lint', '-', '--no-color'], { input: text });
      assert.equal(run.status, 0);
      assert.equal(run.stdout, '\n<stdin>\n  73:38  warning  There is no rule `no-such-rule`.  unknown-rule\n\n✖ 1 problem (0 errors, 1 warning)\n');
    });

    it('names standard input with --stdin-filename, which also finds its configuration and language', () => {
      const text = fs.readFileSync(path.join(ROOT, WARNING), 'utf8');
      // relaxed/.roleprotocols.yaml turns unknown-rule off.
      const relaxed = cli(['lint', '-', '--stdin-filename', 'test/fixtures/cli/relaxed/piped.roles.yaml'], { input: text });
      assert.deepEqual(relaxed, { status: 0, stdout: '1 file checked, no problems.\n', stderr: '' });
      const asJson = cli(['lint', '-', '--stdin-filename', 'piped.json', '-f', 'json'], { input: '{"format": "role-protocol/1", "roles": [' });
      const result = nth(json(asJson.stdout), 0);
      assert.equal(result.filePath, path.join(ROOT, 'piped.json'));
      assert.equal(nth(result.messages, 0).ruleId, 'syntax');
    });

    it('rejects standard input that is not a role protocol', () => {
      const run = cli(['lint', '-'], { input: 'name: not a protocol\n' });
      assert.deepEqual(run, { status: 2, stdout: '', stderr: 'role-protocols: <stdin>: not a role protocol: no `format` key\n' });
    });
  });

  describe('configuration', () => {
    it('uses the nearest .roleprotocols.yaml: a changed severity, and a rule turned off', () => {
      const result = nth(json(cli(['lint', RELAXED, '-f', 'json']).stdout), 0);
      const byRule = new Map(result.messages.map((m) => [m.ruleId, m.severityName]));
      assert.equal(byRule.get('step-has-performer'), 'warning');
      assert.equal(byRule.has('unknown-rule'), false);
      assert.equal(byRule.get('schema'), 'error');
    });

    it('walks up from the file to the filesystem root, and --config replaces the discovery', () => {
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, '.roleprotocols.json'), JSON.stringify({ rules: { 'step-has-performer': 'off' } }));
      fs.mkdirSync(path.join(dir, 'a/b/c'), { recursive: true });
      fs.copyFileSync(path.join(ROOT, BROKEN), path.join(dir, 'a/b/c/deep.roles.yaml'));
      const found = nth(json(cli(['lint', 'a', '-f', 'json'], { cwd: dir }).stdout), 0);
      assert.equal(
        found.messages.some((m) => m.ruleId === 'step-has-performer'),
        false,
      );
      const overridden = nth(json(cli(['lint', 'a', '-f', 'json', '--config', path.join(ROOT, RELAXED, '.roleprotocols.yaml')], { cwd: dir }).stdout), 0);
      assert.equal(overridden.messages.find((m) => m.ruleId === 'step-has-performer')?.severity, 1);
    });

    it('reports problems in a configuration file as findings of that file, which count', () => {
      const run = cli(['lint', BAD_CONFIG, '-f', 'json']);
      const results = json(run.stdout);
      assert.equal(run.status, 1);
      assert.deepEqual(
        results.map((r) => rel(r.filePath)),
        [fixture('bad-config/.roleprotocols.yaml'), fixture('bad-config/clean.roles.yaml')],
      );
      assert.deepEqual(
        nth(results, 0).messages.map((m) => [m.ruleId, m.severityName, m.line, m.column, m.message]),
        [
          ['unknown-rule', 'warning', 2, 3, 'There is no rule `step-has-performr`. Did you mean `step-has-performer`?'],
          ['schema', 'error', 3, 11, 'The severity of `schema` must be one of error, warning, info, off; got `loud`.'],
        ],
      );
      assert.deepEqual(nth(results, 1).messages, []);
    });
  });

  describe('colour', () => {
    const ESC = '\u001b[';
    it('is off when not writing to a terminal, and on with FORCE_COLOR or --color', () => {
      assert.ok(!cli(['lint', WARNING]).stdout.includes(ESC));
      assert.ok(cli(['lint', WARNING], { env: { FORCE_COLOR: '1' } }).stdout.includes(ESC));
      assert.ok(cli(['lint', WARNING, '--color']).stdout.includes(ESC));
    });

    it('is off with NO_COLOR or --no-color, even when FORCE_COLOR is set', () => {
      assert.ok(!cli(['lint', WARNING], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout.includes(ESC));
      assert.ok(!cli(['lint', WARNING, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout.includes(ESC));
    });
  });
});

describe('role-protocols', () => {
  it('prints its version from package.json', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual(cli(['--version']), { status: 0, stdout: `${version}\n`, stderr: '' });
    // From another folder too: the version is found next to the tool, not the working folder.
    assert.equal(cli(['-v'], { cwd: tempDir() }).stdout, `${version}\n`);
  });

  it('prints help for the tool and for each command', () => {
    const tool = cli(['--help']);
    assert.equal(tool.status, 0);
    assert.match(tool.stdout, /^Usage: role-protocols <command> \[options\]/);
    assert.match(tool.stdout, /lint <files\|dirs\|globs\|->\.\.\./);
    const lint = cli(['lint', '--help']);
    assert.equal(lint.status, 0);
    assert.match(lint.stdout, /--max-warnings <n>/);
    assert.match(lint.stdout, /stylish \(default\), json \(ESLint's\), sarif \(SARIF\n\s+2\.1\.0, for code scanning\) or gitlab/);
    assert.equal(cli(['help', 'lint']).stdout, lint.stdout);
    const table = cli(['table', '-h']);
    assert.equal(table.status, 0);
    assert.match(table.stdout, /--table <name>/);
    // One option, two names: each command's help gives its own and the other.
    assert.match(lint.stdout, /-o, --output <file> .*\n.*\(also --out;/);
    assert.match(table.stdout, /-o, --out <file> .*\(also\n\s+--output;/);
  });

  it('exits 2 with the usage for an unknown command, an unknown option or none at all', () => {
    const unknown = cli(['lnit']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /^role-protocols: unknown command `lnit`\nUsage: role-protocols <command>/);
    assert.equal(cli(['--frobnicate']).status, 2);
    const none = cli([]);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /^Usage: role-protocols <command>/);
  });

  it('starts with a #! line so that it runs as a command', () => {
    assert.ok(fs.readFileSync(path.join(ROOT, 'server/out/cli/main.js'), 'utf8').startsWith('#!/usr/bin/env node\n'));
  });
});
