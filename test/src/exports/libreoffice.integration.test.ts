import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderTables, renderTablesToBytes, type TableSet } from '../../../server/out/service/tables/index';
import { controlFields, tableDescription } from '../../../server/out/service/tables/render/document';
import { ensureConsumers, missingCells, Office, parseCsv, pdfPages, pdfText, run, trimmed } from './consumers';
import { HOSTILE, REFERENCE, ROOT, tableSet, tableTexts } from './fixtures';
import { nth } from '../helpers/nth';

/**
 * The exports opened by a real consumer: LibreOffice from Debian converts the
 * Word and HTML files to PDF and the CSV files to a spreadsheet and back;
 * poppler-utils reads the PDFs. Two soffice calls convert all the PDFs, two
 * more do the CSV round trip.
 */

const SCREENSHOT = path.join(ROOT, 'docs/images/training-matrix-docx.png');

/**
 * What the PDF text shows for a cell: characters XML forbids were written as
 * U+FFFD (the Word and HTML tests check that), which pdftotext leaves out.
 */
const shown = (text: string): string => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

describe('exports: opened by LibreOffice (real consumers)', function () {
  this.timeout(120_000);
  let office: Office;
  let sets: { reference: TableSet; hostile: TableSet };
  /** The PDFs LibreOffice wrote, set by before(). */
  const pdf = { referenceDocx: '', hostileDocx: '', longDocx: '', referenceHtml: '', hostileHtml: '' };
  /** Cells found, per file and table, for the summary. */
  const checked: string[] = [];

  before(async function () {
    this.timeout(20 * 60_000); // The first run may install LibreOffice.
    ensureConsumers();
    office = new Office();
    sets = { reference: tableSet(REFERENCE), hostile: tableSet(HOSTILE) };
    const input = path.join(office.dir, 'in');
    fs.mkdirSync(input);
    const write = async (name: string, set: TableSet, format: string) => {
      const file = path.join(input, name);
      fs.writeFileSync(file, await renderTablesToBytes(set, format));
      return file;
    };
    // A long coverage table (the reference rows four times) runs over several pages, to see the header row repeated.
    const coverage = sets.reference.tables.find((t) => t.id === 'coverage')!;
    const long: TableSet = { ...sets.reference, tables: [{ ...coverage, rows: [1, 2, 3, 4].flatMap(() => coverage.rows) }] };
    const docx = [
      await write('reference-docx.docx', sets.reference, 'docx'),
      await write('hostile-docx.docx', sets.hostile, 'docx'),
      await write('long-docx.docx', long, 'docx'),
    ];
    const html = [await write('reference-html.html', sets.reference, 'html'), await write('hostile-html.html', sets.hostile, 'html')];
    const out = path.join(office.dir, 'pdf');
    const docxPdfs = await office.convert(docx, 'pdf', out);
    pdf.referenceDocx = nth(docxPdfs, 0);
    pdf.hostileDocx = nth(docxPdfs, 1);
    pdf.longDocx = nth(docxPdfs, 2);
    // Writer's own HTML import: Writer/Web's PDF export (LibreOffice 7.4) drops the first paragraph of a page.
    const htmlPdfs = await office.convert(html, 'pdf', out, { infilter: 'HTML (StarWriter)' });
    pdf.referenceHtml = nth(htmlPdfs, 0);
    pdf.hostileHtml = nth(htmlPdfs, 1);
  });

  after(() => {
    if (office) {
      console.log(`      LibreOffice: ${office.runs.map((r) => `${r.what} in ${(r.ms / 1000).toFixed(1)} s`).join('; ')}`);
      if (checked.length > 0) console.log(`      Cells found: ${checked.join('; ')}`);
      office.dispose();
    }
  });

  /** Asserts that the PDF's text holds every cell of every table of the set, in reading order, and notes the count. */
  async function assertEveryCell(file: string, set: TableSet, label: string): Promise<void> {
    const text = await pdfText(file);
    const counts: string[] = [];
    for (const table of set.tables) {
      const cells = tableTexts(table).map(shown);
      assert.deepEqual(missingCells(text, cells), [], `${label}: cells of ${table.id} missing from the PDF text`);
      counts.push(`${table.id} ${cells.length}`);
    }
    // The fields as the block writes them (the status as a value: "Approved").
    const control = controlFields(set.document)
      .map((f) => f.value)
      .filter((v): v is string => !!v);
    const approvals = set.document.approvals
      .flatMap((a) => [a.name, a.role && (set.roleTitles?.get(a.role) ?? a.role), a.date])
      .filter((v): v is string => !!v);
    assert.deepEqual(missingCells(text, [...control, ...approvals].map(shown)), [], `${label}: document control missing from the PDF text`);
    checked.push(`${label} ${counts.join(', ')} (+${control.length + approvals.length} document control)`);
  }

  describe('Word', () => {
    it('converts without errors: exit 0, a non-empty PDF, A4 pages with the roles, the matrix and the sites on landscape pages', async () => {
      for (const file of [pdf.referenceDocx, pdf.hostileDocx]) assert.ok(fs.statSync(file).size > 10_000, file);
      const pages = await pdfPages(pdf.referenceDocx);
      const texts = (await pdfText(pdf.referenceDocx)).split('\f');
      assert.ok(pages.length >= 3, `${pages.length} pages`);
      // Where each table starts (its description's first words), and so which pages are landscape: from the start of
      // the roles, the matrix or the sites up to the start of the next portrait table.
      const starts = sets.reference.tables.map((table) => ({
        landscape: ['roles', 'matrix', 'sites'].includes(table.id),
        page: texts.findIndex((t) => t.includes(tableDescription(table).split(' ').slice(0, 4).join(' '))),
      }));
      assert.ok(
        starts.every((start, i) => start.page >= 0 && start.page >= (starts[i - 1]?.page ?? 0)),
        `tables start on pages ${starts.map((start) => start.page + 1).join(', ')}`,
      );
      pages.forEach((page, i) => {
        const landscape = page.width > page.height;
        const table = starts.filter((start) => start.page <= i).at(-1);
        assert.equal(landscape, table?.landscape === true, `page ${i + 1} is ${page.width} x ${page.height}`);
        assert.deepEqual([Math.round(Math.min(page.width, page.height)), Math.round(Math.max(page.width, page.height))], [595, 842]);
      });
    });

    it('repeats the header row on every page a table runs over', async () => {
      const pages = (await pdfText(pdf.longDocx)).split('\f').filter((t) => t.trim() !== '');
      assert.ok(pages.length >= 3, `${pages.length} pages`);
      pages.forEach((text, i) => assert.match(text, /^Site Step Role Skills Training row$/m, `page ${i + 1}`));
      assert.equal((await pdfText(pdf.longDocx)).match(/^Cervix Review and edit AI-generated OARs/gm)?.length, 4);
    });

    it('holds every cell of all six tables of the reference sample, and its document control', async () => {
      await assertEveryCell(pdf.referenceDocx, sets.reference, 'reference.docx');
    });

    it('holds every hostile value as text', async () => {
      await assertEveryCell(pdf.hostileDocx, sets.hostile, 'hostile.docx');
      const text = (await pdfText(pdf.hostileDocx)).replace(/\s+/g, ' ');
      assert.ok(text.includes('GAP: No: missing =SUM(1,2)'));
    });

    it('renders a first page worth showing (docs/images/training-matrix-docx.png)', async () => {
      const base = path.join(office.dir, 'page1');
      const result = await run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf.referenceDocx, base], { timeoutMs: 30_000 });
      assert.equal(result.code, 0, result.stderr);
      const png = fs.readFileSync(`${base}.png`);
      assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      // A4 portrait at 80 dpi (poppler rounds up: 662 x 936).
      assert.ok(Math.abs(png.readUInt32BE(16) - 661) <= 2 && Math.abs(png.readUInt32BE(20) - 935) <= 2, `${png.readUInt32BE(16)} x ${png.readUInt32BE(20)}`);
      assert.ok(png.length < 200_000, `${png.length} bytes`);
      if (process.env.UPDATE_GOLDEN === '1' || !fs.existsSync(SCREENSHOT)) {
        fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
        fs.copyFileSync(`${base}.png`, SCREENSHOT);
      }
    });
  });

  describe('HTML', () => {
    it('converts without errors and holds every cell of all six tables of the reference sample', async () => {
      assert.ok((await pdfPages(pdf.referenceHtml)).length >= 2);
      await assertEveryCell(pdf.referenceHtml, sets.reference, 'reference.html');
    });

    it('holds every hostile value as text, none of it run as markup', async () => {
      await assertEveryCell(pdf.hostileHtml, sets.hostile, 'hostile.html');
      const text = await pdfText(pdf.hostileHtml);
      assert.ok(text.includes('<img src=x onerror=alert(1)>'));
      assert.ok(text.includes('<script>alert("id")</script>'));
    });
  });

  describe('CSV', () => {
    it('survives a round trip through Calc (CSV to ODS and back): every value, formulas kept as text, non-ASCII intact', async () => {
      const input = path.join(office.dir, 'csv');
      fs.mkdirSync(input);
      const files: string[] = [];
      for (const [name, set] of Object.entries(sets)) {
        for (const table of set.tables) files.push(path.join(input, `${name}-${table.id}.csv`));
        for (const table of set.tables) fs.writeFileSync(path.join(input, `${name}-${table.id}.csv`), renderTables({ ...set, tables: [table] }, 'csv'));
        files.push(path.join(input, `${name}-all.csv`));
        fs.writeFileSync(path.join(input, `${name}-all.csv`), renderTables(set, 'csv'));
      }
      const ods = await office.convert(files, 'ods', path.join(office.dir, 'ods'), { infilter: 'CSV:44,34,76' });
      const back = await office.convert(ods, 'csv:Text - txt - csv (StarCalc):44,34,76', path.join(office.dir, 'back'));
      let values = 0;
      let replaced = 0;
      files.forEach((file, i) => {
        const original = trimmed(parseCsv(fs.readFileSync(file, 'utf8')));
        const returned = trimmed(parseCsv(fs.readFileSync(nth(back, i), 'utf8')));
        // Every value comes back exactly, the U+FFFD written for a control character too (Calc would drop the control itself).
        assert.deepEqual(returned, original, path.basename(file));
        values += original.reduce((n, r) => n + r.length, 0);
        replaced += original.flat().join('').split('\uFFFD').length - 1;
      });
      // The BEL of one step name: once in the matrix file, twice in the coverage file, three times in the all-tables file.
      assert.equal(replaced, 6);
      const returnedFile = (suffix: string) =>
        nth(
          back,
          files.findIndex((f) => f.endsWith(suffix)),
        );
      const hostile = fs.readFileSync(returnedFile('hostile-training.csv'), 'utf8');
      assert.ok(hostile.includes(`"'=SUM(1,2)"`) && hostile.includes(`'@cmd|' /C calc'!A0`) && hostile.includes(`"'+1 log, ""quoted"""`));
      assert.ok(fs.readFileSync(returnedFile('hostile-roles.csv'), 'utf8').includes('Clinical Oncologist – Ü'));
      checked.push(`CSV round trip: ${files.length} files, ${values} values`);
    });
  });
});
