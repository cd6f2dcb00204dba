import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { MAIN } from '../cli/run';
import { SAMPLES, TestClient, TODAY } from './client';

/**
 * The CLI and the language server are two adapters on one project host: for
 * the same files on disk, whatever their names, they must find the same
 * things. A mixed folder: protocols and catalogues named as such and not,
 * a configuration that changes a severity, unrelated YAML and JSON.
 */

const SEVERITY: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info' };

function mixedFolder(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rp-parity-')));
  const copy = (from: string, to: string, edit: (text: string) => string = (t) => t) =>
    fs.writeFileSync(path.join(dir, to), edit(fs.readFileSync(path.join(SAMPLES, from), 'utf8')));
  fs.mkdirSync(path.join(dir, 'shared'));
  copy('shared-catalogue/department.catalogue.yaml', 'shared/department.catalogue.yaml');
  copy('shared-catalogue/prostate.roles.yaml', 'shared/prostate.roles.yaml');
  copy('reference-department.roles.yaml', 'reference.roles.yaml');
  copy('broken/unknown-reference.roles.yaml', 'unknown-reference.roles.yaml');
  copy('broken/schema-json.roles.json', 'schema.roles.json');
  // Declares the format, with a name that says nothing.
  copy('broken/independent-approval.roles.yaml', 'approvals.yaml');
  // Named a catalogue, with no `format` line: a catalogue, so the missing line is said.
  copy('shared-catalogue/department.catalogue.yaml', 'unlabelled.catalogue.yaml', (t) => t.replace(/^format:.*\n/m, ''));
  // Not ours.
  fs.writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  web:\n    image: nginx\n');
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "x", "format": "esm" }\n');
  fs.writeFileSync(path.join(dir, '.roleprotocols.yaml'), 'rules:\n  independent-approval: error\n');
  return dir;
}

/** `file: rule@line:column severity` for every finding, sorted. */
type Findings = Map<string, string[]>;

function viaCli(dir: string): Findings {
  const run = spawnSync(process.execPath, [MAIN, 'lint', '.', '--format', 'json'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ROLE_PROTOCOLS_TODAY: TODAY },
  });
  assert.equal(run.status, 1, run.stderr);
  const results = JSON.parse(run.stdout) as {
    filePath: string;
    messages: { ruleId: string; line: number; column: number; severity: string | number; severityName?: string }[];
  }[];
  const found: Findings = new Map();
  for (const result of results) {
    const name = path.relative(dir, result.filePath);
    const messages = result.messages.map((m) => {
      const severity = typeof m.severity === 'string' ? m.severity : (m.severityName ?? (m.severity === 2 ? 'error' : 'warning'));
      return `${m.ruleId}@${m.line}:${m.column} ${severity}`;
    });
    if (messages.length) found.set(name, messages.sort());
  }
  return found;
}

async function viaServer(dir: string): Promise<Findings> {
  const client = await TestClient.start({ folders: [dir], diagnostics: 'pull' });
  const found: Findings = new Map();
  try {
    const files = [
      'shared/department.catalogue.yaml',
      'shared/prostate.roles.yaml',
      ...fs.readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f) && !f.startsWith('.')),
    ];
    for (const name of files) {
      const uri = await client.open(path.join(dir, name));
      const diagnostics = (await client.pull(uri)) as Diagnostic[];
      const messages = diagnostics.map((d) => `${String(d.code)}@${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY[d.severity ?? 1]}`);
      if (messages.length) found.set(name, messages.sort());
      await client.close(uri);
    }
  } finally {
    await client.stop();
  }
  return found;
}

describe('lsp: the CLI and the server agree', () => {
  it('give the same findings for the same files on disk, whatever their names, in a mixed folder', async () => {
    const dir = mixedFolder();
    try {
      const cli = viaCli(dir);
      const server = await viaServer(dir);
      assert.deepEqual(server, cli);
      // What the folder holds was seen: the files named or declared as documents, and nothing else.
      assert.deepEqual([...cli.keys()].sort(), ['approvals.yaml', 'schema.roles.json', 'unknown-reference.roles.yaml', 'unlabelled.catalogue.yaml']);
      assert.ok(
        cli.get('approvals.yaml')!.every((f) => f.endsWith(' error')),
        'the configuration raised independent-approval to error',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
