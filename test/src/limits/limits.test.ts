/**
 * Hostile input, each limit with the finding a user sees instead of a crash
 * or a hang: alias bombs, deep nesting, size, binary and non-UTF-8 text,
 * several documents, tags, `__proto__` keys, and line endings, tabs and a
 * byte order mark placed exactly.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText, type Finding } from '../../../server/out/service/engine/lint';
import { parseDocument } from '../../../server/out/service/parse/parseDocument';
import { toValue, AliasBudgetExceeded, ALIAS_NODE_BUDGET } from '../../../server/out/service/parse/toValue';
import { checkLimits, utf8Length, DEFAULT_MAX_FILE_SIZE_KB } from '../../../server/out/service/engine/limits';
import { parseConfig } from '../../../server/out/service/config/config';
import { knownRuleIds } from '../../../server/out/service/rules/index';
import { readBytesCapped, decodeText, NotARegularFile, MAX_READ_BYTES } from '../../../server/out/node/read';
import { lint, TODAY } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';
import { cli, tempDir } from '../cli/run';
import { billionLaughs } from '../fuzz/corpus';
import { nth } from '../helpers/nth';

const show = (f: Finding) =>
  `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1} ${f.ruleId} ${f.message}`;
const of = (findings: Finding[], ruleId: string) => findings.filter((f) => f.ruleId === ruleId);

/** Runs fn and returns its result and how long it took. */
function timed<T>(fn: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = fn();
  return { result, ms: performance.now() - started };
}

/** A bound only a hang or a blow-up reaches (the bomb below is refused in about 50 ms). */
const BOUND_MS = 2000;

describe('limits: YAML alias bombs ("billion laughs")', () => {
  const bomb = protocolText() + billionLaughs(9, 9);

  it('stops at the budget with one syntax finding on the alias that goes over, quickly', () => {
    const { result, ms } = timed(() => lint(bomb));
    assert.ok(ms < BOUND_MS, `took ${ms} ms`);
    // The anchored lists are values of the document too: the first alias whose expansion crosses 1,000,000 is in `l6` (9^7 values).
    const line = bomb.split('\n').findIndex((l) => l.startsWith('l6: &l6 [')) + 1;
    assert.deepEqual(result.map(show), [
      `${line}:10-${line}:13 syntax This alias expands the document to more than 1,000,000 values (an alias bomb), so the document is not checked; write the values out instead of repeating \`*aliases\`.`,
    ]);
  });

  it('counts every value it expands against a budget of 1,000,000', () => {
    const parsed = parseDocument(billionLaughs(9, 9), 'yaml');
    assert.throws(
      () => toValue(parsed.root!, parsed.anchors),
      (e: unknown) => e instanceof AliasBudgetExceeded && e.reason === 'size',
    );
    assert.equal(ALIAS_NODE_BUDGET, 1_000_000);
    // Lists of 9^1 ... 9^6 values, about 660,000 in all: under the budget, expanded and checked as usual, still quickly.
    const { result, ms } = timed(() => lint(protocolText() + billionLaughs(9, 6).replace(/^bomb:.*\n/m, '')));
    assert.ok(ms < BOUND_MS, `took ${ms} ms`);
    assert.deepEqual(of(result, 'syntax'), []);
    assert.ok(of(result, 'schema').some((f) => f.message.startsWith('Unknown key `l0`')));
  });

  it('refuses aliases nested through each other deeper than 100 levels, without overflowing the stack', () => {
    const lines = ['format: role-protocol/1', 'k0: &a0 x'];
    for (let i = 1; i < 300; i++) lines.push(`k${i}: &a${i} ${'['.repeat(60)}*a${i - 1}${']'.repeat(60)}`);
    const text = lines.join('\n') + '\n';
    const { result, ms } = timed(() => lint(text));
    assert.ok(ms < BOUND_MS, `took ${ms} ms`);
    assert.deepEqual(
      result.map((f) => `${f.range.start.line + 1} ${f.ruleId}`),
      ['4 syntax'],
    );
    assert.match(nth(result, 0).message, /^This alias nests the document more than 100 levels deep once expanded, so the document is not checked/);
    assert.equal(text.slice(nth(result, 0).range.start.offset, nth(result, 0).range.end.offset), '*a1');
  });

  it('expands an alias to itself to null instead of looping', () => {
    const { result, ms } = timed(() => lint('format: role-protocol/1\nroles: &r\n  - id: a\n    notes: *r\n'));
    assert.ok(ms < BOUND_MS);
    assert.deepEqual(of(result, 'syntax'), []);
  });

  it('reports an included catalogue that is an alias bomb as an include it cannot use', () => {
    const catalogue = 'format: role-catalogue/1\n' + billionLaughs(9, 9);
    const text = protocolText().replace('format: role-protocol/1\n', 'format: role-protocol/1\nincludes: [bomb.catalogue.yaml]\n');
    const found = lint(text, { files: { 'bomb.catalogue.yaml': catalogue } });
    assert.deepEqual(
      of(found, 'unresolved-include').map((f) => f.message),
      ['The included file `bomb.catalogue.yaml` expands beyond the size or nesting limit through its aliases, so it is not read.'],
    );
  });
});

