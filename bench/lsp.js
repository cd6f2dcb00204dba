'use strict';
/**
 * Language servers over stdio, driven the way an editor drives them: ours
 * (server/out/lsp/server.js) and the peer, Red Hat's yaml-language-server
 * given the project's JSON Schema for the same file. Same client, same
 * document, same positions, same run.
 */
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { LspClient } = require('./lib/lsp');
const { now, median, percentile, memoryOf, sleep } = require('./lib/stats');
const { probes } = require('./generate');
const { SCHEMA_FILE, TODAY } = require('./inprocess');

const ROOT = path.join(__dirname, '..');
// BENCH_SERVER measures another build of our server with the same driver (an earlier commit's, for before and after).
const OUR_SERVER = process.env.BENCH_SERVER || path.join(ROOT, 'server', 'out', 'lsp', 'server.js');
const PEER_SERVER = path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
/** yaml-language-server waits this long after every open and change before validating (yamlSettings.validationDelayMs; not a setting). */
const PEER_DEBOUNCE_MS = 200;
/** Our default debounce (settings.ts), used for the completion-while-typing measurement. */
const TYPING_DEBOUNCE_MS = 200;

/** Edits made and not counted before the one-line change is measured (see measureDocument). */
const WARM_UP_EDITS = 10;
const BUNDLED_SERVER = path.join(ROOT, 'dist', 'server.js');

const SERVERS = {
  ours: {
    label: 'role-protocols',
    args: [OUR_SERVER, '--stdio'],
    debounceMs: 0,
    // Diagnostics as soon as the text changes, both ways the server reads settings.
    initializationOptions: { roleProtocols: { diagnostics: { debounceMs: 0 } } },
    configuration: (section, state) => (section === 'roleProtocols' ? { diagnostics: { debounceMs: state.debounceMs } } : null),
  },
  /** The same server as esbuild bundles it for the VS Code extension (dist/server.js), when it has been built. */
  bundled: {
    label: 'role-protocols (dist/server.js)',
    args: [BUNDLED_SERVER, '--stdio'],
    debounceMs: 0,
    initializationOptions: { roleProtocols: { diagnostics: { debounceMs: 0 } } },
    configuration: (section, state) => (section === 'roleProtocols' ? { diagnostics: { debounceMs: state.debounceMs } } : null),
  },
  peer: {
    label: 'yaml-language-server',
    args: [PEER_SERVER, '--stdio'],
    debounceMs: PEER_DEBOUNCE_MS,
    initializationOptions: undefined,
    configuration: (section) => (section === 'yaml' ? peerSettings() : {}),
  },
};

function peerSettings() {
  return {
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
    schemas: { [pathToFileURL(SCHEMA_FILE).href]: ['*.roles.yaml', '**/*.roles.yaml'] },
  };
}

const CAPABILITIES = {
  workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    // No `diagnostic` (pull): both servers push.
  },
};

/** Spawn → `initialize` answered, `runs` fresh processes; the median, or undefined when the server is not there. */
async function measureStartup(kind, folder, runs) {
  if (kind === 'bundled' && !fs.existsSync(BUNDLED_SERVER)) return undefined;
  const times = [];
  for (let i = 0; i < runs; i++) {
    const { client, initializeMs } = await start(kind, folder, { settle: false });
    times.push(initializeMs);
    await client.stop();
  }
  return median(times);
}

