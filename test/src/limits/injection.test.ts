/**
 * Injection: whatever a document holds, the exports show it as text. HTML
 * escapes every value, Markdown escapes pipes, line breaks and `<` `>`, CSV
 * neutralises formulas; checked with fast-check over arbitrary values put
 * through the whole pipeline (YAML text, lint, tables, renderer). And the
 * command line writes only where it is told, never over a file without
 * --force, and never follows the document's content to other paths.
 */
import { parseCsv } from '../helpers/csv';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { lintText } from '../../../server/out/service/engine/lint';
import { escapeHtml, renderTables, tableSetFor, TABLE_IDS, type TableSet } from '../../../server/out/service/tables/index';
import { escapeCell } from '../../../server/out/service/tables/render/markdown';
import { protocolText, SECTIONS } from '../helpers/protocolText';
import { TODAY } from '../helpers/ruleTester';
import { cli, tempDir } from '../cli/run';
import { HOSTILE_TEXT } from '../fuzz/corpus';
import { seedFromEnv, TEST_SEED } from '../fuzz/properties';
import { nth } from '../helpers/nth';

const SEED = seedFromEnv(TEST_SEED);

/** A value a document may hold: anything, hostile text most often. */
const value = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_TEXT.filter((t) => t.trim() !== '')), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }), weight: 2 },
  { arbitrary: fc.string({ unit: fc.constantFrom(...'<>&"\'|\\\n\r\t=+-@`*_[]()!#:/ aé'), minLength: 1, maxLength: 30 }), weight: 3 },
);

/** The clean test protocol with its titles and names replaced by the given values (written as YAML double-quoted strings). */
function protocolWith(values: string[]): string {
  let i = 0;
  const next = () => JSON.stringify(values[i++ % values.length]);
  const header = SECTIONS.header
    .replace('title: Test protocol', () => `title: ${next()}`)
    .replace('version: "1.0"', () => `version: ${next()}`)
    .replace('owner: Head of Physics', () => `owner: ${next()}`)
    .replace('- name: Dr A. Consultant', () => `- name: ${next()}`);
  const replaceAll = (section: string, key: 'title' | 'name') =>
    section.replace(new RegExp(`(\\n\\s+(?:- )?${key}: ).*`, 'g'), (_m, lead: string) => `${lead}${next()}`);
  return protocolText({
    header,
    sites: replaceAll(SECTIONS.sites, 'name'),
    roles: replaceAll(SECTIONS.roles, 'title'),
    workflow: replaceAll(SECTIONS.workflow, 'name'),
    skills: replaceAll(SECTIONS.skills, 'name'),
    methods: replaceAll(SECTIONS.methods, 'name'),
    records: replaceAll(SECTIONS.records, 'name'),
  });
}

function tablesOf(text: string): TableSet | undefined {
  const protocol = lintText(text, { fileName: 'x.roles.yaml', today: TODAY }).protocol;
  return protocol ? tableSetFor(protocol, TABLE_IDS) : undefined;
}

/** The values a table set shows, from the document: every cell, title and document-control field. */
function shownValues(set: TableSet): string[] {
  const d = set.document as unknown as Record<string, unknown>;
  return [
    ...set.tables.flatMap((t) => t.rows.flatMap((r) => r.map((c) => c.text))),
    ...['title', 'version', 'owner', 'id', 'status'].map((k) => d[k]).filter((v): v is string => typeof v === 'string'),
  ].filter((t) => t !== '');
}

const HTML_TAGS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'header',
  'main',
  'footer',
  'section',
  'h1',
  'h2',
  'h3',
  'p',
  'table',
  'caption',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'ul',
  'li',
  'span',
  'br',
  'dl',
  'dt',
  'dd',
  'div',
  'abbr',
  'strong',
  'em',
  'colgroup',
  'col',
]);
const HTML_ATTRIBUTES = new Set(['aria-labelledby', 'aria-label', 'charset', 'class', 'content', 'id', 'lang', 'name', 'scope', 'colspan', 'rowspan', 'title']);

