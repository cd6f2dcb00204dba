import * as assert from 'node:assert/strict';
import { lintText, type Finding } from '../../../server/out/service/engine/lint';
import { ruleById } from '../../../server/out/service/rules/index';
import type { SeveritySetting } from '../../../server/out/service/rules/types';
import { nth } from './nth';

/** A finding as a test expects it: 1-based line and column as an editor shows them. */
export interface Expected {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** The whole message, or a RegExp it must match. */
  message: string | RegExp;
}

export interface RuleCase {
  name: string;
  text: string;
  today?: string;
  /** Files the document may include, by the path it names them with (for a register: its protocol). */
  files?: Record<string, string>;
  /** The document's name: `test.roles.yaml` unless given (a register is `….register.yaml`). */
  fileName?: string;
}

export interface InvalidCase extends RuleCase {
  errors: Expected[];
}

export const TODAY = '2026-11-26';

export function lint(
  text: string,
  options: { rules?: Record<string, SeveritySetting>; today?: string; fileName?: string; files?: Record<string, string> } = {},
): Finding[] {
  const files = options.files ?? {};
  // Included files come from the test's own map: the real disk reader is tested with the CLI and the server.
  const readInclude = (includePath: string) => {
    const text = Object.prototype.hasOwnProperty.call(files, includePath) ? files[includePath] : undefined;
    return text === undefined ? { error: 'no such file.' } : { file: includePath, text };
  };
  return lintText(text, {
    fileName: options.fileName ?? 'test.roles.yaml',
    today: options.today ?? TODAY,
    config: { rules: new Map(Object.entries(options.rules ?? {})) },
    readInclude,
  }).findings;
}

/** 1-based line and column of the first occurrence of `snippet` (after `after`, if given). */
export function at(text: string, snippet: string, after?: string): { line: number; column: number } {
  const from = after === undefined ? 0 : text.indexOf(after);
  assert.ok(from >= 0, `anchor ${JSON.stringify(after)} not in text`);
  const offset = text.indexOf(snippet, from);
  assert.ok(offset >= 0, `snippet ${JSON.stringify(snippet)} not in text`);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** `at()` for the first and last character of a snippet, as an Expected without the message. */
export function span(text: string, snippet: string, after?: string): Omit<Expected, 'message'> {
  const start = at(text, snippet, after);
  return { ...start, endLine: start.line, endColumn: start.column + snippet.length };
}

/**
 * The table-driven test every rule gets: the valid cases give no finding of
 * the rule; each invalid case gives exactly the expected findings, at the
 * exact place; and for each invalid case, turning the rule off, changing its
 * severity and suppressing each finding with an inline comment all work.
 */
export function describeRule(ruleId: string, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  const rule = ruleById.get(ruleId);
  describe(`rule ${ruleId}`, () => {
    it('is registered with a description and rationale', () => {
      assert.ok(rule, `rule ${ruleId} is not registered`);
      assert.ok(rule.description.length > 10 && rule.rationale.length > 10);
    });
    for (const c of cases.valid) {
      it(`passes: ${c.name}`, () => {
        const found = lint(c.text, { today: c.today, files: c.files, fileName: c.fileName }).filter((f) => f.ruleId === ruleId);
        assert.deepEqual(found.map(show), []);
      });
    }
    for (const c of cases.invalid) {
      it(`fails: ${c.name}`, () => {
        const found = lint(c.text, { today: c.today, files: c.files, fileName: c.fileName }).filter((f) => f.ruleId === ruleId);
        assert.equal(found.length, c.errors.length, `expected ${c.errors.length} finding(s), got:\n${found.map(show).join('\n')}`);
        c.errors.forEach((expected, i) => {
          const f = nth(found, i);
          assert.equal(f.severity, rule?.defaultSeverity);
          assert.deepEqual([f.range.start.line + 1, f.range.start.character + 1], [expected.line, expected.column], `position of: ${f.message}`);
          if (expected.endLine !== undefined) assert.deepEqual([f.range.end.line + 1, f.range.end.character + 1], [expected.endLine, expected.endColumn]);
          if (typeof expected.message === 'string') assert.equal(f.message, expected.message);
          else assert.match(f.message, expected.message);
        });
      });
      it(`off, re-graded and suppressed: ${c.name}`, () => {
        assert.deepEqual(
          lint(c.text, { today: c.today, files: c.files, fileName: c.fileName, rules: { [ruleId]: 'off' } }).filter((f) => f.ruleId === ruleId),
          [],
        );
        const regraded = lint(c.text, { today: c.today, files: c.files, fileName: c.fileName, rules: { [ruleId]: 'info' } }).filter((f) => f.ruleId === ruleId);
        assert.equal(regraded.length, c.errors.length);
        assert.ok(regraded.every((f) => f.severity === 'info'));
        const suppressed = suppressAll(
          c.text,
          ruleId,
          lint(c.text, { today: c.today, files: c.files, fileName: c.fileName }).filter((f) => f.ruleId === ruleId),
        );
        assert.deepEqual(
          lint(suppressed, { today: c.today, files: c.files, fileName: c.fileName })
            .filter((f) => f.ruleId === ruleId)
            .map(show),
          [],
        );
      });
    }
  });
}

/** The text with a disable-next-line comment above each finding's line. */
function suppressAll(text: string, ruleId: string, findings: Finding[]): string {
  const lines = text.split('\n');
  const targets = [...new Set(findings.map((f) => f.range.start.line))].sort((a, b) => b - a);
  for (const line of targets) lines.splice(line, 0, `# role-protocols-disable-next-line ${ruleId}`);
  return lines.join('\n');
}

function show(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId} ${f.message}`;
}
