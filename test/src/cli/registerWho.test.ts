import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, ROOT, tempDir } from './run';
import { copyReference, REGISTER } from './registerHelpers';

/**
 * `role-protocols who --can` as a process, on the reference register (its
 * figures are those of 2026-11-26, the day `cli` pins) and on temporary
 * registers.
 */

interface WhoJson {
  on: string;
  can: string;
  site: string | null;
  contains: string;
  registers: {
    file: string;
    target: { role?: string; step?: string };
    nobody: boolean;
    groups: {
      part?: string;
      approval?: string;
      roles: string[];
      people: {
        id: string;
        role: string;
        sites: string[] | null;
        entitledFrom: string;
        training: string;
        nextReassessment: { due: string; skill: string } | null;
      }[];
    }[];
  }[];
}

function whoJson(args: string[], options: Parameters<typeof cli>[1] = {}): { status: number | null; report: WhoJson } {
  const run = cli(['who', ...args, '--format', 'json'], options);
  assert.equal(run.stderr.includes('internal error'), false, run.stderr);
  return { status: run.status, report: JSON.parse(run.stdout) as WhoJson };
}

const ids = (report: WhoJson, group = 0) => report.registers[0]!.groups[group]!.people.map((p) => p.id);

describe('role-protocols who', () => {
  it('lists the people entitled to a role and current in its training, by id, with what they are entitled to and when they are due', () => {
    const run = cli(['who', '--can', 'adapter', '--register', REGISTER]);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.split('\n');
    assert.equal(lines[0], `${REGISTER}, on 2026-11-26: who can act in role adapter (Adapter), at any site`);
    assert.match(run.stdout, /\nID {3}Role {5}Sites {2}Entitled from {2}Training {2}Next reassessment\n/);
    assert.match(run.stdout, /\nR01 {2}adapter {2}all {4}2024-02-01 {5}Current {3}2027-03-11 \(oar-outlining\)\n/);
    // R04's OAR outlining is due again within 60 days: still able, and shown as due soon.
    assert.match(run.stdout, /\nR04 {2}adapter {2}all {4}2024-05-01 {5}Due soon {2}2026-12-10 \(oar-outlining\)\n/);
    // R10 is entitled under supervision, still in training: not able on their own.
    assert.doesNotMatch(run.stdout, /R10/);
    assert.match(run.stdout, /\n9 people able\.\n$/);
  });

  it('writes JSON with ids only, and says what it holds', () => {
    const { status, report } = whoJson(['--can', 'advanced-adapter', '--register', REGISTER]);
    assert.equal(status, 0);
    assert.equal(report.on, '2026-11-26');
    assert.match(report.contains, /personal data/);
    // D05's Mobius approval was due again on 2026-10-01: overdue, so not able anywhere.
    assert.deepEqual(ids(report), ['D01', 'D02', 'D03', 'D04', 'D06']);
    const d06 = report.registers[0]!.groups[0]!.people.find((p) => p.id === 'D06')!;
    assert.deepEqual(d06, {
      id: 'D06',
      role: 'advanced-adapter',
      sites: null,
      entitledFrom: '2025-06-15',
      training: 'due-soon',
      nextReassessment: { due: '2026-12-20', skill: 'target-outlining' },
    });
  });

  it('answers for another day (--on) and one site (--site): an entitlement limited to sites, a reassessment not yet due', () => {
    // On 2026-09-01 D05's Mobius approval is due soon, not overdue; D05 is entitled at bladder and prostate only.
    const bladder = whoJson(['--can', 'advanced-adapter', '--site', 'bladder', '--on', '2026-09-01', '--register', REGISTER]).report;
    assert.deepEqual(ids(bladder), ['D01', 'D02', 'D03', 'D04', 'D05', 'D06']);
    assert.deepEqual(bladder.registers[0]!.groups[0]!.people.find((p) => p.id === 'D05')!.sites, ['bladder', 'prostate']);
    assert.equal(bladder.site, 'bladder');
    const cervix = whoJson(['--can', 'advanced-adapter', '--site', 'cervix', '--on', '2026-09-01', '--register', REGISTER]).report;
    assert.deepEqual(ids(cervix), ['D01', 'D02', 'D03', 'D04', 'D06']);
    // Before an entitlement starts, its holder is not able.
    const early = whoJson(['--can', 'advanced-adapter', '--on', '2025-03-01', '--register', REGISTER]).report;
    assert.equal(ids(early).includes('D03'), false);
  });

  it('for a step, lists each part someone is responsible for with the people able to fill it', () => {
    const run = cli(['who', '--can', 'dose-check', '--register', REGISTER]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /who can act in step dose-check \(Independent dose check \(Mobius\)\), at any site\n/);
    assert.match(run.stdout, /\nperforms, as advanced-adapter: 5 people able\n {2}ID {3}Role/);
    assert.match(run.stdout, /\napproves, as physicist: 4 people able\n/);
    const { report } = whoJson(['--can', 'step:dose-check', '--register', REGISTER]);
    assert.deepEqual(
      report.registers[0]!.groups.map((g) => [g.part, g.approval, g.roles, g.people.map((p) => p.id)]),
      [
        ['performs', undefined, ['advanced-adapter'], ['D01', 'D02', 'D03', 'D04', 'D06']],
        ['approves', 'all', ['advanced-adapter'], ['D01', 'D02', 'D03', 'D04', 'D06']],
        ['approves', 'all', ['physicist'], ['P01', 'P02', 'P03', 'P04']],
      ],
    );
  });

  it('with `approval: any`, lists the able people of every approving role as one part', () => {
    const dir = copyReference();
    const protocol = path.join(dir, 'reference-department.roles.yaml');
    const text = fs.readFileSync(protocol, 'utf8');
    const changed = text.replace(/(\n {4}approves: \[advanced-adapter, physicist\]\n)/, '$1    approval: any\n');
    assert.notEqual(changed, text);
    fs.writeFileSync(protocol, changed);
    const { report } = whoJson(['--can', 'dose-check'], { cwd: dir });
    const approves = report.registers[0]!.groups.filter((g) => g.part === 'approves');
    assert.deepEqual(
      approves.map((g) => [g.approval, g.roles, g.people.map((p) => p.id)]),
      [['any', ['advanced-adapter', 'physicist'], ['D01', 'D02', 'D03', 'D04', 'D06', 'P01', 'P02', 'P03', 'P04']]],
    );
  });

  it('for a step done at some sites only, asks about those sites, and refuses another', () => {
    const dir = copyReference();
    const protocol = path.join(dir, 'reference-department.roles.yaml');
    const text = fs.readFileSync(protocol, 'utf8');
    const changed = text.replace('  - id: verification-cbct\n', '  - id: verification-cbct\n    sites: [bladder]\n');
    assert.notEqual(changed, text);
    fs.writeFileSync(protocol, changed);
    const elsewhere = cli(['who', '--can', 'verification-cbct', '--site', 'cervix'], { cwd: dir });
    assert.equal(elsewhere.status, 2);
    assert.match(elsewhere.stderr, /step `verification-cbct` is not done at site `cervix`; it is done at `bladder`/);
    assert.equal(cli(['who', '--can', 'verification-cbct', '--site', 'bladder'], { cwd: dir }).status, 0);
  });

  it('answers for each register named, and exits 1 when any of them has nobody able', () => {
    const dir = copyReference();
    fs.writeFileSync(path.join(dir, 'empty.register.yaml'), 'format: role-register/1\nprotocol: reference-department.roles.yaml\npeople: []\n');
    const both = whoJson(['--can', 'physicist', '--register', 'reference-department.register.yaml', '--register', 'empty.register.yaml'], { cwd: dir });
    assert.equal(both.status, 1);
    assert.deepEqual(
      both.report.registers.map((r) => [r.file, r.nobody, r.groups[0]!.people.length]),
      [
        ['reference-department.register.yaml', false, 4],
        ['empty.register.yaml', true, 0],
      ],
    );
    // Without --register, every register of the folder.
    assert.equal(whoJson(['--can', 'physicist'], { cwd: dir }).report.registers.length, 2);
  });

  it('exits 1 and says so when nobody is able: for a role, or for some part of a step', () => {
    const role = cli(['who', '--can', 'physicist', '--on', '2030-01-01', '--register', REGISTER]);
    assert.equal(role.status, 1);
    assert.match(role.stdout, /\nNobody is able to act as physicist on 2030-01-01\.\n/);
    const step = cli(['who', '--can', 'oar-edit', '--site', 'prostate', '--on', '2030-01-01', '--register', REGISTER]);
    assert.equal(step.status, 1);
    assert.match(step.stdout, /\nperforms, as adapter: NOBODY able\n/);
    assert.match(step.stdout, /\nNobody is able to fill every part of oar-edit at prostate on 2030-01-01\.\n$/);
    const json = whoJson(['--can', 'physicist', '--on', '2030-01-01', '--register', REGISTER]);
    assert.equal(json.status, 1);
    assert.equal(json.report.registers[0]!.nobody, true);
    assert.deepEqual(ids(json.report), []);
  });

  it('reads the registers of the current folder when none is named, and asks for one when there is none', () => {
    const found = cli(['who', '--can', 'physicist'], { cwd: path.join(ROOT, 'samples') });
    assert.equal(found.status, 0, found.stderr);
    assert.match(found.stdout, /^reference-department\.register\.yaml, on 2026-11-26: who can act in role physicist/);
    const none = cli(['who', '--can', 'physicist'], { cwd: tempDir() });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /no register of people \(\*\.register\.yaml\) in this folder: name one with --register FILE/);
  });

  it('refuses what it cannot answer, with exit code 2: unknown ids (with a guess), sites, dates and formats', () => {
    const cases: [string[], RegExp][] = [
      [['--can', 'physicst'], /no role or step `physicst` in the register's protocol; did you mean `physicist`\?/],
      [['--can', 'step:adapter'], /no step `adapter` in the register's protocol/],
      [['--can', 'zzz'], /no role or step `zzz` in the register's protocol; the roles are `adapter`, `advanced-adapter`/],
      [['--can', 'adapter', '--site', 'bladdr'], /no site `bladdr` in the register's protocol; did you mean `bladder`\?/],
      [['--can', 'adapter', '--on', '2026-02-30'], /--on needs a real date written YYYY-MM-DD, not `2026-02-30`/],
      [['--can', 'adapter', '--on', 'tomorrow'], /--on needs a real date written YYYY-MM-DD, not `tomorrow`/],
      [['--can', 'adapter', '--format', 'sarif'], /unknown format `sarif`; use one of text, json/],
      [['--site', 'cervix'], /--can needs a role or step id/],
      [['--can', 'adapter', REGISTER], /who takes no file names; name the register with --register/],
      [['--register', REGISTER, '--can', 'adapter', '--site'], /--site needs a value/],
    ];
    for (const [args, message] of cases) {
      const run = cli(['who', ...args, ...(args.includes(REGISTER) ? [] : ['--register', REGISTER])]);
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message, args.join(' '));
      assert.match(run.stderr, /Usage: role-protocols who --can/);
      assert.equal(run.stdout, '');
    }
  });

  it('refuses a register whose protocol cannot be read (exit 2, with the reason), and a file that is not a register', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'staff.register.yaml'), 'format: role-register/1\nprotocol: missing.roles.yaml\npeople: []\n');
    const missing = cli(['who', '--can', 'adapter'], { cwd: dir });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /staff\.register\.yaml: Cannot read the protocol `missing\.roles\.yaml`: no such file/);
    const protocol = cli(['who', '--can', 'adapter', '--register', 'samples/reference-department.roles.yaml']);
    assert.equal(protocol.status, 2);
    assert.match(protocol.stderr, /reference-department\.roles\.yaml: not a register of people/);
    fs.writeFileSync(path.join(dir, 'broken.register.yaml'), 'format: role-register/1\npeople: [\n');
    const broken = cli(['who', '--can', 'adapter', '--register', 'broken.register.yaml'], { cwd: dir });
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /broken\.register\.yaml: the register cannot be read \(line \d+: .*\); run `role-protocols lint broken\.register\.yaml`/);
  });

  it('has help', () => {
    const run = cli(['who', '--help']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^Usage: role-protocols who --can <role\|step>/);
    assert.match(run.stdout, /Exit codes:\n {2}0 {2}someone is able/);
    assert.equal(cli(['help', 'who']).stdout, run.stdout);
    assert.match(cli(['--help']).stdout, /\n {2}who --can <role\|step> /);
  });
});
