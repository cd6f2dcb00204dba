import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The repository root (tests run from there; the compiled test is in test/out/cli/). */
export const ROOT = path.resolve(__dirname, '../../..');
export const MAIN = path.join(ROOT, 'server/out/cli/main.js');
export const FIXTURES = path.join(ROOT, 'test/fixtures/cli');
/** Fixture paths as the tests pass them: relative to the repository root. */
export const fixture = (name: string) => path.posix.join('test/fixtures/cli', name);

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node server/out/cli/main.js ...args` as a user would, with colour settings removed from the environment. */
export function cli(args: string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv; fileSizeLimitKiB?: number } = {}): Run {
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  // Stylish wraps to COLUMNS when it is set; the goldens are for 80 columns (not a terminal).
  delete env.COLUMNS;
  // With a file-size limit (bash's `ulimit -f`, in KiB), a write past it fails with EFBIG, as on a full disk;
  // SIGXFSZ is ignored so that the write fails rather than the process being killed.
  const [command, commandArgs] =
    options.fileSizeLimitKiB === undefined
      ? [process.execPath, [MAIN, ...args]]
      : ['bash', ['-c', `trap '' XFSZ; ulimit -f ${options.fileSizeLimitKiB}; exec "$0" "$@"`, process.execPath, MAIN, ...args]];
  const result = spawnSync(command, commandArgs, {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    // Pin the date the review-due checks use, so these goldens hold in later years.
    env: { ...env, ROLE_PROTOCOLS_TODAY: '2026-11-26', ...options.env },
    encoding: 'utf8',
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary folder, removed after the current test file. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'role-protocols-cli-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Compares text with a golden file under test/fixtures/cli/expected/. With
 * UPDATE_GOLDEN=1 the file is rewritten instead (check the diff before committing).
 */
export function golden(name: string, actual: string): { expected: string; actual: string } {
  const file = path.join(FIXTURES, 'expected', name);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
  }
  return { expected: fs.readFileSync(file, 'utf8'), actual };
}
