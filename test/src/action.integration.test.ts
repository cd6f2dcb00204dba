import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import * as yaml from 'js-yaml';
import { startsIntegrationProcess } from './helpers/testSet';

/**
 * The GitHub Action (action.yml) without GitHub: its `run:` steps are run in
 * bash, in order, as the runner runs a composite action's steps: the
 * `${{ inputs.* }}` and `${{ github.action_path }}` expressions substituted,
 * the step's `env` and `working-directory` applied, GITHUB_ACTION_PATH and
 * GITHUB_OUTPUT set. The action's folder is a copy of this working tree, so
 * its install step (npm ci, then the build) runs as on a runner; the
 * `uses:` step (actions/setup-node) is the one thing not run: the node that
 * runs these tests is used.
 */
const ROOT = path.resolve(__dirname, '../..');

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
  with?: Record<string, string>;
}
interface Action {
  name: string;
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = yaml.load(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the SARIF 2.1.0 schema as Microsoft's SARIF SDK ships it (as in cli/sarif.test.ts)
const SARIF_SCHEMA = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(SARIF_SCHEMA);

interface Context {
  inputs: Record<string, string>;
  actionPath: string;
  steps: Record<string, Record<string, string>>;
}

/** The expressions the action uses, substituted; any other expression fails the test, so none goes untested. */
function substitute(text: string, context: Context): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_all, expression: string) => {
    let m: RegExpExecArray | null;
    if ((m = /^inputs\.([\w-]+)$/.exec(expression))) {
      assert.ok(m[1]! in action.inputs, `action.yml uses an input it does not declare: ${m[1]}`);
      return context.inputs[m[1]!] ?? '';
    }
    if (expression === 'github.action_path') return context.actionPath;
    if ((m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression))) return context.steps[m[1]!]?.[m[2]!] ?? '';
    assert.fail(`an expression this test does not know: ${expression}`);
  });
}

/** `name=value` lines, as a step writes them to $GITHUB_OUTPUT. */
function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) outputs[line.slice(0, at)] = line.slice(at + 1);
  }
  return outputs;
}

interface ActionRun {
  /** The exit code of the first step that failed, else 0. */
  status: number;
  log: string;
  outputs: Record<string, string>;
}

