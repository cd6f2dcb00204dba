#!/usr/bin/env node
// Builds the test stand-in for Red Hat's YAML extension into a .vsix, for the
// coexistence suite (test/vscode/README.md):
//   dist/extension.js       test/vscode/src/yamlStandIn/extension.ts with
//                           vscode-languageclient inlined
//   dist/languageserver.js  yaml-language-server from npm (a devDependency),
//                           every dependency inlined, as Red Hat's own build does
//   dist/l10n/              its messages
// with the manifest of test/vscode/fixtures/yaml-stand-in/ (id redhat.vscode-yaml).
//
// Usage: node scripts/package-yaml-stand-in.js <out.vsix>
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const esbuild = require('esbuild');

const REPO = path.resolve(__dirname, '..');
const FIXTURE = path.join(REPO, 'test', 'vscode', 'fixtures', 'yaml-stand-in');

async function main() {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: node scripts/package-yaml-stand-in.js <out.vsix>');
    return 2;
  }
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'yaml-stand-in-'));
  try {
    for (const file of ['package.json', 'README.md']) fs.copyFileSync(path.join(FIXTURE, file), path.join(stage, file));
    const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', metafile: true };
    await esbuild.build({
      ...common,
      entryPoints: [path.join(REPO, 'test', 'vscode', 'src', 'yamlStandIn', 'extension.ts')],
      outfile: path.join(stage, 'dist', 'extension.js'),
      external: ['vscode'],
    });
    await esbuild.build({
      ...common,
      entryPoints: [require.resolve('yaml-language-server/out/server/src/server.js', { paths: [REPO] })],
      outfile: path.join(stage, 'dist', 'languageserver.js'),
      // Its JSON libraries ship UMD builds whose run-time requires a bundle cannot follow: take their ES modules.
      mainFields: ['module', 'main'],
    });
    // Its messages: the client gives the server their folder (`initializationOptions.l10nPath`), as Red Hat's does.
    fs.cpSync(path.join(path.dirname(require.resolve('yaml-language-server/package.json', { paths: [REPO] })), 'l10n'), path.join(stage, 'dist', 'l10n'), {
      recursive: true,
    });
    const vsce = path.join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');
    const run = spawnSync(
      process.execPath,
      [vsce, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', path.resolve(out)],
      { cwd: stage, stdio: 'inherit' },
    );
    return run.status ?? 1;
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
