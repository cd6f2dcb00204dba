import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * The date the suites pin the review checks to (ROLE_PROTOCOLS_TODAY, which
 * the server reads as the CLI does), the same as the unit tests'
 * (test/src/helpers/ruleTester.ts), so the samples' findings do not move
 * with the clock.
 */
export const TEST_TODAY = '2026-11-26';

/**
 * A fresh workspace folder for one run of the suites: a copy of samples/
 * (the suites edit, rename and save in it, so never the real one).
 * Returns the folder; the caller removes it.
 */
export function prepareWorkspace(repo: string, prefix = 'role-protocols-vscode-'): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const workspace = path.join(root, 'workspace');
  fs.mkdirSync(workspace);
  fs.cpSync(path.join(repo, 'samples'), path.join(workspace, 'samples'), { recursive: true });
  return workspace;
}

/** Removes what prepareWorkspace made. */
export function removeWorkspace(workspace: string): void {
  fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
}
