import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { privacyStatement, renderTables, renderTablesToBytes, splitWide, type TableSet } from '../../../server/out/service/tables/index';
import { ensureConsumers, missingCells, Office, parseCsv, pdfPages, pdfText, trimmed } from './consumers';
import { tableTexts } from './fixtures';
import { referenceRegister, registerSet, wideInput } from './registerFixtures';
import { nth } from '../helpers/nth';

/**
 * The register's Word and HTML exports opened by LibreOffice, as the
 * protocol's are (libreoffice.integration.test.ts): converted to PDF in one
 * soffice call per format, read back with pdftotext and pdfinfo. No golden
 * file: the checks are the tables' own rows and cells, a known cell, the
 * pages' orientation, and the statement of what the file holds.
 */

describe('exports: the register tables opened by LibreOffice (real consumers)', function () {
  this.timeout(120_000);
  let office: Office;
  let reference: TableSet;
  let wide: TableSet;
  const pdf = { referenceDocx: '', wideDocx: '', referenceHtml: '' };
  const checked: string[] = [];

  before(async function () {
    this.timeout(20 * 60_000); // The first run may install LibreOffice.
    ensureConsumers();
    office = new Office();
    reference = registerSet(referenceRegister());
    wide = registerSet(wideInput(40, 30));
    const input = path.join(office.dir, 'in');
    fs.mkdirSync(input);
    const write = async (name: string, set: TableSet, format: string) => {
      const file = path.join(input, name);
      fs.writeFileSync(file, await renderTablesToBytes(set, format));
      return file;
    };
    const out = path.join(office.dir, 'pdf');
    const docx = await office.convert([await write('register-docx.docx', reference, 'docx'), await write('wide-docx.docx', wide, 'docx')], 'pdf', out);
    pdf.referenceDocx = nth(docx, 0);
    pdf.wideDocx = nth(docx, 1);
    // Writer's own HTML import, as for the protocol: Writer/Web's PDF export (LibreOffice 7.4) drops the first paragraph of a page.
    // The wide register's HTML is not converted here: Writer's HTML import lays every table on portrait pages
    // (it has no named pages), so its landscape parts are squeezed and clipped. Chromium prints it, landscape,
    // in print.integration.test.ts.
    const html = await office.convert([await write('register-html.html', reference, 'html')], 'pdf', out, { infilter: 'HTML (StarWriter)' });
    pdf.referenceHtml = nth(html, 0);
  });

  after(() => {
    if (office) {
      console.log(`      LibreOffice: ${office.runs.map((r) => `${r.what} in ${(r.ms / 1000).toFixed(1)} s`).join('; ')}`);
      if (checked.length > 0) console.log(`      Cells found: ${checked.join('; ')}`);
      office.dispose();
    }
  });

  /** Every header, cell and legend line of every table, in reading order; the statement and the day at the top. */
  async function assertEveryCell(file: string, set: TableSet, label: string): Promise<void> {
    const text = await pdfText(file);
    const counts: string[] = [];
    for (const table of set.tables) {
      const cells = tableTexts(table);
      assert.deepEqual(missingCells(text, cells), [], `${label}: cells of ${table.id} missing from the PDF text`);
      counts.push(`${table.id} ${cells.length}`);
    }
    assert.deepEqual(missingCells(text, [privacyStatement(set.register!)]), [], `${label}: no statement of what it holds`);
    checked.push(`${label} ${counts.join(', ')}`);
  }

  describe('Word', () => {
    it('converts the reference register: A4, the entitlements and training status landscape, the due list portrait', async () => {
      const pages = await pdfPages(pdf.referenceDocx);
      const texts = (await pdfText(pdf.referenceDocx)).split('\f');
      assert.ok(pages.length >= 3, `${pages.length} pages`);
      const dueStarts = texts.findIndex((t) => t.includes('Every reassessment due by 2027-01-25'));
      assert.ok(dueStarts > 0, 'the due list is there');
      pages.forEach((page, i) => {
        assert.deepEqual([Math.round(Math.min(page.width, page.height)), Math.round(Math.max(page.width, page.height))], [595, 842]);
        assert.equal(page.width > page.height, i < dueStarts, `page ${i + 1} is ${page.width} x ${page.height}`);
      });
    });

    it('holds every cell of the three tables of the reference register, rows as in the model', async () => {
      await assertEveryCell(pdf.referenceDocx, reference, 'register.docx');
      const text = (await pdfText(pdf.referenceDocx)).replace(/\s+/g, ' ');
      // A known row of the due list, in order, and the overdue cell of the training status.
      assert.ok(text.includes('2026-10-01 D05 Advanced Adapter Mobius approval 2025-10-01 Overdue'), 'the overdue row');
      assert.ok(text.includes('Overdue since 2026-10-01'));
      // One line per person in each people table: 25 rows of the entitlement matrix and 25 of the training status.
      const rows = (await pdfText(pdf.referenceDocx, 'layout')).split('\n').filter((l) => /^\s*(R\d\d|D\d\d|P\d\d|C\d\d)(\s|$)/.test(l));
      assert.ok(rows.length >= 50, `${rows.length} people rows`);
    });

    it('says on every page what it holds', async () => {
      const pages = (await pdfText(pdf.referenceDocx)).split('\f').filter((t) => t.trim() !== '');
      pages.forEach((text, i) => assert.ok(text.replace(/\s+/g, ' ').includes(privacyStatement(reference.register!)), `page ${i + 1}`));
    });

    it('prints a training status of 40 skills in parts on landscape pages, every cell found', async () => {
      const pages = await pdfPages(pdf.wideDocx);
      const status = wide.tables.find((t) => t.id === 'training-status')!;
      const parts = splitWide(status, 16838 - 2 * 1020);
      assert.ok(parts.length >= 3, `${parts.length} parts`);
      assert.ok(pages.length >= parts.length, `${pages.length} pages`);
      const text = await pdfText(pdf.wideDocx);
      for (const part of parts) assert.deepEqual(missingCells(text, tableTexts(part)), [], `${part.title}: cells missing`);
      // Every page with a part of the training status on it is landscape.
      const texts = text.split('\f');
      pages.forEach((page, i) => {
        if (/Training status \(\d+ of \d+\)/.test(texts[i] ?? '') || /^\s*W\d{3}/m.test(texts[i] ?? '')) assert.ok(page.width > page.height, `page ${i + 1}`);
      });
      checked.push(`wide.docx training status ${parts.length} parts, ${parts.reduce((n, p) => n + tableTexts(p).length, 0)} texts`);
    });
  });

  describe('HTML', () => {
    it('converts the reference register and holds every cell of the three tables', async () => {
      assert.ok((await pdfPages(pdf.referenceHtml)).length >= 2);
      await assertEveryCell(pdf.referenceHtml, reference, 'register.html');
    });
  });

  describe('CSV', () => {
    it('survives a round trip through Calc: each table alone and all three, the statement first, every value back', async () => {
      const input = path.join(office.dir, 'csv');
      fs.mkdirSync(input);
      const files = [...reference.tables.map((t) => [t]), reference.tables].map((tables, i) => {
        const file = path.join(input, `register-${i}.csv`);
        fs.writeFileSync(file, renderTables({ ...reference, tables }, 'csv'));
        return file;
      });
      const ods = await office.convert(files, 'ods', path.join(office.dir, 'ods'), { infilter: 'CSV:44,34,76' });
      const back = await office.convert(ods, 'csv:Text - txt - csv (StarCalc):44,34,76', path.join(office.dir, 'back'));
      let values = 0;
      files.forEach((file, i) => {
        const original = trimmed(parseCsv(fs.readFileSync(file, 'utf8')));
        assert.deepEqual(trimmed(parseCsv(fs.readFileSync(nth(back, i), 'utf8'))), original, path.basename(file));
        assert.deepEqual(original[0], [privacyStatement(reference.register!)]);
        values += original.reduce((n, r) => n + r.length, 0);
      });
      checked.push(`CSV round trip: ${files.length} files, ${values} values`);
    });
  });
});
