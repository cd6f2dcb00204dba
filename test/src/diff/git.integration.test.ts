import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cli, ROOT } from '../cli/run';
import { unzip } from '../exports/ooxml';
import { revisionsOf } from '../../../server/out/node/git';

/**
 * `diff` and `lint --base` on real git repositories made in a temporary
 * folder: commits, a file renamed, a catalogue changed in a commit of its own,
 * and the exit codes a CI job reads.
 */

const CATALOGUE = fs.readFileSync(path.join(ROOT, 'samples/shared-catalogue/department.catalogue.yaml'), 'utf8');
const PROSTATE = fs.readFileSync(path.join(ROOT, 'samples/shared-catalogue/prostate.roles.yaml'), 'utf8');

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_DATE: '2026-11-01T10:00:00Z', GIT_COMMITTER_DATE: '2026-11-01T10:00:00Z' },
  });
}

describe('change control on a git repository (diff, lint --base)', function () {
  this.timeout(60_000);
  let repo: string;
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    fs.writeFileSync(path.join(repo, file), text);
  };
  const read = (file: string) => fs.readFileSync(path.join(repo, file), 'utf8');

  before(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'role-protocols-git-'));
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'config', 'user.email', 'physics@example.org');
    git(repo, 'config', 'user.name', 'Physics');
    git(repo, 'config', 'commit.gpgsign', 'false');
    // 1: the protocol and its catalogue, as released (v1).
    write('dept/department.catalogue.yaml', CATALOGUE);
    write('dept/prostate.roles.yaml', PROSTATE);
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'Prostate oART protocol 1.0');
    git(repo, 'tag', 'v1');
    // 2: the catalogue alone changes: band 4 adapters.
    write('dept/department.catalogue.yaml', CATALOGUE.replace('minBand: 5\n    maxBand: 7', 'minBand: 4\n    maxBand: 7'));
    git(repo, 'commit', '-q', '-am', 'Band 4 adapters');
    // 3: the protocol is renamed, its text unchanged.
    git(repo, 'mv', 'dept/prostate.roles.yaml', 'dept/prostate-oart.roles.yaml');
    git(repo, 'commit', '-q', '-m', 'Rename the protocol');
  });

  after(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('a catalogue changed in another commit is a change of the protocol that includes it, read from that commit', () => {
    const run = cli(['diff', 'v1:dept/prostate.roles.yaml', 'dept/prostate-oart.roles.yaml'], { cwd: repo });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^From v1:dept\/prostate\.roles\.yaml \(version 1\.0\) to dept\/prostate-oart\.roles\.yaml \(version 1\.0\)\.$/m);
    assert.match(run.stdout, /1 change: 1 significant, 0 minor\./);
    assert.match(run.stdout, /department\.catalogue\.yaml line 11 +Role “Adapter”: bands 5-7 → bands 4-7\./);
  });

  it('--fail-on significant and --fail-on minor exit 1 when such a change is found, and say so', () => {
    for (const failOn of ['significant', 'minor']) {
      const run = cli(['diff', 'v1:dept/prostate.roles.yaml', 'HEAD:dept/prostate-oart.roles.yaml', '--fail-on', failOn], { cwd: repo });
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stderr, new RegExp(`1 ${failOn === 'significant' ? 'significant ' : ''}change found \\(--fail-on ${failOn}\\)`));
    }
  });

  it('a file renamed with its text unchanged: no changes, exit 0 even with --fail-on minor', () => {
    const run = cli(['diff', 'HEAD~1:dept/prostate.roles.yaml', 'HEAD:dept/prostate-oart.roles.yaml', '--fail-on', 'minor'], { cwd: repo });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, 'No changes between HEAD~1:dept/prostate.roles.yaml and HEAD:dept/prostate-oart.roles.yaml.\n');
  });

  it('REV:./PATH is read from the working folder, REV:PATH from the repository’s top', () => {
    const cwd = path.join(repo, 'dept');
    const run = cli(['diff', 'v1:./prostate.roles.yaml', 'HEAD:dept/prostate-oart.roles.yaml', '--format', 'json'], { cwd });
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { summary: { significant: number }; changes: { kind: string; newPosition: { file: string; line: number } }[] };
    assert.equal(report.summary.significant, 1);
    assert.equal(report.changes[0]!.kind, 'role-bands');
    assert.equal(path.basename(report.changes[0]!.newPosition.file), 'department.catalogue.yaml');
    assert.equal(report.changes[0]!.newPosition.line, 11);
  });

  it('writes the Word report for the approval paper', () => {
    const run = cli(['diff', 'v1:dept/prostate.roles.yaml', 'dept/prostate-oart.roles.yaml', '--out', 'changes.docx'], { cwd: repo });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    const parts = unzip(fs.readFileSync(path.join(repo, 'changes.docx')));
    assert.match(parts.get('word/document.xml')!.toString('utf8'), /bands 5-7 → bands 4-7/);
    fs.rmSync(path.join(repo, 'changes.docx'));
  });

  it('lists the commits that changed a file, newest first, with its path in each (the editor’s choice of revision)', () => {
    assert.deepEqual(
      revisionsOf(repo, 'dept/prostate-oart.roles.yaml').map((r) => [r.subject, r.path]),
      [
        ['Rename the protocol', 'dept/prostate-oart.roles.yaml'],
        ['Prostate oART protocol 1.0', 'dept/prostate.roles.yaml'],
      ],
    );
    // A name that is not ASCII comes back as written, not quoted with octal escapes.
    git(repo, 'mv', 'dept/prostate-oart.roles.yaml', 'dept/prostate-café.roles.yaml');
    git(repo, 'commit', '-q', '-m', 'Accent');
    try {
      assert.deepEqual(
        revisionsOf(repo, 'dept/prostate-café.roles.yaml').map((r) => r.path),
        ['dept/prostate-café.roles.yaml', 'dept/prostate-oart.roles.yaml', 'dept/prostate.roles.yaml'],
      );
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  describe('lint --base', () => {
    afterEach(() => git(repo, 'checkout', '-q', '--', '.'));

    it('a significant change with the same version is a version-bump error, following the rename git reports', () => {
      const run = cli(['lint', '--base', 'v1', 'dept'], { cwd: repo });
      assert.equal(run.status, 1, run.stdout + run.stderr);
      assert.match(run.stdout, /dept\/prostate-oart\.roles\.yaml\n\s+11:12\s+error\s+version-bump/);
      assert.match(run.stdout.replace(/\s+/g, ' '), /1 significant change since v1:dept\/prostate\.roles\.yaml \(Role “Adapter”: bands 5-7 → bands 4-7\)/);
      // The catalogue has document control of its own (it lists the employer's procedure): the band changed there
      // is a significant change of the catalogue too, and it has the same version, so it has its own finding.
      assert.match(run.stdout, /dept\/department\.catalogue\.yaml\n\s+105:12\s+error\s+version-bump/);
    });

    it('passes once the protocol and the catalogue have new versions', () => {
      write('dept/prostate-oart.roles.yaml', read('dept/prostate-oart.roles.yaml').replace('version: "1.0"', 'version: "1.1"'));
      write('dept/department.catalogue.yaml', read('dept/department.catalogue.yaml').replace('version: "1.0"', 'version: "1.1"'));
      const run = cli(['lint', '--base', 'v1', '--format', 'json', 'dept'], { cwd: repo });
      const findings = (JSON.parse(run.stdout) as { messages: { ruleId: string }[] }[]).flatMap((f) => f.messages.map((m) => m.ruleId));
      assert.ok(!findings.includes('version-bump'), findings.join(', '));
    });

    it('no change since the base: no finding, exit 0', () => {
      const run = cli(['lint', '--base', 'HEAD', 'dept'], { cwd: repo });
      assert.equal(run.status, 0, run.stdout + run.stderr);
      assert.match(run.stdout, /2 files checked, no problems\./);
    });

    it('a file that did not exist at the base is not compared', () => {
      write('dept/bladder.roles.yaml', read('dept/prostate-oart.roles.yaml').replace('id: prostate-oart', 'id: bladder-oart'));
      try {
        const run = cli(['lint', '--base', 'HEAD', 'dept/bladder.roles.yaml'], { cwd: repo });
        assert.doesNotMatch(run.stdout, /version-bump/);
      } finally {
        fs.rmSync(path.join(repo, 'dept/bladder.roles.yaml'));
      }
    });

    it('an unknown revision, or a folder outside a repository, is exit 2 with the reason', () => {
      const unknown = cli(['lint', '--base', 'no-such-branch', 'dept'], { cwd: repo });
      assert.equal(unknown.status, 2);
      assert.match(unknown.stderr, /--base no-such-branch: there is no revision `no-such-branch` in the repository/);
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'role-protocols-nogit-'));
      try {
        fs.writeFileSync(path.join(outside, 'p.roles.yaml'), PROSTATE);
        const run = cli(['lint', '--base', 'main', 'p.roles.yaml'], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: path.dirname(outside) } });
        assert.equal(run.status, 2);
        assert.match(run.stderr, /is not in a git repository/);
      } finally {
        fs.rmSync(outside, { recursive: true, force: true });
      }
    });
  });

  it('diff: a path that is not at the revision, or a revision that does not exist, is exit 2 with the reason', () => {
    const missing = cli(['diff', 'v1:dept/bladder.roles.yaml', 'dept/prostate-oart.roles.yaml'], { cwd: repo });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /dept\/bladder\.roles\.yaml does not exist at v1/);
    const revision = cli(['diff', 'v9:dept/prostate.roles.yaml', 'dept/prostate-oart.roles.yaml'], { cwd: repo });
    assert.equal(revision.status, 2);
    assert.match(revision.stderr, /there is no revision `v9` in the repository/);
  });
});

