import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../../server/out/service/engine/lint';
import { tableSetFor, TABLE_IDS, type TableData, type TableSet } from '../../../server/out/service/tables/index';

export const ROOT = path.resolve(__dirname, '../../..');
export const REFERENCE = path.join(ROOT, 'samples/reference-department.roles.yaml');
/** A protocol full of markup, quotes, formulas, non-ASCII text, a control character and one coverage gap. */
export const HOSTILE = path.join(ROOT, 'test/fixtures/exports/hostile.roles.yaml');
export const EXPECTED = path.join(ROOT, 'test/fixtures/exports/expected');

/** The six tables of a protocol file, with its document-control block and role titles. */
export function tableSet(file: string): TableSet {
  const protocol = lintText(fs.readFileSync(file, 'utf8'), { fileName: file, today: '2026-11-26' }).protocol;
  assert.ok(protocol, `${file} did not parse`);
  return tableSetFor(protocol, TABLE_IDS);
}

/** Every text a table shows, in reading order: its headers, then each row's cells, then its legend lines (empty cells left out). */
export function tableTexts(table: TableData): string[] {
  return [...table.columns, ...table.rows.flatMap((cells) => cells.map((c) => c.text)), ...(table.legend ?? [])].filter((t) => t !== '');
}

/** Compares text with a golden file under test/fixtures/exports/expected/; UPDATE_GOLDEN=1 rewrites it. */
export function golden(name: string, actual: string): { expected: string; actual: string } {
  const file = path.join(EXPECTED, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
  }
  return { expected: fs.readFileSync(file, 'utf8'), actual };
}