describe('GitHub Action: action.yml', function () {
  this.timeout(600_000);
  let work: string;
  let actionPath: string;
  let workspace: string;

  /** Runs the action's steps in the workspace with these inputs (the rest from their defaults). */
  function runAction(given: Record<string, string>, options: { skipInstall?: boolean } = {}): ActionRun {
    const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, given[name] ?? input.default ?? '']));
    const context: Context = { inputs, actionPath, steps: {} };
    let log = '';
    for (const step of action.runs.steps) {
      if (step.uses !== undefined) {
        // Only setting up node is left to the runner.
        assert.match(step.uses, /^actions\/setup-node@v\d+$/);
        continue;
      }
      if (options.skipInstall && step.id !== 'lint') continue;
      assert.equal(step.shell, 'bash', `${step.name}: a composite action's run step names its shell`);
      const outputFile = path.join(work, `output-${step.id ?? 'step'}`);
      fs.writeFileSync(outputFile, '');
      const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_ACTION_PATH: actionPath, GITHUB_OUTPUT: outputFile, GITHUB_WORKSPACE: workspace };
      for (const key of Object.keys(env)) if (/^npm_/i.test(key)) delete env[key];
      env.ROLE_PROTOCOLS_TODAY = '2026-11-26';
      for (const [key, value] of Object.entries(step.env ?? {})) env[key] = substitute(String(value), context);
      const cwd = step['working-directory'] ? substitute(step['working-directory'], context) : workspace;
      const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', substitute(step.run ?? '', context)], {
        cwd,
        env,
        encoding: 'utf8',
        timeout: 540_000,
      });
      assert.equal(result.error, undefined, String(result.error));
      log += result.stdout + result.stderr;
      if (step.id) context.steps[step.id] = readOutputs(outputFile);
      if (result.status !== 0) return { status: result.status ?? -1, log, outputs: outputsOf(context) };
    }
    return { status: 0, log, outputs: outputsOf(context) };
  }
  const outputsOf = (context: Context) => Object.fromEntries(Object.entries(action.outputs).map(([name, output]) => [name, substitute(output.value, context)]));

  const sarifAt = (file: string) => {
    const log = JSON.parse(fs.readFileSync(path.join(workspace, file), 'utf8')) as { runs: { results: { ruleId: string; level: string }[] }[] };
    assert.ok(validateSarif(log), `not valid SARIF 2.1.0: ${ajv.errorsText(validateSarif.errors)}`);
    return log.runs[0]!.results;
  };

  before(function () {
    startsIntegrationProcess('the GitHub Action');
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-action-'));
    // The action's checkout: this working tree's files, as GitHub fetches the action's repository.
    actionPath = path.join(work, 'action');
    const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(listed.status, 0, listed.stderr);
    for (const file of listed.stdout.split('\0').filter(Boolean)) {
      const from = path.join(ROOT, file);
      if (!fs.existsSync(from) || !fs.lstatSync(from).isFile()) continue;
      fs.mkdirSync(path.dirname(path.join(actionPath, file)), { recursive: true });
      fs.copyFileSync(from, path.join(actionPath, file));
    }
    // The workspace: a department's repository.
    workspace = path.join(work, 'workspace');
    fs.mkdirSync(path.join(workspace, 'protocols'), { recursive: true });
    for (const file of ['reference-department.roles.yaml', 'radiographer-led.roles.yaml'])
      fs.copyFileSync(path.join(ROOT, 'samples', file), path.join(workspace, 'protocols', file));
    fs.mkdirSync(path.join(workspace, 'drafts'));
    fs.copyFileSync(path.join(ROOT, 'samples/broken/unknown-reference.roles.yaml'), path.join(workspace, 'drafts', 'bladder.roles.yaml'));
    fs.copyFileSync(path.join(ROOT, 'samples/broken/band-range.roles.yaml'), path.join(workspace, 'drafts', 'band.roles.yaml'));
  });
  after(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('declares a composite action whose outputs come from its steps', () => {
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(Object.keys(action.inputs).sort(), ['config', 'fail-on', 'files', 'format', 'max-warnings', 'node-version', 'sarif-file']);
    assert.match(action.outputs['sarif-file']!.value, /steps\.lint\.outputs\.sarif-file/);
    for (const step of action.runs.steps)
      if (step.run) assert.doesNotMatch(step.run, /\$\{\{/, `${step.name}: inputs reach the script through env, not pasted into it`);
  });

  it('installs the tool in its own folder and checks clean protocols: exit 0, a valid SARIF file with no results', () => {
    const run = runAction({ files: 'protocols' });
    assert.equal(run.status, 0, run.log);
    assert.ok(fs.existsSync(path.join(actionPath, 'server/out/cli/main.js')), 'the install step built the tool');
    assert.deepEqual(run.outputs, { 'sarif-file': 'role-protocols.sarif', 'exit-code': '0' });
    assert.deepEqual(sarifAt('role-protocols.sarif'), []);
    assert.match(run.log, /^2 files checked, no problems\.$/m);
  });

  it('fails on an error, after writing the SARIF file and its outputs', () => {
    const run = runAction({ files: 'drafts/bladder.roles.yaml protocols', 'sarif-file': 'reports/rp.sarif' }, { skipInstall: true });
    assert.equal(run.status, 1, run.log);
    assert.deepEqual(run.outputs, { 'sarif-file': 'reports/rp.sarif', 'exit-code': '1' });
    assert.deepEqual(
      sarifAt('reports/rp.sarif').map((r) => [r.ruleId, r.level]),
      [['unknown-reference', 'error']],
    );
    // The log has the stylish report too.
    assert.match(run.log, /^drafts\/bladder\.roles\.yaml\n\s+111:16\s+error\s+unknown-reference\n\s+No role has the id `advanced-adaptor`/m);
  });

  it('fails on warnings only when asked (fail-on warning, or more than max-warnings), and never with fail-on never', () => {
    const files = { files: 'drafts/band.roles.yaml', format: 'none' };
    assert.equal(runAction(files, { skipInstall: true }).status, 0);
    const strict = runAction({ ...files, 'fail-on': 'warning' }, { skipInstall: true });
    assert.equal(strict.status, 1, strict.log);
    assert.match(strict.log, /too many warnings: 1 \(maximum: 0\)/);
    assert.equal(runAction({ ...files, 'max-warnings': '1' }, { skipInstall: true }).status, 0);
    assert.equal(runAction({ ...files, 'max-warnings': '0' }, { skipInstall: true }).status, 1);
    const never = runAction({ files: 'drafts', 'fail-on': 'never' }, { skipInstall: true });
    assert.equal(never.status, 0, never.log);
    assert.equal(never.outputs['exit-code'], '1');
    assert.deepEqual(
      sarifAt('role-protocols.sarif')
        .map((r) => r.level)
        .sort(),
      ['error', 'warning'],
    );
    assert.equal(runAction({ ...files, 'fail-on': 'sometimes' }, { skipInstall: true }).status, 2);
  });

  it('passes globs to the tool unexpanded and never runs a file name as a command', () => {
    const globbed = runAction({ files: "'protocols/*.roles.yaml'\nprotocols/*.roles.yaml", format: 'json' }, { skipInstall: true });
    // The quoted pattern is not a file; the bare one is expanded by the tool, not the shell.
    assert.equal(globbed.status, 2, globbed.log);
    const bare = runAction({ files: 'protocols/*.roles.yaml', format: 'json' }, { skipInstall: true });
    assert.equal(bare.status, 0, bare.log);
    assert.equal((JSON.parse(bare.log) as unknown[]).length, 2);
    const hostile = runAction({ files: '$(touch pwned) `touch pwned2`;touch pwned3' }, { skipInstall: true });
    assert.equal(hostile.status, 2, hostile.log);
    for (const name of ['pwned', 'pwned2', 'pwned3']) assert.equal(fs.existsSync(path.join(workspace, name)), false, name);
    assert.equal(hostile.outputs['exit-code'], '2');
  });
});