describe('change control of a register of people on a git repository', function () {
  this.timeout(60_000);
  const PROTOCOL = fs.readFileSync(path.join(ROOT, 'samples/reference-department.roles.yaml'), 'utf8');
  const REGISTER = fs.readFileSync(path.join(ROOT, 'samples/reference-department.register.yaml'), 'utf8');
  let repo: string;
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    fs.writeFileSync(path.join(repo, file), text);
  };

  before(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'role-protocols-git-register-'));
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'config', 'user.email', 'physics@example.org');
    git(repo, 'config', 'user.name', 'Physics');
    git(repo, 'config', 'commit.gpgsign', 'false');
    write('dept/oart.roles.yaml', PROTOCOL);
    write('dept/oart.register.yaml', REGISTER.replace('protocol: reference-department.roles.yaml', 'protocol: oart.roles.yaml'));
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'Register as reviewed');
    git(repo, 'tag', 'r1');
    // The protocol's adapter is retitled, and the register changes: R01 no longer entitled, R02 entitled later.
    write('dept/oart.roles.yaml', PROTOCOL.replace('    title: Adapter\n', '    title: OAR adapter\n'));
    write(
      'dept/oart.register.yaml',
      REGISTER.replace('protocol: reference-department.roles.yaml', 'protocol: oart.roles.yaml')
        .replace('  - person: R01\n    role: adapter\n    from: 2024-02-01\n    entitledBy: Radiotherapy Services Manager\n', '')
        .replace('  - person: R02\n    role: adapter\n    from: 2024-03-01\n', '  - person: R02\n    role: adapter\n    from: 2024-04-01\n'),
    );
    git(repo, 'commit', '-q', '-am', 'R01 left; R02 entitled from April');
  });

  after(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('REV:PATH reads the register and its protocol as they were at the commit: each side names the role by its title then', () => {
    const run = cli(['diff', 'r1:dept/oart.register.yaml', 'dept/oart.register.yaml'], { cwd: repo });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^From r1:dept\/oart\.register\.yaml to dept\/oart\.register\.yaml\.\n2 changes: 2 significant, 0 minor\.$/m);
    // The removal is named from r1's protocol, the change of the kept entitlement from the working tree's.
    assert.match(run.stdout, /removed \(was line 180\) +Entitlement of “R01” as “Adapter” removed\./);
    assert.match(run.stdout, /line 182 +Entitlement of “R02” as “OAR adapter”: start date changed from 2024-03-01 to 2024-04-01\./);
  });

  it('--fail-on significant exits 1 for a change of who may act', () => {
    const run = cli(['diff', 'r1:dept/oart.register.yaml', 'HEAD:dept/oart.register.yaml', '--fail-on', 'significant', '--format', 'json'], { cwd: repo });
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { kind: string; changes: { kind: string }[] };
    assert.equal(report.kind, 'register');
    assert.deepEqual(
      report.changes.map((c) => c.kind),
      ['entitlement-from', 'entitlement-removed'],
    );
  });

  it('lint --base: a register has no document.version, so no version-bump and no note, only its own findings', () => {
    const run = cli(['lint', '--base', 'r1', '--format', 'json', 'dept/oart.register.yaml'], { cwd: repo });
    assert.equal(run.stderr, '');
    const rules = (JSON.parse(run.stdout) as { messages: { ruleId: string }[] }[]).flatMap((f) => f.messages.map((m) => m.ruleId));
    assert.ok(!rules.includes('version-bump'), rules.join(', '));
    assert.ok(rules.includes('reassessment-overdue'), rules.join(', '));
  });
});
