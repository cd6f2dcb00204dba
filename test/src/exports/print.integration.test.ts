import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { renderTables, type TableSet } from '../../../server/out/service/tables/index';
import { REFERENCE, tableSet } from './fixtures';
import { referenceRegister, registerSet, wideInput } from './registerFixtures';

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

/** Prints each set's HTML with Chromium on A4 and gives the words of each, as placed on the pages. */
async function printAll(sets: TableSet[]): Promise<Word[][]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-print-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const result: Word[][] = [];
  try {
    for (const [i, set] of sets.entries()) {
      const html = path.join(dir, `tables-${i}.html`);
      fs.writeFileSync(html, renderTables(set, 'html'));
      const page = await browser.newPage();
      await page.goto(`file://${html}`);
      await page.pdf({ path: path.join(dir, `tables-${i}.pdf`), format: 'A4', printBackground: true, preferCSSPageSize: true });
      await page.close();
      execFileSync('pdftotext', ['-bbox', path.join(dir, `tables-${i}.pdf`), path.join(dir, `tables-${i}.bbox.html`)]);
      result.push(words(fs.readFileSync(path.join(dir, `tables-${i}.bbox.html`), 'utf8')));
    }
  } finally {
    await browser.close();
  }
  return result;
}

/** Words that lie outside their page, as text for the assertion. */
const outsideThePage = (printed: Word[]): string[] =>
  printed
    .filter((w) => w.xMin < 0 || w.xMax > w.width + 0.5 || w.yMax > w.height + 0.5)
    .map((w) => `page ${w.page}: "${w.text}" at ${w.xMin}-${w.xMax} of ${w.width}`);

describe('exports: the HTML page printed on A4 by Chromium', function () {
  this.timeout(120_000);
  let printed: Word[] = [];
  let register: Word[] = [];
  let wide: Word[] = [];

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) this.skip();
    [printed = [], register = [], wide = []] = await printAll([tableSet(REFERENCE), registerSet(referenceRegister()), registerSet(wideInput(40, 30))]);
  });

  it('keeps every word inside its page, portrait and landscape', () => {
    assert.ok(printed.length > 500, `${printed.length} words printed`);
    const outside = printed.filter((w) => w.xMin < 0 || w.xMax > w.width + 0.5 || w.yMax > w.height + 0.5);
    assert.deepEqual(
      outside.slice(0, 5).map((w) => `page ${w.page}: "${w.text}" at ${w.xMin}-${w.xMax} of ${w.width}`),
      [],
    );
  });

  it('keeps every word of the register tables inside its page: the reference register and a training status of 40 skills', () => {
    assert.ok(register.length > 300, `${register.length} words printed`);
    assert.deepEqual(outsideThePage(register).slice(0, 5), []);
    assert.ok(wide.length > 1500, `${wide.length} words printed`);
    assert.deepEqual(outsideThePage(wide).slice(0, 5), []);
    // The wide table's parts (headed Person, Roles) are on landscape pages, each with every person.
    const partPages = new Set(wide.filter((w) => w.text === 'Roles').map((w) => w.page));
    assert.ok(partPages.size >= 3, `${partPages.size} pages of the training status`);
    assert.ok(
      wide.filter((w) => partPages.has(w.page)).every((w) => w.width > w.height),
      'the training status is on landscape pages',
    );
    const people = wide.filter((w) => /^W\d{3}$/.test(w.text) && partPages.has(w.page));
    assert.ok(people.length >= 30 * 3, `${people.length} person cells`);
    const numbers = new Set(wide.filter((w) => /^\d+$/.test(w.text)).map((w) => Number(w.text)));
    for (let n = 1; n <= 40; n++) assert.ok(numbers.has(n), `skill ${n} heading`);
  });

  it('prints the approvals table whole: the last approval date is there to the last digit', () => {
    const dates = printed.filter((w) => /^\d{4}-\d{2}-\d{2}$/.test(w.text)).map((w) => w.text);
    for (const date of ['2026-02-16', '2026-02-18', '2026-03-01', '2028-02-28']) assert.ok(dates.includes(date), `${date} in ${dates.join(' ')}`);
  });
});
