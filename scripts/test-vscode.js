#!/usr/bin/env node
// The extension tests in a real VS Code (code-server 4.100 = VS Code 1.100,
// headless Chromium), the last step of `npm test`:
//   1. bash scripts/setup-code-server.sh (once; installs chromium/ripgrep with
//      apt when root, otherwise prints the command to run)
//   2. the full suites (test/vscode/out/suite) against the repository as the
//      extension under development, in a fresh copy of samples/
//   3. npm run package, then the smaller suite (test/vscode/out/vsix) against
//      the .vsix installed into code-server: proves the package is complete
//   4. the coexistence suite (test/vscode/out/yaml): the extension in
//      development mode, with a YAML extension of id redhat.vscode-yaml
//      installed during the run: the stand-in (scripts/package-yaml-stand-in.js:
//      the real yaml-language-server from npm), or Red Hat's own build
// Builds nothing itself but the stand-in: `npm test` builds first (npm run build).
//
// Usage: node scripts/test-vscode.js [--dev-only | --vsix-only | --yaml-only]
//                                    [--yaml-extension FILE.vsix] [--screenshot FILE]
//   --yaml-extension FILE  run the coexistence suite against this .vsix instead
//                      of the stand-in (Red Hat's, from scripts/build-yaml-extension.sh)
//   --screenshot FILE  save a PNG of the workbench as the full suites leave it
//                      (the tables preview beside the reference sample), or,
//                      with --yaml-only, as the coexistence suite leaves it
//   ROLE_PROTOCOLS_VSCODE_GREP=<text>  run only the tests whose title matches
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..');
const OUT = path.join(REPO, 'test', 'vscode', 'out');
const args = process.argv.slice(2);
let screenshot;
let yamlExtension;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--screenshot' && i + 1 < args.length) {
    screenshot = path.resolve(args[++i]);
  } else if (a === '--yaml-extension' && i + 1 < args.length) {
    yamlExtension = path.resolve(args[++i]);
  } else if (!['--dev-only', '--vsix-only', '--yaml-only'].includes(a)) {
    console.error(
      `[test-vscode] unknown argument ${a}; usage: node scripts/test-vscode.js [--dev-only | --vsix-only | --yaml-only] [--yaml-extension FILE.vsix] [--screenshot FILE]`,
    );
    process.exit(2);
  }
}
const only = ['--dev-only', '--vsix-only', '--yaml-only'].find((a) => args.includes(a));
const runDev = !only || only === '--dev-only';
const runVsix = !only || only === '--vsix-only';
const runYaml = !only || only === '--yaml-only';

function log(msg) {
  console.log(`[test-vscode] ${msg}`);
}

/** Runs a command with inherited output; returns its exit code and how long it took. */
function run(command, commandArgs, options = {}) {
  const started = Date.now();
  const r = spawnSync(command, commandArgs, { cwd: REPO, stdio: 'inherit', ...options });
  const seconds = (Date.now() - started) / 1000;
  if (r.error) throw r.error;
  return { code: r.status ?? 1, seconds };
}

function requireBuilt(file, what) {
  if (!fs.existsSync(file)) {
    console.error(`[test-vscode] ${path.relative(REPO, file)} is missing (${what}); run \`npm run build\` first.`);
    process.exit(1);
  }
}

