import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { renderTables, renderTablesToBytes, isBinaryFormat, renderers, type TableData, type TableSet } from '../../../server/out/service/tables/index';
import { columnWidths } from '../../../server/out/service/tables/render/docx';
import { HOSTILE, REFERENCE, tableSet } from './fixtures';
import { unzip, wordSections, wordTables, wordText, xmlProblems, type WordTable } from './ooxml';
import { REFERENCE_DOCUMENT_CONTROL } from '../helpers/domainTables';
import { nth } from '../helpers/nth';
import { referenceRegister, registerSet, wideInput } from './registerFixtures';

const docx = (set: TableSet): Promise<Uint8Array> => renderTablesToBytes(set, 'docx');

interface Opened {
  parts: Map<string, Buffer>;
  document: string;
  tables: WordTable[];
}

async function open(set: TableSet): Promise<Opened> {
  const parts = unzip(await docx(set));
  const document = parts.get('word/document.xml')!.toString('utf8');
  return { parts, document, tables: wordTables(document) };
}

/** What a body cell of ours should read in Word: gaps get a "GAP: " mark; characters XML forbids become U+FFFD. */
const wordCell = (cell: { text: string; status?: string }): string =>
  `${cell.status === 'gap' ? 'GAP: ' : ''}${cell.text.replace(/\r\n|\r/g, '\n').replace(/\u0007/g, '\uFFFD')}`;

/** The Word tables are: document control, approvals, then one per data table, in order. */
const dataTables = (opened: Opened): WordTable[] => opened.tables.slice(2);

