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
const { lintText } = require(path.join(OUT, 'service', 'engine', 'lint'));
const { fileIncludeReader } = require(path.join(OUT, 'node', 'includes'));
const { IncludeCache } = require(path.join(OUT, 'service', 'engine', 'includes'));

function lintAll(files, overlay, roots) {
  const reader = fileIncludeReader({ roots, overlay: (f) => overlay.get(path.resolve(f)) });
  const includeCache = new IncludeCache();
  const results = new Map();
  for (const file of files) {
    const text = overlay.get(file) ?? fs.readFileSync(file, 'utf8');
    results.set(file, lintText(text, { fileName: file, today: TODAY, readInclude: reader, includeCache }));
  }
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
