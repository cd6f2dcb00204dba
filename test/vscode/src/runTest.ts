/**
 * The usual @vscode/test-electron runner, for machines that can download
 * VS Code: downloads VS Code 1.100 (cached in .vscode-test/), opens a fresh
 * copy of samples/ and runs the suites in it with the repository as the
 * extension under development.
 *
 *   npm run build && node test/vscode/out/runTest.js
 *
 * This machine cannot download VS Code, so `npm test` runs the same suites
 * in code-server instead (scripts/test-vscode.js).
 */
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { prepareWorkspace, removeWorkspace, TEST_TODAY } from './workspace';

async function main(): Promise<number> {
  const repo = path.resolve(__dirname, '../../..');
  const workspace = prepareWorkspace(repo);
  try {
    await runTests({
      version: process.env.VSCODE_TEST_VERSION ?? '1.100.0',
      extensionDevelopmentPath: repo,
      extensionTestsPath: path.join(__dirname, 'suite', 'index'),
      extensionTestsEnv: { ROLE_PROTOCOLS_TODAY: TEST_TODAY },
      // No other extensions (Red Hat's YAML among them), no trust prompt.
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
    return 0;
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    return 1;
  } finally {
    removeWorkspace(workspace);
  }
}

void main().then((code) => process.exit(code));