/** Starts a server on a folder; resolves when `initialize` is answered and the configuration has been handed over. */
async function start(kind, folder, { settle = true } = {}) {
  const spec = SERVERS[kind];
  /** What the client answers for our debounce; the typing measurement raises it to the editor default. */
  const state = { debounceMs: spec.debounceMs };
  // BENCH_SERVER_NODE_ARGS: extra Node options for our server only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it.
  const extra = kind !== 'peer' && process.env.BENCH_SERVER_NODE_ARGS ? process.env.BENCH_SERVER_NODE_ARGS.split(/\s+/).filter(Boolean) : [];
  const client = new LspClient(process.execPath, [...extra, ...spec.args], {
    name: spec.label,
    cwd: folder,
    env: { ...process.env, ROLE_PROTOCOLS_TODAY: TODAY },
    onRequest: (method, params) => {
      if (method === 'workspace/configuration') return params.items.map((item) => spec.configuration(item.section, state));
      return null; // client/registerCapability, window/workDoneProgress/create, ...
    },
  });
  const folderUri = pathToFileURL(folder).href;
  const { at } = await client.request('initialize', {
    processId: process.pid,
    clientInfo: { name: 'role-protocols-bench' },
    rootUri: folderUri,
    workspaceFolders: [{ uri: folderUri, name: path.basename(folder) }],
    capabilities: CAPABILITIES,
    ...(spec.initializationOptions ? { initializationOptions: spec.initializationOptions } : {}),
  });
  const initializeMs = at - client.spawnedAt;
  client.notify('initialized', {});
  if (kind === 'peer') client.notify('workspace/didChangeConfiguration', { settings: { yaml: peerSettings() } });
  // Let each server pull its configuration before any document arrives (not timed).
  if (settle) await sleep(400);
  return { client, initializeMs, spec, state };
}