describe('limits: nesting', () => {
  it('reads 98 nested lists, and stops at 99 with a clear syntax finding where the limit is reached', () => {
    const nested = (n: number) => `format: role-protocol/1\nx: ${'['.repeat(n)}1${']'.repeat(n)}\n`;
    assert.deepEqual(of(lint(nested(98)), 'syntax'), []);
    const found = lint(nested(150));
    assert.deepEqual(found.map(show), [
      '2:103-2:104 syntax The document nests lists and mappings too deeply here (the limit is 100 levels), so it is not read; a protocol needs about six. Check the indentation and the brackets.',
    ]);
  });

  it('places the finding on the line where block indentation goes too deep', () => {
    const text = 'format: role-protocol/1\n' + Array.from({ length: 130 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + '\n';
    const found = lint(text);
    assert.equal(found.length, 1);
    assert.equal(nth(found, 0).ruleId, 'syntax');
    assert.equal(nth(found, 0).range.start.line + 1, 101);
    assert.match(nth(found, 0).message, /too deeply here \(the limit is 100 levels\)/);
  });
});

describe('limits: file size', () => {
  const big = (bytes: number) => protocolText() + `# ${'x'.repeat(97)}\n`.repeat(Math.ceil(bytes / 100));

  it('defaults to 2048 KB, counts UTF-8 bytes, and says the size and the limit', () => {
    assert.equal(DEFAULT_MAX_FILE_SIZE_KB, 2048);
    assert.equal(utf8Length('aé€😀'), 1 + 2 + 3 + 4);
    assert.deepEqual(checkLimits('é'.repeat(1024), 2), []); // 2048 bytes: exactly 2 KB
    assert.equal(checkLimits('é'.repeat(1025), 2).length, 1);
    const over = checkLimits('é'.repeat(1100), 1);
    assert.equal(over.length, 1);
    assert.equal(
      nth(over, 0).message,
      'This file is 3 KB, over the 1 KB limit for one document, so it is not checked; split it into catalogues listed under `includes`, or raise `maxFileSizeKb` in .roleprotocols.yaml.',
    );
  });

  it('is configurable with `maxFileSizeKb` in .roleprotocols.yaml, checked as data', () => {
    const ok = parseConfig('maxFileSizeKb: 4096\n', '.roleprotocols.yaml', knownRuleIds);
    assert.equal(ok.config.maxFileSizeKb, 4096);
    assert.deepEqual(ok.problems, []);
    for (const [value, shown] of [
      ['0', '0'],
      ['1.5', '1.5'],
      ['200000', '200000'],
      ['"512"', '512'],
      ['big', 'big'],
      ['[1]', 'sequence'],
    ]) {
      const bad = parseConfig(`maxFileSizeKb: ${value}\n`, '.roleprotocols.yaml', knownRuleIds);
      assert.equal(bad.config.maxFileSizeKb, undefined, value);
      assert.deepEqual(
        bad.problems.map((p) => p.message),
        [`\`maxFileSizeKb\` must be a whole number of kilobytes from 1 to 102400 (100 MB); got \`${shown}\`. The default is 2048.`],
        value,
      );
    }
  });

  it('stops a file over the configured limit with one finding, and checks a file under it', () => {
    const text = big(3 * 1024);
    const small = lintText(text, { fileName: 'x.roles.yaml', today: TODAY, config: { rules: new Map(), maxFileSizeKb: 2 } }).findings;
    assert.deepEqual(
      small.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId}`),
      ['1:1 document-limits'],
    );
    assert.match(nth(small, 0).message, /^This file is \d KB, over the 2 KB limit for one document/);
    assert.deepEqual(lintText(text, { fileName: 'x.roles.yaml', today: TODAY, config: { rules: new Map(), maxFileSizeKb: 8 } }).findings, []);
  });

  it('the command line applies the project limit, and still reports the other files', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '.roleprotocols.yaml'), 'maxFileSizeKb: 4\n');
    fs.writeFileSync(path.join(dir, 'a.roles.yaml'), big(3 * 1024));
    fs.writeFileSync(path.join(dir, 'b.roles.yaml'), protocolText());
    const run = cli(['lint', '.', '-f', 'json'], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; line: number; message: string }[] }[];
    assert.deepEqual(
      results.map((r) => [path.basename(r.filePath), r.messages.map((m) => `${m.line} ${m.ruleId}`)]),
      [
        ['a.roles.yaml', ['1 document-limits']],
        ['b.roles.yaml', []],
      ],
    );
  });

  it('the command line refuses unread a file over the most it reads (100 MB), by its size', () => {
    const dir = tempDir();
    const file = path.join(dir, 'huge.roles.yaml');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, MAX_READ_BYTES + 1); // sparse: nothing is written
    const started = Date.now();
    const run = cli(['lint', 'huge.roles.yaml'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.equal(
      run.stderr,
      'role-protocols: huge.roles.yaml: not read: it is 100 MB, more than the 100 MB the tool reads of one file; a protocol is far smaller\n',
    );
    assert.ok(Date.now() - started < 10_000);
  });

  it('refuses a device that never ends without reading it: only regular files are read', function () {
    if (!fs.existsSync('/dev/zero')) this.skip();
    assert.throws(
      () => readBytesCapped('/dev/zero', 64 * 1024),
      (e: unknown) => e instanceof NotARegularFile && e.message === 'it is a device, not a regular file',
    );
  });
});

describe('limits: "did you mean" on thousands of unknown ids', () => {
  it('stays quick: the hints are budgeted, and past the budget the findings come without one', () => {
    let text = 'format: role-protocol/1\nroles:\n';
    for (let i = 0; i < 2000; i++) text += `  - id: role-${i}\n    title: R\n`;
    text += 'workflow:\n';
    for (let i = 0; i < 5000; i++) text += `  - id: s${i}\n    name: n\n    activity: oar-edit\n    performs: [rolx-${i % 2000}]\n`;
    // Before the budget this took about 17 s. The caps on findings are lifted to see every hint.
    const everyFinding = { findingsPerRule: Infinity, findingsPerDocument: Infinity };
    const { result, ms } = timed(() => lintText(text, { fileName: 'x.roles.yaml', today: TODAY, limits: everyFinding }).findings);
    assert.ok(ms < 5000, `took ${ms} ms`);
    const unknown = of(result, 'unknown-reference');
    assert.equal(unknown.length, 5000);
    assert.equal(nth(unknown, 0).message, 'No role has the id `rolx-0`. Did you mean `role-0`?');
    assert.equal(nth(unknown, 4999).message, 'No role has the id `rolx-999`.');
  });
});

describe('limits: binary and non-UTF-8 content', () => {
  it('a NUL character: one finding at it, nothing else parsed; with the rule off, the YAML reader says why it cannot read it', () => {
    const text = protocolText({ roles: SECTIONS.roles.replace('title: Adapter', 'title: Ada\u0000pter') });
    assert.deepEqual(
      lint(text).map((f) => `${f.ruleId} ${text.slice(f.range.start.offset, f.range.end.offset) === '\u0000'}`),
      ['document-limits true'],
    );
    assert.deepEqual(
      lint(text, { rules: { 'document-limits': 'off' } }).map((f) => f.ruleId),
      ['syntax'],
    );
  });

  it('the command line: a binary file is reported once, not linted as garbage', () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, 'image.roles.yaml'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xd8]),
    );
    const run = cli(['lint', 'image.roles.yaml', '-f', 'json'], { cwd: dir });
    assert.equal(run.status, 1);
    const result = nth(JSON.parse(run.stdout) as { messages: { ruleId: string; line: number; column: number }[] }[], 0);
    assert.deepEqual(
      result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`),
      ['3:1 document-limits'],
    );
  });

  it('the command line: bytes that are not UTF-8 (Windows-1252) are reported where they are, and the rest is still checked', () => {
    const dir = tempDir();
    const text = protocolText({ roles: SECTIONS.roles.replace('title: Adapter', 'title: Adapter \u2013 radiographer') });
    const bytes = Buffer.from(text, 'utf8');
    const dash = bytes.indexOf(Buffer.from('\u2013', 'utf8'));
    fs.writeFileSync(path.join(dir, 'cp1252.roles.yaml'), Buffer.concat([bytes.subarray(0, dash), Buffer.from([0x96]), bytes.subarray(dash + 3)]));
    const run = cli(['lint', 'cp1252.roles.yaml', '-f', 'json'], { cwd: dir });
    const result = nth(JSON.parse(run.stdout) as { messages: { ruleId: string; line: number; column: number; message: string }[] }[], 0);
    const where = text.split('\n').findIndex((l) => l.includes('\u2013'));
    assert.deepEqual(
      result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`),
      [`${where + 1}:20 document-limits`],
    );
    assert.match(
      nth(result.messages, 0).message,
      /^This character \(U\+FFFD\) is what is left where bytes could not be read as UTF-8: the file is, or once was, saved in another encoding such as Windows-1252\./,
    );
  });

  it('the command line reads UTF-16 with a byte order mark, and drops a UTF-8 byte order mark', () => {
    const text = protocolText({ roles: SECTIONS.roles.replace('minBand: 6', 'minBand: 11') });
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    assert.equal(decodeText(le), text);
    assert.equal(decodeText(be), text);
    assert.equal(decodeText(Buffer.from('\ufeff' + text, 'utf8')), text);
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'utf16.roles.yaml'), le);
    const run = cli(['lint', 'utf16.roles.yaml', '-f', 'json'], { cwd: dir });
    const result = nth(JSON.parse(run.stdout) as { messages: { ruleId: string; line: number; column: number }[] }[], 0);
    const line = text.split('\n').findIndex((l) => l.includes('minBand: 11')) + 1;
    assert.deepEqual(
      result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`),
      [`${line}:14 schema`],
    );
  });
});

