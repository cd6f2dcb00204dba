/**
 * Findings that explode, checks that fail and documents that are empty: a
 * document with problems must never look clean, and no document may make
 * the check unbounded. Through the service, the command line (a process) and
 * the language server (over LSP). Faults inside the engine are injected from
 * outside the product by the test-only preload (preload/faults.ts).
 */
import * as assert from 'node:assert/strict';
import { nth } from '../helpers/nth';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText, type Finding, type LintOptions } from '../../../server/out/service/engine/lint';
import { MAX_FINDINGS_PER_DOCUMENT, MAX_FINDINGS_PER_RULE } from '../../../server/out/service/engine/budget';
import { allRules, ruleById } from '../../../server/out/service/rules/index';
import type { RuleContext } from '../../../server/out/service/rules/types';
import { TODAY } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';
import { cli, tempDir } from '../cli/run';
import { SAMPLES, type ClientOptions } from '../lsp/client';
import { startWithEnv } from './server';
import { SAMPLES as SAMPLE_FILES } from '../fuzz/corpus';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateProduct, protocolOfLines } = require('../../../bench/generate.js') as {
  generateProduct(options: { roles: number; steps: number; skills: number; trained?: number; activity?: string }): string;
  protocolOfLines(lines: number): { text: string };
};

const FAULTS = path.join(__dirname, 'preload', 'faults.js');
const MARKER = 'ROLE-PROTOCOLS-TEST-FAULT';
const PULL: ClientOptions = { diagnostics: 'pull', folders: [SAMPLES], initializationOptions: { roleProtocols: { diagnostics: { debounceMs: 0 } } } };

const lint = (text: string, options: LintOptions = {}) => lintText(text, { fileName: 'x.roles.yaml', today: TODAY, ...options });
const of = (findings: Finding[], ruleId: string) => findings.filter((f) => f.ruleId === ruleId);
const product = (n: number) => generateProduct({ roles: n, steps: n, skills: n });
const ALL = { findingsPerRule: Infinity, findingsPerDocument: Infinity, rulesMs: Infinity };

/** Replaces one rule's check for the length of `fn`. */
function withCheck<T>(ruleId: string, check: (context: RuleContext, original: (context: RuleContext) => unknown) => unknown, fn: () => T): T {
  const rule = ruleById.get(ruleId)!;
  const original = rule.check;
  rule.check = (context) => check(context, original) as ReturnType<typeof original>;
  try {
    return fn();
  } finally {
    rule.check = original;
  }
}

