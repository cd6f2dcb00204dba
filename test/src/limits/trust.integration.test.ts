/**
 * Trust and privacy: the language server makes no network request and runs
 * no program through a whole session on the samples (shown by a trap loaded
 * into its process); the extension's own code names nothing that could; the
 * configuration file is data and cannot make the tool run code; the
 * workspace-trust declaration says what is restricted.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, Location } from 'vscode-languageserver-protocol/node';
import { parseConfig } from '../../../server/out/service/config/config';
import { knownRuleIds } from '../../../server/out/service/rules/index';
import { SAMPLES, uriOf, type TestClient } from '../lsp/client';
import { cli, ROOT, tempDir } from '../cli/run';
import { protocolText } from '../helpers/protocolText';
import { startWithEnv } from './server';
import { nth } from '../helpers/nth';

const TRAP = path.join(__dirname, 'preload', 'netTrap.js');
/** The one module that runs a program: git, for change control (a comparison the user asks for). */
const GIT = 'server/src/node/git.ts';

function trapLog(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'role-protocols-net-')), 'attempts.log');
  after(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }));
  return file;
}

/** Every file below a folder, recursively. */
function filesUnder(dir: string, pattern: RegExp): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name), pattern) : pattern.test(e.name) ? [path.join(dir, e.name)] : []));
}

