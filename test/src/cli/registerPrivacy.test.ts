import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, ROOT, tempDir } from './run';

/**
 * A register may hold names; nothing the tool prints may. A name is planted
 * in a register with findings near it (and written where an id belongs, so a
 * message would quote it), then every output format of every command is
 * searched for it.
 */

const NAME = 'Zelda Quintrell';

const PLANTED = `format: role-register/1
protocol: reference-department.roles.yaml
people:
  - id: R01
    name: ${NAME}
    staffGroup: radiographer
    band: 5
  - id: R01
    name: ${NAME}
    staffGroup: therapeutic radiographer
  - id: R02
    name: Ann Other
    staffGroup: therapeutic radiographer
    band: 6
    registrations:
      - register: HCPC (radiographer)
        number: RA00001
    nmae: ${NAME}
  - id: R03
    name: ${NAME}
    staffGroup: therapeutic radiographer
    band: ${NAME}
entitlements:
  - person: R01
    role: adaptor
    from: 2024-02-30
  - person: ${NAME}
    role: adapter
    from: 2024-01-01
  - person: R02
    role: adapter
    from: 2024-01-01
training:
  - person: R03
    skill: oar-outlining
    signedOffBy: ${NAME}
  - person: R02
    skill: oar-outlining
    method: proknow
    completed: 2026-01-01
    record: PK-1
    signedOffBy: R03
    result: 90
  - person: R02
    skill: dir-evaluation
    method: dir-tutorial
    completed: 2026-01-01
    record: DIR-1
    signedOffBy: R03
`;

function planted(): string {
  const dir = tempDir();
  fs.copyFileSync(path.join(ROOT, 'samples/reference-department.roles.yaml'), path.join(dir, 'reference-department.roles.yaml'));
  fs.writeFileSync(path.join(dir, 'planted.register.yaml'), PLANTED);
  return dir;
}

/** The words of the name, each on its own: no part of it may show. */
const parts = NAME.split(' ');

function assertNoName(label: string, text: string): void {
  for (const part of parts) assert.equal(text.includes(part), false, `${label} shows "${part}":\n${text}`);
}

describe('the register keeps names private', () => {
  it('lint reports the findings of a register with names, in every format, without a name in any of them', () => {
    const dir = planted();
    for (const format of ['stylish', 'json', 'sarif']) {
      const run = cli(['lint', 'planted.register.yaml', '--format', format], { cwd: dir });
      assert.equal(run.status, 1, `${format}: ${run.stderr}`);
      assertNoName(`lint --format ${format}`, run.stdout + run.stderr);
      // The findings are there, placed on the lines where the name was written instead of an id.
      assert.match(run.stdout, /\[name withheld\]/, format);
    }
    const json = JSON.parse(cli(['lint', 'planted.register.yaml', '--format', 'json'], { cwd: dir }).stdout) as {
      messages: { ruleId: string; line: number; message: string }[];
    }[];
    const rules = json[0]!.messages.map((m) => `${m.line} ${m.ruleId}`);
    for (const expected of ['6 schema', '8 duplicate-id', '22 schema', '25 unknown-reference', '27 schema', '27 unknown-reference', '36 unknown-reference'])
      assert.ok(rules.includes(expected), `${expected} in ${rules.join(', ')}`);
  });

  it('who and status show ids only, in every format', () => {
    const dir = planted();
    for (const args of [
      ['who', '--can', 'adapter'],
      ['who', '--can', 'adapter', '--format', 'json'],
      ['who', '--can', 'oar-edit', '--format', 'json'],
      ['status', 'planted.register.yaml'],
      ['status', 'planted.register.yaml', '--format', 'json'],
      ['status', 'planted.register.yaml', '--format', 'md'],
    ]) {
      const run = cli(args, { cwd: dir });
      assert.notEqual(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assertNoName(args.join(' '), run.stdout + run.stderr);
      assert.equal((run.stdout + run.stderr).includes('Ann Other'), false, args.join(' '));
    }
    // R02 is entitled and trained: listed, by id.
    assert.match(cli(['who', '--can', 'adapter'], { cwd: dir }).stdout, /\nR02 {2}adapter /);
  });

  it('lint checks the registers a folder holds: `lint samples` reads the reference register', () => {
    const run = cli(['lint', 'samples', '--format', 'json']);
    const files = (JSON.parse(run.stdout) as { filePath: string }[]).map((r) => path.relative(ROOT, r.filePath).split(path.sep).join('/'));
    assert.ok(files.includes('samples/reference-department.register.yaml'), files.join('\n'));
  });
});
