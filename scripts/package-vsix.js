#!/usr/bin/env node
// `npm run package`: builds the .vsix from a staging folder.
//
// package.json's "files" list is the npm package's (the command line and the
// language server as built code); vsce refuses a .vscodeignore beside it, and
// the .vsix holds other things (the bundles, the preview's page, the
// walkthrough). So the manifest is copied without "files" into a staging
// folder with the files .vscodeignore lets through, and vsce packages that.
//
// Usage: node scripts/package-vsix.js   (after `npm run vscode:prepublish`,
// which `npm run package` runs first)
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const REPO = path.resolve(__dirname, '..');

/** The patterns `.vscodeignore` lets through (`!path`, `*` within one folder). */
function allowed() {
  return fs
    .readFileSync(path.join(REPO, '.vscodeignore'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('!'))
    .map((line) => line.slice(1).trim());
}

function matches(pattern) {
  const dir = path.posix.dirname(pattern);
  const base = path.posix.basename(pattern);
  if (!base.includes('*')) return fs.existsSync(path.join(REPO, pattern)) ? [pattern] : [];
  const re = new RegExp(`^${base.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
  const folder = path.join(REPO, dir);
  return fs.existsSync(folder)
    ? fs
        .readdirSync(folder)
        .filter((name) => re.test(name))
        .map((name) => path.posix.join(dir, name))
    : [];
}

const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'role-protocols-vsix-'));
try {
  for (const file of allowed().flatMap(matches)) {
    fs.mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
    fs.copyFileSync(path.join(REPO, file), path.join(stage, file));
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  delete manifest.files;
  // The staging folder has no sources to build: the bundles were built by vscode:prepublish in the repository.
  delete manifest.scripts['vscode:prepublish'];
  fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  fs.copyFileSync(path.join(REPO, '.vscodeignore'), path.join(stage, '.vscodeignore'));
  const vsce = path.join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');
  const out = path.join(REPO, `role-protocols-${manifest.version}.vsix`);
  const run = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: stage, stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
