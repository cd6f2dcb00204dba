import * as assert from 'node:assert/strict';
import { escapeHtml, renderTables, TABLE_IDS, type TableData, type TableSet } from '../../../server/out/service/tables/index';
import { golden, HOSTILE, REFERENCE, tableSet } from './fixtures';
import { REFERENCE_DOCUMENT_CONTROL } from '../helpers/domainTables';
import { nth } from '../helpers/nth';

const html = (set: TableSet): string => renderTables(set, 'html');

/** Every start tag of a document: its name and its attributes (name, value). */
function tags(text: string): { name: string; attributes: [string, string][] }[] {
  const withoutStyle = text.replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
  return [...withoutStyle.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)].map((m) => ({
    name: nth(m, 1).toLowerCase(),
    attributes: [...nth(m, 2).matchAll(/([^\s=>]+)(?:="([^"]*)")?/g)].map((a) => [nth(a, 1).toLowerCase(), a[2] ?? ''] as [string, string]),
  }));
}

const unescape = (s: string): string =>
  s.replace(/<br>/g, '\n').replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);

/** The cells of the HTML table for one of our tables: the header texts, then the body rows, unescaped. */
function htmlTable(text: string, table: TableData): { header: string[]; rows: { text: string; classes: string }[][] } {
  const section = new RegExp(`<table class="${table.id}">([\\s\\S]*?)</table>`).exec(text);
  assert.ok(section, `no <table class="${table.id}">`);
  const [thead, tbody] = [/<thead>([\s\S]*?)<\/thead>/, /<tbody>([\s\S]*?)<\/tbody>/].map((part) => nth(part.exec(nth(section, 1)) ?? [], 1)) as [
    string,
    string,
  ];
  const cells = (row: string) =>
    [...row.matchAll(/<t[hd]([^>]*)>([\s\S]*?)<\/t[hd]>/g)].map((c) => ({
      classes: /class="([^"]*)"/.exec(nth(c, 1))?.[1] ?? '',
      text: unescape(nth(c, 2).replace(/^<span class="mark">Gap<\/span> /, '')),
    }));
  return {
    header: cells(thead).map((c) => c.text),
    rows: [...tbody.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => cells(nth(r, 1))),
  };
}

