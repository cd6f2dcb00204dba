'use strict';
/** The CLI, as a user runs it: a folder of protocols in one run, and cold start. */
const path = require('path');
const { spawnSync } = require('child_process');
const { now, median } = require('./lib/stats');

const MAIN = path.join(__dirname, '..', 'server', 'out', 'cli', 'main.js');

function timed(args, cwd) {
  const start = now();
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = now() - start;
  if (result.error) throw result.error;
  return { ms, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `role-protocols lint <dir>` over the corpus, `runs` times: median total and files per second. */
function lintFolder(corpus, runs) {
  const times = [];
  let last;
  for (let i = 0; i < runs; i++) {
    last = timed([MAIN, 'lint', corpus.dir, '--format', 'json'], corpus.dir);
    if (last.status === 2) throw new Error(`role-protocols lint failed: ${last.stderr}`);
    times.push(last.ms);
  }
  let problems = NaN;
  let files = NaN;
  try {
    const report = JSON.parse(last.stdout);
    const list = Array.isArray(report) ? report : (report.results ?? report.files ?? []);
    files = list.length;
    problems = list.reduce((n, r) => n + (r.messages?.length ?? r.findings?.length ?? 0), 0);
  } catch {
    // the count is a check, not a figure
  }
  const total = median(times);
  return { total, filesPerSecond: corpus.count / (total / 1000), files, problems, runs: times.length };
}

/** `role-protocols --version`, cold: median of `runs` processes; Node's own start for comparison. */
function coldStart(runs) {
  const version = [];
  const bare = [];
  for (let i = 0; i < runs; i++) {
    version.push(timed([MAIN, '--version']).ms);
    bare.push(timed(['-e', '0']).ms);
  }
  return { version: median(version), node: median(bare) };
}

module.exports = { lintFolder, coldStart, MAIN };
