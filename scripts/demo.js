#!/usr/bin/env node
// The README's first command: lint every bundled sample with the real CLI and
// write their summary tables to demo-output/. Exits non-zero only if one of the
// good samples (samples/*.roles.*) has an error: the broken ones are meant to.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'server/out/cli/main.js');
const outDir = path.join(root, 'demo-output');
const run = (args, options = {}) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', ...options });

const good = fs
  .readdirSync(path.join(root, 'samples'))
  .filter((f) => /\.roles\.(ya?ml|json)$/.test(f))
  .sort();

console.log(`Linting ${good.length} department protocols: ${good.join(', ')}`);
const lint = run(['lint', ...good.map((f) => path.join('samples', f))], { stdio: 'inherit' });
if (lint.status === 0) console.log('✔ no errors\n');

console.log('Linting samples/broken (each file shows one kind of finding):');
run(['lint', 'samples/broken'], { stdio: 'inherit' });

fs.rmSync(outDir, { recursive: true, force: true });
let written = 0;
for (const file of good) {
  const name = file.replace(/\.roles\.(ya?ml|json)$/, '');
  fs.mkdirSync(path.join(outDir, name), { recursive: true });
  for (const table of ['training', 'roles', 'matrix', 'coverage', 'sites', 'governance', 'all']) {
    for (const format of ['md', 'csv']) {
      const out = path.join(outDir, name, `${table}.${format}`);
      const result = run(['table', path.join('samples', file), '--table', table, '--format', format, '--out', out]);
      if (result.status !== 0) {
        process.stderr.write(result.stderr);
        process.exit(result.status ?? 1);
      }
      written++;
    }
  }
}
console.log(`\nWrote ${written} table files to ${path.relative(process.cwd(), outDir) || outDir}/ (Markdown and CSV for each sample).`);
console.log(`The reference department's training matrix (demo-output/reference-department/training.md):\n`);
console.log(fs.readFileSync(path.join(outDir, 'reference-department', 'training.md'), 'utf8'));
process.exit(lint.status ?? 1);
