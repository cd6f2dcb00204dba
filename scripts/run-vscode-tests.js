#!/usr/bin/env node
// Runs an extension's mocha suite inside a real VS Code (code-server 4.100 =
// VS Code 1.100, driven by Debian's chromium through playwright-core), since
// this machine cannot download VS Code for @vscode/test-electron.
//
// Needs: bash scripts/setup-code-server.sh (once).
//
// Usage:
//   node scripts/run-vscode-tests.js --extension <abs dir> --tests <abs index.js>
//        --workspace <abs dir> [--timeout 300] [--install-extension <file.vsix>]...
//        [--screenshot <file.png>] [--settings <json>]
//   (--extension may be left out when --install-extension is given)
//
// --tests is the compiled suite index: a module exporting run(): Promise that
// runs Mocha and rejects on failures (the usual @vscode/test-electron layout).
// With --install-extension the .vsix is installed into the fresh extensions
// dir (the option may be given more than once); --extension, when given too,
// is still loaded as the development extension (the coexistence suite: ours
// in development mode beside an installed YAML extension). Without
// --extension an empty one stands in for it (testHostExtension()), so the
// installed package is what runs.
// --settings adds user settings (a JSON object) to the fresh profile's.
// --screenshot saves a PNG of the workbench as the suite left it (the page is
// then 1440x900), once the suite has finished and before the browser closes.
//
// Exit code: the suite's (0 = all passed); 1 on timeout or setup failure.
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');
const { createRequire } = require('node:module');