describe('limits: several YAML documents in one file', () => {
  it('reads the first, and puts a syntax finding on the second `---`', () => {
    const text = protocolText() + '---\nformat: role-protocol/1\nroles: []\n';
    const found = lint(text);
    const line = text.split('\n').indexOf('---') + 1;
    assert.deepEqual(found.map(show), [
      `${line}:1-${line}:4 syntax A protocol file holds one YAML document; this \`---\` starts a second one, which is ignored. Remove it, or move what follows to a file of its own.`,
    ]);
  });

  it('accepts a leading `---` and a closing `...`', () => {
    assert.deepEqual(lint('---\n' + protocolText() + '...\n'), []);
  });
});

describe('limits: tags never run code', () => {
  it('keeps tagged values as the text written: no function, no object, no side effect', () => {
    const g = globalThis as Record<string, unknown>;
    const text = protocolText({
      header: SECTIONS.header
        .replace('title: Test protocol', 'title: !!js/function "function () { globalThis.tagRan = true; return 1 }"')
        .replace('owner: Head of Physics', 'owner: !custom Head of Physics'),
      roles: SECTIONS.roles
        .replace('title: Adapter', 'title: !!python/object/apply:os.system ["echo pwned"]')
        .replace('title: Physicist', 'title: !<tag:yaml.org,2002:js/undefined> Physicist'),
    });
    const result = lintText(text, { fileName: 'x.roles.yaml', today: TODAY });
    assert.equal(g.tagRan, undefined);
    assert.equal(result.protocol?.document?.title, 'function () { globalThis.tagRan = true; return 1 }');
    assert.equal(result.protocol?.document?.owner, 'Head of Physics');
    assert.equal(result.protocol?.roleById.get('physicist')?.title, 'Physicist');
    // A sequence under a tag is a sequence of text: the schema says a title is text.
    assert.deepEqual(
      of(result.findings, 'schema').map((f) => f.message),
      ['`title` must be text; got a list.'],
    );
  });
});

