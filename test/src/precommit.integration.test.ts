import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startsIntegrationProcess } from './helpers/testSet';

/**
 * The hooks of `.pre-commit-hooks.yaml` as a department uses them: the real
 * `pre-commit` (Debian's) installs this repository as a `language: node` hook
 * (nodeenv over the system node, `npm install` in a copy of the repository,
 * which builds it, then `npm pack` and a global install of the tarball into
 * the hook's environment) and runs it when a temporary repository commits.
 * The hook repository is a copy of this working tree committed as it is, so
 * the manifest under test is the one beside this file.
 */
const ROOT = path.resolve(__dirname, '../..');
const SAMPLES = path.join(ROOT, 'samples');

function hasPreCommit(): boolean {
  const found = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
  return found.status === 0;
}

/** The environment without the npm settings of an `npm test` around this run: pre-commit's npm must see only its own. */
function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
  return {
    ...env,
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.org',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.org',
    GIT_CONFIG_NOSYSTEM: '1',
    ...extra,
  };
}

describe('pre-commit: the role-protocols hooks', function () {
  this.timeout(600_000);
  let work: string;
  let dept: string;
  let env: NodeJS.ProcessEnv;

  const run = (command: string, args: string[], cwd: string) => {
    const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 540_000 });
    assert.equal(result.error, undefined, String(result.error));
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };
  const git = (args: string[], cwd = dept) => {
    const result = run('git', args, cwd);
    assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.output}`);
    return result.output;
  };
  const commits = () => Number(git(['rev-list', '--count', 'HEAD']).trim());
  const commit = (message: string) => run('git', ['commit', '-m', message], dept);

  before(function () {
    if (!hasPreCommit()) {
      console.log('    pre-commit is not installed, so the hooks are not tested: apt-get install -y pre-commit');
      this.skip();
    }
    startsIntegrationProcess('pre-commit');
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-pre-commit-'));
    env = cleanEnv({ PRE_COMMIT_HOME: path.join(work, 'cache'), ROLE_PROTOCOLS_TODAY: '2026-11-26', HOME: work });

    // The hook repository: this working tree's files (tracked, and new ones not ignored), committed.
    const hook = path.join(work, 'hook');
    const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(listed.status, 0, listed.stderr);
    for (const file of listed.stdout.split('\0').filter(Boolean)) {
      const from = path.join(ROOT, file);
      if (!fs.existsSync(from) || !fs.lstatSync(from).isFile()) continue; // deleted but not yet committed; node_modules is a link
      fs.mkdirSync(path.dirname(path.join(hook, file)), { recursive: true });
      fs.copyFileSync(from, path.join(hook, file));
    }
    git(['init', '-q'], hook);
    git(['add', '-A'], hook);
    git(['commit', '-q', '-m', 'the hook repository'], hook);
    const rev = git(['rev-parse', 'HEAD'], hook).trim();

    // The department's repository, with both hooks.
    dept = path.join(work, 'department');
    fs.mkdirSync(dept);
    git(['init', '-q']);
    fs.writeFileSync(
      path.join(dept, '.pre-commit-config.yaml'),
      ['repos:', `  - repo: ${hook}`, `    rev: ${rev}`, '    hooks:', '      - id: role-protocols', '      - id: role-protocols-all', ''].join('\n'),
    );
    fs.writeFileSync(path.join(dept, 'README.md'), 'Protocols of the department.\n');
    const installed = run('pre-commit', ['install'], dept);
    assert.equal(installed.status, 0, installed.output);
    git(['add', '.pre-commit-config.yaml', 'README.md']);
    // The first commit builds the hook's environment: npm install, npm pack, npm install -g.
    const first = commit('pre-commit configuration');
    assert.equal(first.status, 0, first.output);
    assert.match(first.output, /role-protocols\.+\(no files to check\)Skipped/);
  });
  after(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('lets a clean protocol be committed', () => {
    fs.copyFileSync(path.join(SAMPLES, 'reference-department.roles.yaml'), path.join(dept, 'reference-department.roles.yaml'));
    git(['add', 'reference-department.roles.yaml']);
    const before = commits();
    const clean = commit('the reference department');
    assert.equal(clean.status, 0, clean.output);
    assert.match(clean.output, /^role-protocols\.+Passed$/m);
    assert.match(clean.output, /^role-protocols \(every protocol\)\.+Passed$/m);
    assert.equal(commits(), before + 1);
  });

  it('stops the commit of a broken protocol and says why', () => {
    fs.copyFileSync(path.join(SAMPLES, 'broken', 'unknown-reference.roles.yaml'), path.join(dept, 'bladder.roles.yaml'));
    git(['add', 'bladder.roles.yaml']);
    const before = commits();
    try {
      const broken = commit('a protocol with a typo');
      assert.equal(broken.status, 1, broken.output);
      assert.match(broken.output, /^role-protocols\.+Failed$/m);
      // Stylish, wrapped at 80 columns: the file, then the finding's place, severity and rule, then its message.
      assert.match(broken.output, /^bladder\.roles\.yaml\n\s+111:16\s+error\s+unknown-reference\n\s+No role has the id `advanced-adaptor`\./m);
      assert.equal(commits(), before, 'nothing was committed');
    } finally {
      git(['rm', '-q', '--cached', 'bladder.roles.yaml']);
      fs.rmSync(path.join(dept, 'bladder.roles.yaml'));
    }
  });

  it('stops a catalogue change that breaks a protocol that is not staged (role-protocols-all)', () => {
    for (const file of ['department.catalogue.yaml', 'prostate.roles.yaml'])
      fs.copyFileSync(path.join(SAMPLES, 'shared-catalogue', file), path.join(dept, file));
    git(['add', 'department.catalogue.yaml', 'prostate.roles.yaml']);
    const shared = commit('the shared catalogue and the prostate protocol');
    assert.equal(shared.status, 0, shared.output);

    // The catalogue renames a role the prostate protocol still names; only the catalogue is staged.
    const catalogue = path.join(dept, 'department.catalogue.yaml');
    fs.writeFileSync(catalogue, fs.readFileSync(catalogue, 'utf8').replace(/^ {2}- id: adapter$/m, '  - id: radiographer-adapter'));
    git(['add', 'department.catalogue.yaml']);
    const before = commits();
    const renamed = commit('rename a role in the catalogue');
    assert.equal(renamed.status, 1, renamed.output);
    assert.match(renamed.output, /^role-protocols \(every protocol\)\.+Failed$/m);
    assert.match(renamed.output, /^prostate\.roles\.yaml\n(.*\n)*?\s+\d+:\d+\s+error\s+unknown-reference\n\s+No role has the id `adapter`\./m);
    assert.equal(commits(), before);
  });
});
