'use strict';
/**
 * The finding explosion: a product-shaped protocol (every role performs every
 * step, which needs every skill, and nothing is trained; `generateProduct`)
 * checked in a fresh process, so that its peak memory is its own, and opened
 * in our language server.
 *
 *   node bench/explosion.js [--sizes 60,100] [--runs 3] [--server]
 *
 * Prints, per size: the text's size, the median time of `lintText`, the
 * process's peak resident memory, and the findings by rule; with --server,
 * didOpen → diagnostics, a one-line change → diagnostics, the diagnostics
 * sent, and the server's peak memory.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');
const { generateProduct } = require('./generate');
const { now, median, memoryOf, sleep } = require('./lib/stats');

/** Sizes (roles = steps = skills) the bench measures: about 84 KB and 204 KB of text. */
const EXPLOSION_SIZES = [60, 100];
/** The verdict the bench prints: a product-shaped document is checked within the rules' time budget (2 s; before: 20 s for 100 of each), with no more findings than the caps allow. */
const EXPLOSION_BOUND_MS = 2000;
const EXPLOSION_BOUND_FINDINGS = 1000 + 30;

const productText = (n) => generateProduct({ roles: n, steps: n, skills: n });

/** One size, linted in a child process: { n, bytes, ms, findings, byRule, peakRssKb, baseRssKb }. */
function measureLint(n, runs) {
  const child = spawnSync(process.execPath, [path.join(__dirname, 'explosion.js'), '--child', String(n), String(runs)], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (child.status !== 0) throw new Error(`bench/explosion.js --child ${n} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout);
}

function child(n, runs) {
  const { lintText } = require(path.join(__dirname, '..', 'server', 'out', 'service', 'engine', 'lint'));
  const { TODAY } = require('./inprocess');
  const text = productText(n);
  const baseRssKb = process.resourceUsage().maxRSS;
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t = now();
    result = lintText(text, { fileName: 'product.roles.yaml', today: TODAY });
    times.push(now() - t);
  }
  const byRule = {};
  for (const f of result.findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
  process.stdout.write(
    JSON.stringify({
      n,
      bytes: Buffer.byteLength(text),
      ms: median(times),
      findings: result.findings.length,
      byRule,
      peakRssKb: process.resourceUsage().maxRSS,
      baseRssKb,
    }),
  );
}

/** Our server on one size: open → diagnostics, a one-line change → diagnostics, what was sent, peak memory. */
async function measureServer(n) {
  const { start } = require('./lsp');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'role-protocols-explosion-'));
  const file = path.join(dir, 'product.roles.yaml');
  const text = productText(n);
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const { client } = await start('ours', dir);
  try {
    const published = (test) =>
      client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && test(m.params), 600000, 'diagnostics');
    let arrived = published(() => true);
    let t = now();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const opened = await arrived;
    const openMs = opened.at - t;
    const diagnostics = opened.message.params.diagnostics;
    const bytes = Buffer.byteLength(JSON.stringify(opened.message.params));
    // The title is on line 6 (0-based 5); one keystroke's worth of change.
    const line = text.split('\n').findIndex((l) => l.startsWith('  title: '));
    arrived = published((p) => p.version === 2);
    t = now();
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line, character: 9 }, end: { line, character: 9 } }, text: 'x' }],
    });
    const changed = await arrived;
    await sleep(200);
    return { n, openMs, changeMs: changed.at - t, diagnostics: diagnostics.length, bytes, memory: memoryOf(client.pid) };
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The bench's verdict: each size checked within the bound, with the findings capped. */
function verdicts(lint) {
  return lint.map((x) => ({
    what: `${x.n} roles × ${x.n} steps × ${x.n} skills (${(x.bytes / 1024).toFixed(0)} KB): lintText ≤ ${EXPLOSION_BOUND_MS} ms, ≤ ${EXPLOSION_BOUND_FINDINGS} findings`,
    ok: x.ms <= EXPLOSION_BOUND_MS && x.findings <= EXPLOSION_BOUND_FINDINGS,
  }));
}

module.exports = { EXPLOSION_SIZES, EXPLOSION_BOUND_MS, EXPLOSION_BOUND_FINDINGS, productText, measureLint, measureServer, verdicts };

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === '--child') child(Number(args[1]), Number(args[2]));
  else {
    const value = (flag, fallback) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : fallback);
    const sizes = value('--sizes', EXPLOSION_SIZES.join(',')).split(',').map(Number);
    const runs = Number(value('--runs', '3'));
    (async () => {
      for (const n of sizes) {
        const x = measureLint(n, runs);
        console.log(
          `${n}³: ${(x.bytes / 1024).toFixed(1)} KB, lintText ${x.ms.toFixed(0)} ms (median of ${runs}), peak RSS ${(x.peakRssKb / 1024).toFixed(0)} MB (${(x.baseRssKb / 1024).toFixed(0)} MB before), ${x.findings} findings ${JSON.stringify(x.byRule)}`,
        );
        if (args.includes('--server')) {
          const s = await measureServer(n);
          console.log(
            `  server: didOpen → diagnostics ${s.openMs.toFixed(0)} ms, one-line change → diagnostics ${s.changeMs.toFixed(0)} ms, ${s.diagnostics} diagnostics (${(s.bytes / 1024).toFixed(0)} KB of JSON), peak RSS ${(s.memory.hwm / 1024).toFixed(0)} MB`,
          );
        }
      }
    })().catch((error) => {
      console.error(error);
      process.exit(1);
    });
  }
}
