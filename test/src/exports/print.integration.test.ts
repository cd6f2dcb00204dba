import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { renderTables } from '../../../server/out/service/tables/index';
import { REFERENCE, tableSet } from './fixtures';

/**
 * The HTML export printed as a person prints it: Chromium, A4, through
 * playwright-core; then `pdftotext -bbox` says where every word landed. No
 * word may lie outside its page (a wide table cut at the right edge is what
 * this guards against), and every cell of the training matrix is printed.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface Word {
  page: number;
  text: string;
  xMin: number;
  xMax: number;
  yMax: number;
  width: number;
  height: number;
}

function words(bboxHtml: string): Word[] {
  const found: Word[] = [];
  let page = 0;
  for (const [, width, height, body] of bboxHtml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    page++;
    for (const m of (body ?? '').matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g))
      found.push({ page, text: m[4] ?? '', xMin: Number(m[1]), xMax: Number(m[2]), yMax: Number(m[3]), width: Number(width), height: Number(height) });
  }
  return found;
}

describe('exports: the HTML page printed on A4 by Chromium', function () {
  this.timeout(120_000);
  let printed: Word[] = [];

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) this.skip();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-print-'));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const html = path.join(dir, 'tables.html');
    fs.writeFileSync(html, renderTables(tableSet(REFERENCE), 'html'));
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      await page.goto(`file://${html}`);
      await page.pdf({ path: path.join(dir, 'tables.pdf'), format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await browser.close();
    }
    execFileSync('pdftotext', ['-bbox', path.join(dir, 'tables.pdf'), path.join(dir, 'tables.bbox.html')]);
    printed = words(fs.readFileSync(path.join(dir, 'tables.bbox.html'), 'utf8'));
  });

  it('keeps every word inside its page, portrait and landscape', () => {
    assert.ok(printed.length > 500, `${printed.length} words printed`);
    const outside = printed.filter((w) => w.xMin < 0 || w.xMax > w.width + 0.5 || w.yMax > w.height + 0.5);
    assert.deepEqual(
      outside.slice(0, 5).map((w) => `page ${w.page}: "${w.text}" at ${w.xMin}-${w.xMax} of ${w.width}`),
      [],
    );
  });

  it('prints the approvals table whole: the last approval date is there to the last digit', () => {
    const dates = printed.filter((w) => /^\d{4}-\d{2}-\d{2}$/.test(w.text)).map((w) => w.text);
    for (const date of ['2026-02-16', '2026-02-18', '2026-03-01', '2028-02-28']) assert.ok(dates.includes(date), `${date} in ${dates.join(' ')}`);
  });
});
