import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, ROOT, tempDir } from './run';
import { copyReference, REGISTER } from './registerHelpers';

/**
 * `role-protocols status` as a process: the reference register on 2026-11-26
 * (one reassessment overdue, two due soon, a supervised trainee, a
 * registration expiring) and small registers made for one case each.
 */

interface StatusJson {
  file: string;
  contains: string;
  on: string;
  dueSoonDays: number;
  windowEnds: string;
  overdue: { person: string; roles: string[]; skill: string; completed: string; due: string; days: number }[];
  dueSoon: { person: string; skill: string; due: string; days: number }[];
  training: { person: string; roles: string[]; skill: string; state: string; supervised: boolean; supervisors: string[] }[];
  registrations: { person: string; register: string; expires: string; state: string; days: number }[];
  entitlementsEnding: { person: string; role: string; until: string; days: number }[];
  failing: boolean;
}

function statusJson(args: string[], options: Parameters<typeof cli>[1] = {}): { status: number | null; report: StatusJson; stderr: string } {
  const run = cli(['status', ...args, '--format', 'json'], options);
  assert.doesNotMatch(run.stderr, /internal error/);
  return { status: run.status, report: JSON.parse(run.stdout) as StatusJson, stderr: run.stderr };
}

/** A small register against the reference protocol, in a folder with it. */
function register(dir: string, body: string): string {
  fs.copyFileSync(path.join(ROOT, 'samples/reference-department.roles.yaml'), path.join(dir, 'reference-department.roles.yaml'));
  fs.writeFileSync(path.join(dir, 'small.register.yaml'), `format: role-register/1\nprotocol: reference-department.roles.yaml\n${body}`);
  return 'small.register.yaml';
}

/** An adapter trained in both skills the role needs (OAR outlining every 12 months, DIR evaluation every 24). */
const TRAINED_ADAPTER = `people:
  - id: A1
    staffGroup: therapeutic radiographer
    band: 6
entitlements:
  - person: A1
    role: adapter
    from: 2025-01-01
training:
  - person: A1
    skill: oar-outlining
    method: proknow
    completed: 2026-06-01
    record: PK-1
    signedOffBy: A1
    result: 90
  - person: A1
    skill: dir-evaluation
    method: dir-tutorial
    completed: 2025-09-01
    record: DIR-1
    signedOffBy: A1
`;