describe('limits: finding explosions', function () {
  this.timeout(60_000);

  it('every role on every step, each needing every skill, untrained: one finding per role and skill, and only the first 200 shown', () => {
    // 60 × 60 × 60: 216,000 findings before, 7.6 s in the server and 791 MB on every keystroke.
    const text = product(60);
    const started = performance.now();
    const { findings } = lint(text);
    const ms = performance.now() - started;
    assert.ok(ms < 10_000, `took ${ms} ms`);
    const entitlement = of(findings, 'entitlement-needs-training');
    assert.equal(findings.length, MAX_FINDINGS_PER_RULE + 1);
    assert.equal(entitlement.length, MAX_FINDINGS_PER_RULE + 1);
    assert.equal(
      nth(entitlement, 0).message,
      'Role `role-01` performs steps `step-01`, `step-02`, `step-03` and 57 more, which need Skill 01, but no training row trains `role-01` in `skill-01`; add a training row for `skill-01` that trains `role-01`.',
    );
    const closing = nth(entitlement, MAX_FINDINGS_PER_RULE);
    assert.equal(
      closing.message,
      '3,400 more `entitlement-needs-training` findings, from here to the end of the document, are not shown: one check shows at most 200 findings of a rule and 1,000 in all. Mend the ones shown first; many findings of one rule often share one cause.',
    );
    assert.equal(closing.severity, 'error');
    // With the caps lifted: one finding per role and skill, not per step.
    assert.equal(of(lint(text, { limits: ALL }).findings, 'entitlement-needs-training').length, 60 * 60);
  });

  it('the caps: the errors first, the earliest of each rule first; one closing finding per rule with its severity, where the first one not shown is', () => {
    const workflow = SECTIONS.workflow.replace(
      'performs: [adapter]\n    skills: [oar-outlining]',
      'performs: [adaptr, adaptor, adapterr, adapt]\n    skills: [oar-outlining]',
    );
    const text = protocolText({ workflow, header: SECTIONS.header.replace('  reviewDue: 2028-01-31\n', '') });
    const show = (f: Finding) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId} ${f.severity} ${f.message.slice(0, 41)}`;
    assert.deepEqual(lint(text, { limits: ALL }).findings.map(show), [
      '2:1 document-control warning The document has no review date; add `rev',
      '53:16 unknown-reference error No role has the id `adaptr`. Did you mean',
      '53:24 unknown-reference error No role has the id `adaptor`. Did you mea',
      '53:33 unknown-reference error No role has the id `adapterr`. Did you me',
      '53:43 unknown-reference error No role has the id `adapt`. Did you mean ',
    ]);
    // Three of a rule, three in all: the fourth unknown id is counted, and the warning gives way to the errors.
    assert.deepEqual(lint(text, { limits: { findingsPerRule: 3, findingsPerDocument: 3 } }).findings.map(show), [
      '2:1 document-control warning 1 more `document-control` finding, from h',
      '53:16 unknown-reference error No role has the id `adaptr`. Did you mean',
      '53:24 unknown-reference error No role has the id `adaptor`. Did you mea',
      '53:33 unknown-reference error No role has the id `adapterr`. Did you me',
      '53:43 unknown-reference error 1 more `unknown-reference` finding, from ',
    ]);
  });

  it('a document of many findings in the command line: 200 shown, the closing one counted as an error, exit code 1', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'product.roles.yaml'), product(20));
    const run = cli(['lint', 'product.roles.yaml', '--format', 'json'], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);
    const result = nth(JSON.parse(run.stdout) as { messages: { ruleId: string; message: string }[]; errorCount: number }[], 0);
    assert.equal(result.messages.length, MAX_FINDINGS_PER_RULE + 1);
    assert.equal(result.errorCount, MAX_FINDINGS_PER_RULE + 1);
    assert.match(
      nth(result.messages, MAX_FINDINGS_PER_RULE).message,
      /^200 more `entitlement-needs-training` findings, from here to the end of the document, are not shown/,
    );
  });

  it('the same in the language server: 201 diagnostics, the last an error that says how many more there are', async () => {
    const client = await startWithEnv({}, PULL);
    try {
      const uri = await client.open(path.join(SAMPLES, 'product.roles.yaml'), product(20));
      const diagnostics = await client.pull(uri);
      assert.equal(diagnostics.length, MAX_FINDINGS_PER_RULE + 1);
      const closing = diagnostics.find((d) => /more `entitlement-needs-training` findings/.test(String(d.message)))!;
      assert.equal(closing.severity, 1);
      assert.equal(closing.code, 'entitlement-needs-training');
    } finally {
      await client.stop();
    }
  });

  it('the per-document cap is 1,000, the per-rule cap 200', () => {
    assert.equal(MAX_FINDINGS_PER_RULE, 200);
    assert.equal(MAX_FINDINGS_PER_DOCUMENT, 1000);
  });
});