const CODE_SERVER_VERSION = '4.100.0';
const REPO = path.resolve(__dirname, '..');
const CACHE = path.join(process.env.ROLE_PROTOCOLS_CACHE || path.join(REPO, '.cache'), `code-server-${CODE_SERVER_VERSION}`);
const ENTRY = path.join(CACHE, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SERVER_START_LIMIT_MS = 60_000;

function log(msg) {
  console.log(`[run-vscode-tests] ${msg}`);
}

function fail(msg) {
  console.error(`[run-vscode-tests] ERROR: ${msg}`);
  process.exit(1);
}

// An expected failure: reported by its message alone, without a stack.
class RunError extends Error {}

/**
 * Reads, every 250 ms while the suite runs, what each "Summary tables" page
 * in the browser shows (the webviews are frames of the workbench page), and
 * writes it to `file` (written whole, then renamed, so a reader never sees
 * half of it). What a person would see, from the real DOM: the heading, each
 * table's columns and first row, and whether the stylesheet applied.
 */
function probeWebviews(page, file) {
  let stopped = false;
  let last = '';
  const probe = async () => {
    const pages = [];
    for (const frame of page.frames()) {
      try {
        // Runs in the page, where the browser's globals are.
        /* global document, getComputedStyle */
        const found = await frame.evaluate(() => {
          const tables = document.getElementById('tables');
          const heading = document.getElementById('heading');
          if (!tables || !heading || !document.getElementById('export')) return null;
          const first = tables.querySelector('table');
          return {
            heading: heading.textContent,
            tables: [...tables.querySelectorAll('section.table')].map((section) => ({
              id: section.getAttribute('data-table'),
              columns: [...section.querySelectorAll('thead th')].map((th) => th.textContent),
              firstRow: [...(section.querySelector('tbody tr')?.children ?? [])].map((td) => td.querySelector('.value')?.textContent ?? td.textContent),
            })),
            borderCollapse: first ? getComputedStyle(first).borderCollapse : null,
            scripts: [...document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src').split('/').pop().split('?')[0]),
          };
        });
        if (found) pages.push(found);
      } catch {
        // A frame that went away or is not ready yet: the next round reads it.
      }
    }
    const text = JSON.stringify(pages);
    if (text !== last) {
      last = text;
      fs.writeFileSync(`${file}.tmp`, text);
      fs.renameSync(`${file}.tmp`, file);
    }
  };
  const loop = async () => {
    while (!stopped) {
      await probe();
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  void loop();
  return () => {
    stopped = true;
  };
}

/**
 * A suite that wants the screenshot taken while it still runs (what it shows
 * goes when the extension host stops: diagnostics, the outline) writes
 * `file`; the PNG is then saved and `file.done` written, which the suite waits for.
 */
function screenshotOnRequest(page, file, png) {
  let stopped = false;
  const loop = async () => {
    while (!stopped) {
      if (fs.existsSync(file) && !fs.existsSync(`${file}.done`)) {
        fs.mkdirSync(path.dirname(png), { recursive: true });
        await page.screenshot({ path: png });
        log(`screenshot saved to ${png} (asked for by the suite)`);
        fs.writeFileSync(`${file}.done`, png);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  void loop();
  return () => {
    stopped = true;
  };
}

function parseArgs(argv) {
  const usage =
    'usage: node scripts/run-vscode-tests.js --extension <abs dir> --tests <abs index.js> ' +
    '--workspace <abs dir> [--timeout 300] [--install-extension <file.vsix>] [--screenshot <file.png>]';
  const opts = { timeout: 300 };
  const names = {
    '--extension': 'extension',
    '--tests': 'tests',
    '--workspace': 'workspace',
    '--timeout': 'timeout',
    '--install-extension': 'installExtension',
    '--screenshot': 'screenshot',
    '--settings': 'settings',
  };
  opts.installExtension = [];
  for (let i = 0; i < argv.length; i++) {
    const name = names[argv[i]];
    if (argv[i] === '--help' || argv[i] === '-h') {
      console.log(usage);
      process.exit(0);
    }
    if (!name || i + 1 >= argv.length) fail(`bad argument ${argv[i]}\n${usage}`);
    if (name === 'installExtension') opts.installExtension.push(argv[++i]);
    else opts[name] = argv[++i];
  }
  // --extension may be left out when testing an installed .vsix.
  for (const key of opts.installExtension.length > 0 ? ['tests', 'workspace'] : ['extension', 'tests', 'workspace']) {
    if (!opts[key]) fail(`--${key} is required\n${usage}`);
  }
  for (const key of ['extension', 'tests', 'workspace', 'installExtension']) {
    for (const value of [opts[key]].flat()) {
      if (value === undefined) continue;
      // The paths go into vscode-remote:// URIs, which need absolute paths.
      if (!path.isAbsolute(value)) fail(`${key} must be an absolute path: ${value}`);
      if (!fs.existsSync(value)) fail(`${key} does not exist: ${value}`);
    }
  }
  if (opts.settings !== undefined) {
    try {
      opts.settings = JSON.parse(opts.settings);
    } catch {
      fail(`--settings must be a JSON object: ${opts.settings}`);
    }
  }
  opts.timeout = Number(opts.timeout);
  if (!(opts.timeout > 0)) fail('--timeout must be a positive number of seconds');
  return opts;
}

// Ask the OS for a free port, then release it for code-server to bind.
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(0);
    });
  });
}

// Poll until the server answers, the process dies, or the time limit passes.
async function waitForServer(url, child, limitMs) {
  const deadline = Date.now() + limitMs;
  let delay = 100;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new RunError(`code-server exited early (code ${child.exitCode}, signal ${child.signalCode})`);
    }
    if ((await httpStatus(url)) === 200) return;
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 1000);
  }
  throw new RunError(`code-server did not answer ${url} within ${limitMs / 1000}s`);
}

// Prefix every line of a stream, so server, browser and suite output can be told apart.
function pipeLines(stream, prefix, out) {
  let buf = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    buf += chunk;
    const lines = buf.split('\n');
    buf = lines.pop();
    for (const line of lines) out.write(`${prefix} ${line}\n`);
  });
  stream.on('end', () => {
    if (buf) out.write(`${prefix} ${buf}\n`);
  });
}

// The extension host's console arrives in the page through VS Code's logger as
// console.log('%c INFO', 'color: #33f', format, ...args): drop the styling and
// apply the suite's own format string (mocha's spec reporter uses '%s').
const LEVEL = /^%c\s*(TRACE|DEBUG|INFO|WARN|ERR)\s*$/;
async function consoleText(msg) {
  const args = msg.args();
  if (args.length === 0) return msg.text();
  let values;
  try {
    values = await Promise.all(args.map((a) => a.jsonValue()));
  } catch {
    return msg.text(); // an argument that does not serialise (page closing, DOM node)
  }
  if (typeof values[0] === 'string' && LEVEL.test(values[0]) && values.length >= 2) {
    return util.format(...values.slice(2));
  }
  return util.format(...values);
}

