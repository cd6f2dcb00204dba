import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as yaml from 'js-yaml';
import { formatters } from '../../server/out/cli/formatters/index';

/**
 * The CI snippets of docs/CI.md and the README are copied into other
 * repositories as they are: each must parse, and name only what exists (the
 * action's inputs and outputs, the hook ids, the report formats).
 */
const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

interface WorkflowStep {
  id?: string;
  uses?: string;
  with?: Record<string, string>;
}

const action = yaml.load(read('action.yml')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
const hooks = yaml.load(read('.pre-commit-hooks.yaml')) as { id: string; entry: string; files: string }[];

/** Every ```yaml block of a Markdown file, parsed; an indented fragment is parsed as it is indented. */
function yamlBlocks(file: string): unknown[] {
  return [...read(file).matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => {
    try {
      return yaml.load(m[1]!);
    } catch (error) {
      assert.fail(`${file}: a YAML block does not parse: ${String(error)}\n${m[1]}`);
    }
  });
}

/** Every step of a workflow or steps list found anywhere in a parsed block. */
function stepsIn(value: unknown): WorkflowStep[] {
  if (Array.isArray(value)) return value.flatMap((v) => (v && typeof v === 'object' && ('uses' in v || 'run' in v) ? [v as WorkflowStep] : stepsIn(v)));
  if (value && typeof value === 'object') return Object.values(value).flatMap(stepsIn);
  return [];
}

describe('CI snippets in docs/CI.md and the README', () => {
  for (const file of ['docs/CI.md', 'README.md']) {
    it(`${file}: the workflow uses only the action's inputs and outputs`, () => {
      const steps = yamlBlocks(file).flatMap(stepsIn);
      const ours = steps.filter((s) => s.uses?.startsWith('role-protocols/role-protocols@'));
      assert.ok(ours.length >= 1, 'a workflow that uses the action');
      for (const step of ours) {
        for (const input of Object.keys(step.with ?? {})) assert.ok(input in action.inputs, `${file}: no input ${input}`);
        assert.ok(step.id, 'the step has an id, for its outputs');
      }
      const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
      assert.ok(upload, `${file}: the SARIF file is uploaded`);
      const reference = /^\$\{\{ steps\.([\w-]+)\.outputs\.([\w-]+) \}\}$/.exec(upload.with?.sarif_file ?? '');
      assert.ok(reference, `${file}: upload-sarif reads the action's output`);
      assert.ok(
        ours.some((s) => s.id === reference[1]),
        `${file}: no step ${reference[1]}`,
      );
      assert.ok(reference[2]! in action.outputs, `${file}: no output ${reference[2]}`);
    });

    it(`${file}: the GitLab job writes the report its artifact names, in a format the tool has`, () => {
      const jobs = yamlBlocks(file).filter(
        (block): block is Record<string, { script: string[]; artifacts: { reports: { codequality: string } } }> =>
          !!block && typeof block === 'object' && Object.values(block).some((job) => (job as { artifacts?: { reports?: object } })?.artifacts?.reports),
      );
      assert.equal(jobs.length, 1, `${file}: one GitLab job`);
      for (const job of Object.values(jobs[0]!)) {
        const lint = job.script.find((line) => / lint /.test(line));
        assert.ok(lint, 'the job runs lint');
        const format = / --format (\S+)/.exec(lint)?.[1];
        assert.equal(format, 'gitlab');
        assert.ok(formatters.has(format!));
        assert.equal(/ --output (\S+)/.exec(lint)?.[1], job.artifacts.reports.codequality);
      }
    });

    it(`${file}: the pre-commit configuration names the hooks this repository declares`, () => {
      const configs = yamlBlocks(file).filter(
        (block): block is { repos: { hooks: { id: string }[] }[] } => !!block && typeof block === 'object' && 'repos' in block,
      );
      assert.ok(configs.length >= 1);
      for (const config of configs)
        for (const hook of config.repos.flatMap((r) => r.hooks))
          assert.ok(
            hooks.some((h) => h.id === hook.id),
            `${file}: no hook ${hook.id}`,
          );
    });
  }

  it('the hooks pass the files the tool lints by name, and every protocol for the project-wide one', () => {
    const byId = new Map(hooks.map((h) => [h.id, h]));
    const files = new RegExp(byId.get('role-protocols')!.files);
    for (const name of ['oart.roles.yaml', 'a/b.roles.yml', 'x.roles.json', 'department.catalogue.yaml']) assert.ok(files.test(name), name);
    for (const name of ['.roleprotocols.yaml', 'notes.yaml', 'roles.yaml', 'x.roles.yaml.bak']) assert.ok(!files.test(name), name);
    const all = new RegExp(byId.get('role-protocols-all')!.files);
    for (const name of ['oart.roles.yaml', 'department.catalogue.json', '.roleprotocols.yaml', 'sub/.roleprotocols.json']) assert.ok(all.test(name), name);
    assert.ok(!all.test('notes.yaml'));
    assert.equal(byId.get('role-protocols-all')!.entry, 'role-protocols lint .');
  });
});