describe('exports: HTML', () => {
  it('renders the reference sample as the golden file (test/fixtures/exports/expected/reference-department.html)', () => {
    const { expected, actual } = golden('reference-department.html', html(tableSet(REFERENCE)));
    assert.equal(actual, expected);
  });

  it('is one standalone HTML5 page: charset, title, one style sheet with print rules, nothing remote, no script', () => {
    const text = html(tableSet(REFERENCE));
    assert.ok(text.startsWith('<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'));
    assert.match(text, /<title>Online adaptive radiotherapy on Ethos - roles and training: summary tables<\/title>/);
    assert.equal(text.match(/<style>/g)?.length, 1);
    assert.match(text, /thead \{ display: table-header-group; \}/);
    assert.match(text, /@media print \{/);
    assert.match(text, /@page \{ size: A4 portrait;/);
    assert.match(text, /section\.table-matrix \{ page: landscape; \}/);
    assert.doesNotMatch(text, /<script|<link|<iframe|<object|<embed|<img|url\(|@import|javascript:/i);
    for (const tag of tags(text)) {
      for (const [name] of tag.attributes) assert.ok(!/^on|^src$|^href$|^style$/.test(name), `<${tag.name} ${name}>`);
    }
  });

  it('has the document-control block: title, id, version, status, owner, approvals with role and date, effective date, review due', () => {
    const text = html(tableSet(REFERENCE));
    for (const [label, value] of REFERENCE_DOCUMENT_CONTROL) {
      assert.ok(text.includes(`<tr><th scope="row">${label}</th><td>${value}</td></tr>`), label);
    }
    assert.ok(text.includes('<tr><td>Dr R. Patel</td><td>Clinical Oncologist</td><td>2026-02-16</td></tr>'));
    assert.ok(text.includes('<tr><td>S. Okafor</td><td>Physicist</td><td>2026-02-18</td></tr>'));
  });

  it('says "Not stated" for document-control fields and approvals the document leaves out', () => {
    const set = tableSet(REFERENCE);
    const text = html({ ...set, document: { present: false, approvals: [], references: [] } });
    assert.ok(text.includes('<tr><th scope="row">Owner</th><td><span class="not-stated">Not stated</span></td></tr>'));
    assert.match(text, /Not stated: the document records no approvals\./);
    assert.match(text, /<h1>Role protocol<\/h1>/);
  });

  it('shows each of the six tables as a real table with a caption and a header row, holding every cell exactly', () => {
    for (const file of [REFERENCE, HOSTILE]) {
      const set = tableSet(file);
      const text = html(set);
      assert.deepEqual(
        set.tables.map((t) => t.id),
        TABLE_IDS,
      );
      for (const table of set.tables) {
        const found = htmlTable(text, table);
        assert.deepEqual(found.header, table.columns, `${table.id} header`);
        assert.deepEqual(
          found.rows.map((r) => r.map((c) => c.text)),
          table.rows.map((r) => r.map((c) => c.text.replace(/\r\n|\r/g, '\n').replaceAll('\u0007', '\uFFFD'))),
          `${table.id} rows of ${file}`,
        );
        assert.match(text, new RegExp(`<table class="${table.id}">\\n<caption>[^<]+</caption>\\n<thead>\\n<tr><th scope="col"`));
      }
    }
  });

  it('prints the matrix legend', () => {
    const text = html(tableSet(REFERENCE));
    assert.match(
      text,
      /<ul class="legend" aria-labelledby="matrix-legend">\n<li>P: performs<\/li>\n<li>E: edits<\/li>\n<li>A: approves<\/li>\n<li>G: agrees<\/li>\n<li>S: supports<\/li>\n<li>R: reviews<\/li>\n<li>MPE: Physicist<\/li>\n<\/ul>/,
    );
  });

  it('marks a coverage gap with a class and with words, not colour alone', () => {
    const text = html(tableSet(HOSTILE));
    assert.ok(text.includes('<tr class="gap-row">'));
    assert.ok(text.includes('<td class="gap"><span class="mark">Gap</span> No: missing =SUM(1,2)</td>'));
    assert.match(text, /1 gap, marked “Gap”: a role entitled to act but not trained\./);
    assert.match(html(tableSet(REFERENCE)), /whether training covers every skill of the step at that site\. No gaps\.<\/caption>/);
    assert.doesNotMatch(html(tableSet(REFERENCE)), /class="gap/);
  });

  describe('hostile values', () => {
    const text = html(tableSet(HOSTILE));

    it('uses only its own elements and attributes: nothing from the document becomes markup', () => {
      const elements = new Set(tags(text).map((t) => t.name));
      const allowed = new Set([
        'html',
        'head',
        'meta',
        'title',
        'style',
        'body',
        'header',
        'h1',
        'main',
        'section',
        'h2',
        'h3',
        'table',
        'caption',
        'thead',
        'tbody',
        'tr',
        'th',
        'td',
        'span',
        'p',
        'ul',
        'li',
        'footer',
        'br',
      ]);
      assert.deepEqual(
        [...elements].filter((e) => !allowed.has(e)),
        [],
      );
      const attributes = new Set(tags(text).flatMap((t) => t.attributes.map(([name]) => name)));
      assert.deepEqual(
        [...attributes].filter((a) => !['lang', 'charset', 'name', 'content', 'class', 'id', 'scope', 'aria-labelledby'].includes(a)),
        [],
      );
      assert.doesNotMatch(text, /<img|<script|<a |<b>|<i>|<u>/i);
      // The only "src=" and "href=" are the document's own text, escaped (no tag can hold them).
      assert.equal(text.match(/(src|href)=/g)?.length, text.match(/&lt;(img src|a href)=/g)?.length);
    });

    it('shows the hostile values as escaped text', () => {
      assert.ok(text.includes('<th scope="row">&lt;img src=x onerror=alert(1)&gt;</th>'));
      assert.ok(text.includes('<tr><th scope="row">Document id</th><td>&lt;script&gt;alert(&quot;id&quot;)&lt;/script&gt;</td></tr>'));
      assert.ok(text.includes('<title>Quotes &quot;double&quot; &amp; &#39;single&#39; &lt;b&gt;bold&lt;/b&gt;: summary tables</title>'));
      assert.ok(text.includes('<td>O&#39;Brien &lt;owner@example.org&gt;</td>'));
      assert.ok(text.includes('Edit OARs &lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;alert(3)&lt;/script&gt;; Line one<br>line two'));
      assert.ok(text.includes('&lt;a href=&quot;https://example.org/x&quot;&gt;Edit&lt;/a&gt; OARs'));
      assert.ok(text.includes('<td>&lt;img src=x onerror=alert(2)&gt;</td><td>Clinical Oncologist – Ü</td>'));
      assert.ok(text.includes('Offline review – naïve café 😀'));
    });

    it('replaces a control character that HTML forbids', () => {
      assert.ok(text.includes('Approve OARs \uFFFDbell'));
      assert.ok(!text.includes('\u0007'));
    });

    it('escapes & < > " and \' everywhere', () => {
      assert.equal(escapeHtml(`a & b < c > d "e" 'f'`), 'a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;');
      assert.equal(escapeHtml('x\ny', true), 'x<br>y');
      assert.equal(escapeHtml('x\ny'), 'x\ny');
      // DEL and the C1 controls (which a browser may read as Windows-1252) are replaced like the C0 ones.
      assert.equal(escapeHtml('a\u007fb\u0080c\u0085d\u009fe\u0007f'), 'a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf');
      assert.equal(escapeHtml('\u00a0\u00e9'), '\u00a0\u00e9');
    });
  });
});
