#!/usr/bin/env node
// Runs one set of the mocha tests (README, Testing) and prints how long it took:
//   unit         every test/src/**/*.test.ts but the integration ones: the service,
//                the rules, the CLI (run as a process), tables and exports to
//                files, docs, samples, manifest. Starts no language server, Neovim
//                or LibreOffice (the helpers that would fail the test instead).
//   integration  test/src/lsp/ (the server over stdio, and the bundled server)
//                and every *.integration.test.ts (server processes, Neovim,
//                LibreOffice, fuzzing through the server).
//   all          both, in one mocha run (what `npm test` runs before VS Code).
// A new test is a unit test unless it is in test/src/lsp/ or named
// *.integration.test.ts. The list comes from the sources and runs their compiled
// copies in test/out, so a test renamed or deleted leaves no stale copy to run.
// Builds nothing: `tsc -b` first (the npm scripts do).
//
// Usage: node scripts/test-set.js <unit|integration|all> [mocha options, e.g. --grep <text>]
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..');
const SOURCES = path.join(REPO, 'test', 'src');
const OUT = path.join(REPO, 'test', 'out');

const [set, ...mochaArgs] = process.argv.slice(2);
if (!['unit', 'integration', 'all'].includes(set)) {
  console.error('Usage: node scripts/test-set.js <unit|integration|all> [mocha options]');
  process.exit(2);
}

/** Test sources, relative to test/src, with forward slashes. */
function testSources(dir = SOURCES) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testSources(full);
    return entry.name.endsWith('.test.ts') ? [path.relative(SOURCES, full).split(path.sep).join('/')] : [];
  });
}

const isIntegration = (file) => file.startsWith('lsp/') || file.endsWith('.integration.test.ts');
const files = testSources()
  .filter((file) => set === 'all' || (set === 'integration') === isIntegration(file))
  .sort()
  .map((file) => path.join(OUT, file.replace(/\.ts$/, '.js')));
const unbuilt = files.filter((file) => !fs.existsSync(file));
if (unbuilt.length > 0) {
  console.error(`test-set: not built (run tsc -b first): ${unbuilt.map((f) => path.relative(REPO, f)).join(', ')}`);
  process.exit(2);
}

// The timeout and reporter of .mocharc.json; its spec (every test) is left out.
const config = JSON.parse(fs.readFileSync(path.join(REPO, '.mocharc.json'), 'utf8'));
const started = Date.now();
const result = spawnSync(
  process.execPath,
  [require.resolve('mocha/bin/mocha.js'), '--no-config', '--timeout', String(config.timeout), '--reporter', config.reporter, ...mochaArgs, ...files],
  { cwd: REPO, stdio: 'inherit', env: { ...process.env, ROLE_PROTOCOLS_TEST_SET: set } },
);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`test-set: the ${set} tests (${files.length} files) took ${seconds} s`);
process.exit(result.status ?? 1);