const isPublishFor = (uri, test) => (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && test(m.params.diagnostics, m.params);
const hasOnLine = (diagnostics, line) => diagnostics.some((d) => d.range.start.line === line);

/**
 * Every figure for one server and one document: open (first, and again
 * warm), one-line change, completion and hover deep in the document (settled,
 * and completion straight after an edit), memory.
 */
async function measureDocument(kind, fixture, counts) {
  const folder = path.dirname(fixture.file);
  const uri = pathToFileURL(fixture.file).href;
  const probe = probes(fixture.text);
  const { client, initializeMs, spec, state } = await start(kind, folder);
  const result = { server: spec.label, initializeMs, debounceMs: spec.debounceMs, probe };
  try {
    let version = 1;
    const open = async () => {
      const arrived = client.waitFor(
        isPublishFor(uri, (d) => d.length > 0),
        300000,
        'diagnostics after didOpen',
      );
      const t = now();
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text: fixture.text } });
      const { message, at } = await arrived;
      return { ms: at - t, count: message.params.diagnostics.length, diagnostics: message.params.diagnostics };
    };
    const first = await open();
    result.openFirstMs = first.ms;
    result.diagnostics = first.count;
    result.sample = first.diagnostics.slice(0, 3).map((d) => `${d.range.start.line + 1}: ${d.message}`);
    await sleep(500);
    result.memory = memoryOf(client.pid);

    // Open again, warm: close (wait for the cleared diagnostics), open.
    const reopen = [];
    for (let i = 0; i < counts.reopen; i++) {
      const cleared = client.waitFor(
        isPublishFor(uri, (d) => d.length === 0),
        300000,
        'cleared diagnostics after didClose',
      );
      client.notify('textDocument/didClose', { textDocument: { uri } });
      await cleared;
      version += 10;
      reopen.push((await open()).ms);
    }
    result.openWarmMs = median(reopen);

    // One-line change: the deep delivery step's name emptied, then restored; diagnostics must show it.
    const line = probe.edit.line;
    const original = probe.edit.text;
    const broken = original.replace(/name: .*/, 'name: ""');
    let isBroken = false;
    /** Sends one didChange and times it until a publish that `arrived` accepts. */
    const timed = async (contentChanges, arrived, what) => {
      version++;
      const sent = version;
      const published = client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && arrived(m.params, sent), 300000, what);
      const t = now();
      client.notify('textDocument/didChange', { textDocument: { uri, version: sent }, contentChanges });
      const { at } = await published;
      return at - t;
    };
    /** Toggles the step's name, as a range (incremental sync) or as the whole text (`whole`); diagnostics must show it. */
    const lines = fixture.text.split('\n');
    const wholeTexts = { [String(true)]: lines.map((l, i) => (i === line ? broken : l)).join('\n'), [String(false)]: fixture.text };
    const toggle = (whole) => {
      const current = isBroken ? broken : original;
      isBroken = !isBroken;
      const want = isBroken;
      const contentChanges = whole
        ? [{ text: wholeTexts[String(want)] }]
        : [{ range: { start: { line, character: 0 }, end: { line, character: current.length } }, text: want ? broken : original }];
      return timed(
        contentChanges,
        (params) => hasOnLine(params.diagnostics, line) === want,
        whole ? 'diagnostics after a whole-text didChange' : 'diagnostics after didChange',
      );
    };
    /** Median of `count` timed edits after `warmUp` untimed ones, leaving the document as it was. */
    const series = async (edit, warmUp, count, restore) => {
      for (let i = 0; i < warmUp; i++) await edit();
      const times = [];
      for (let i = 0; i < count; i++) times.push(await edit());
      await restore();
      return times;
    };
    const change = () => toggle(false);
    const restoreName = async () => {
      if (isBroken) await toggle(false);
    };
    // Warm-up: the first edits after opening run before V8 has optimised the check's paths (30-70 ms
    // each for about ten edits); the figure is for an editing session, so ten are left out.
    const changes = await series(change, WARM_UP_EDITS, counts.changes, restoreName);
    result.changeMs = median(changes);
    result.changeP95Ms = percentile(changes, 95);
    result.changeNetMs = result.changeMs - spec.debounceMs;

    // The same one-line change sent as the whole text (full document sync, as some Neovim and
    // Emacs set-ups send), and a whole-text change that appends a comment line.
    result.wholeChangeMs = median(await series(() => toggle(true), 2, counts.changes, restoreName));
    const withNote = `${fixture.text}${fixture.text.endsWith('\n') ? '' : '\n'}# Reviewed at the governance meeting.\n`;
    let noted = false;
    const append = () => {
      noted = !noted;
      return timed(
        [{ text: noted ? withNote : fixture.text }],
        (params, sent) => params.version === undefined || params.version === sent,
        'diagnostics after appending a comment',
      );
    };
    result.wholeAppendMs = median(
      await series(append, 2, counts.changes, async () => {
        if (noted) await append();
      }),
    );
    result.wholeAppendNetMs = result.wholeAppendMs - spec.debounceMs;
    result.openFirstNetMs = result.openFirstMs - (kind === 'peer' ? PEER_DEBOUNCE_MS : 0);
    result.openWarmNetMs = result.openWarmMs - (kind === 'peer' ? PEER_DEBOUNCE_MS : 0);
    await sleep(300);

    // Completion and hover deep in the document, on a settled document.
    const request = async (method, position) => {
      const t = now();
      const { result: answer, at } = await client.request(method, { textDocument: { uri }, position }, 300000);
      return { ms: at - t, answer };
    };
    const completionPos = { line: probe.completion.line, character: probe.completion.character };
    const hoverPos = { line: probe.hover.line, character: probe.hover.character };
    const completion = [];
    let items = 0;
    for (let i = 0; i < counts.requests + 2; i++) {
      const { ms, answer } = await request('textDocument/completion', completionPos);
      items = Array.isArray(answer) ? answer.length : (answer?.items?.length ?? 0);
      if (i >= 2) completion.push(ms);
    }
    result.completion = { p50: percentile(completion, 50), p95: percentile(completion, 95), items };
    const hovers = [];
    let hoverText = '';
    for (let i = 0; i < counts.requests + 2; i++) {
      const { ms, answer } = await request('textDocument/hover', hoverPos);
      const contents = answer?.contents;
      hoverText = typeof contents === 'string' ? contents : (contents?.value ?? (Array.isArray(contents) ? contents.map((c) => c.value ?? c).join(' ') : ''));
      if (i >= 2) hovers.push(ms);
    }
    result.hover = { p50: percentile(hovers, 50), p95: percentile(hovers, 95), text: hoverText.split('\n')[0].slice(0, 60) };

    // Completion as it happens while typing: straight after a one-line change, with the
    // editor's default 200 ms debounce (yaml-language-server's fixed wait), so the
    // diagnostics are not yet due when the completion request arrives.
    if (kind !== 'peer') {
      state.debounceMs = TYPING_DEBOUNCE_MS;
      const republished = client.waitFor(
        isPublishFor(uri, () => true),
        300000,
        'diagnostics after the settings changed',
      );
      client.notify('workspace/didChangeConfiguration', { settings: { roleProtocols: { diagnostics: { debounceMs: TYPING_DEBOUNCE_MS } } } });
      await republished;
      await sleep(300);
    }
    const typing = [];
    for (let i = 0; i < counts.typing; i++) {
      const next = isBroken ? original : broken;
      const current = isBroken ? broken : original;
      isBroken = !isBroken;
      version++;
      const want = isBroken;
      const settled = client.waitFor(
        isPublishFor(uri, (d) => hasOnLine(d, line) === want),
        300000,
        'diagnostics after didChange',
      );
      client.notify('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: current.length } }, text: next }],
      });
      typing.push((await request('textDocument/completion', completionPos)).ms);
      await settled;
    }
    result.completionAfterEdit = { p50: percentile(typing, 50), p95: percentile(typing, 95) };

    // A long session: many edits, then the resident memory (ours only: the peer waits 200 ms per edit).
    if (kind !== 'peer' && counts.soak > 0) {
      state.debounceMs = 0;
      client.notify('workspace/didChangeConfiguration', { settings: { roleProtocols: { diagnostics: { debounceMs: 0 } } } });
      await sleep(300);
      const t = now();
      for (let i = 0; i < counts.soak; i++) await change();
      if (isBroken) await change();
      result.soak = { edits: counts.soak, ms: now() - t };
      await sleep(500);
      result.soak.memory = memoryOf(client.pid);
    }
    result.memoryEnd = memoryOf(client.pid);
  } finally {
    await client.stop();
  }
  return result;
}

