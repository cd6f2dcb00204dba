import * as assert from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { startsIntegrationProcess } from './helpers/testSet';

/**
 * A second real LSP client: headless Neovim's built-in client gets the same
 * diagnostics from the language server as the CLI reports. The script
 * installs Neovim with apt-get when it is missing and this runs as root (CI).
 */
describe('neovim LSP client', function () {
  this.timeout(60_000);
  let child: ChildProcess | undefined;

  afterEach(function () {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    child = undefined;
  });

  it('receives the same diagnostics as the CLI (scripts/test-neovim.js)', async function () {
    startsIntegrationProcess('Neovim');
    const script = path.resolve(__dirname, '..', '..', 'scripts', 'test-neovim.js');
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      let output = '';
      child = spawn(process.execPath, [script], { cwd: path.resolve(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, output }));
    });
    assert.strictEqual(code, 0, `scripts/test-neovim.js exited ${code}:\n${output}`);
  });
});