describe('role-protocols status', () => {
  it('prints the overdue and due-soon reassessments by date, training gaps, registrations and entitlements ending; exit 1 when something is overdue', () => {
    const run = cli(['status', REGISTER]);
    assert.equal(run.status, 1);
    const expected = [
      `Status of ${REGISTER} on 2026-11-26 (due soon: by 2027-01-25, within 60 days)`,
      '',
      'Overdue reassessments (1)',
      '  Person  Roles             Skill            Site  Completed   Due         When',
      '  D05     advanced-adapter  mobius-approval  all   2025-10-01  2026-10-01  56 days ago',
      '',
      'Reassessments due within 60 days (2)',
      '  Person  Roles             Skill             Site  Completed   Due         When',
      '  R04     adapter           oar-outlining     all   2025-12-10  2026-12-10  in 14 days',
      '  D06     advanced-adapter  target-outlining  all   2025-12-20  2026-12-20  in 24 days',
      '',
      'Training missing or under way, for people entitled today (2)',
      '  Person  Roles    Skill           Site  State        Supervised  Supervisors',
      '  R10     adapter  dir-evaluation  all   Missing      yes         R02',
      '  R10     adapter  oar-outlining   all   In training  yes         R02',
      '',
      'Registrations expired or expiring within 60 days (1)',
      '  Person  Registration               Expires     When        State',
      '  P03     HCPC (clinical scientist)  2027-01-15  in 50 days  Expiring',
      '',
      'Entitlements ending within 60 days (0)',
      '  none',
      '',
      'Needs action: 1 reassessment overdue.',
      '',
      'Staff ids (no names) with their entitlements, training and registration dates: personal data. Keep it within the department; the tool sends nothing anywhere.',
      '',
    ].join('\n');
    assert.equal(run.stdout, expected);
  });

  it('writes JSON with ids only and what it holds, and Markdown for a governance paper', () => {
    const { status, report } = statusJson([REGISTER]);
    assert.equal(status, 1);
    assert.equal(report.failing, true);
    assert.match(report.contains, /personal data/);
    assert.deepEqual(
      report.overdue.map((r) => [r.person, r.skill, r.due, r.days]),
      [['D05', 'mobius-approval', '2026-10-01', -56]],
    );
    assert.deepEqual(
      report.dueSoon.map((r) => [r.person, r.skill, r.due]),
      [
        ['R04', 'oar-outlining', '2026-12-10'],
        ['D06', 'target-outlining', '2026-12-20'],
      ],
    );
    assert.deepEqual(
      report.training.map((t) => [t.person, t.skill, t.state, t.supervised, t.supervisors]),
      [
        ['R10', 'dir-evaluation', 'missing', true, ['R02']],
        ['R10', 'oar-outlining', 'in-training', true, ['R02']],
      ],
    );
    assert.doesNotMatch(JSON.stringify(report), /"name"/);

    const md = cli(['status', REGISTER, '--format', 'md']);
    assert.equal(md.status, 1);
    assert.match(md.stdout, /^# Status of samples\/reference-department\.register\.yaml on 2026-11-26/);
    assert.match(md.stdout, /\n## Overdue reassessments \(1\)\n\n\| Person \| Roles \| Skill \| Site \| Completed \| Due \| When \|\n\| --- \|/);
    assert.match(md.stdout, /\n\| D05 \| advanced-adapter \| mobius-approval \| all \| 2025-10-01 \| 2026-10-01 \| 56 days ago \|\n/);
    assert.match(md.stdout, /\n## Entitlements ending within 60 days \(0\)\n\nNone\.\n/);
    assert.match(md.stdout, /\n\*\*Needs action: 1 reassessment overdue\.\*\*\n\n_Staff ids \(no names\).*personal data/);
  });

  it('answers for another day (--on), and takes the window from register.dueSoonDays', () => {
    // On 2026-11-01 the R04 and D06 reassessments are more than 30 days away.
    const dir = copyReference();
    fs.writeFileSync(path.join(dir, '.roleprotocols.yaml'), 'register:\n  dueSoonDays: 30\n');
    const { report } = statusJson(['reference-department.register.yaml', '--on', '2026-11-01'], { cwd: dir });
    assert.equal(report.on, '2026-11-01');
    assert.equal(report.dueSoonDays, 30);
    assert.equal(report.windowEnds, '2026-12-01');
    assert.deepEqual(report.dueSoon, []);
    assert.deepEqual(
      report.overdue.map((r) => r.person),
      ['D05'],
    );
    const missing = cli(['status', 'reference-department.register.yaml', '--config', 'none.yaml'], { cwd: dir });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /none\.yaml: cannot read the configuration/);
    fs.writeFileSync(path.join(dir, '.roleprotocols.yaml'), 'register:\n  dueSoonDays: 60\n');
    assert.deepEqual(
      statusJson(['reference-department.register.yaml', '--on', '2026-11-01'], { cwd: dir }).report.dueSoon.map((r) => r.person),
      ['R04', 'D06'],
    );
  });

  it('exits 0 when nothing is overdue or expired, even with something due soon', () => {
    const dir = tempDir();
    const file = register(dir, TRAINED_ADAPTER);
    const clean = cli(['status', file, '--on', '2026-07-01'], { cwd: dir });
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    assert.match(clean.stdout, /\nNothing overdue or expired\.\n\nStaff ids \(no names\)/);
    const soon = statusJson([file, '--on', '2027-05-01'], { cwd: dir });
    assert.equal(soon.status, 0);
    assert.deepEqual(
      soon.report.dueSoon.map((r) => [r.person, r.skill, r.due, r.days]),
      [['A1', 'oar-outlining', '2027-06-01', 31]],
    );
    const late = statusJson([file, '--on', '2027-06-02'], { cwd: dir });
    assert.equal(late.status, 1);
    assert.deepEqual(
      late.report.overdue.map((r) => [r.person, r.days]),
      [['A1', -1]],
    );
  });

  it('exits 1 for an expired registration, and for someone entitled without supervision and not trained', () => {
    const dir = tempDir();
    const file = register(
      dir,
      TRAINED_ADAPTER.replace(
        '    band: 6\n',
        '    band: 6\n    registrations:\n      - register: HCPC (radiographer)\n        number: RA1\n        expires: 2026-06-30\n',
      ),
    );
    const expired = statusJson([file, '--on', '2026-07-01'], { cwd: dir });
    assert.equal(expired.status, 1);
    assert.deepEqual(expired.report.registrations, [{ person: 'A1', register: 'HCPC (radiographer)', expires: '2026-06-30', state: 'expired', days: -1 }]);
    assert.match(cli(['status', file, '--on', '2026-07-01'], { cwd: dir }).stdout, /\nNeeds action: 1 registration expired\.\n/);
    // The day before, it is expiring: listed, not failing.
    assert.equal(statusJson([file, '--on', '2026-06-30'], { cwd: dir }).status, 0);

    const untrained = register(dir, TRAINED_ADAPTER.replace(/ {2}- person: A1\n {4}skill: dir-evaluation[\s\S]*$/, ''));
    const gap = statusJson([untrained, '--on', '2026-07-01'], { cwd: dir });
    assert.equal(gap.status, 1);
    assert.deepEqual(gap.report.training, [
      { person: 'A1', roles: ['adapter'], skill: 'dir-evaluation', state: 'missing', supervised: false, supervisors: [] },
    ]);
    assert.match(
      cli(['status', untrained, '--on', '2026-07-01'], { cwd: dir }).stdout,
      /Needs action: 1 skill untrained for people entitled without supervision\./,
    );
  });

  it('lists entitlements that end within the window', () => {
    const dir = tempDir();
    const file = register(dir, TRAINED_ADAPTER.replace('    from: 2025-01-01\n', '    from: 2025-01-01\n    until: 2026-08-15\n'));
    const { status, report } = statusJson([file, '--on', '2026-07-01'], { cwd: dir });
    assert.equal(status, 0);
    assert.deepEqual(report.entitlementsEnding, [{ person: 'A1', role: 'adapter', until: '2026-08-15', days: 45 }]);
  });

  it('writes the report to a file with --out, never over one without --force', () => {
    const dir = tempDir();
    const file = register(dir, TRAINED_ADAPTER);
    const first = cli(['status', file, '--on', '2026-07-01', '--format', 'md', '--out', 'status.md'], { cwd: dir });
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stdout, '');
    assert.match(fs.readFileSync(path.join(dir, 'status.md'), 'utf8'), /^# Status of small\.register\.yaml on 2026-07-01/);
    const again = cli(['status', file, '--format', 'md', '--out', 'status.md'], { cwd: dir });
    assert.equal(again.status, 2);
    assert.match(again.stderr, /status\.md already exists; add --force to overwrite it/);
    assert.equal(cli(['status', file, '--on', '2026-07-02', '--format', 'md', '--out', 'status.md', '--force'], { cwd: dir }).status, 0);
    assert.match(fs.readFileSync(path.join(dir, 'status.md'), 'utf8'), /on 2026-07-02/);
  });

  it('exits 2 with the reason when the register or its protocol cannot be read, or the command line is wrong', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.register.yaml'), 'format: role-register/1\nprotocol: gone.roles.yaml\npeople: []\n');
    const cases: [string[], RegExp][] = [
      [['a.register.yaml'], /a\.register\.yaml: Cannot read the protocol `gone\.roles\.yaml`: no such file/],
      [['missing.register.yaml'], /missing\.register\.yaml: no such file or directory/],
      [[], /no register given/],
      [['a.register.yaml', 'b.register.yaml'], /give one register/],
      [['a.register.yaml', '--on', '2026-13-01'], /--on needs a real date written YYYY-MM-DD, not `2026-13-01`/],
      [['a.register.yaml', '--format', 'csv'], /unknown format `csv`; use one of text, json, md/],
      [['.'], /is a folder: name a register file/],
    ];
    for (const [args, message] of cases) {
      const run = cli(['status', ...args], { cwd: dir });
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message, args.join(' '));
      assert.equal(run.stdout, '');
    }
  });

  it('has help', () => {
    const run = cli(['status', '--help']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^Usage: role-protocols status <register>/);
    assert.match(run.stdout, /register\.dueSoonDays/);
    assert.match(cli(['--help']).stdout, /\n {2}status <register> /);
  });
});