describe('limits: __proto__ and constructor keys', () => {
  const text = protocolText({
    header: SECTIONS.header + '__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}\n',
    roles: SECTIONS.roles.replace('  - id: adapter\n', '  - id: adapter\n    __proto__: {polluted: true}\n    constructor: x\n'),
  }).replace('  id: test-protocol\n', '  id: test-protocol\n  __proto__:\n    polluted: true\n');

  it('pollutes no prototype and changes nothing else: each key is an unknown-key finding where it is written', () => {
    const before = Reflect.ownKeys(Object.prototype).length;
    const result = lintText(text, { fileName: 'x.roles.yaml', today: TODAY });
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Reflect.ownKeys(Object.prototype).length, before);
    assert.deepEqual(
      result.findings.map((f) => `${f.ruleId} ${text.slice(f.range.start.offset, f.range.end.offset)}`),
      ['schema __proto__', 'schema __proto__', 'schema constructor', 'schema __proto__', 'schema constructor'],
    );
    assert.match(nth(result.findings, 0).message, /^Unknown key `__proto__` in/);
    // The entry is still read as written: the adapter role keeps its title.
    assert.equal(result.protocol?.roleById.get('adapter')?.title, 'Adapter');
  });

  it('ids named after Object members are just ids: unknown ones are reported, none is found on a prototype', () => {
    const refs = protocolText({ workflow: SECTIONS.workflow.replace('performs: [adapter]', 'performs: [constructor, __proto__, toString, hasOwnProperty]') });
    const unknown = of(lint(refs), 'unknown-reference').map((f) => f.message);
    assert.deepEqual(unknown, [
      'No role has the id `constructor`.',
      'No role has the id `__proto__`.',
      'No role has the id `toString`.',
      'No role has the id `hasOwnProperty`.',
    ]);
  });

  it('in the configuration file: unknown rules, and no effect on any setting', () => {
    const { config, problems } = parseConfig(
      '__proto__: {rules: {}}\nrules:\n  __proto__: off\n  constructor: off\n  toString: error\n',
      '.roleprotocols.yaml',
      knownRuleIds,
    );
    assert.equal(config.rules.size, 0);
    assert.deepEqual(
      problems.map((p) => `${p.ruleId} ${p.message.replace(/ Did you mean .*$/, '')}`),
      [
        'schema Unknown configuration key `__proto__`. The keys are `rules`, `maxFileSizeKb` and `register`.',
        'unknown-rule There is no rule `__proto__`.',
        'unknown-rule There is no rule `constructor`.',
        'unknown-rule There is no rule `toString`.',
      ],
    );
    assert.equal(({} as Record<string, unknown>).rules, undefined);
  });
});

