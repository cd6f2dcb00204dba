import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { stylish } from '../../../server/out/cli/formatters/stylish';
import { json } from '../../../server/out/cli/formatters/json';
import { sarif } from '../../../server/out/cli/formatters/sarif';
import { gitlab, type CodeQualityIssue } from '../../../server/out/cli/formatters/gitlab';
import { useColor } from '../../../server/out/cli/colors';
import type { LintFileResult, LintMessage } from '../../../server/out/cli/formatters/types';

const cwd = path.resolve('/srv/project');
const options = { cwd, color: false, version: '9.9.9' };
const message = (over: Partial<LintMessage>): LintMessage => ({
  ruleId: 'schema',
  severity: 'error',
  message: 'Something is wrong.',
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 2,
  ...over,
});
const result = (file: string, messages: LintMessage[]): LintFileResult => ({
  filePath: path.join(cwd, file),
  messages,
  errorCount: messages.filter((m) => m.severity === 'error').length,
  warningCount: messages.filter((m) => m.severity === 'warning').length,
  infoCount: messages.filter((m) => m.severity === 'info').length,
});

describe('formatters', () => {
  describe('stylish', () => {
    it('says in one line how many files it checked when there is nothing to report', () => {
      assert.equal(stylish([], options), '0 files checked, no problems.\n');
      assert.equal(stylish([result('a.roles.yaml', [])], options), '1 file checked, no problems.\n');
      assert.equal(stylish([result('a.roles.yaml', []), result('b.roles.yaml', [])], { ...options, quiet: true }), '2 files checked, no errors.\n');
    });

    it('aligns line:column, severity, message and rule id, and counts in the singular', () => {
      const text = stylish(
        [
          result('dir/a.roles.yaml', [
            message({ line: 9, column: 12, severity: 'warning', message: 'Short.', ruleId: 'unused' }),
            message({ line: 120, column: 3, message: 'A longer message.\nOn two lines.', ruleId: 'schema' }),
          ]),
          result('b.roles.yaml', [message({ severity: 'info', message: 'Note.', ruleId: 'hint' })]),
        ],
        options,
      );
      assert.equal(
        text,
        [
          '',
          'dir/a.roles.yaml',
          '    9:12  warning  Short.                           unused',
          '  120:3   error    A longer message. On two lines.  schema',
          '',
          'b.roles.yaml',
          '  1:1  info  Note.  hint',
          '',
          '✖ 3 problems (1 error, 1 warning, 1 info)',
          '',
        ].join('\n'),
      );
    });

    it('reports 160,000 findings of one file (a spread of that many arguments overflows the stack)', () => {
      // Called directly: a protocol with 160,000 findings takes the CLI about 20 seconds to lint on a loaded machine.
      const many = Array.from({ length: 160_000 }, (_, i) => message({ line: i + 1, message: `Unknown key \`x${i}\`.`, ruleId: 'schema' }));
      const text = stylish([result('a.roles.yaml', many)], options);
      assert.ok(text.startsWith('\na.roles.yaml\n       1:1  error  Unknown key `x0`.       schema\n'), text.slice(0, 200));
      assert.ok(text.endsWith('\n  160000:1  error  Unknown key `x159999`.  schema\n\n✖ 160000 problems (160000 errors, 0 warnings)\n'));
      assert.equal(JSON.parse(json([result('a.roles.yaml', many)], options))[0].messages.length, 160_000);
      assert.equal(JSON.parse(sarif([result('a.roles.yaml', many)], options)).runs[0].results.length, 160_000);
    });

    it('colours severities and the summary when asked', () => {
      const text = stylish([result('a.roles.yaml', [message({})])], { ...options, color: true });
      assert.ok(text.includes('\u001b[31merror\u001b[39m'));
      assert.ok(text.includes('\u001b[4ma.roles.yaml\u001b[24m'));
      assert.ok(text.includes('1 problem (1 error, 0 warnings)'));
    });
  });

  it("json is ESLint's shape: severity 2 or 1, its counts, fatal syntax errors, with our severity name and info count beside", () => {
    const [file] = JSON.parse(
      json(
        [
          result('a.roles.yaml', [
            message({ line: 3, column: 4, endLine: 3, endColumn: 8 }),
            message({ severity: 'warning', ruleId: 'unused' }),
            message({ severity: 'info', ruleId: 'hint' }),
            message({ ruleId: 'syntax', message: 'This list is never closed.' }),
          ]),
        ],
        options,
      ),
    );
    assert.equal(file.filePath, path.join(cwd, 'a.roles.yaml'));
    assert.deepEqual(file.messages[0], {
      ruleId: 'schema',
      severity: 2,
      message: 'Something is wrong.',
      line: 3,
      column: 4,
      endLine: 3,
      endColumn: 8,
      severityName: 'error',
    });
    assert.deepEqual(
      file.messages.map((m: { severity: number; severityName: string; fatal?: boolean }) => [m.severity, m.severityName, m.fatal]),
      [
        [2, 'error', undefined],
        [1, 'warning', undefined],
        [1, 'info', undefined],
        [2, 'error', true],
      ],
    );
    const { messages: _messages, ...counts } = file;
    assert.deepEqual(counts, {
      filePath: path.join(cwd, 'a.roles.yaml'),
      suppressedMessages: [],
      errorCount: 2,
      fatalErrorCount: 1,
      warningCount: 1,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
      infoCount: 1,
    });
  });

  it('sarif maps info to note and escapes paths as URIs', () => {
    const log = JSON.parse(sarif([result('my folder/a#1.roles.yaml', [message({ severity: 'info', ruleId: 'unknown-rule' })])], options));
    const [r] = log.runs[0].results;
    assert.equal(r.level, 'note');
    assert.equal(r.locations[0].physicalLocation.artifactLocation.uri, 'my%20folder/a%231.roles.yaml');
    assert.equal(log.runs[0].tool.driver.version, '9.9.9');
  });

  describe('gitlab', () => {
    const issues = (results: LintFileResult[], over: Partial<typeof options> = {}): CodeQualityIssue[] =>
      JSON.parse(gitlab(results, { ...options, ...over })) as CodeQualityIssue[];

    it("writes GitLab's Code Quality issues: description, check name, severity, relative path and lines", () => {
      const [error, warning, info] = issues([
        result('dir/a.roles.yaml', [
          message({ line: 3, endLine: 4, message: 'No role has the id `x`.', ruleId: 'unknown-reference' }),
          message({ line: 9, severity: 'warning', ruleId: 'unused-definition' }),
          message({ line: 12, severity: 'info', ruleId: 'registered-career-level' }),
        ]),
      ]);
      assert.deepEqual(error, {
        description: 'No role has the id `x`.',
        check_name: 'unknown-reference',
        fingerprint: error!.fingerprint,
        severity: 'major',
        location: { path: 'dir/a.roles.yaml', lines: { begin: 3, end: 4 } },
      });
      assert.match(error!.fingerprint, /^[0-9a-f]{64}$/);
      assert.deepEqual(
        [warning, info].map((i) => [i!.severity, i!.check_name, i!.location.lines.begin]),
        [
          ['minor', 'unused-definition', 9],
          ['info', 'registered-career-level', 12],
        ],
      );
      assert.equal(gitlab([], options), '[]\n');
    });

    it('keeps a fingerprint when lines move or the checkout is elsewhere, and gives each finding its own', () => {
      const twice = [message({ line: 5, message: 'Same.' }), message({ line: 8, message: 'Same.' }), message({ line: 9, message: 'Other.' })];
      const here = issues([result('a.roles.yaml', twice), result('b.roles.yaml', twice)]);
      const fingerprints = here.map((i) => i.fingerprint);
      assert.equal(new Set(fingerprints).size, 6, 'two equal messages in one file, or one message in two files, are different issues');
      // Lines inserted above: every finding moves, none is new to GitLab.
      const moved = issues([
        result(
          'a.roles.yaml',
          twice.map((m) => ({ ...m, line: m.line + 10, endLine: m.endLine + 10 })),
        ),
        result('b.roles.yaml', twice),
      ]);
      assert.deepEqual(
        moved.map((i) => i.fingerprint),
        fingerprints,
      );
      // Another runner's folder: the same paths relative to it, the same fingerprints.
      const elsewhere = path.resolve('/builds/group/project');
      const moveTo = (r: LintFileResult): LintFileResult => ({ ...r, filePath: path.join(elsewhere, path.relative(cwd, r.filePath)) });
      const there = issues([result('a.roles.yaml', twice), result('b.roles.yaml', twice)].map(moveTo), { cwd: elsewhere });
      assert.deepEqual(
        there.map((i) => i.fingerprint),
        fingerprints,
      );
      // Another rule, message or file is another issue.
      const other = issues([result('a.roles.yaml', [message({ line: 5, message: 'Same.', ruleId: 'duplicate-id' })])]);
      assert.ok(!fingerprints.includes(other[0]!.fingerprint));
    });

    it('never writes an absolute path, and escapes what a terminal would obey', () => {
      const [inside, outside, stdin] = issues([
        result('sub/a.roles.yaml', [message({ message: 'Role `\u001b[2J\u202e` is unknown.' })]),
        { ...result('x', [message({})]), filePath: path.resolve(cwd, '..', 'other', 'b.roles.yaml') },
        { ...result('x', [message({})]), filePath: '<stdin>' },
      ]);
      assert.equal(inside!.location.path, 'sub/a.roles.yaml');
      assert.equal(outside!.location.path, '../other/b.roles.yaml');
      assert.equal(stdin!.location.path, '<stdin>');
      assert.equal(inside!.description, 'Role `\u001b[2J\u202e` is unknown.');
      const text = gitlab([result('a.roles.yaml', [message({ message: '\u202e' })])], options);
      assert.ok(text.includes('\\u202e') && !text.includes('\u202e'));
    });
  });

  describe('useColor', () => {
    const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv;
    it('follows --color/--no-color, then NO_COLOR, then FORCE_COLOR, then the terminal', () => {
      assert.equal(useColor({}, env({}), true), true);
      assert.equal(useColor({}, env({}), false), false);
      assert.equal(useColor({}, env({ TERM: 'dumb' }), true), false);
      assert.equal(useColor({}, env({ NO_COLOR: '1' }), true), false);
      assert.equal(useColor({}, env({ NO_COLOR: '' }), true), true);
      assert.equal(useColor({}, env({ FORCE_COLOR: '1' }), false), true);
      assert.equal(useColor({}, env({ FORCE_COLOR: '0' }), true), false);
      assert.equal(useColor({ color: true }, env({ NO_COLOR: '1' }), false), true);
      assert.equal(useColor({ noColor: true }, env({ FORCE_COLOR: '1' }), true), false);
    });
  });
});