describe('limits: the time the rules may take', function () {
  this.timeout(60_000);

  for (const ruleId of ['entitlement-needs-training', 'extended-scope-targets']) {
    it(`checked inside a rule that loops over a product (${ruleId}): it stops, says so, and the rules after it are named as not run`, () => {
      let clock = 0;
      let inside = false;
      const findings = withCheck(
        ruleId,
        (context, original) => {
          inside = true;
          try {
            return original(context);
          } finally {
            inside = false;
          }
        },
        // Each budget check inside the rule (one per step) moves the clock on by 1 ms; before it, time stands still.
        () =>
          lint(generateProduct({ roles: 30, steps: 30, skills: 30, activity: 'target-edit' }), {
            limits: { rulesMs: 10, now: () => (inside ? ++clock : clock) },
          }).findings,
      );
      assert.ok(clock > 10 && clock < 30, `the rule was stopped after ${clock} steps`);
      const stop = of(findings, 'document-limits');
      assert.equal(stop.length, 1);
      // The rules a protocol is checked with (a register's rules do not run on it).
      const after = allRules.slice(allRules.findIndex((r) => r.id === ruleId) + 1).filter((r) => !r.kinds || r.kinds.includes('protocol'));
      assert.equal(
        nth(stop, 0).message,
        `Checking this document took longer than the 10 ms allowed, so it was stopped: \`${ruleId}\` did not finish and the ${after.length} rules after it (${after
          .slice(0, 5)
          .map((r) => `\`${r.id}\``)
          .join(
            ', ',
          )} and ${after.length - 5} more) did not run, and their findings are missing. Look for lists that multiply (every role on every step, each needing every skill), or split the document into protocols that include a shared catalogue.`,
      );
      assert.equal(nth(stop, 0).severity, 'error');
      assert.equal(nth(stop, 0).range.start.line, 1, 'on the first line that is not a comment');
      assert.equal(of(findings, ruleId).length, 0);
    });
  }

  it('checked between rules: a rule that overruns lets no later rule start', () => {
    let clock = 0;
    const text = protocolText({
      header: SECTIONS.header.replace('  reviewDue: 2028-01-31\n', ''),
      training: SECTIONS.training.replace('roles: [adapter, physicist]', 'roles: [adapter]'),
    });
    const findings = withCheck(
      'entitlement-needs-training',
      (context, original) => {
        const reports = original(context);
        clock += 5000;
        return reports;
      },
      () => lint(text, { limits: { now: () => clock } }).findings,
    );
    // The rule that overran finished, and its finding stands; document-control, after it, did not run.
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['document-limits', 'entitlement-needs-training'],
    );
    assert.match(
      nth(findings, 0).message,
      /^Checking this document took longer than the 2,000 ms allowed, so it was stopped: the \d+ rules `independent-approval`, /,
    );
  });

  it('never costs an ordinary document a finding: every sample, and the 10,000-line bench protocol, give the same findings with and without the limits', () => {
    const documents = [...SAMPLE_FILES, { name: 'department.roles.yaml', text: protocolOfLines(10_000).text }];
    for (const { name, text } of documents) {
      const options = { fileName: name, today: TODAY };
      assert.deepEqual(lintText(text, options).findings, lintText(text, { ...options, limits: ALL }).findings, name);
    }
  });

  it('is off when document-limits is off, as the size limit is', () => {
    let clock = 0;
    const findings = lint(product(10), {
      config: { rules: new Map([['document-limits', 'off']]) },
      limits: { rulesMs: 1, now: () => (clock += 1000) },
    }).findings;
    assert.equal(of(findings, 'document-limits').length, 0);
    assert.equal(of(findings, 'entitlement-needs-training').length, 100);
  });

  it('in the command line and the server: a document that runs out of time gets the error, and the others are checked in full', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'product.roles.yaml'), `${product(40)}# ${MARKER}\n`);
    const env = { NODE_OPTIONS: `--require ${FAULTS}`, ROLE_PROTOCOLS_FAULT: 'tight-budget', ROLE_PROTOCOLS_FAULT_MARKER: MARKER };
    const run = cli(['lint', 'product.roles.yaml', '--format', 'json'], { cwd: dir, env });
    assert.equal(run.status, 1, run.stderr);
    const result = nth(JSON.parse(run.stdout) as { messages: { ruleId: string; severityName: string; message: string }[] }[], 0);
    const stop = result.messages.filter((m) => m.ruleId === 'document-limits');
    assert.equal(stop.length, 1, JSON.stringify(result.messages.slice(0, 3)));
    assert.match(nth(stop, 0).message, /^Checking this document took longer than the 1 ms allowed, so it was stopped: /);
    assert.equal(nth(stop, 0).severityName, 'error');

    const client = await startWithEnv(env, PULL);
    try {
      const uri = await client.open(path.join(SAMPLES, 'product.roles.yaml'), `${product(40)}# ${MARKER}\n`);
      const diagnostics = await client.pull(uri);
      assert.deepEqual(
        diagnostics.filter((d) => d.code === 'document-limits').map((d) => [d.severity, /took longer than the 1 ms allowed/.test(String(d.message))]),
        [[1, true]],
      );
      const other = await client.open(path.join(SAMPLES, 'other.roles.yaml'), product(40));
      assert.equal((await client.pull(other)).filter((d) => d.code === 'document-limits').length, 0);
    } finally {
      await client.stop();
    }
  });
});