describe('limits: CRLF, a lone CR, tabs and a byte order mark, placed exactly', () => {
  const lf = protocolText({ roles: SECTIONS.roles.replace('minBand: 6', 'minBand: 11') });
  const lineOf = (text: string) => text.split('\n').findIndex((l) => l.includes('minBand: 11'));

  it('a byte order mark and CRLF: the same line and column as the plain text (the BOM is a character of line 1 only)', () => {
    const expected = { line: lineOf(lf), character: 13 };
    for (const text of [lf, lf.replace(/\n/g, '\r\n'), '\ufeff' + lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r')]) {
      const f = nth(of(lint(text), 'schema'), 0);
      assert.deepEqual({ line: f.range.start.line, character: f.range.start.character }, expected, JSON.stringify(text.slice(0, 30)));
      assert.equal(text.slice(f.range.start.offset, f.range.end.offset), '11');
    }
    // On line 1 the BOM counts: `format` starts at character 1, as an editor that keeps the BOM sees it.
    const missing = nth(of(lint('\ufeffformat: role-protocol/1\r\n'), 'schema'), 0);
    assert.deepEqual([missing.range.start.line, missing.range.start.character, missing.range.end.character], [0, 1, 7]);
  });

  it('the command line drops the byte order mark: columns as written', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'bom.roles.yaml'), '\ufeff' + lf.replace(/\n/g, '\r\n'));
    const result = nth(
      JSON.parse(cli(['lint', 'bom.roles.yaml', '-f', 'json'], { cwd: dir }).stdout) as {
        messages: { line: number; column: number; endColumn: number }[];
      }[],
      0,
    );
    assert.deepEqual(
      result.messages.map((m) => [m.line, m.column, m.endColumn]),
      [[lineOf(lf) + 1, 14, 16]],
    );
  });

  it('a suppression comment works with CRLF and lone-CR line ends', () => {
    const suppressed = lf.replace('    minBand: 11', '    # role-protocols-disable-next-line schema\n    minBand: 11');
    for (const text of [suppressed, suppressed.replace(/\n/g, '\r\n'), suppressed.replace(/\n/g, '\r')]) assert.deepEqual(lint(text).map(show), []);
  });

  it('a tab used for indentation: a clear syntax finding on the tab; a tab after a colon is fine', () => {
    const tabbed = protocolText().replace('\n  id: test-protocol', '\n\tid: test-protocol');
    const found = lint(tabbed);
    assert.deepEqual(
      found.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId} ${f.message}`),
      ['3:1 syntax A tab is used for indentation here; YAML indents with spaces only, so replace the tab with spaces.'],
    );
    assert.deepEqual(lint(protocolText().replace('id: test-protocol', 'id:\ttest-protocol')), []);
  });
});