/**
 * The workspace over LSP: the catalogue and `openCount` protocols open; a
 * one-line edit to one protocol, then to the catalogue. Counts the documents
 * whose diagnostics are pushed again, and times the last of them.
 */
async function measureWorkspace(workspace, openCount) {
  const { client, initializeMs } = await start('ours', workspace.dir);
  const result = { initializeMs, open: openCount };
  try {
    const uriOf = (file) => pathToFileURL(file).href;
    const docs = [workspace.catalogue, ...workspace.files.slice(0, openCount)].map((file) => ({
      file,
      uri: uriOf(file),
      text: fs.readFileSync(file, 'utf8'),
      version: 1,
    }));
    const waiting = new Set(docs.map((d) => d.uri));
    const allIn = new Promise((resolve) => {
      const stop = client.listen((m) => {
        if (m.method !== 'textDocument/publishDiagnostics') return;
        waiting.delete(m.params.uri);
        if (waiting.size === 0) {
          stop();
          resolve(now());
        }
      });
    });
    const t = now();
    for (const d of docs) client.notify('textDocument/didOpen', { textDocument: { uri: d.uri, languageId: 'yaml', version: 1, text: d.text } });
    result.openAllMs = (await allIn) - t;
    await sleep(500);
    result.memory = memoryOf(client.pid);

    /** Applies a one-line edit and collects the documents re-published until 1.5 s of quiet. */
    const edit = async (doc, from, to) => {
      const index = doc.text.indexOf(from);
      if (index < 0) throw new Error(`bench: \`${from}\` not in ${doc.file}`);
      const line = doc.text.slice(0, index).split('\n').length - 1;
      const before = doc.text.split('\n')[line];
      const after = before.replace(from, to);
      doc.text = doc.text.replace(from, to);
      doc.version++;
      const seen = new Map();
      const stop = client.listen((m, at) => {
        if (m.method === 'textDocument/publishDiagnostics') seen.set(m.params.uri, at);
      });
      const start = now();
      client.notify('textDocument/didChange', {
        textDocument: { uri: doc.uri, version: doc.version },
        contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: before.length } }, text: after }],
      });
      let last = start;
      for (;;) {
        await sleep(100);
        const latest = Math.max(start, ...seen.values());
        if (latest === last && now() - latest > 1500) break;
        last = latest;
      }
      stop();
      const others = [...seen.keys()].filter((u) => u !== doc.uri).length;
      return { republished: seen.size, others, lastMs: seen.size ? Math.max(...seen.values()) - start : NaN };
    };
    const protocol = docs[1 + Math.floor((docs.length - 1) / 2)];
    result.protocolEdit = await edit(protocol, 'name: Treatment delivery', 'name: Treatment delivery (edited)');
    result.catalogueEdit = await edit(docs[0], 'maxBand: 8c', 'maxBand: 8b');
  } finally {
    await client.stop();
  }
  return result;
}

module.exports = { measureDocument, measureWorkspace, measureStartup, start, PEER_DEBOUNCE_MS };