describe('limits: a check that fails must not look clean', function () {
  this.timeout(30_000);

  it('a rule that throws: a finding of that rule, with its severity, and every other rule still reports', () => {
    const text = protocolText({ training: SECTIONS.training.replace('roles: [adapter, physicist]', 'roles: [adapter]') });
    const fail = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'phase')");
    };
    for (const severity of ['error', 'warning'] as const) {
      const findings = withCheck('mpe-involvement', fail, () => lint(text, { config: { rules: new Map([['mpe-involvement', severity]]) } }).findings);
      assert.deepEqual(
        findings.map((f) => `${f.range.start.line + 1} ${f.ruleId} ${f.severity}`),
        [
          '1 mpe-involvement ' + severity,
          `${text.slice(0, text.indexOf('physicist]', text.indexOf('approves'))).split('\n').length} entitlement-needs-training error`,
        ],
      );
      assert.equal(
        nth(findings, 0).message,
        "The `mpe-involvement` check failed on this document with an internal error (TypeError: Cannot read properties of undefined (reading 'phase')), so its findings are missing; this is a bug in Role Protocols: please report it with the document.",
      );
    }
  });

  it('a failure outside the rules (here the include reader throws): one syntax error says the document was not checked', () => {
    const text = protocolText({ header: `${SECTIONS.header}includes:\n  - department.catalogue.yaml\n` });
    const { findings } = lint(text, {
      readInclude: () => {
        throw new Error('EIO: i/o error, read');
      },
    });
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity, f.range.start.line, f.message]),
      [
        [
          'syntax',
          'error',
          0,
          'Role Protocols failed while reading this document with an internal error (Error: EIO: i/o error, read), so nothing in it was checked; this is a bug in Role Protocols: please report it with the document.',
        ],
      ],
    );
  });

  it('in the command line: the finding is reported and the exit code is 1 (before: an internal error, exit code 2)', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'bad.roles.yaml'), `${protocolText()}# ${MARKER}\n`);
    fs.writeFileSync(path.join(dir, 'good.roles.yaml'), protocolText());
    const env = { NODE_OPTIONS: `--require ${FAULTS}`, ROLE_PROTOCOLS_FAULT: 'rule-throws', ROLE_PROTOCOLS_FAULT_MARKER: MARKER };
    const run = cli(['lint', '.', '--format', 'json'], { cwd: dir, env });
    assert.equal(run.status, 1, run.stderr);
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; message: string }[] }[];
    assert.deepEqual(
      results.map((r) => [path.basename(r.filePath), r.messages.map((m) => m.ruleId)]),
      [
        ['bad.roles.yaml', ['mpe-involvement']],
        ['good.roles.yaml', []],
      ],
    );
    assert.match(
      nth(nth(results, 0).messages, 0).message,
      /^The `mpe-involvement` check failed on this document with an internal error \(TypeError: injected fault/,
    );
  });

  it('in the server: the document gets that diagnostic, not an empty list', async () => {
    const env = { NODE_OPTIONS: `--require ${FAULTS}`, ROLE_PROTOCOLS_FAULT: 'rule-throws', ROLE_PROTOCOLS_FAULT_MARKER: MARKER };
    const client = await startWithEnv(env, PULL);
    try {
      const uri = await client.open(path.join(SAMPLES, 'bad.roles.yaml'), `${protocolText()}# ${MARKER}\n`);
      assert.deepEqual(
        (await client.pull(uri)).map((d) => [d.code, d.severity, d.range.start.line]),
        [['mpe-involvement', 1, 0]],
      );
    } finally {
      await client.stop();
    }
  });
});

describe('limits: empty documents do not pass', function () {
  this.timeout(30_000);
  const EMPTY =
    'The document is empty (it holds only blank lines and comments): a protocol needs at least `format: role-protocol/1`, `document`, `workflow` and `training`, and a catalogue `format: role-catalogue/1`. Was the file truncated or not saved?';

  it('an empty or comment-only YAML document is a schema error on line 1', () => {
    for (const text of ['', '\n\n', '# Role protocol for the Ethos service\n# (to be written)\n', '   \r\n']) {
      assert.deepEqual(
        lint(text).findings.map((f) => [f.ruleId, f.severity, f.range.start.line, f.message]),
        [['schema', 'error', 0, EMPTY]],
        JSON.stringify(text),
      );
    }
    // JSON already says its text ends too early.
    assert.deepEqual(
      lint('', { fileName: 'x.roles.json' }).findings.map((f) => f.ruleId),
      ['syntax'],
    );
  });

  it('in the command line: an empty file, a comment-only file and empty standard input fail; an empty YAML file in a folder walk is not a protocol', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'empty.roles.yaml'), '');
    fs.writeFileSync(path.join(dir, 'comments.yaml'), '# format: role-protocol/1 (to do)\n');
    for (const args of [['empty.roles.yaml'], ['comments.yaml'], ['-']]) {
      const run = cli(['lint', ...args, '--format', 'json'], { cwd: dir, input: '' });
      assert.equal(run.status, 1, `${args.join(' ')}: ${run.stderr}`);
      const result = nth(JSON.parse(run.stdout) as { messages: { ruleId: string; line: number; message: string }[] }[], 0);
      assert.deepEqual(
        result.messages.map((m) => [m.ruleId, m.line, m.message]),
        [['schema', 1, EMPTY]],
      );
    }
    const walk = tempDir();
    fs.writeFileSync(path.join(walk, 'good.roles.yaml'), protocolText());
    fs.writeFileSync(path.join(walk, 'notes.yaml'), '');
    const run = cli(['lint', '.', '--format', 'json'], { cwd: walk });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(
      (JSON.parse(run.stdout) as { filePath: string }[]).map((r) => path.basename(r.filePath)),
      ['good.roles.yaml'],
    );
  });

  it('in the server: an empty x.roles.yaml has one error diagnostic', async () => {
    const client = await startWithEnv({}, PULL);
    try {
      const uri = await client.open(path.join(SAMPLES, 'x.roles.yaml'), '');
      assert.deepEqual(
        (await client.pull(uri)).map((d) => [d.code, d.severity, d.range.start.line, d.message]),
        [['schema', 1, 0, EMPTY]],
      );
    } finally {
      await client.stop();
    }
  });
});