describe('trust: no network access', function () {
  this.timeout(60_000);

  it('the trap records and blocks every kind of attempt (so an empty record means something)', () => {
    const log = trapLog();
    const script = [
      'const attempt = (f) => { try { f(); } catch {} };',
      "attempt(() => require('https').get('https://example.org/'));",
      "attempt(() => require('http').request('http://127.0.0.1:9/'));",
      "attempt(() => require('net').connect(9, '127.0.0.1'));",
      "attempt(() => new (require('net').Socket)().connect(9, '127.0.0.1'));",
      "attempt(() => require('dns').lookup('example.org', () => {}));",
      "attempt(() => fetch('https://example.org/'));",
      "attempt(() => require('child_process').execSync('true'));",
    ].join('\n');
    const run = spawnSync(process.execPath, ['-e', script], {
      env: { ...process.env, NODE_OPTIONS: `--require ${TRAP}`, ROLE_PROTOCOLS_NET_LOG: log },
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    const attempts = fs
      .readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(' ')[0]);
    assert.deepEqual(attempts, ['armed', 'https.get', 'http.request', 'net.connect', 'net.Socket.connect', 'dns.lookup', 'fetch', 'child_process.execSync']);
  });

  it('the language server makes no network request and runs no program through a full session on every sample', async () => {
    const log = trapLog();
    let configuration: unknown = { diagnostics: { debounceMs: 0 } };
    const client: TestClient = await startWithEnv(
      { NODE_OPTIONS: `--require ${TRAP}`, ROLE_PROTOCOLS_NET_LOG: log },
      { diagnostics: 'pull', folders: [SAMPLES], watchedFiles: true, configuration: () => configuration },
    );
    try {
      const samples = filesUnder(SAMPLES, /\.(ya?ml|json)$/);
      const uris: string[] = [];
      for (const file of samples) uris.push(await client.open(file));
      for (const uri of uris) await client.pull(uri);
      const reference = nth(uris, samples.indexOf(path.join(SAMPLES, 'reference-department.roles.yaml')));
      const text = client.texts.get(reference)!;
      const doc = { textDocument: { uri: reference } };
      for (const [snippet, after] of [
        ['advanced-adapter', 'performs: ['],
        ['staffGroups', ''],
        ['plan-selection', 'skill: '],
      ] as const) {
        const position = client.at(reference, snippet, 1, after);
        await client.request('textDocument/hover', { ...doc, position });
        await client.request('textDocument/completion', { ...doc, position });
        await client.request<Location[]>('textDocument/definition', { ...doc, position });
        await client.request<Location[]>('textDocument/references', { ...doc, position, context: { includeDeclaration: true } });
        // Both are refused (with a message) where there is no id under the cursor.
        await client.request('textDocument/prepareRename', { ...doc, position }).catch(() => undefined);
        await client.request('textDocument/rename', { ...doc, position, newName: 'renamed-id' }).catch(() => undefined);
      }
      await client.request('textDocument/documentSymbol', doc);
      await client.request('roleProtocols/tables', { uri: reference });
      for (const uri of uris) {
        const diagnostics = await client.pull(uri);
        for (const d of diagnostics.slice(0, 3) as Diagnostic[])
          await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      }
      // Edits, a settings change, files changing on disk, includes followed.
      await client.change(reference, text.replace('advanced-adapter', 'advanced-adaptor'));
      await client.pull(reference);
      configuration = { rules: { 'unused-definition': 'off' }, includePath: ['shared-catalogue'] };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { roleProtocols: configuration } });
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [
          { uri: uriOf(path.join(SAMPLES, 'shared-catalogue/department.catalogue.yaml')), type: 2 },
          { uri: uriOf(path.join(SAMPLES, '.roleprotocols.yaml')), type: 1 },
        ],
      });
      for (const uri of uris) await client.pull(uri);
      for (const uri of uris) await client.close(uri);
    } finally {
      await client.stop();
    }
    const lines = fs.readFileSync(log, 'utf8').trim().split('\n');
    assert.match(nth(lines, 0), /^armed \d+$/, 'the trap was loaded into the server');
    assert.deepEqual(lines.slice(1), [], 'attempts to reach the network or run a program');
  });

  it('the extension and the server name no network, process or code-evaluation API in their own code', () => {
    const sources = [...filesUnder(path.join(ROOT, 'client/src'), /\.ts$/), ...filesUnder(path.join(ROOT, 'server/src'), /\.ts$/)];
    assert.ok(sources.length > 50);
    const forbidden =
      /from ['"](node:)?(http|https|http2|net|tls|dns|dgram|child_process|vm|worker_threads)['"]|require\(['"](node:)?(http|https|http2|net|tls|dns|dgram|child_process|vm)['"]\)|\bfetch\(|\beval\(|new Function\(|\bXMLHttpRequest\b|\bWebSocket\b/;
    // The one exception is change control's git (node/git.ts), below.
    const offending = sources
      .filter((file) => forbidden.test(fs.readFileSync(file, 'utf8')))
      .map((f) => path.relative(ROOT, f).split(path.sep).join('/'))
      .filter((f) => f !== GIT);
    assert.deepEqual(offending, []);
  });

  it('the one program run is git, by node/git.ts alone, with no shell, and only for change control', () => {
    const text = fs.readFileSync(path.join(ROOT, GIT), 'utf8');
    // execFile of the fixed program name: arguments as a list, never a shell.
    assert.deepEqual(text.match(/\b(exec|execSync|execFile|execFileSync|spawn|spawnSync|fork)\(/g), ['execFileSync(']);
    assert.match(text, /execFileSync\('git', \[/);
    assert.doesNotMatch(text, /shell:/);
    // Imported by what compares versions only: the CLI's diff and lint --base, and the server's compare requests.
    const sources = [...filesUnder(path.join(ROOT, 'client/src'), /\.ts$/), ...filesUnder(path.join(ROOT, 'server/src'), /\.ts$/)];
    const importers = sources
      .filter((file) => /from '(\.\.\/)*(\.\/)?(node\/)?git'/.test(fs.readFileSync(file, 'utf8')))
      .map((f) => path.relative(ROOT, f).split(path.sep).join('/'))
      .sort();
    assert.deepEqual(importers, [
      'server/src/cli/commands/diff.ts',
      'server/src/cli/commands/lint.ts',
      'server/src/lsp/history.ts',
      'server/src/node/history.ts',
    ]);
  });
});

describe('trust: the configuration file is data', () => {
  it('a tag, __proto__ and unknown keys are reported, never run and never applied', () => {
    const g = globalThis as Record<string, unknown>;
    const text = [
      '__proto__: {rules: {syntax: off}}',
      'plugins: [./evil.js]',
      'require: ./evil.js',
      'rules:',
      '  syntax: !!js/function "function () { globalThis.configRan = true; return \'off\' }"',
      '  schema: !!js/eval "off"',
      '  constructor: off',
      'maxFileSizeKb: !!js/function "function () { return 1 }"',
    ].join('\n');
    const { config, problems } = parseConfig(text, '.roleprotocols.yaml', knownRuleIds);
    assert.equal(g.configRan, undefined);
    // Only `schema: !!js/eval "off"` applies: the tag is ignored and the text `off` is read as the severity.
    assert.deepEqual([...config.rules], [['schema', 'off']]);
    assert.equal(config.maxFileSizeKb, undefined);
    assert.deepEqual(
      problems.map((p) => `${p.ruleId}: ${p.message.replace(/ Did you mean .*$/, '')}`),
      [
        'schema: Unknown configuration key `__proto__`. The keys are `rules`, `maxFileSizeKb` and `register`.',
        'schema: Unknown configuration key `plugins`. The keys are `rules`, `maxFileSizeKb` and `register`.',
        'schema: Unknown configuration key `require`. The keys are `rules`, `maxFileSizeKb` and `register`.',
        'schema: `maxFileSizeKb` must be a whole number of kilobytes from 1 to 102400 (100 MB); got `function () { return 1 }`. The default is 2048.',
        "schema: The severity of `syntax` must be one of error, warning, info, off; got `function () { globalThis.configRan = true; return 'off' }`.",
        'unknown-rule: There is no rule `constructor`.',
      ],
    );
  });

  it('the command line reports such a configuration and lints with the defaults', () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, '.roleprotocols.yaml'),
      "rules:\n  unused-definition: !!js/function \"function () { require('child_process').execSync('touch pwned') }\"\n",
    );
    fs.writeFileSync(path.join(dir, 'a.roles.yaml'), protocolText());
    // Wide enough for the finding's one-line form (at 80 columns its message is wrapped under it).
    const run = cli(['lint', 'a.roles.yaml'], { cwd: dir, env: { COLUMNS: '300' } });
    assert.equal(run.status, 1);
    assert.match(
      run.stdout,
      /\.roleprotocols\.yaml\n\s+2:\d+\s+error\s+The severity of `unused-definition` must be one of error, warning, info, off; got `function/,
    );
    assert.equal(fs.existsSync(path.join(dir, 'pwned')), false);
  });

  it('declares workspace trust honestly: limited, with only the include path restricted, and says what is disabled', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const trust = manifest.capabilities.untrustedWorkspaces;
    assert.equal(trust.supported, 'limited');
    assert.deepEqual(trust.restrictedConfigurations, ['roleProtocols.includePath']);
    assert.match(trust.description, /includePath/);
    assert.match(trust.description, /runs nothing from the workspace/);
    // The only setting that can send the server to a path is the include path; the others are severities, a delay and tracing.
    const settings = Object.keys(manifest.contributes.configuration.properties);
    const pathLike = settings.filter((key) => /path|folder|dir|file|command|executable/i.test(key));
    assert.deepEqual(pathLike, ['roleProtocols.includePath']);
  });
});
