'use strict';
/**
 * The workspace at the service level: 200 protocols sharing one catalogue.
 * Every document is linted once with the disk include reader; the include
 * graph (LintResult.includes) says which documents an edited file makes
 * stale. Counts and the time to re-check them are reported. Each check of a
 * set of documents shares one IncludeCache, as the server's workspace and a
 * CLI run do: the catalogue is parsed once per version of its text.
 */
const fs = require('fs');
const path = require('path');
const { now, median } = require('./lib/stats');
const { TODAY } = require('./inprocess');

const OUT = path.join(__dirname, '..', 'server', 'out');
const { ProjectHost, settingsKey } = require(path.join(OUT, 'service', 'project', 'host'));
const { diskFileSystem } = require(path.join(OUT, 'node', 'fileSystem'));
const { includeResolver, realPath } = require(path.join(OUT, 'node', 'includes'));

/**
 * Checks the files as the server and the CLI do: through a project host over
 * the disk, edited texts given as open documents. A new host per call: each
 * check of a set of documents reads the catalogue once.
 */
function lintAll(files, overlay, roots) {
  const host = new ProjectHost(diskFileSystem());
  for (const [file, text] of overlay) host.setDocument({ id: file, file, name: file, text });
  const config = { rules: new Map() };
  const settings = { config, today: TODAY, includes: includeResolver({ roots: roots.map(realPath) }), key: settingsKey(config, roots) };
  const results = new Map();
  for (const file of files) results.set(file, host.analysis(file, settings, { whatever: true }).result);
  return results;
}

/** Documents to re-check after `edited` changes: itself and every document whose includes reach it. */
function staleAfter(edited, graph) {
  const stale = new Set([edited]);
  for (const [file, includes] of graph) if (includes.has(edited)) stale.add(file);
  return stale;
}

function measure(workspace, runs) {
  const all = [workspace.catalogue, ...workspace.files];
  const roots = [workspace.dir];
  const start = now();
  const results = lintAll(all, new Map(), roots);
  const fullCheck = now() - start;
  const graph = new Map([...results].map(([file, r]) => [file, new Set(r.includes.map((i) => path.resolve(i.file)))]));
  const findings = [...results.values()].reduce((n, r) => n + r.findings.length, 0);

  // Edit one protocol (a step renamed): only that protocol is stale.
  const protocol = workspace.files[Math.floor(workspace.files.length / 2)];
  const protocolText = fs.readFileSync(protocol, 'utf8').replace('name: Treatment delivery', 'name: Treatment delivery (edited)');
  const protocolStale = staleAfter(protocol, graph);
  // Edit the catalogue (a role's band): the catalogue and every protocol that includes it.
  const catalogueText = fs.readFileSync(workspace.catalogue, 'utf8').replace('maxBand: 8c', 'maxBand: 8b');
  const catalogueStale = staleAfter(workspace.catalogue, graph);

  const time = (stale, overlay) => {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const t = now();
      lintAll([...stale], overlay, roots);
      times.push(now() - t);
    }
    return median(times);
  };
  return {
    documents: all.length,
    fullCheck,
    findings,
    protocolEdit: { rechecked: protocolStale.size, ms: time(protocolStale, new Map([[protocol, protocolText]])) },
    catalogueEdit: {
      rechecked: catalogueStale.size,
      dependents: catalogueStale.size - 1,
      ms: time(catalogueStale, new Map([[workspace.catalogue, catalogueText]])),
    },
  };
}

module.exports = { measure, staleAfter };
