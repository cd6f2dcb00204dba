#!/usr/bin/env node
'use strict';
/*
 * A second, real LSP client gets the same diagnostics as the CLI: headless
 * Neovim (built-in LSP client, test/neovim/init.lua) starts the language
 * server (server/out/lsp/server.js --stdio), opens each sample, waits for the
 * pushed diagnostics and writes them as JSON lines; this script compares them
 * with `node server/out/cli/main.js lint --format json <file>`: same rule
 * ids, severities, start and end lines and columns, messages.
 *
 *   node scripts/test-neovim.js [FILE...]
 *
 * Default files: samples/broken/unknown-reference.roles.yaml and
 * samples/reference-department.roles.yaml. Build first (npx tsc -b).
 * If `nvim` is missing it is installed with apt-get when running as root
 * (as CI is); otherwise the script fails and names the apt command.
 *
 * Exit codes: 0 same diagnostics; 1 mismatch or Neovim failure/timeout;
 * 2 setup problem (Neovim missing, not built, CLI failed).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const INIT = path.join(ROOT, 'test', 'neovim', 'init.lua');
// RP_SERVER may point at another server script (e.g. while developing this test).
const SERVER = process.env.RP_SERVER ? path.resolve(process.env.RP_SERVER) : path.join(ROOT, 'server', 'out', 'lsp', 'server.js');
const CLI = path.join(ROOT, 'server', 'out', 'cli', 'main.js');
const DEFAULT_FILES = ['samples/broken/unknown-reference.roles.yaml', 'samples/reference-department.roles.yaml'];
const APT_COMMAND = 'sudo apt-get update && sudo apt-get install -y neovim';
const NVIM_TIMEOUT_MS = Number(process.env.RP_NVIM_TIMEOUT_MS || 20000);
const MIN_NVIM = [0, 7, 0];

function log(msg) {
  process.stdout.write(`${msg}\n`);
}

function fail(code, msg) {
  process.stderr.write(`test-neovim: ${msg}\n`);
  process.exit(code);
}

/** `nvim --version`'s first line, or undefined when there is no nvim. */
function nvimVersion() {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  return r.stdout.split('\n')[0].trim();
}

function ensureNeovim() {
  let version = nvimVersion();
  if (version) return version;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) fail(2, `Neovim (nvim) is not installed. Install it with:\n  ${APT_COMMAND}`);
  log('nvim not found; installing Neovim with apt-get (running as root) ...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Wait a little for another apt/dpkg run to let go of its lock rather than fail at once.
  const lock = ['-o', 'DPkg::Lock::Timeout=30'];
  for (const args of [
    [...lock, 'update'],
    [...lock, 'install', '-y', '--no-install-recommends', 'neovim'],
  ]) {
    const started = Date.now();
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env });
    log(`  apt-get ${args.slice(lock.length).join(' ')}: exit ${r.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (r.error || r.status !== 0) {
      fail(2, `apt-get ${args.join(' ')} failed${r.error ? `: ${r.error.message}` : ''}\n${(r.stdout || '').slice(-2000)}${(r.stderr || '').slice(-2000)}`);
    }
  }
  version = nvimVersion();
  if (!version) fail(2, 'apt-get installed neovim but `nvim --version` still fails');
  return version;
}

function checkVersion(line) {
  const m = /v(\d+)\.(\d+)\.(\d+)/.exec(line);
  if (!m) fail(2, `cannot read the Neovim version from: ${line}`);
  const v = m.slice(1, 4).map(Number);
  for (let i = 0; i < 3; i++) {
    if (v[i] > MIN_NVIM[i]) return;
    if (v[i] < MIN_NVIM[i]) fail(2, `Neovim ${v.join('.')} is too old; test/neovim/init.lua needs ${MIN_NVIM.join('.')} or later`);
  }
}

/** The CLI's findings, by absolute file path, as comparable records. */
function cliDiagnostics(files) {
  const r = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', ...files], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error) fail(2, `CLI failed to run: ${r.error.message}`);
  // Exit 1 means "findings"; anything else non-zero is a failure of the CLI itself.
  if (r.status !== 0 && r.status !== 1) fail(2, `CLI exited ${r.status}\n${r.stdout}${r.stderr}`);
  let results;
  try {
    results = JSON.parse(r.stdout);
  } catch (error) {
    fail(2, `CLI output is not JSON (${error.message}):\n${r.stdout}${r.stderr}`);
  }
  const byFile = new Map();
  for (const result of results) {
    byFile.set(
      path.resolve(ROOT, result.filePath),
      result.messages.map((m) => ({
        ruleId: m.ruleId,
        severity: m.severityName,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        message: m.message,
      })),
    );
  }
  return byFile;
}

/** Neovim's diagnostics, by absolute file path, as comparable records (1-based, UTF-16 columns). */
function neovimDiagnostics(files) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-neovim-'));
  const out = path.join(tmp, 'diagnostics.jsonl');
  // Keep Neovim away from any user config, state, shada, swap and LSP log outside tmp.
  const xdg = {};
  for (const dir of ['CONFIG', 'DATA', 'STATE', 'CACHE', 'RUNTIME']) {
    xdg[`XDG_${dir}_HOME`] = path.join(tmp, dir.toLowerCase());
    fs.mkdirSync(xdg[`XDG_${dir}_HOME`], { recursive: true, mode: 0o700 });
  }
  const env = {
    ...process.env,
    ...xdg,
    RP_NODE: process.execPath,
    RP_SERVER: SERVER,
    RP_OUT: out,
    RP_TIMEOUT_MS: String(NVIM_TIMEOUT_MS),
  };
  const args = ['--headless', '-n', '-i', 'NONE', '--noplugin', '-u', INIT, '--', ...files];
  const started = Date.now();
  const r = spawnSync('nvim', args, {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    // Neovim's own bounded wait plus time to start and shut down.
    timeout: NVIM_TIMEOUT_MS + 15000,
    killSignal: 'SIGKILL',
  });
  const elapsed = Date.now() - started;
  let transcript = `${r.stdout || ''}${r.stderr || ''}`.trim();
  // Neovim logs the server's stderr and its own LSP errors to lsp.log (cache dir in 0.7, state dir later).
  for (const dir of ['cache', 'state']) {
    const lspLog = path.join(tmp, dir, 'nvim', 'lsp.log');
    if (fs.existsSync(lspLog)) {
      const text = fs.readFileSync(lspLog, 'utf8').trim();
      if (text) transcript += `\n--- Neovim's lsp.log (last 6000 characters) ---\n${text.slice(-6000)}`;
    }
  }
  if (r.error) {
    fs.rmSync(tmp, { recursive: true, force: true });
    const why = r.error.code === 'ETIMEDOUT' ? `was killed after ${elapsed} ms` : `failed: ${r.error.message}`;
    fail(1, `nvim ${why}\n${transcript}`);
  }
  if (r.status !== 0) {
    fs.rmSync(tmp, { recursive: true, force: true });
    const meaning = { 1: 'timed out waiting for diagnostics', 2: 'setup error', 3: 'the server exited early' }[r.status] || 'failed';
    fail(1, `nvim exited ${r.status} (${meaning}) after ${elapsed} ms\n${transcript}`);
  }
  const lines = fs
    .readFileSync(out, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  fs.rmSync(tmp, { recursive: true, force: true });
  const raw = lines.map((l) => JSON.parse(l));
  const byFile = new Map(files.map((f) => [path.resolve(ROOT, f), []]));
  for (const d of raw) {
    const key = path.resolve(ROOT, d.file);
    if (!byFile.has(key)) byFile.set(key, []);
    byFile.get(key).push({
      ruleId: d.code === undefined || d.code === null ? undefined : String(d.code),
      severity: d.severity_name,
      line: d.lnum + 1,
      column: d.col_utf16 + 1,
      endLine: d.end_lnum + 1,
      endColumn: d.end_col_utf16 + 1,
      message: d.message,
      source: d.source,
    });
  }
  return { byFile, raw, elapsed, transcript };
}

