import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diffTexts, type DiffResult } from '../../../server/out/service/diff/index';
import { renderDiff } from '../../../server/out/service/diff/report/index';
import { changeCells, controlComparison } from '../../../server/out/service/diff/report/common';
import { ensureConsumers, missingCells, Office, pdfPages, pdfText } from '../exports/consumers';
import { nth } from '../helpers/nth';

/**
 * The summary of changes opened by a real consumer, as the table exports are
 * (test/src/exports/libreoffice.integration.test.ts): LibreOffice converts
 * the Word and HTML reports of a realistic change to the reference sample to
 * PDF, and poppler reads the text back.
 */

const ROOT = path.resolve(__dirname, '../../..');
const OLD = path.join(ROOT, 'samples/reference-department.roles.yaml');
const NEW = path.join(ROOT, 'test/fixtures/diff/reference-department.v1.3.roles.yaml');

describe('diff reports: opened by LibreOffice (real consumers)', function () {
  this.timeout(120_000);
  let office: Office;
  let diff: DiffResult;
  const pdf = { docx: '', html: '' };

  before(async function () {
    this.timeout(20 * 60_000);
    ensureConsumers();
    office = new Office();
    diff = diffTexts(
      { text: fs.readFileSync(OLD, 'utf8'), label: 'v1.2:samples/reference-department.roles.yaml', options: { fileName: OLD } },
      { text: fs.readFileSync(NEW, 'utf8'), label: 'samples/reference-department.roles.yaml', options: { fileName: NEW } },
    );
    const input = path.join(office.dir, 'in');
    fs.mkdirSync(input);
    const docx = path.join(input, 'changes-docx.docx');
    const html = path.join(input, 'changes-html.html');
    fs.writeFileSync(docx, await renderDiff(diff, 'docx'));
    fs.writeFileSync(html, await renderDiff(diff, 'html'));
    const out = path.join(office.dir, 'pdf');
    pdf.docx = nth(await office.convert([docx], 'pdf', out), 0);
    pdf.html = nth(await office.convert([html], 'pdf', out, { infilter: 'HTML (StarWriter)' }), 0);
  });

  after(() => office?.dispose());

  /** Every cell, in reading order: the document control of both versions, then each change's row. */
  function cells(): string[] {
    return [...controlComparison(diff).flatMap((r) => [r.label, ...r.old.split('\n'), ...r.new.split('\n')]), ...diff.changes.flatMap((c) => changeCells(c))];
  }

  it('Word: A4, the document control on a portrait page and the change table on landscape pages', async () => {
    const pages = await pdfPages(pdf.docx);
    assert.ok(pages.length >= 2, `${pages.length} pages`);
    pages.forEach((page) => assert.deepEqual([Math.round(Math.min(page.width, page.height)), Math.round(Math.max(page.width, page.height))], [595, 842]));
    assert.ok(pages[0]!.height > pages[0]!.width, 'the first page is portrait');
    const texts = (await pdfText(pdf.docx)).split('\f');
    const changesPage = texts.findIndex((t) => /^Changes$/m.test(t));
    assert.ok(changesPage > 0, 'the change table starts on a page of its own');
    pages.slice(changesPage).forEach((page, i) => assert.ok(page.width > page.height, `page ${changesPage + i + 1} is landscape`));
  });

  it('Word: holds every cell of the document control of both versions and of every change', async () => {
    assert.deepEqual(missingCells(await pdfText(pdf.docx), cells()), []);
  });

  it('HTML: holds every cell too', async () => {
    assert.deepEqual(missingCells(await pdfText(pdf.html), cells()), []);
  });
});
