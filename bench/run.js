#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: the performance figures of docs/PERFORMANCE.md.
 *
 *   node bench/run.js [--quick] [--json FILE] [--keep]
 *
 * --quick (or BENCH_QUICK=1): fewer runs, servers on the 10,000-line document only.
 * --json FILE: also write every raw figure as JSON.
 * --keep: keep the generated files (their folder is printed).
 *
 * No assertion on time: figures are medians, comparisons are ratios taken in
 * the same run, and the targets table says met or not met.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { fmtMs, fmtMb, fmtRatio, table, now } = require('./lib/stats');

const args = process.argv.slice(2);
const quick = args.includes('--quick') || process.env.BENCH_QUICK === '1';
const keep = args.includes('--keep');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;

for (const needed of ['server/out/service/engine/lint.js', 'server/out/cli/main.js']) {
  if (!fs.existsSync(path.join(__dirname, '..', needed))) {
    console.error(`bench: ${needed} is missing; run \`npm run build\` first.`);
    process.exit(2);
  }
}
const haveServer = fs.existsSync(path.join(__dirname, '..', 'server/out/lsp/server.js'));
const havePeer = fs.existsSync(path.join(__dirname, '..', 'node_modules/yaml-language-server/bin/yaml-language-server'));

const inprocess = require('./inprocess');
const fixtures = require('./fixtures');
const cli = require('./cli');
const workspaceBench = require('./workspace');
const explosion = require('./explosion');
const registerBench = require('./register');
const diffBench = require('./diff');
const lsp = haveServer || havePeer ? require('./lsp') : undefined;

const SIZES = [1000, 10000, 50000];
const PLAN = quick
  ? {
      runs: { 1000: 7, 10000: 5, 50000: 3 },
      stageRuns: 3,
      lspSizes: [10000],
      lsp: { reopen: 2, changes: 7, requests: 15, typing: 5, soak: 0 },
      lspBig: { reopen: 2, changes: 5, requests: 10, typing: 3, soak: 0 },
      cliRuns: 1,
      coldRuns: 5,
      startRuns: 3,
      wsRuns: 3,
      wsOpen: 200,
      corpus: 1000,
      explosionRuns: 2,
      registerRuns: 3,
    }
  : {
      runs: { 1000: 21, 10000: 11, 50000: 5 },
      stageRuns: 5,
      lspSizes: SIZES,
      lsp: { reopen: 5, changes: 15, requests: 30, typing: 10, soak: 2000 },
      lspBig: { reopen: 3, changes: 7, requests: 15, typing: 5, soak: 0 },
      cliRuns: 3,
      coldRuns: 10,
      startRuns: 7,
      wsRuns: 5,
      wsOpen: 200,
      corpus: 1000,
      explosionRuns: 3,
      registerRuns: 7,
    };

const log = (s) => process.stderr.write(`bench: ${s}\n`);

