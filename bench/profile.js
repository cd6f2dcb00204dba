#!/usr/bin/env node
'use strict';
/**
 * Where the time goes: runs one workload under `node --cpu-prof` and prints
 * the functions with the most self time, and the time per source file.
 *
 *   node bench/profile.js [service|completion|floor] [--lines 10000] [--seconds 5] [--top 25] [--keep]
 *   node bench/profile.js --summarise FILE.cpuprofile [--top 25]
 *
 * service:    lintText on the generated document, repeatedly;
 * edit:       lintText after the benchmark's one-line edit, given the previous parse (as the server does);
 * completion: the service's `complete` at the benchmark's completion position;
 * floor:      parseEvents + ajv, for comparison.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const args = process.argv.slice(2);
const value = (flag, fallback) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : fallback);
const what = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? 'service';
const lines = Number(value('--lines', '10000'));
const seconds = Number(value('--seconds', '5'));
const top = Number(value('--top', '25'));

if (args.includes('--child')) {
  child();
} else if (args.includes('--summarise')) {
  // A profile taken elsewhere, e.g. of the language server: BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=DIR' npm run bench
  const file = value('--summarise');
  report(summarise(JSON.parse(fs.readFileSync(file, 'utf8'))), undefined, `${path.basename(file)}: self time in the whole profile`);
} else {
  parent();
}

function child() {
  const { probes } = require('./generate');
  // The parent generated the document, so the generator is not in the profile.
  const text = fs.readFileSync(value('--file'), 'utf8');
  const inprocess = require('./inprocess');
  let work;
  if (what === 'service') work = () => inprocess.service(text);
  else if (what === 'floor') work = () => inprocess.floor(text);
  else if (what === 'edit') {
    const { lintText } = require('../server/out/service/engine/lint');
    const probe = probes(text).edit;
    const lines = text.split('\n');
    lines[probe.line] = probe.text.replace(/:.*$/, ':');
    const versions = [text, lines.join('\n')];
    const options = { fileName: 'bench.roles.yaml', today: '2026-11-26' };
    let last = lintText(text, options).parsed;
    let i = 0;
    work = () => {
      last = lintText(versions[++i % 2], { ...options, previous: last }).parsed;
    };
  } else if (what === 'completion') {
    const { complete } = require('../server/out/service/language/complete');
    const { knowledgeFrom } = require('../server/out/service/language/knowledge');
    const result = inprocess.service(text);
    const knowledge = knowledgeFrom(result.protocol, result.ids);
    const probe = probes(text).completion;
    const offset = result.lines.offsetAt({ line: probe.line, character: probe.character });
    work = () => complete(text, offset, knowledge);
  } else throw new Error(`unknown workload ${what}`);
  const end = Date.now() + seconds * 1000;
  let n = 0;
  while (Date.now() < end) {
    work();
    n++;
  }
  process.stdout.write(JSON.stringify({ iterations: n }));
}

function parent() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'role-protocols-profile-'));
  const documentFile = path.join(dir, 'document.roles.yaml');
  fs.writeFileSync(documentFile, require('./generate').protocolOfLines(lines, { seed: 1 }).text);
  const run = spawnSync(
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${dir}`, __filename, what, '--child', '--file', documentFile, '--seconds', String(seconds)],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) {
    console.error(run.stderr);
    process.exit(1);
  }
  const { iterations } = JSON.parse(run.stdout);
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  report(
    summarise(profile),
    iterations,
    `${what}, ${lines} lines: ${iterations} runs in ${seconds} s (${((seconds * 1000) / iterations).toFixed(1)} ms a run). Self time per run:`,
  );
  if (args.includes('--keep')) console.log(`\nprofile: ${path.join(dir, file)} (open it in Chrome DevTools or VS Code)`);
  else fs.rmSync(dir, { recursive: true, force: true });
}

function report(summary, iterations, title) {
  const perRun = (ms) => `${(ms / (iterations ?? 1)).toFixed(2)} ms`;
  console.log(title);
  console.log();
  console.log(`| function | where | self${iterations ? ' per run' : ''} | share |`);
  console.log('| --- | --- | ---: | ---: |');
  for (const f of summary.functions.slice(0, top)) console.log(`| ${f.name} | ${f.where} | ${perRun(f.ms)} | ${((100 * f.ms) / summary.total).toFixed(1)}% |`);
  console.log();
  console.log(`| file | self${iterations ? ' per run' : ''} | share |`);
  console.log('| --- | ---: | ---: |');
  for (const f of summary.files.slice(0, 15)) console.log(`| ${f.file} | ${perRun(f.ms)} | ${((100 * f.ms) / summary.total).toFixed(1)}% |`);
}

/** Self time per function and per file, from the samples of a .cpuprofile. */
function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (deltas[i] ?? 0) / 1000;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + ms);
  }
  const functions = new Map();
  const files = new Map();
  let total = 0;
  for (const [id, ms] of self) {
    const node = byId.get(id);
    const cf = node.callFrame;
    if (cf.functionName === '(idle)' || cf.functionName === '(program)') continue;
    total += ms;
    const file = shortFile(cf.url) || `(${cf.functionName || 'native'})`;
    const where = cf.url ? `${file}:${cf.lineNumber + 1}` : '';
    const key = `${cf.functionName || '(anonymous)'}@${where}`;
    const f = functions.get(key) ?? { name: cf.functionName || '(anonymous)', where, ms: 0 };
    f.ms += ms;
    functions.set(key, f);
    files.set(file, (files.get(file) ?? 0) + ms);
  }
  return {
    total,
    functions: [...functions.values()].sort((a, b) => b.ms - a.ms),
    files: [...files].map(([file, ms]) => ({ file, ms })).sort((a, b) => b.ms - a.ms),
  };
}

function shortFile(url) {
  if (!url) return '';
  const p = url.replace(/^file:\/\//, '');
  const root = path.join(__dirname, '..') + path.sep;
  return p.startsWith(root) ? p.slice(root.length) : p.replace(/^node:/, 'node:');
}
