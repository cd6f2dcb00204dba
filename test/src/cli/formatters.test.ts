import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { stylish } from '../../../server/out/cli/formatters/stylish';
import { json } from '../../../server/out/cli/formatters/json';
import { sarif } from '../../../server/out/cli/formatters/sarif';
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
    it('is empty when there is nothing to report', () => {
      assert.equal(stylish([], options), '');
      assert.equal(stylish([result('a.roles.yaml', [])], options), '');
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

    it('colours severities and the summary when asked', () => {
      const text = stylish([result('a.roles.yaml', [message({})])], { ...options, color: true });
      assert.ok(text.includes('\u001b[31merror\u001b[39m'));
      assert.ok(text.includes('\u001b[4ma.roles.yaml\u001b[24m'));
      assert.ok(text.includes('1 problem (1 error, 0 warnings)'));
    });
  });

  it('json keeps absolute paths and the 1-based positions', () => {
    const [file] = JSON.parse(json([result('a.roles.yaml', [message({ line: 3, column: 4, endLine: 3, endColumn: 8 })])], options));
    assert.equal(file.filePath, path.join(cwd, 'a.roles.yaml'));
    assert.deepEqual(file.messages[0], { ruleId: 'schema', severity: 'error', message: 'Something is wrong.', line: 3, column: 4, endLine: 3, endColumn: 8 });
    assert.deepEqual([file.errorCount, file.warningCount], [1, 0]);
  });

  it('sarif maps info to note and escapes paths as URIs', () => {
    const log = JSON.parse(sarif([result('my folder/a#1.roles.yaml', [message({ severity: 'info', ruleId: 'unknown-rule' })])], options));
    const [r] = log.runs[0].results;
    assert.equal(r.level, 'note');
    assert.equal(r.locations[0].physicalLocation.artifactLocation.uri, 'my%20folder/a%231.roles.yaml');
    assert.equal(log.runs[0].tool.driver.version, '9.9.9');
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