async function main() {
  const started = now();
  const root = fixtures.makeRoot();
  const results = { machine: machine(), quick, sizes: {}, lsp: {}, stages: {} };
  try {
    log(`generating documents in ${root}`);
    const docs = fixtures.writeSizes(root, SIZES);

    for (const doc of docs) {
      log(`floor and service, ${doc.lines} lines`);
      const m = inprocess.measure(doc.text, PLAN.runs[doc.size]);
      const stopped = m.findings.filter((f) => f.ruleId === 'syntax' || f.ruleId === 'document-limits');
      if (stopped.length > 0) log(`WARNING: the ${doc.lines}-line document was not fully checked: ${stopped.map((f) => f.message).join(' ')}`);
      results.sizes[doc.size] = {
        lines: doc.lines,
        sites: doc.sites,
        bytes: Buffer.byteLength(doc.text),
        floor: m.floor,
        service: m.service,
        serviceEdit: m.serviceEdit,
        floorBest: m.floorBest,
        serviceBest: m.serviceBest,
        floorErrors: m.floorErrors,
        findings: m.findings.length,
        byRule: countBy(m.findings.map((f) => f.ruleId)),
      };
    }
    results.diff = {};
    for (const doc of docs) {
      log(`change control: diff of two versions, ${doc.lines} lines`);
      results.diff[doc.size] = { lines: doc.lines, ...diffBench.measure(doc.text, PLAN.runs[doc.size]) };
    }
    for (const doc of docs.filter((d) => d.size >= 10000)) {
      log(`service stages, ${doc.lines} lines`);
      results.stages[doc.size] = inprocess.stages(doc.text, PLAN.stageRuns);
    }

    if (lsp) {
      log('server start-up');
      results.startup = {};
      for (const kind of ['ours', 'bundled', 'peer']) {
        if ((kind !== 'peer' && !haveServer) || (kind === 'peer' && !havePeer)) continue;
        results.startup[kind] = await lsp.measureStartup(kind, path.dirname(docs[0].file), PLAN.startRuns);
      }
      for (const doc of docs.filter((d) => PLAN.lspSizes.includes(d.size))) {
        const counts = doc.size > 10000 ? PLAN.lspBig : PLAN.lsp;
        results.lsp[doc.size] = {};
        for (const kind of ['ours', 'peer']) {
          if ((kind === 'ours' && !haveServer) || (kind === 'peer' && !havePeer)) continue;
          log(`${kind === 'ours' ? 'our server' : 'yaml-language-server'}, ${doc.lines} lines`);
          results.lsp[doc.size][kind] = await lsp.measureDocument(kind, doc, counts);
        }
      }
    }

    log(`CLI: ${PLAN.corpus} typical protocols`);
    const corpus = fixtures.writeCorpus(root, PLAN.corpus);
    results.cli = {
      ...cli.lintFolder(corpus, PLAN.cliRuns),
      files: corpus.count,
      averageLines: corpus.lines / corpus.count,
      cold: cli.coldStart(PLAN.coldRuns),
    };

    log('workspace: 200 protocols and one catalogue');
    const ws = fixtures.writeWorkspace(root, 200);
    results.workspace = { service: workspaceBench.measure(ws, PLAN.wsRuns) };
    if (haveServer) results.workspace.lsp = await lsp.measureWorkspace(ws, PLAN.wsOpen);

    log(`register of people: ${registerBench.REGISTER_SIZES.join(' and ')} people, 40 skills`);
    results.register = registerBench.REGISTER_SIZES.map((n) => registerBench.measure(n, PLAN.registerRuns));

    log(`finding explosion: ${explosion.EXPLOSION_SIZES.map((n) => `${n} roles × ${n} steps × ${n} skills`).join(', ')}`);
    results.explosion = { lint: explosion.EXPLOSION_SIZES.map((n) => explosion.measureLint(n, PLAN.explosionRuns)) };
    if (haveServer) results.explosion.server = await explosion.measureServer(explosion.EXPLOSION_SIZES[0]);
  } finally {
    if (keep) log(`generated files kept in ${root}`);
    else fs.rmSync(root, { recursive: true, force: true });
  }
  results.seconds = (now() - started) / 1000;
  results.machine.loadEnd = os.loadavg()[0];
  print(results);
  if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(results, null, 2));
}

function machine() {
  const cpus = os.cpus();
  return {
    nproc: os.availableParallelism ? os.availableParallelism() : cpus.length,
    cpu: cpus[0]?.model?.trim(),
    memGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadStart: os.loadavg()[0],
  };
}

function countBy(list) {
  const out = {};
  for (const x of list) out[x] = (out[x] ?? 0) + 1;
  return out;
}