describe('exports: Word (.docx)', () => {
  let reference: Opened;
  let hostile: Opened;
  let referenceSet: TableSet;
  let hostileSet: TableSet;
  before(async () => {
    referenceSet = tableSet(REFERENCE);
    hostileSet = tableSet(HOSTILE);
    reference = await open(referenceSet);
    hostile = await open(hostileSet);
  });

  it('says "uncontrolled when printed" on every page, and DRAFT on every page of a document that is not approved', async () => {
    const partsText = (parts: Map<string, Buffer>, prefix: string) =>
      [...parts]
        .filter(([name]) => name.startsWith(`word/${prefix}`))
        .map(([, xml]) => wordText(xml.toString('utf8')))
        .join('\n');
    assert.match(partsText(reference.parts, 'footer'), /Uncontrolled when printed\./);
    // The reference protocol is approved: no header.
    assert.doesNotMatch(partsText(reference.parts, 'header'), /DRAFT/);
    const draft = { ...referenceSet, document: { ...referenceSet.document, status: 'draft' } };
    const opened = await open(draft);
    assert.match(partsText(opened.parts, 'header'), /^DRAFT: NOT APPROVED$/m);
    // Every section (portrait and landscape) carries it.
    const sections = wordSections(opened.document);
    assert.ok(sections.length > 1);
    assert.equal((opened.document.match(/<w:headerReference w:type="default"/g) ?? []).length, sections.length);
  });

  it('is a binary format, rendered asynchronously; renderTables refuses it', async () => {
    assert.equal(isBinaryFormat('docx'), true);
    assert.equal(isBinaryFormat('html'), false);
    assert.equal(renderers.get('docx')?.extension, 'docx');
    assert.throws(() => renderTables(referenceSet, 'docx'), /gives bytes, not text; use renderTablesToBytes/);
    const bytes = await docx(referenceSet);
    assert.ok(bytes instanceof Uint8Array);
    assert.deepEqual([...bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
    // Text formats come out as their UTF-8 bytes.
    assert.equal(Buffer.from(await renderTablesToBytes(referenceSet, 'csv')).toString('utf8'), renderTables(referenceSet, 'csv'));
  });

  it('is a well-formed package: every XML part parses, every part has a content type, every relationship target exists', () => {
    for (const opened of [reference, hostile]) {
      const names = [...opened.parts.keys()];
      for (const name of names.filter((n) => /\.(xml|rels)$/.test(n))) {
        assert.deepEqual(xmlProblems(opened.parts.get(name)!.toString('utf8')), [], name);
      }
      const types = opened.parts.get('[Content_Types].xml')!.toString('utf8');
      const defaults = new Set([...types.matchAll(/<Default [^>]*?Extension="([^"]+)"/g)].map((m) => nth(m, 1).toLowerCase()));
      const overrides = new Set([...types.matchAll(/<Override [^>]*?PartName="\/([^"]+)"/g)].map((m) => nth(m, 1)));
      assert.ok(defaults.has('rels') && defaults.has('xml') && overrides.has('word/document.xml'));
      for (const name of names.filter((n) => n !== '[Content_Types].xml')) {
        assert.ok(overrides.has(name) || defaults.has(name.slice(name.lastIndexOf('.') + 1).toLowerCase()), `${name} has no content type`);
      }
      for (const override of overrides) assert.ok(opened.parts.has(override), `content type for a missing part ${override}`);
      for (const rels of names.filter((n) => n.endsWith('.rels'))) {
        const base = path.posix.dirname(path.posix.dirname(rels));
        for (const m of opened.parts
          .get(rels)!
          .toString('utf8')
          .matchAll(/<Relationship [^>]*?Target="([^"]+)"[^>]*?\/>/g)) {
          if (/TargetMode="External"/.test(m[0])) assert.fail(`${rels}: external relationship ${m[1]}`);
          const target = nth(m, 1).startsWith('/') ? nth(m, 1).slice(1) : path.posix.normalize(path.posix.join(base === '.' ? '' : base, nth(m, 1)));
          assert.ok(opened.parts.has(target), `${rels}: ${m[1]} (${target}) is missing`);
        }
      }
      assert.ok(opened.parts.has('word/document.xml') && opened.parts.has('word/styles.xml') && opened.parts.has('docProps/core.xml'));
    }
  });

  it('has the document-control block: title, id, version, status, owner, effective date, review due, and approvals with role and date', () => {
    const control = nth(reference.tables, 0);
    const approvals = nth(reference.tables, 1);
    assert.deepEqual(
      control.rows.map((r) => r.cells.map((c) => c.text)),
      REFERENCE_DOCUMENT_CONTROL,
    );
    assert.deepEqual(
      approvals.rows.map((r) => r.cells.map((c) => c.text)),
      [
        ['Approved by', 'Role', 'Date'],
        ['Dr R. Patel', 'Clinical Oncologist', '2026-02-16'],
        ['S. Okafor', 'Physicist', '2026-02-18'],
      ],
    );
    assert.match(wordText(reference.document), /^Online adaptive radiotherapy on Ethos - roles and training, version 1\.2\nDocument control\n/);
    assert.match(
      reference.parts.get('docProps/core.xml')!.toString('utf8'),
      /<dc:title>Online adaptive radiotherapy on Ethos - roles and training: summary tables<\/dc:title>/,
    );
  });

  it('puts each table under its heading, as a real Word table holding every cell exactly (UTF-8 as written)', () => {
    for (const [opened, set] of [
      [reference, referenceSet],
      [hostile, hostileSet],
    ] as [Opened, TableSet][]) {
      const tables = dataTables(opened);
      assert.equal(tables.length, 6);
      set.tables.forEach((table: TableData, t) => {
        const word = nth(tables, t);
        assert.deepEqual(
          word.rows.map((r) => r.cells.map((c) => c.text)),
          [table.columns, ...table.rows.map((r) => r.map(wordCell))],
          table.id,
        );
        // The heading comes just before the table, with the description between.
        const before = wordText(opened.document.slice(0, word.offset)).split('\n');
        assert.equal(before[before.length - 2], table.title, `${table.id} heading`);
      });
    }
    const text = wordText(hostile.document);
    for (const value of [
      '<img src=x onerror=alert(1)>',
      'Clinical Oncologist – Ü',
      'Offline review – naïve café 😀',
      '=SUM(1,2)',
      `O'Brien <owner@example.org>`,
      'Approve OARs \uFFFDbell',
    ]) {
      assert.ok(text.includes(value), value);
    }
  });

  it('repeats the header row on every page, keeps rows whole and gives every cell a paragraph', () => {
    for (const table of [...reference.tables, ...hostile.tables]) {
      const isControl = table === reference.tables[0] || table === hostile.tables[0];
      table.rows.forEach((row, r) => {
        assert.equal(row.header, r === 0 && !isControl, `row ${r} header`);
        assert.equal(row.cantSplit, true);
        assert.equal(row.cells.length, table.grid.length);
        for (const cell of row.cells) assert.ok(cell.paragraphs >= 1);
      });
    }
  });

  it('puts the roles, the responsibility matrix and the sites on landscape pages and fits every table to its page width', () => {
    const sections = wordSections(reference.document);
    assert.deepEqual(
      sections.map((s) => s.orient ?? 'portrait'),
      ['portrait', 'landscape', 'portrait', 'landscape', 'portrait'],
    );
    assert.ok(nth(sections, 1).width > nth(sections, 1).height && nth(sections, 0).width < nth(sections, 0).height);
    const sectionOf = (table: WordTable) => sections.find((s) => s.end > table.offset)!;
    // After the two document-control tables: training, roles, matrix, coverage, sites and governance.
    const [training, roles, matrix, coverage, sites, governance] = [2, 3, 4, 5, 6, 7].map((i) => nth(reference.tables, i));
    assert.ok(training && roles && matrix && coverage && sites && governance);
    assert.equal(sectionOf(training), sections[0]);
    assert.equal(sectionOf(roles), sections[1]);
    assert.equal(sectionOf(matrix), sections[1]);
    assert.equal(sectionOf(coverage), sections[2]);
    assert.equal(sectionOf(sites), sections[3]);
    assert.equal(sectionOf(governance), sections[4]);
    for (const table of reference.tables) {
      const section = sectionOf(table);
      const available = section.width - section.margins.left - section.margins.right;
      const width = table.grid.reduce((a, b) => a + b, 0);
      assert.ok(width <= available, `table of ${width} twips on a page ${available} wide`);
      for (const row of table.rows)
        for (const [i, cell] of row.cells.entries()) assert.match(cell.xml, new RegExp(`<w:tcW w:type="dxa" w:w="${table.grid[i]}"/>`));
    }
    assert.match(reference.document, /<w:tblLayout w:type="fixed"\/>/);
    assert.match(reference.document, /<w:tblBorders>.*<w:insideV w:val="single"/s);
  });

  it('has a single portrait section when none of the roles, the matrix and the sites is asked for', async () => {
    const opened = await open({ ...referenceSet, tables: referenceSet.tables.filter((t) => !['roles', 'matrix', 'sites'].includes(t.id)) });
    assert.deepEqual(
      wordSections(opened.document).map((s) => s.orient ?? 'portrait'),
      ['portrait'],
    );
    const only = await open({ ...referenceSet, tables: referenceSet.tables.filter((t) => t.id === 'matrix') });
    assert.deepEqual(
      wordSections(only.document).map((s) => s.orient),
      ['landscape'],
    );
  });

  it('marks a coverage gap in words as well as shading', () => {
    const coverage = nth(dataTables(hostile), 3);
    const gap = coverage.rows.find((r) => nth(r.cells, 4).text.startsWith('GAP: '))!;
    assert.equal(nth(gap.cells, 4).text, 'GAP: No: missing =SUM(1,2)');
    assert.match(nth(gap.cells, 4).xml, /<w:shd [^>]*w:fill="F8D7D7"/);
    assert.ok(!nth(dataTables(reference), 3).rows.some((r) => nth(r.cells, 4).text.startsWith('GAP')));
  });

  it('checks well-formedness for real (the checker itself finds broken XML)', () => {
    assert.deepEqual(xmlProblems('<?xml version="1.0"?><a><b x="1">t &amp; u</b><c/></a>'), []);
    for (const broken of [
      '<a><b></a>',
      '<a x="1" x="2"/>',
      '<a>&nbsp;</a>',
      '<a>x\u0007</a>',
      '<a>1 < 2</a>',
      '<a/><b/>',
      '<a x=1/>',
      '<a>',
      '<!DOCTYPE a><a/>',
    ]) {
      assert.notDeepEqual(xmlProblems(broken), [], broken);
    }
  });

  it("shares the width by content, never below a column's longest word, and adds up to the page", () => {
    const widths = columnWidths(['Step', 'A'], [[{ text: 'A fairly long step name that wraps' }, { text: 'P' }]], 9000);
    assert.equal(
      widths.reduce((a, b) => a + b, 0),
      9000,
    );
    assert.ok(nth(widths, 0) > nth(widths, 1) && nth(widths, 1) >= 4 * 115 + 200);
    const squeezed = columnWidths(['Averyveryverylongword', 'Anotherverylongword'], [], 2000);
    assert.equal(
      squeezed.reduce((a, b) => a + b, 0),
      2000,
    );
  });
});

describe('exports: Word (.docx) of a register', () => {
  it('is a well-formed package whose every table fits its page, with a repeated header row and a paragraph in every cell', async () => {
    for (const set of [registerSet(referenceRegister()), registerSet(wideInput(40, 30))]) {
      const opened = await open(set);
      for (const name of [...opened.parts.keys()].filter((n) => /\.(xml|rels)$/.test(n)))
        assert.deepEqual(xmlProblems(opened.parts.get(name)!.toString('utf8')), [], name);
      const sections = wordSections(opened.document);
      const sectionOf = (table: WordTable) => sections.find((s) => s.end > table.offset)!;
      // The register block first, then the tables (the wide training status in parts).
      assert.ok(opened.tables.length >= 1 + set.tables.length);
      opened.tables.forEach((table, t) => {
        const section = sectionOf(table);
        const width = table.grid.reduce((a, b) => a + b, 0);
        assert.ok(width <= section.width - section.margins.left - section.margins.right, `table ${t}: ${width} twips`);
        table.rows.forEach((row, r) => {
          assert.equal(row.header, r === 0 && t > 0, `table ${t} row ${r} header`);
          assert.equal(row.cells.length, table.grid.length);
          for (const cell of row.cells) assert.ok(cell.paragraphs >= 1);
        });
      });
      // The entitlements and training status landscape, the due list portrait.
      const [entitlements, status] = [opened.tables[1]!, opened.tables[2]!];
      assert.equal(sectionOf(entitlements).orient, 'landscape');
      assert.equal(sectionOf(status).orient, 'landscape');
      assert.equal(sectionOf(opened.tables.at(-1)!).orient ?? 'portrait', 'portrait');
    }
  });
});