// With --install-extension the installed package must be what runs, so the
// extension under test is not loaded from --extension. VS Code's web
// workbench only starts a suite (extensionTestsPath) in an extension
// development window, and only extensionDevelopmentPath makes one: so it
// points at this empty extension, which contributes nothing.
function testHostExtension(dir) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'vscode-test-host',
        publisher: 'test',
        version: '0.0.0',
        engines: { vscode: '*' },
        description: 'Empty stand-in so a test suite can run against installed extensions.',
      },
      null,
      2,
    ),
  );
  return dir;
}

function installExtension(vsix, dirs) {
  log(`installing ${vsix}`);
  const r = spawnSync(process.execPath, [ENTRY, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsix], {
    env: dirs.env,
    encoding: 'utf8',
  });
  for (const line of `${r.stdout}${r.stderr}`.split('\n').filter(Boolean)) {
    console.log(`[code-server] ${line}`);
  }
  // code-server prints failures but may still exit 0: check the result too.
  const installed = fs.readdirSync(dirs.extensions).filter((f) => !f.startsWith('.') && f !== 'extensions.json');
  if (r.status !== 0 || installed.length === 0) {
    throw new RunError(`installing ${vsix} failed (exit ${r.status})`);
  }
  log(`installed: ${installed.join(', ')}`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(CACHE, '.installed'))) {
    fail(`code-server is not set up in ${CACHE}; run: bash scripts/setup-code-server.sh`);
  }
  if (!fs.existsSync(CHROMIUM)) fail(`no chromium at ${CHROMIUM}; run: bash scripts/setup-code-server.sh`);
  // playwright-core lives in the cache folder, not in the project's dependencies.
  const { chromium } = createRequire(path.join(CACHE, 'package.json'))('playwright-core');

  // Fresh profile and extensions each run, so runs cannot leak into each other.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-tests-'));
  const dirs = {
    userData: path.join(tmp, 'user-data'),
    extensions: path.join(tmp, 'extensions'),
    // code-server writes a config file and logs under XDG dirs (~/.config,
    // ~/.local/share) unless told otherwise: keep them in the temp dir too.
    env: {
      ...process.env,
      CODE_SERVER_CONFIG: path.join(tmp, 'config.yaml'),
      XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
      // The extension host, git and typescript extensions leave sockets and
      // folders in the temp dir: give them ours, which is removed at the end.
      TMPDIR: path.join(tmp, 't'),
      // No marketplace: without this the workbench queries open-vsx.org,
      // which this machine cannot reach (noise, and a wait on DNS).
      EXTENSIONS_GALLERY: '{}',
      // Where this runner writes what the tables pages in the browser show (see probeWebviews):
      // the installed .vsix has no test hooks, so its suite reads the real DOM through this file.
      ROLE_PROTOCOLS_WEBVIEW_PROBE: path.join(tmp, 'webviews.json'),
      // Where a suite asks for the screenshot while it runs (see screenshotOnRequest).
      ...(opts.screenshot ? { ROLE_PROTOCOLS_SCREENSHOT_REQUEST: path.join(tmp, 'screenshot-request') } : {}),
    },
  };
  fs.mkdirSync(dirs.extensions, { recursive: true });
  fs.mkdirSync(dirs.env.TMPDIR);
  // No welcome page competing with the suite for the editor area.
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        ...opts.settings,
      },
      null,
      2,
    ),
  );

  let server = null;
  let browser = null;
  // Set on every way out of the try below.
  let exitCode;
  // One shared cleanup, whether the run ends or a signal interrupts it.
  let cleaning = null;
  const cleanup = () =>
    (cleaning ??= (async () => {
      if (browser) await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
      if (server) await killGroup(server);
      fs.rmSync(tmp, { recursive: true, force: true });
    })());
  // Ctrl-C or a CI kill must not leave code-server or chromium behind.
  let interrupted = false;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      if (interrupted) return;
      interrupted = true;
      log(`${sig}: cleaning up`);
      cleanup().finally(() => process.exit(130));
    });
  }

  try {
    let devPath = opts.extension;
    for (const vsix of opts.installExtension) installExtension(vsix, dirs);
    if (!devPath) devPath = testHostExtension(path.join(tmp, 'test-host-extension'));

    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    log(`starting code-server ${CODE_SERVER_VERSION} on ${origin}`);
    // detached: own process group, so the server, its extension host and
    // file watchers can all be killed together.
    server = spawn(
      process.execPath,
      [
        ENTRY,
        '--auth',
        'none',
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--user-data-dir',
        dirs.userData,
        '--extensions-dir',
        dirs.extensions,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        opts.workspace,
      ],
      { cwd: path.dirname(path.dirname(path.dirname(ENTRY))), env: dirs.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    pipeLines(server.stdout, '[code-server]', process.stdout);
    pipeLines(server.stderr, '[code-server]', process.stderr);
    const started = Date.now();
    await waitForServer(`${origin}/healthz`, server, SERVER_START_LIMIT_MS);
    log(`code-server answered after ${((Date.now() - started) / 1000).toFixed(1)}s`);

    // The page runs against the server's file system: paths become
    // vscode-remote URIs whose authority is the server's host:port.
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p.split('/').map(encodeURIComponent).join('/')}`;
    const payload = [
      ['extensionDevelopmentPath', remote(devPath)],
      ['extensionTestsPath', remote(opts.tests)],
    ];
    const url = `${origin}/?folder=${encodeURIComponent(opts.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // Our own signal handlers clean up; playwright's would exit the process
      // before code-server is killed.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      // Chromium keeps crash reports under ~/.config/chromium and scratch files
      // in $TMPDIR: use the run's temp dir for both.
      env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), TMPDIR: dirs.env.TMPDIR },
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = await browser.newPage(opts.screenshot ? { viewport: { width: 1440, height: 900 } } : {});
    // Reading a message's arguments is async: chain the writes to keep order.
    let printed = Promise.resolve();
    page.on('console', (msg) => {
      const text = consoleText(msg);
      printed = printed.then(async () => {
        for (const line of (await text).split('\n')) console.log(`[vscode:${msg.type()}] ${line}`);
      });
    });
    page.on('pageerror', (err) => console.log(`[vscode:pageerror] ${err.message}`));

    // VS Code's web workbench calls window.codeAutomationExit(code) when the
    // suite's run() settles: 0 when it resolves, 1 when it rejects.
    let settle;
    const finished = new Promise((resolve) => {
      settle = resolve;
    });
    await page.exposeFunction('codeAutomationExit', (code) => settle({ code: Number(code) }));
    const timer = setTimeout(() => settle({ timedOut: true }), opts.timeout * 1000);
    // Fail fast instead of waiting out the timeout when a side dies.
    server.once('exit', (code, sig) => settle({ error: interrupted ? 'interrupted' : `code-server exited during the run (code ${code}, signal ${sig})` }));
    page.once('crash', () => settle({ error: 'the browser page crashed' }));
    log(`opening workbench: ${url}`);
    await page.goto(url, { timeout: opts.timeout * 1000 });
    const stopProbing = probeWebviews(page, dirs.env.ROLE_PROTOCOLS_WEBVIEW_PROBE);
    const stopWatching = opts.screenshot ? screenshotOnRequest(page, dirs.env.ROLE_PROTOCOLS_SCREENSHOT_REQUEST, opts.screenshot) : () => {};
    const result = await finished;
    stopProbing();
    stopWatching();
    clearTimeout(timer);
    await printed;
    if (opts.screenshot && !result.error && !fs.existsSync(`${dirs.env.ROLE_PROTOCOLS_SCREENSHOT_REQUEST}.done`)) {
      const file = path.resolve(opts.screenshot);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await page.screenshot({ path: file });
      log(`screenshot saved to ${file}`);
    }
    if (result.timedOut) {
      console.error(`[run-vscode-tests] ERROR: the suite did not finish within ${opts.timeout}s (--timeout)`);
      exitCode = 1;
    } else if (result.error) {
      console.error(`[run-vscode-tests] ERROR: ${result.error}`);
      exitCode = 1;
    } else {
      exitCode = Number.isInteger(result.code) ? result.code : 1;
      log(`suite finished in ${((Date.now() - started) / 1000).toFixed(1)}s with exit code ${exitCode}`);
    }
  } catch (err) {
    console.error(`[run-vscode-tests] ERROR: ${err instanceof RunError ? err.message : (err && err.stack) || err}`);
    exitCode = 1;
  } finally {
    await cleanup();
  }
  return interrupted ? 130 : exitCode;
}

// SIGTERM the whole process group, then SIGKILL what is still there.
async function killGroup(child) {
  const alive = () => {
    try {
      process.kill(-child.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + 5000;
  while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive()) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

main().then((code) => process.exit(code));