function print(r) {
  const out = [];
  const say = (s = '') => out.push(s);
  const m = r.machine;
  say(
    `Role Protocols benchmark${r.quick ? ' (quick)' : ''}: ${m.nproc} cores (${m.cpu}), ${m.memGb} GB, Node ${m.node}, ${m.platform}; ${r.seconds.toFixed(0)} s.`,
  );
  // The bench itself keeps about one core busy, so only the load before it started says whether others were using the machine.
  say(
    `Load average (1 min) ${m.loadStart.toFixed(2)} before the run, ${m.loadEnd.toFixed(2)} at its end (the bench itself adds about 1)${m.loadStart > 0.7 || m.loadEnd > 2 ? ': other work was running, so the figures are inflated and noisier than usual' : ''}.`,
  );
  say('Medians of several runs; "ours/floor" and "ours/peer" are ratios taken in this run.');
  say();

  say('In-process, per document (warm; the ajv validators compiled once beforehand):');
  say();
  const sizes = Object.keys(r.sizes).map(Number);
  say(
    table(
      [
        'document',
        'sites',
        'floor: parseEvents + ajv',
        'service: lintText',
        'service / floor',
        'after a one-line edit (previous parse given)',
        'edit / floor',
        'findings',
      ],
      sizes.map((s) => {
        const x = r.sizes[s];
        const edit = x.serviceEdit === undefined ? ['', ''] : [fmtMs(x.serviceEdit), fmtRatio(x.serviceEdit / x.floor)];
        return [`${x.lines.toLocaleString('en-GB')} lines`, x.sites, fmtMs(x.floor), fmtMs(x.service), fmtRatio(x.service / x.floor), ...edit, x.findings];
      }),
    ),
  );
  if (r.sizes[10000] && r.sizes[50000]) {
    say();
    const [a, b] = [r.sizes[10000], r.sizes[50000]];
    say(
      `Growth from 10,000 to 50,000 lines: floor ${fmtRatio(b.floor / a.floor)}, service ${fmtRatio(b.service / a.service)} (linear would be ${fmtRatio(b.lines / a.lines)}).`,
    );
    if (a.serviceBest !== undefined)
      say(
        `The same from the fastest run of each (least disturbed by the collector): floor ${fmtRatio(b.floorBest / a.floorBest)}, service ${fmtRatio(b.serviceBest / a.serviceBest)}.`,
      );
  }

  if (r.diff) {
    say();
    say(
      'Change control, the diff of two versions (the second with a band lowered, an approver added, a reassessment and a pass mark changed, a role renamed):',
    );
    say();
    say(
      table(
        ['document', 'both checked, then compared', 'the comparison alone', 'changes found'],
        Object.values(r.diff).map((d) => [
          `${d.lines.toLocaleString('en-GB')} lines`,
          fmtMs(d.whole),
          fmtMs(d.compare),
          `${d.changes} (${d.significant} significant)`,
        ]),
      ),
    );
    const [a, b] = [r.diff[10000], r.diff[50000]];
    if (a && b)
      say(
        `Growth from 10,000 to 50,000 lines: whole ${fmtRatio(b.whole / a.whole)}, comparison alone ${fmtRatio(b.compare / a.compare)}; fastest runs ${fmtRatio(b.wholeBest / a.wholeBest)} and ${fmtRatio(b.compareBest / a.compareBest)} (linear would be ${fmtRatio(b.lines / a.lines)}).`,
      );
  }

  if (r.startup) {
    say();
    say('Server start-up, spawn → initialize answered (median of fresh processes):');
    say();
    say(
      table(
        ['server', 'median'],
        [
          ['ours, server/out/lsp/server.js', fmtMs(r.startup.ours)],
          ['ours, bundled dist/server.js (what the VS Code extension runs)', r.startup.bundled === undefined ? 'not built' : fmtMs(r.startup.bundled)],
          ['yaml-language-server', fmtMs(r.startup.peer)],
        ],
      ),
    );
  }

  for (const size of Object.keys(r.lsp).map(Number)) {
    const { ours, peer } = r.lsp[size];
    if (!ours && !peer) continue;
    say();
    say(
      `Language servers over stdio, ${r.sizes[size].lines.toLocaleString('en-GB')}-line document (ours with debounce 0; yaml-language-server always waits ${lsp.PEER_DEBOUNCE_MS} ms before validating, shown as "net" with that wait taken off):`,
    );
    say();
    const row = (label, get, fmt = fmtMs, lowerIsBetter = true) => {
      const a = ours ? get(ours) : undefined;
      const b = peer ? get(peer) : undefined;
      return [label, fmt(a), fmt(b), a !== undefined && b !== undefined ? fmtRatio(lowerIsBetter ? a / b : b / a) : '—'];
    };
    say(
      table(
        ['measure', 'ours', 'yaml-language-server', 'ours / peer'],
        [
          row('spawn → initialize answered', (x) => x.initializeMs),
          row('didOpen → diagnostics, first', (x) => x.openFirstMs),
          row("  net of the peer's 200 ms wait", (x) => x.openFirstNetMs),
          row('didOpen → diagnostics, warm (reopen)', (x) => x.openWarmMs),
          row("  net of the peer's 200 ms wait", (x) => x.openWarmNetMs),
          row('one-line didChange → diagnostics, p50', (x) => x.changeMs),
          row("  net of the peer's 200 ms wait", (x) => x.changeNetMs),
          row('one-line didChange → diagnostics, p95', (x) => x.changeP95Ms),
          row('the same change sent as the whole text, p50', (x) => x.wholeChangeMs),
          row('whole text with a comment line appended, p50', (x) => x.wholeAppendMs),
          row("  net of the peer's 200 ms wait", (x) => x.wholeAppendNetMs),
          row(`completion, line ${(ours ?? peer).probe.completion.line + 1}, p50`, (x) => x.completion.p50),
          row('completion, p95', (x) => x.completion.p95),
          row('completion while typing (after an edit, 200 ms debounce), p50', (x) => x.completionAfterEdit.p50),
          row('completion while typing, p95', (x) => x.completionAfterEdit.p95),
          row(`hover, line ${(ours ?? peer).probe.hover.line + 1}, p50`, (x) => x.hover.p50),
          row('hover, p95', (x) => x.hover.p95),
          row('resident memory after opening (VmRSS)', (x) => x.memory.rss, fmtMb),
          row('peak resident memory, whole session (VmHWM)', (x) => x.memoryEnd.hwm, fmtMb),
          row('resident memory after 2,000 edits (VmRSS)', (x) => x.soak?.memory.rss, fmtMb),
          [...row('diagnostics on the document', (x) => x.diagnostics, String).slice(0, 3), ''],
        ],
      ),
    );
  }

  for (const size of Object.keys(r.stages).map(Number)) {
    const stages = Object.entries(r.stages[size]).filter(([k]) => !k.startsWith('rule ') || r.stages[size][k] >= 0.5);
    say();
    say(`Where the service's time goes, ${r.sizes[size].lines.toLocaleString('en-GB')} lines (each stage alone; rules under 0.5 ms left out):`);
    say();
    say(
      table(
        ['stage', 'median'],
        stages.map(([k, v]) => [k, fmtMs(v)]),
      ),
    );
  }

  say();
  say('CLI and workspace:');
  say();
  const c = r.cli;
  const ws = r.workspace;
  const rows = [
    [`role-protocols lint <folder>: ${c.files} protocols (${c.averageLines.toFixed(0)} lines on average)`, fmtMs(c.total)],
    ['  files per second', c.filesPerSecond.toFixed(0)],
    ['role-protocols --version, cold start', fmtMs(c.cold.version)],
    ['  node -e 0, for comparison', fmtMs(c.cold.node)],
    [`workspace (service): lint all ${ws.service.documents} documents`, fmtMs(ws.service.fullCheck)],
    ['  edit one protocol: documents re-checked', String(ws.service.protocolEdit.rechecked)],
    ['  edit one protocol: time to re-check', fmtMs(ws.service.protocolEdit.ms)],
    ['  edit the catalogue: dependents re-checked (+ the catalogue)', `${ws.service.catalogueEdit.dependents} (+1)`],
    ['  edit the catalogue: time to re-check', fmtMs(ws.service.catalogueEdit.ms)],
  ];
  if (ws.lsp) {
    rows.push(
      [`workspace (server): open the catalogue + ${ws.lsp.open} protocols → all diagnostics`, fmtMs(ws.lsp.openAllMs)],
      ['  resident memory with them open', fmtMb(ws.lsp.memory.rss)],
      ['  edit one protocol: documents re-published', `${ws.lsp.protocolEdit.republished} (others: ${ws.lsp.protocolEdit.others})`],
      ['  edit one protocol: last diagnostics after', fmtMs(ws.lsp.protocolEdit.lastMs)],
      ['  edit the catalogue: documents re-published', `${ws.lsp.catalogueEdit.republished} (dependents: ${ws.lsp.catalogueEdit.others})`],
      ['  edit the catalogue: last diagnostics after', fmtMs(ws.lsp.catalogueEdit.lastMs)],
    );
  }
  say(table(['measure', 'value'], rows));

  if (r.explosion) {
    say();
    say(
      'Finding explosion: every role performs every step, which needs every skill, and nothing is trained (bench/explosion.js; lintText in a fresh process):',
    );
    say();
    const x = r.explosion;
    say(
      table(
        ['document', 'size', 'lintText', 'peak memory (process)', 'findings'],
        x.lint.map((d) => [
          `${d.n} roles × ${d.n} steps × ${d.n} skills`,
          `${(d.bytes / 1024).toFixed(0)} KB`,
          fmtMs(d.ms),
          `${fmtMb(d.peakRssKb)} (${fmtMb(d.baseRssKb)} before)`,
          d.findings,
        ]),
      ),
    );
    if (x.server) {
      const s = x.server;
      say();
      say(
        `Our server, ${s.n} of each: didOpen → diagnostics ${fmtMs(s.openMs)}, one-line change → diagnostics ${fmtMs(s.changeMs)}, ${s.diagnostics} diagnostics (${(s.bytes / 1024).toFixed(0)} KB of JSON), peak memory ${fmtMb(s.memory.hwm)}.`,
      );
    }
  }

  if (r.register) {
    say();
    say(
      'The register of people beside its protocol (bench/register.js; in-process, warm): full check = the register parsed and validated, its protocol read, every rule; edit = one result changed, the previous parse given; floor = js-yaml events and ajv on the register alone.',
    );
    say();
    say(
      table(
        ['register', 'lines', 'training records', 'floor', 'full check', 'full / floor', 'one-line edit', 'edit / floor', 'findings'],
        r.register.map((x) => [
          `${x.people} people, ${x.skills} skills`,
          x.lines.toLocaleString('en-GB'),
          x.training.toLocaleString('en-GB'),
          fmtMs(x.floor),
          fmtMs(x.full),
          fmtRatio(x.full / x.floor),
          fmtMs(x.edit),
          fmtRatio(x.edit / x.floor),
          x.findings,
        ]),
      ),
    );
    if (r.register.length > 1) {
      const [a, b] = [r.register[0], r.register[r.register.length - 1]];
      say();
      say(
        `Growth from ${a.people} to ${b.people} people: full check ${fmtRatio(b.full / a.full)}, floor ${fmtRatio(b.floor / a.floor)} (linear would be ${fmtRatio(b.lines / a.lines)}).`,
      );
    }
  }

  say();
  say('Targets (issue 5, on the 10,000-line document; the last rows from the hardening and register issues):');
  say();
  say(table(['target', 'measured', 'verdict'], targets(r)));
  process.stdout.write(out.join('\n') + '\n');
}

