import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, tempDir } from './run';

/** The reference register. */
export const REGISTER = 'samples/reference-department.register.yaml';

/** The reference protocol and register in a temporary folder, to change. */
export function copyReference(): string {
  const dir = tempDir();
  for (const file of ['reference-department.roles.yaml', 'reference-department.register.yaml'])
    fs.copyFileSync(path.join(ROOT, 'samples', file), path.join(dir, file));
  return dir;
}