describe('injection: exports show every value as text', function () {
  this.timeout(60_000);
  const values = fc.array(value, { minLength: 1, maxLength: 12 });

  it('HTML: no value becomes an element or an attribute, and every value is there, escaped', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const set = tablesOf(protocolWith(vs));
        fc.pre(set !== undefined);
        const html = renderTables(set!, 'html');
        const body = html.replace(/<style>[\s\S]*?<\/style>/, '');
        for (const m of body.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
          assert.ok(HTML_TAGS.has(nth(m, 1).toLowerCase()), `element <${m[1]}>`);
          for (const a of nth(m, 2).matchAll(/\s([^\s=>/]+)(?:="([^"]*)")?/g))
            assert.ok(HTML_ATTRIBUTES.has(nth(a, 1).toLowerCase()), `attribute ${a[1]} on <${m[1]}>`);
        }
        // Outside tags there is no raw < or > (they are all &lt; &gt;), and & only starts an entity.
        const text = body.replace(/<\/?[a-zA-Z][\w-]*(?:\s[^<>]*)?>/g, '').replace(/<!DOCTYPE html>/, '');
        assert.doesNotMatch(text, /[<>]/);
        assert.doesNotMatch(text, /&(?!(amp|lt|gt|quot|#39|#x[0-9A-Fa-f]+|#\d+);)/);
        for (const v of shownValues(set!)) assert.ok(html.includes(escapeHtml(v, true)), `value ${JSON.stringify(v)} is shown`);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('Markdown: pipes, line breaks, < and > are escaped, so each row keeps its cells and no value becomes HTML', () => {
    assert.equal(escapeCell('<script>alert(1)</script>'), '&lt;script&gt;alert(1)&lt;/script&gt;');
    assert.equal(escapeCell('<img src=x onerror=alert(2)>'), '&lt;img src=x onerror=alert(2)&gt;');
    assert.equal(escapeCell('a|b\nc <d>'), 'a\\|b<br>c &lt;d&gt;');
    fc.assert(
      fc.property(values, (vs) => {
        const set = tablesOf(protocolWith(vs));
        fc.pre(set !== undefined);
        const md = renderTables(set!, 'md');
        assert.doesNotMatch(md.replace(/<br>/g, ''), /[<>]/, 'only the renderer’s own <br> is markup');
        for (const table of set!.tables) {
          const one = renderTables({ ...set!, tables: [table] }, 'md');
          const rows = one.split('\n').filter((l) => l.startsWith('|'));
          assert.equal(rows.length, table.rows.length + 2, 'one line per row');
          for (const row of rows) assert.equal(row.match(/(?<!\\)(?:\\\\)*\|/g)?.length, table.columns.length + 1, row);
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('CSV: no field starts a formula, and reading the file back gives each value (with a leading apostrophe where one was needed)', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const set = tablesOf(protocolWith(vs));
        fc.pre(set !== undefined);
        for (const table of set!.tables) {
          const csv = renderTables({ ...set!, tables: [table] }, 'csv');
          const records = parseCsv(csv.replace(/^\ufeff/, ''));
          assert.equal(records.length, table.rows.length + 1);
          records.slice(1).forEach((fields, r) => {
            fields.forEach((field, c) => {
              assert.doesNotMatch(field, /^[=+\-@\t\r]/, `field ${JSON.stringify(field)}`);
              // Control characters other than tab, CR and LF are written as U+FFFD.
              const original = nth(nth(table.rows, r), c).text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '\uFFFD');
              assert.ok(field === original || field === `'${original}`, `${JSON.stringify(field)} for ${JSON.stringify(original)}`);
            });
          });
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});

describe('injection: the command line writes only where it is told', function () {
  this.timeout(30_000);
  const listing = (dir: string): string[] => fs.readdirSync(dir, { recursive: true, withFileTypes: false }).map(String).sort();

  it('refuses to overwrite an existing file without --force, and overwrites it with --force', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'p.roles.yaml'), protocolText());
    fs.writeFileSync(path.join(dir, 'tables.md'), 'keep me\n');
    const refused = cli(['table', 'p.roles.yaml', '--out', 'tables.md'], { cwd: dir });
    assert.equal(refused.status, 2);
    assert.equal(refused.stderr, 'role-protocols: tables.md already exists; add --force to overwrite it\n');
    assert.equal(fs.readFileSync(path.join(dir, 'tables.md'), 'utf8'), 'keep me\n');
    const forced = cli(['table', 'p.roles.yaml', '--out', 'tables.md', '--force'], { cwd: dir });
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(fs.readFileSync(path.join(dir, 'tables.md'), 'utf8'), /^Test protocol \(test-protocol\)/);
  });

  it('does not follow a link at the --out path without --force (nothing is created where it points)', function () {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'p.roles.yaml'), protocolText());
    const target = path.join(dir, 'elsewhere', 'victim.md');
    fs.mkdirSync(path.dirname(target));
    try {
      fs.symlinkSync(target, path.join(dir, 'tables.md'));
    } catch {
      this.skip();
    }
    const run = cli(['table', 'p.roles.yaml', '--out', 'tables.md'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /tables\.md already exists; add --force/);
    assert.equal(fs.existsSync(target), false);
  });

  it('writes nothing but the --out file, whatever paths the document names; without --out, nothing at all', () => {
    const dir = tempDir();
    const hostile = protocolText({
      header: SECTIONS.header.replace('title: Test protocol', 'title: "../../escaped.md"').replace('id: test-protocol', 'id: "/tmp/role-protocols-escaped"'),
      roles: SECTIONS.roles.replace('title: Adapter', 'title: "../../../etc/passwd"'),
    });
    fs.writeFileSync(path.join(dir, 'p.roles.yaml'), hostile);
    const before = listing(dir);
    const printed = cli(['table', 'p.roles.yaml', '--format', 'html'], { cwd: dir });
    assert.equal(printed.status, 0, printed.stderr);
    assert.deepEqual(listing(dir), before);
    const written = cli(['table', 'p.roles.yaml', '--out', 'out/tables.html'], { cwd: dir });
    assert.equal(written.status, 0, written.stderr);
    assert.deepEqual(listing(dir), [...before, 'out', path.join('out', 'tables.html')].sort());
    assert.equal(fs.existsSync('/tmp/role-protocols-escaped'), false);
    assert.equal(fs.existsSync(path.join(dir, '..', 'escaped.md')), false);
  });

  it('reports an include outside the working and protocol folders instead of reading it, and refuses absolute paths', () => {
    const outer = tempDir();
    const project = path.join(outer, 'project');
    fs.mkdirSync(project);
    // If the outside catalogue were read, its duplicate role would be reported.
    fs.writeFileSync(
      path.join(outer, 'outside.catalogue.yaml'),
      'format: role-catalogue/1\nroles:\n  - id: adapter\n    title: Outside\n    staffGroups: [dosimetrist]\n    capacities: [operator]\n',
    );
    fs.symlinkSync(path.join(outer, 'outside.catalogue.yaml'), path.join(project, 'linked.catalogue.yaml'));
    const includes = ['../outside.catalogue.yaml', 'linked.catalogue.yaml', path.join(outer, 'outside.catalogue.yaml')];
    fs.writeFileSync(
      path.join(project, 'p.roles.yaml'),
      protocolText().replace('format: role-protocol/1\n', `format: role-protocol/1\nincludes:\n${includes.map((i) => `  - ${JSON.stringify(i)}\n`).join('')}`),
    );
    const run = cli(['lint', 'p.roles.yaml', '-f', 'json'], { cwd: project });
    const result = nth(JSON.parse(run.stdout) as { messages: { ruleId: string; message: string }[] }[], 0);
    assert.deepEqual(
      result.messages.map((m) => `${m.ruleId}: ${m.message}`),
      [
        'unresolved-include: Cannot include `../outside.catalogue.yaml`: it is outside the workspace, so it is not read; copy the catalogue into the workspace.',
        'unresolved-include: Cannot include `linked.catalogue.yaml`: it is outside the workspace, so it is not read; copy the catalogue into the workspace.',
        `unresolved-include: Cannot include \`${path.join(outer, 'outside.catalogue.yaml')}\`: write the path relative to this file, so the protocol can move with its catalogue.`,
      ],
    );
  });
});