function targets(r) {
  const rows = [];
  const verdict = (ok) => (ok === undefined ? 'not measured' : ok ? 'met' : 'NOT MET');
  const s10 = r.sizes[10000];
  const s50 = r.sizes[50000];
  const ours = r.lsp[10000]?.ours;
  const peer = r.lsp[10000]?.peer;
  if (ours) {
    const x = ours.changeMs / s10.floor;
    rows.push(['one-line change → diagnostics ≤ 3 × floor', `${fmtMs(ours.changeMs)} = ${fmtRatio(x)} floor (${fmtMs(s10.floor)})`, verdict(x <= 3)]);
  } else rows.push(['one-line change → diagnostics ≤ 3 × floor', '—', verdict(undefined)]);
  if (ours && peer) {
    const x = peer.changeMs / ours.changeMs;
    const net = peer.changeNetMs / ours.changeMs;
    rows.push([
      '… and ≥ 8 × faster than yaml-language-server',
      `${fmtRatio(x)} (peer ${fmtMs(peer.changeMs)}); net of its 200 ms wait ${fmtRatio(net)}`,
      verdict(x >= 8),
    ]);
  } else rows.push(['… and ≥ 8 × faster than yaml-language-server', '—', verdict(undefined)]);
  if (ours && s10 && ours.wholeChangeMs !== undefined) {
    const whole = Math.max(ours.wholeChangeMs, ours.wholeAppendMs) / s10.floor;
    rows.push([
      'whole-text change → diagnostics ≤ 2 × floor',
      `${fmtMs(ours.wholeChangeMs)} one line, ${fmtMs(ours.wholeAppendMs)} appended comment = ${fmtRatio(whole)} floor`,
      verdict(whole <= 2),
    ]);
  }
  if (ours?.soak) {
    rows.push([
      `resident memory after ${ours.soak.edits.toLocaleString('en-GB')} edits < 120 MB`,
      fmtMb(ours.soak.memory.rss),
      verdict(ours.soak.memory.rss / 1024 < 120),
    ]);
  }
  rows.push(['completion p95 < 20 ms (settled document)', ours ? fmtMs(ours.completion.p95) : '—', verdict(ours ? ours.completion.p95 < 20 : undefined)]);
  rows.push([
    '  stricter: completion p95 < 20 ms while typing',
    ours ? fmtMs(ours.completionAfterEdit.p95) : '—',
    verdict(ours ? ours.completionAfterEdit.p95 < 20 : undefined),
  ]);
  rows.push([
    'server resident memory < 120 MB',
    ours ? `${fmtMb(ours.memory.rss)} (peer ${peer ? fmtMb(peer.memory.rss) : '—'})` : '—',
    verdict(ours ? ours.memory.rss / 1024 < 120 : undefined),
  ]);
  const startup = r.startup?.ours;
  rows.push([
    'spawn → initialize answered < 300 ms',
    startup !== undefined ? `${fmtMs(startup)}${r.startup.bundled !== undefined ? ` (bundled: ${fmtMs(r.startup.bundled)})` : ''}` : '—',
    verdict(startup !== undefined ? startup < 300 : undefined),
  ]);
  if (s10 && s50) {
    const x = s50.service / s10.service;
    const best =
      s10.serviceBest !== undefined ? `; fastest runs ${fmtRatio(s50.serviceBest / s10.serviceBest)}; the floor's own ${fmtRatio(s50.floor / s10.floor)}` : '';
    rows.push(['50,000 lines ≤ 6 × 10,000 lines (service)', `${fmtRatio(x)} (${fmtMs(s10.service)} → ${fmtMs(s50.service)})${best}`, verdict(x <= 6)]);
    const o50 = r.lsp[50000]?.ours;
    if (ours && o50) {
      const y = o50.changeMs / ours.changeMs;
      rows.push(['  the same, server one-line change', `${fmtRatio(y)} (${fmtMs(ours.changeMs)} → ${fmtMs(o50.changeMs)})`, verdict(y <= 6)]);
    }
  }
  rows.push(['CLI lints 1,000 typical protocols < 5 s', fmtMs(r.cli.total), verdict(r.cli.total < 5000)]);
  // Change control (issue 13).
  const d10 = r.diff?.[10000];
  rows.push([
    'diff of two 10,000-line protocols < 300 ms (both checked, then compared)',
    d10 ? `${fmtMs(d10.whole)} (the comparison alone ${fmtMs(d10.compare)})` : '—',
    verdict(d10 ? d10.whole < 300 : undefined),
  ]);
  // The hardening issue: a product-shaped document is bounded in time and in findings.
  if (r.explosion) {
    for (const [i, v] of explosion.verdicts(r.explosion.lint).entries()) {
      const d = r.explosion.lint[i];
      rows.push([v.what, `${fmtMs(d.ms)}, ${d.findings} findings`, verdict(v.ok)]);
    }
  }
  const big = r.register?.find((x) => x.people === 500);
  if (big) {
    rows.push(['register, 500 people and 40 skills: full check < 200 ms', fmtMs(big.full), verdict(big.full < 200)]);
    rows.push(['  edit → findings < 50 ms', fmtMs(big.edit), verdict(big.edit < 50)]);
  }
  return rows;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
