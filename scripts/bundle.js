#!/usr/bin/env node
// Bundles the VS Code extension with esbuild into dist/:
//   dist/extension.js  the client (client/src/extension.ts); `vscode` is the host's
//   dist/server.js     the language server (server/src/lsp/server.ts) with every
//                      dependency inlined, the JSON Schema among them (schema.ts
//                      requires it by a relative path, which esbuild follows)
// The .vsix ships these two files and no node_modules (vsce --no-dependencies).
//
// Usage: node scripts/bundle.js [--production] [--watch]
//   --production  minified, no source maps (what `npm run package` ships)
//   --watch       rebuild on change (for F5 development)
// Type checking is tsc's job (`npm run build` runs tsc -b first).
'use strict';

const path = require('node:path');
const fs = require('node:fs');
const esbuild = require('esbuild');

const REPO = path.resolve(__dirname, '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  // Kept readable in stack traces even when minified.
  keepNames: true,
  logLevel: 'warning',
  // Templates (samples/*.roles.yaml, client/templates/) are bundled as text.
  loader: { '.yaml': 'text' },
  // Fail on an import esbuild cannot resolve instead of leaving a require behind.
  metafile: true,
  // The extension tests' hooks (client/src/preview/testHooks.ts) are in development builds only.
  define: { __TEST_HOOKS__: production ? 'false' : 'true' },
};

const builds = [
  { ...common, entryPoints: [path.join(REPO, 'client/src/extension.ts')], outfile: path.join(REPO, 'dist/extension.js'), external: ['vscode'] },
  { ...common, entryPoints: [path.join(REPO, 'server/src/lsp/server.ts')], outfile: path.join(REPO, 'dist/server.js') },
];

/** Every module a bundle left as a run-time require must be Node's own (or vscode). */
function checkSelfContained(result, outfile, allowed) {
  const out = Object.values(result.metafile.outputs).find((o) => o.entryPoint);
  const external = (out?.imports ?? []).filter(
    (i) => i.external && !i.path.startsWith('node:') && !allowed.includes(i.path) && !require('node:module').builtinModules.includes(i.path),
  );
  if (external.length)
    throw new Error(`${path.relative(REPO, outfile)} requires modules that will not be in the .vsix: ${external.map((i) => i.path).join(', ')}`);
}

async function main() {
  for (const b of builds) {
    if (!fs.existsSync(b.entryPoints[0])) throw new Error(`missing entry point ${path.relative(REPO, b.entryPoints[0])}`);
  }
  if (watch) {
    for (const b of builds) await (await esbuild.context(b)).watch();
    console.log('[bundle] watching for changes');
    return;
  }
  const started = Date.now();
  for (const b of builds) {
    // Leftover maps from a development build must not sit beside a production bundle.
    fs.rmSync(`${b.outfile}.map`, { force: true });
    const result = await esbuild.build(b);
    checkSelfContained(result, b.outfile, b.external ?? []);
    const size = fs.statSync(b.outfile).size;
    console.log(`[bundle] ${path.relative(REPO, b.outfile)} ${(size / 1024).toFixed(0)} KiB`);
  }
  console.log(`[bundle] ${production ? 'production ' : ''}bundles done in ${Date.now() - started} ms`);
}

main().catch((err) => {
  console.error(`[bundle] ${err.message}`);
  process.exit(1);
});
