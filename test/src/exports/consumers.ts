import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nth } from '../helpers/nth';
import { startsIntegrationProcess } from '../helpers/testSet';

/**
 * The real consumers of the exports, from Debian: LibreOffice (Writer and
 * Calc, without a GUI) opens the Word, HTML and CSV files; poppler-utils
 * reads back the PDFs LibreOffice writes (pdftotext, pdfinfo, pdftoppm).
 */

/** The Debian packages the export tests need. fonts-liberation2 gives Arial's metrics (Liberation Sans). */
export const APT_PACKAGES = ['libreoffice-writer-nogui', 'libreoffice-calc-nogui', 'poppler-utils', 'fonts-liberation2'];
export const INSTALL_COMMAND = `apt-get install -y --no-install-recommends ${APT_PACKAGES.join(' ')}`;

const TOOLS = ['soffice', 'pdftotext', 'pdfinfo', 'pdftoppm'];
const hasFont = (): boolean => fs.existsSync('/usr/share/fonts/truetype/liberation2') || fs.existsSync('/usr/share/fonts/truetype/liberation');

function missingTools(): string[] {
  const missing = TOOLS.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).status !== 0);
  if (process.platform === 'linux' && !hasFont()) missing.push('fonts-liberation2');
  return missing;
}

let ready: true | Error | undefined;

/**
 * Makes sure LibreOffice and poppler-utils are there. As root on a Debian-like
 * system it installs them with apt-get (once per run); otherwise it throws an
 * error that gives the exact command to run.
 */
export function ensureConsumers(): void {
  if (ready === true) return;
  if (ready instanceof Error) throw ready;
  let missing = missingTools();
  if (missing.length > 0 && process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const install = () => spawnSync('sh', ['-c', INSTALL_COMMAND], { env, encoding: 'utf8', timeout: 15 * 60_000 });
    let result = install();
    if (result.status !== 0) {
      spawnSync('sh', ['-c', 'apt-get update'], { env, encoding: 'utf8', timeout: 5 * 60_000 });
      result = install();
    }
    missing = missingTools();
    if (missing.length > 0) {
      ready = new Error(`Installing LibreOffice and poppler-utils failed (${missing.join(', ')} still missing):\n${result.stderr ?? ''}`.trim());
      throw ready;
    }
  }
  if (missing.length > 0) {
    ready = new Error(
      `The export tests open the files in LibreOffice and read them back with poppler-utils; ${missing.join(', ')} missing. Install them (as root) with:\n  ${INSTALL_COMMAND}`,
    );
    throw ready;
  }
  ready = true;
}

export interface ToolRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs a program in its own process group and kills the whole group (soffice
 * starts soffice.bin under it) when it takes longer than `timeoutMs`.
 */
