import * as fs from 'node:fs';
import * as path from 'node:path';
import { diffTexts, type DiffResult } from '../../../server/out/service/diff/index';

/** The reference register and how its tests compare two versions of it: each checked against the sample protocol beside it. */
export const ROOT = path.resolve(__dirname, '../../..');
export const REGISTER_FILE = path.join(ROOT, 'samples/reference-department.register.yaml');
export const REGISTER = fs.readFileSync(REGISTER_FILE, 'utf8');

/** The register's protocol read from beside it, as the CLI reads it. */
export const readBeside = (include: string, from: string | undefined): { file: string; text: string } | { error: string } => {
  const file = path.resolve(path.dirname(from ?? REGISTER_FILE), include);
  return fs.existsSync(file) ? { file, text: fs.readFileSync(file, 'utf8') } : { error: 'no such file' };
};

/** Two versions of the reference register compared, each checked against the protocol it names. */
export function registerDiff(oldText: string, newText: string, labels: [string, string] = ['old', 'new']): DiffResult {
  const options = { fileName: REGISTER_FILE, readInclude: readBeside, today: '2026-11-26' };
  return diffTexts({ text: oldText, label: labels[0], options }, { text: newText, label: labels[1], options });
}