function main() {
  requireBuilt(path.join(OUT, 'suite', 'index.js'), 'the compiled extension suites');
  requireBuilt(path.join(REPO, 'dist', 'extension.js'), 'the bundled extension');
  requireBuilt(path.join(REPO, 'dist', 'server.js'), 'the bundled language server');
  const { prepareWorkspace, removeWorkspace, TEST_TODAY } = require(path.join(OUT, 'workspace.js'));

  const setup = run('bash', [path.join(REPO, 'scripts', 'setup-code-server.sh')]);
  if (setup.code !== 0) {
    console.error('[test-vscode] setting up code-server failed (see above)');
    return 1;
  }

  // The server pins the review checks' date like the CLI does; code-server
  // passes its environment on to the extension host and from there to the server.
  const env = { ...process.env, ROLE_PROTOCOLS_TODAY: TEST_TODAY };
  const harness = path.join(REPO, 'scripts', 'run-vscode-tests.js');
  const results = [];

  if (runDev) {
    const workspace = prepareWorkspace(REPO);
    try {
      log(`(a) the extension in development mode, workspace ${workspace}`);
      const r = run(
        process.execPath,
        [
          harness,
          '--extension',
          REPO,
          '--tests',
          path.join(OUT, 'suite', 'index.js'),
          '--workspace',
          workspace,
          '--timeout',
          '600',
          ...(screenshot && only !== '--yaml-only' ? ['--screenshot', screenshot] : []),
        ],
        { env },
      );
      results.push({ name: 'extension suites (development mode)', ...r });
    } finally {
      removeWorkspace(workspace);
    }
  }

  if (runVsix) {
    log('(b) npm run package');
    const pack = run('npm', ['run', 'package'], { env });
    const version = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version;
    const vsix = path.join(REPO, `role-protocols-${version}.vsix`);
    if (pack.code !== 0 || !fs.existsSync(vsix)) {
      results.push({ name: 'npm run package', code: pack.code || 1, seconds: pack.seconds });
    } else {
      results.push({ name: `npm run package (${path.basename(vsix)}, ${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB)`, ...pack });
      const workspace = prepareWorkspace(REPO);
      try {
        log(`(b) the installed ${path.basename(vsix)}, workspace ${workspace}`);
        const r = run(
          process.execPath,
          [harness, '--install-extension', vsix, '--tests', path.join(OUT, 'vsix', 'index.js'), '--workspace', workspace, '--timeout', '300'],
          { env },
        );
        results.push({ name: 'installed .vsix suite', ...r });
      } finally {
        removeWorkspace(workspace);
      }
    }
  }

  if (runYaml) {
    let vsix = yamlExtension;
    const built = fs.mkdtempSync(path.join(os.tmpdir(), 'yaml-stand-in-vsix-'));
    try {
      if (!vsix) {
        log('(c) packaging the YAML extension stand-in (yaml-language-server from npm)');
        vsix = path.join(built, 'yaml-stand-in.vsix');
        const pack = run(process.execPath, [path.join(REPO, 'scripts', 'package-yaml-stand-in.js'), vsix]);
        if (pack.code !== 0) results.push({ name: 'packaging the YAML extension stand-in', ...pack });
      }
      if (fs.existsSync(vsix)) {
        const workspace = prepareWorkspace(REPO);
        try {
          log(`(c) beside ${path.basename(vsix)}, installed during the run; workspace ${workspace}`);
          const r = run(
            process.execPath,
            [
              harness,
              '--extension',
              REPO,
              '--tests',
              path.join(OUT, 'yaml', 'index.js'),
              '--workspace',
              workspace,
              '--timeout',
              '300',
              // Red Hat's extension asks whether it may collect usage data: not in the way of the tests or the screenshot.
              '--settings',
              JSON.stringify({ 'redhat.telemetry.enabled': false }),
              ...(screenshot && only === '--yaml-only' ? ['--screenshot', screenshot] : []),
            ],
            { env: { ...env, ROLE_PROTOCOLS_YAML_VSIX: vsix } },
          );
          results.push({ name: `coexistence suite (beside ${yamlExtension ? path.basename(vsix) : 'the YAML extension stand-in'})`, ...r });
        } finally {
          removeWorkspace(workspace);
        }
      } else if (yamlExtension) {
        results.push({ name: `coexistence suite: ${vsix} does not exist`, code: 1, seconds: 0 });
      }
    } finally {
      fs.rmSync(built, { recursive: true, force: true });
    }
  }

  log('summary:');
  for (const r of results) log(`  ${r.code === 0 ? 'passed' : `FAILED (exit ${r.code})`}  ${r.name}  ${r.seconds.toFixed(1)}s`);
  return results.every((r) => r.code === 0) ? 0 : 1;
}

process.exit(main());