const KEYS = ['ruleId', 'severity', 'line', 'column', 'endLine', 'endColumn', 'message'];

function keyOf(d) {
  return JSON.stringify(KEYS.map((k) => d[k]));
}

function show(d) {
  return `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.ruleId} ${JSON.stringify(d.message)}`;
}

function sorted(list) {
  return [...list].sort(
    (a, b) => a.line - b.line || a.column - b.column || String(a.ruleId).localeCompare(String(b.ruleId)) || a.message.localeCompare(b.message),
  );
}

/** Multiset difference a - b by comparable key. */
function minus(a, b) {
  const counts = new Map();
  for (const d of b) counts.set(keyOf(d), (counts.get(keyOf(d)) || 0) + 1);
  const rest = [];
  for (const d of a) {
    const n = counts.get(keyOf(d)) || 0;
    if (n > 0) counts.set(keyOf(d), n - 1);
    else rest.push(d);
  }
  return rest;
}

function main() {
  const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : DEFAULT_FILES;
  for (const f of files) {
    if (!fs.existsSync(path.resolve(ROOT, f))) fail(2, `no such file: ${f}`);
  }
  for (const built of [SERVER, CLI]) {
    if (!fs.existsSync(built)) fail(2, `${path.relative(ROOT, built)} is missing: build first (npx tsc -b)`);
  }
  const started = Date.now();
  const versionLine = ensureNeovim();
  checkVersion(versionLine);
  log(`Neovim: ${versionLine}`);

  const cli = cliDiagnostics(files);
  const nvim = neovimDiagnostics(files);
  log(`Neovim run: ${nvim.elapsed} ms`);

  let mismatches = 0;
  let compared = 0;
  for (const f of files) {
    const abs = path.resolve(ROOT, f);
    const expected = cli.get(abs);
    const actual = nvim.byFile.get(abs) || [];
    if (!expected) {
      mismatches++;
      log(`\n${f}: the CLI reported nothing for this file`);
      continue;
    }
    compared += expected.length;
    const onlyCli = sorted(minus(expected, actual));
    const onlyNvim = sorted(minus(actual, expected));
    const same = onlyCli.length === 0 && onlyNvim.length === 0;
    log(`\n${f}: CLI ${expected.length}, Neovim ${actual.length} -> ${same ? 'same' : 'DIFFERENT'}`);
    for (const d of sorted(actual)) log(`  nvim  ${show(d)} [source ${d.source}]`);
    for (const d of sorted(expected)) log(`  cli   ${show(d)}`);
    if (!same) {
      mismatches++;
      for (const d of onlyCli) log(`  - only in CLI:    ${show(d)}`);
      for (const d of onlyNvim) log(`  + only in Neovim: ${show(d)}`);
    }
  }
  log(`\ntotal ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (mismatches > 0) {
    if (nvim.transcript) log(`\nNeovim's log:\n${nvim.transcript}`);
    fail(1, `${mismatches} file(s) differ between Neovim's LSP diagnostics and the CLI`);
  }
  if (compared === 0) fail(1, 'the CLI reported no finding in any file, so nothing was compared: include a file with findings');
  log('Neovim received the same diagnostics as the CLI reports.');
}

main();