export function run(command: string, args: string[], options: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<ToolRun> {
  startsIntegrationProcess(command);
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 60_000;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      reject(new Error(`${command} ${args.join(' ')} took more than ${timeoutMs} ms and was killed\n${stderr}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/**
 * A LibreOffice for one test run: its own fresh user profile (so it never
 * waits on another instance's lock or a first-start dialogue), removed by
 * `dispose`. Calls are made one at a time.
 */
export class Office {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'role-protocols-office-'));
  private readonly profile = path.join(this.dir, 'profile');
  /** Every soffice call, for the timings. */
  readonly runs: { what: string; ms: number }[] = [];

  /**
   * `soffice --headless --convert-to <to> --outdir <outDir> files...`; fails
   * unless it exits 0 and writes one output per input. Returns the outputs.
   */
  async convert(files: string[], to: string, outDir: string, options: { infilter?: string; timeoutMs?: number } = {}): Promise<string[]> {
    fs.mkdirSync(outDir, { recursive: true });
    const args = [`-env:UserInstallation=file://${this.profile}`, '--headless', '--norestore', '--nolockcheck', '--nologo', '--nodefault'];
    if (options.infilter) args.push(`--infilter=${options.infilter}`);
    args.push('--convert-to', to, '--outdir', outDir, ...files);
    // A HOME of its own too: LibreOffice must not read or write the user's settings.
    const result = await run('soffice', args, { timeoutMs: options.timeoutMs ?? 90_000, env: { ...process.env, HOME: this.dir } });
    this.runs.push({ what: `${files.length} file${files.length === 1 ? '' : 's'} to ${to.split(':')[0]}`, ms: result.ms });
    const extension = to.split(':')[0];
    const outputs = files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.${extension}`));
    const missing = outputs.filter((o) => !fs.existsSync(o) || fs.statSync(o).size === 0);
    if (result.code !== 0 || missing.length > 0 || /Error:/.test(result.stderr)) {
      throw new Error(
        `soffice --convert-to ${to} failed (exit ${result.code}); missing ${missing.join(', ') || 'nothing'}\n${result.stdout}\n${result.stderr}`,
      );
    }
    return outputs;
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The text of a PDF in content order (`pdftotext -raw`), or laid out as on the page (`-layout`). */
export async function pdfText(pdf: string, mode: 'raw' | 'layout' = 'raw'): Promise<string> {
  const result = await run('pdftotext', [`-${mode}`, '-enc', 'UTF-8', pdf, '-'], { timeoutMs: 30_000 });
  if (result.code !== 0) throw new Error(`pdftotext failed on ${pdf}: ${result.stderr}`);
  return result.stdout;
}

/** `pdfinfo`: the number of pages and each page's size in points. */
export async function pdfPages(pdf: string): Promise<{ width: number; height: number }[]> {
  const result = await run('pdfinfo', ['-f', '1', '-l', '9999', pdf], { timeoutMs: 30_000 });
  if (result.code !== 0) throw new Error(`pdfinfo failed on ${pdf}: ${result.stderr}`);
  return [...result.stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

/** Words as the PDF text has them: split on white space. */
export const tokens = (text: string): string[] => text.split(/\s+/).filter(Boolean);

/**
 * Where the words of `cell` start in `words`, at or after `from`, or -1. The
 * cell's words must come in order; other cells' words may come between them
 * (a wrapped cell's lines are interleaved with its neighbours', or a row
 * breaks across a page), at most `maxGap` words at a time. A word may also
 * have been split in two or three at a line break ("AI-" "generated").
 */
export function findCell(words: readonly string[], cell: string, from: number, maxGap = 40): number {
  const want = tokens(cell);
  if (want.length === 0) return from;
  const matchAt = (at: number, word: string): number => {
    let joined = '';
    for (let k = 0; k < 3 && at + k < words.length; k++) {
      joined += words[at + k];
      if (joined === word) return k + 1;
      if (!word.startsWith(joined)) return 0;
    }
    return 0;
  };
  for (let start = from; start < words.length; start++) {
    let used = matchAt(start, nth(want, 0));
    if (!used) continue;
    let at = start + used;
    let ok = true;
    for (const word of want.slice(1)) {
      let found = -1;
      for (let j = at; j < Math.min(words.length, at + maxGap + 1); j++) {
        used = matchAt(j, word);
        if (used) {
          found = j;
          break;
        }
      }
      if (found < 0) {
        ok = false;
        break;
      }
      at = found + used;
    }
    if (ok) return start;
  }
  return -1;
}

/** The cells (in reading order) that cannot be found in the text, in that order. */
export function missingCells(text: string, cells: readonly string[]): string[] {
  const words = tokens(text);
  const missing: string[] = [];
  let cursor = 0;
  for (const cell of cells) {
    const at = findCell(words, cell, cursor);
    if (at < 0) missing.push(cell);
    else cursor = at + 1;
  }
  return missing;
}

/** A small RFC 4180 reader: records of fields; a leading byte order mark is skipped. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** A spreadsheet is rectangular: drop the empty fields it pads short records with, and blank records at the end. */
export function trimmed(records: string[][]): string[][] {
  const out = records.map((r) => {
    const copy = [...r];
    while (copy.length > 1 && copy[copy.length - 1] === '') copy.pop();
    return copy.length === 1 && copy[0] === '' ? [] : copy;
  });
  while (out.at(-1)?.length === 0) out.pop();
  return out;
}
