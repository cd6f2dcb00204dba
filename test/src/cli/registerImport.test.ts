import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { load } from 'js-yaml';
import { cli, ROOT, tempDir } from './run';
import { REGISTER } from './registerHelpers';
import { FIELD_ALIASES, IMPORT_FIELDS } from '../../../server/out/service/register/importCsv';

/**
 * `role-protocols register import` as a process: spreadsheets as departments
 * save them (aliases, names, quoting, CRLF, a byte order mark, UK dates),
 * bad rows reported by row, nothing written then, and a round trip of the
 * reference register through a spreadsheet.
 */

const PROTOCOL = 'reference-department.roles.yaml';

/** A folder with the reference protocol and a CSV file. */
function folder(csv: string, name = 'staff.csv'): string {
  const dir = tempDir();
  fs.copyFileSync(path.join(ROOT, 'samples', PROTOCOL), path.join(dir, PROTOCOL));
  fs.writeFileSync(path.join(dir, name), csv);
  return dir;
}

const GOOD =
  '\uFEFF' +
  [
    'Staff No,Name,Staff Group,BAND,Registration,Registration Number,Registration Expires,Role,Entitled From,Entitled By,Sites,Supervised,Skill,Method,Completed,Evidence,Signed Off By,Score,Supervisor,Supervised From,Supervised Until,Comments',
    '104233,Zelda Quintrell,Therapeutic Radiographer,Band 6,HCPC (radiographer),RA40107,28/02/2028,Adapter,01/02/2024,Radiotherapy Services Manager,,no,OAR outlining,ProKnow Contouring Tool,2026-03-11,"ProKnow log PK-2601, certificate",D02,84,,,,Zelda Quintrell is lovely',
    '104233,Zelda Quintrell,therapeutic radiographer,6,HCPC (radiographer),RA40107,28/02/2028,adapter,2024-02-01,Radiotherapy Services Manager,,no,dir-evaluation,dir-tutorial,2025-04-02,"Sheet ""DIR-101""",P02,,,,,',
    'D02,,dosimetrist,7,,,,Advanced Adapter,2025-02-15,Head of Radiotherapy Physics,"bladder; Prostate",,target-outlining,proknow,2026-03-12,"PK-2702\r\nsecond page",C03,85,,,,',
    'R10,,therapeutic radiographer,5,,,,adapter,2026-10-01,Radiotherapy Services Manager,,yes,oar-outlining,proknow,,,,,104233,2026-10-01,2027-03-31,',
    'R10,,therapeutic radiographer,5,,,,,,,,,dir-evaluation,,,,,,104233,2026-10-01,2027-03-31,',
    'C03,,clinical oncologist,,GMC,7123459,,clinical-oncologist,2024-04-01,"Clinical Director, Oncology",,,,,,,,,,,,',
    'P02,,clinical scientist,8a,MPE certificate (RPA2000),RPA-MPE-402,2029-05-01,,,,,,,,,,,,,,,',
  ].join('\r\n') +
  '\r\n';

interface Finding {
  ruleId: string;
  message: string;
}

describe('role-protocols register import', () => {
  it('builds a register that lints from a spreadsheet: headings in any case or by alias, names by name, quoting, CRLF, UK dates', () => {
    const dir = folder(GOOD);
    const run = cli(['register', 'import', 'staff.csv', '--protocol', PROTOCOL, '--out', 'staff.register.yaml'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /columns not copied: `Name` \(a name: the register names people by staff number only\); `Comments` \(not a register field\)\./);
    assert.match(run.stderr, /\nWrote staff\.register\.yaml: 5 people, 4 entitlements, 4 training records, 1 supervision from 7 rows\.\n/);
    const text = fs.readFileSync(path.join(dir, 'staff.register.yaml'), 'utf8');
    assert.match(text, /^# A register of people \(role-register\/1\), built by `role-protocols register import` from\n# staff\.csv on 2026-11-26/);
    assert.match(text, /\n# It holds personal data: staff numbers/);
    assert.match(text, /\n# Columns not copied: Name, Comments\.\n/);
    assert.doesNotMatch(text, /Zelda|Quintrell|lovely/);
    const data = load(text) as Record<string, unknown>;
    assert.equal(data.protocol, PROTOCOL);
    assert.deepEqual(data.people, [
      {
        id: '104233',
        staffGroup: 'therapeutic radiographer',
        band: 6,
        registrations: [{ register: 'HCPC (radiographer)', number: 'RA40107', expires: '2028-02-28' }],
      },
      { id: 'D02', staffGroup: 'dosimetrist', band: 7 },
      { id: 'R10', staffGroup: 'therapeutic radiographer', band: 5 },
      { id: 'C03', staffGroup: 'clinical oncologist', registrations: [{ register: 'GMC', number: '7123459' }] },
      {
        id: 'P02',
        staffGroup: 'clinical scientist',
        band: '8a',
        registrations: [{ register: 'MPE certificate (RPA2000)', number: 'RPA-MPE-402', expires: '2029-05-01' }],
      },
    ]);
    assert.deepEqual(data.entitlements, [
      { person: '104233', role: 'adapter', from: '2024-02-01', entitledBy: 'Radiotherapy Services Manager' },
      { person: 'D02', role: 'advanced-adapter', from: '2025-02-15', entitledBy: 'Head of Radiotherapy Physics', sites: ['bladder', 'prostate'] },
      { person: 'R10', role: 'adapter', from: '2026-10-01', entitledBy: 'Radiotherapy Services Manager', supervised: true },
      { person: 'C03', role: 'clinical-oncologist', from: '2024-04-01', entitledBy: 'Clinical Director, Oncology' },
    ]);
    assert.deepEqual(data.training, [
      {
        person: '104233',
        skill: 'oar-outlining',
        method: 'proknow',
        completed: '2026-03-11',
        record: 'ProKnow log PK-2601, certificate',
        signedOffBy: 'D02',
        result: 84,
      },
      { person: '104233', skill: 'dir-evaluation', method: 'dir-tutorial', completed: '2025-04-02', record: 'Sheet "DIR-101"', signedOffBy: 'P02' },
      {
        person: 'D02',
        skill: 'target-outlining',
        method: 'proknow',
        completed: '2026-03-12',
        record: 'PK-2702\r\nsecond page',
        signedOffBy: 'C03',
        result: 85,
      },
      { person: 'R10', skill: 'oar-outlining', method: 'proknow' },
    ]);
    // The second R10 row names a supervisor and no training detail: the supervision only.
    assert.deepEqual(data.supervision, [
      { trainee: 'R10', supervisor: '104233', skills: ['oar-outlining', 'dir-evaluation'], from: '2026-10-01', until: '2027-03-31' },
    ]);

    const lint = cli(['lint', 'staff.register.yaml', '--format', 'json'], { cwd: dir });
    const findings = (JSON.parse(lint.stdout) as { messages: Finding[] }[])[0]!.messages;
    assert.deepEqual(
      findings.filter((f) => ['syntax', 'schema', 'unknown-reference', 'duplicate-id'].includes(f.ruleId)),
      [],
    );
    // The commands read it.
    const who = cli(['who', '--can', 'adapter', '--format', 'json'], { cwd: dir });
    assert.deepEqual(
      (JSON.parse(who.stdout) as { registers: { groups: { people: { id: string }[] }[] }[] }).registers[0]!.groups[0]!.people.map((p) => p.id),
      ['104233'],
    );
    assert.equal(cli(['status', 'staff.register.yaml'], { cwd: dir }).status, 1); // D02 is entitled without plan-selection training
  });

  it('refuses a spreadsheet with bad rows: every problem with its row and column, and nothing written', () => {
    const csv = [
      'staff_number,staff_group,band,role,entitled_from,skill,method,completed,signed_off_by,result,sites',
      'R01,therapeutic radiographer,5,adapter,2024-02-01,oar-outlining,proknow,2026-03-11,D02,84,',
      ',therapeutic radiographer,5,adapter,2024-02-01,,,,,,',
      'R02,radiographer,5,adaptor,2024-02-30,oar-outline,pro-know,11/13/2026,D 02,high,cervx',
      'R03,therapeutic radiographer,10,adapter,,dir-evaluation,,2026-01-01,,,',
      'R01,therapeutic radiographer,6,,,,,,,,',
      'R04,dosimetrist,7,advanced-adapter,2025-01-01,target-outlining,proknow,"2026-01-01"x,C01,,',
      'R05,dosimetrist,7,,2025-01-01,,,2027-01-01,,,',
      'Ann Example,dosimetrist,7,,,,,,,,',
    ].join('\n');
    const dir = folder(csv);
    const run = cli(['register', 'import', 'staff.csv', '--protocol', PROTOCOL, '--out', 'staff.register.yaml'], { cwd: dir });
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.equal(fs.existsSync(path.join(dir, 'staff.register.yaml')), false);
    assert.equal(
      run.stderr,
      [
        'staff.csv:row 2: signed_off_by: D02 has no row of their own: add one with their staff number and staff group, so the register knows who signed off or supervises',
        'staff.csv:row 3: staff_number: no staff number: every row names its person',
        'staff.csv:row 4: staff_group: `radiographer` is not a staff group; did you mean `therapeutic radiographer`?',
        'staff.csv:row 4: entitled_from: entitled_from `2024-02-30` is not a real date',
        "staff.csv:row 4: sites: no site `cervx` among the protocol's sites; did you mean `cervix`?",
        "staff.csv:row 4: role: no role `adaptor` among the protocol's roles; did you mean `adapter`?",
        "staff.csv:row 4: skill: no skill `oar-outline` among the protocol's skills; did you mean `oar-outlining`?",
        "staff.csv:row 4: method: no method `pro-know` among the protocol's methods; did you mean `proknow`?",
        'staff.csv:row 4: completed: completed `11/13/2026` is not a real date (DD/MM/YYYY is read day first)',
        'staff.csv:row 4: signed_off_by: `D 02` cannot be a person id: name who signed it off by staff number or initials',
        'staff.csv:row 4: result: `high` is not a number',
        'staff.csv:row 5: band: `10` is not an AfC band: bands are 2 to 9 and 8a to 8d (leave it empty for medical staff)',
        'staff.csv:row 5: entitled_from: role `adapter` without the date the entitlement starts (entitled_from)',
        'staff.csv:row 6: band: R01 has band `5` in row 2 and `6` here; make them agree',
        'staff.csv:row 7: text after a closing quote (`x`): quote the whole field, and double any quote inside it (`""`)',
        'staff.csv:row 7: completed: completed `2026-01-01x` is not a date: write it YYYY-MM-DD or DD/MM/YYYY',
        'staff.csv:row 7: signed_off_by: C01 has no row of their own: add one with their staff number and staff group, so the register knows who signed off or supervises',
        'staff.csv:row 8: entitled_from: entitled_from without a role: say which role the entitlement is to',
        'staff.csv:row 8: completed: completed without a skill: say which skill the training is in',
        'staff.csv:row 9: staff_number: `Ann Example` cannot be a person id: use a staff number or initials (letters and digits, with single `.`, `-` or `_` between them)',
        'role-protocols: 20 problems in 8 rows; nothing written. Correct the spreadsheet (or map its columns with --map) and import again.',
        '',
      ].join('\n'),
    );
  });

  it('reads a semicolon-separated file and maps columns it does not know with --map', () => {
    const csv = 'Mitarbeiter;Gruppe;Rolle;Ab;Notizen\nR01;therapeutic radiographer;adapter;2024-02-01;x\n';
    const dir = folder(csv);
    const unmapped = cli(['register', 'import', 'staff.csv', '--protocol', PROTOCOL, '--out', 'a.register.yaml'], { cwd: dir });
    assert.equal(unmapped.status, 1);
    assert.match(unmapped.stderr, /staff\.csv:row 1: no column names the person: add a `staff_number` column/);
    const mapped = cli(
      [
        'register',
        'import',
        'staff.csv',
        '--protocol',
        PROTOCOL,
        '--out',
        'a.register.yaml',
        '--map',
        'mitarbeiter=staff_number',
        '--map',
        'Gruppe=staff_group',
        '--map',
        'Rolle=role',
        '--map',
        'Ab=entitled_from',
        '--map',
        'Notizen=ignore',
      ],
      { cwd: dir },
    );
    assert.equal(mapped.status, 0, mapped.stderr);
    assert.match(mapped.stderr, /columns not copied: `Notizen` \(--map ignore\)\./);
    const data = load(fs.readFileSync(path.join(dir, 'a.register.yaml'), 'utf8')) as { entitlements: unknown[] };
    assert.deepEqual(data.entitlements, [{ person: 'R01', role: 'adapter', from: '2024-02-01' }]);
  });

  it('refuses a wrong command line with exit code 2: --map mistakes, missing options, an --out that exists, an unreadable protocol or CSV', () => {
    const dir = folder(GOOD);
    fs.writeFileSync(path.join(dir, 'taken.register.yaml'), 'mine\n');
    fs.writeFileSync(path.join(dir, 'latin1.csv'), Buffer.from('staff_number,staff_group\nR01,therapeutic radiographer \xe9\n', 'latin1'));
    const base = ['register', 'import', 'staff.csv', '--protocol', PROTOCOL];
    const cases: [string[], RegExp][] = [
      [[...base, '--out', 'x.register.yaml', '--map', 'Score=resul'], /--map Score=resul: there is no field `resul`; did you mean `result`\?/],
      [[...base, '--out', 'x.register.yaml', '--map', 'Scor=result'], /--map Scor=result: there is no column `Scor`; did you mean `Score`\?/],
      [[...base, '--out', 'x.register.yaml', '--map', 'Score'], /--map needs COLUMN=FIELD/],
      [base, /--out FILE is needed/],
      [['register', 'import', 'staff.csv', '--out', 'x.register.yaml'], /--protocol FILE is needed/],
      [['register', 'import', '--protocol', PROTOCOL, '--out', 'x.register.yaml'], /no CSV file given/],
      [[...base, '--out', 'taken.register.yaml'], /taken\.register\.yaml already exists; add --force to overwrite it/],
      [
        ['register', 'import', 'staff.csv', '--protocol', 'gone.roles.yaml', '--out', 'x.register.yaml'],
        /--protocol gone\.roles\.yaml: Cannot read the protocol `gone\.roles\.yaml`: no such file/,
      ],
      [['register', 'import', 'staff.csv', '--protocol', 'staff.csv', '--out', 'x.register.yaml'], /--protocol staff\.csv: .*not a role protocol/],
      [['register', 'import', 'none.csv', '--protocol', PROTOCOL, '--out', 'x.register.yaml'], /none\.csv: cannot be read: there is no such file/],
      [['register', 'import', 'latin1.csv', '--protocol', PROTOCOL, '--out', 'x.register.yaml'], /latin1\.csv: not UTF-8 text .*save it as "CSV UTF-8"/],
      [['register', 'export'], /unknown register command `export`/],
      [['register'], /name what to do: `register import`/],
    ];
    for (const [args, message] of cases) {
      const run = cli(args, { cwd: dir });
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message, args.join(' '));
    }
    assert.equal(fs.readFileSync(path.join(dir, 'taken.register.yaml'), 'utf8'), 'mine\n');
    assert.equal(fs.existsSync(path.join(dir, 'x.register.yaml')), false);
    assert.equal(cli([...base, '--out', 'taken.register.yaml', '--force'], { cwd: dir }).status, 0);
    assert.match(fs.readFileSync(path.join(dir, 'taken.register.yaml'), 'utf8'), /^# A register of people/);
  });

  it('writes to standard output with --out -, naming the protocol from the working folder', () => {
    const dir = folder(GOOD);
    fs.mkdirSync(path.join(dir, 'registers'));
    const run = cli(['register', 'import', 'staff.csv', '--protocol', PROTOCOL, '--out', '-'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /\nprotocol: reference-department\.roles\.yaml\n/);
    // Written elsewhere, the protocol is named relative to the register.
    assert.equal(cli(['register', 'import', 'staff.csv', '--protocol', PROTOCOL, '--out', 'registers/staff.register.yaml'], { cwd: dir }).status, 0);
    assert.match(fs.readFileSync(path.join(dir, 'registers/staff.register.yaml'), 'utf8'), /\nprotocol: \.\.\/reference-department\.roles\.yaml\n/);
    assert.equal(cli(['who', '--can', 'adapter', '--register', 'registers/staff.register.yaml'], { cwd: dir }).status, 0);
  });

  it('round trip: the reference register written out as a spreadsheet imports to a register that gives the same answers', function () {
    // About fifteen processes: slow on a busy machine.
    this.timeout(120_000);
    const csv = spreadsheetOf(load(fs.readFileSync(path.join(ROOT, REGISTER), 'utf8')) as SampleRegister);
    const dir = folder(csv);
    const run = cli(['register', 'import', 'staff.csv', '--protocol', PROTOCOL, '--out', 'copy.register.yaml'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    const answer = (args: string[], cwd?: string) => {
      const out = cli(args, cwd ? { cwd } : {});
      return { status: out.status, report: JSON.parse(out.stdout.replace(/"file": "[^"]*"/g, '"file": ""')) as unknown };
    };
    // Days whose due-soon windows miss the sample's unreal registration dates (see spreadsheetOf).
    for (const on of ['2026-11-26', '2026-06-01', '2026-09-15']) {
      assert.deepEqual(
        answer(['status', 'copy.register.yaml', '--on', on, '--format', 'json'], dir),
        answer(['status', REGISTER, '--on', on, '--format', 'json']),
        on,
      );
      // who on one day (each answer is two processes): D05's sites and a reassessment due soon, not overdue.
      if (on !== '2026-09-15') continue;
      for (const can of ['advanced-adapter', 'dose-check'])
        for (const site of [[], ['--site', 'bladder']])
          assert.deepEqual(
            answer(['who', '--can', can, ...site, '--on', on, '--register', 'copy.register.yaml', '--format', 'json'], dir),
            answer(['who', '--can', can, ...site, '--on', on, '--register', REGISTER, '--format', 'json']),
            `${can} ${site.join(' ')} ${on}`,
          );
    }
  });

  it('docs/REGISTER.md documents every field with every heading it is read from', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs/REGISTER.md'), 'utf8');
    const normal = (h: string) => h.toLowerCase().replace(/[^a-z0-9]+/g, '');
    for (const field of IMPORT_FIELDS) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${field}\` |`));
      assert.ok(row, `no row for ${field}`);
      const documented = row
        .split('|')[2]!
        .split(',')
        .map(normal)
        .filter((h) => h !== normal(field));
      for (const alias of FIELD_ALIASES[field]) if (normal(alias) !== normal(field)) assert.ok(documented.includes(normal(alias)), `${field}: ${alias}`);
      assert.equal(
        documented.length,
        FIELD_ALIASES[field].filter((a) => normal(a) !== normal(field)).length,
        `${field}: a heading documented that is not read`,
      );
    }
  });

  it('has help that documents every column', () => {
    const run = cli(['register', 'import', '--help']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^Usage: role-protocols register import <csv> --protocol FILE --out FILE/);
    for (const field of [
      'staff_number',
      'staff_group',
      'band',
      'role',
      'entitled_from',
      'skill',
      'method',
      'completed',
      'signed_off_by',
      'result',
      'supervisor',
    ])
      assert.match(run.stdout, new RegExp(`\\n  ${field} `), field);
    assert.equal(cli(['register', '--help']).stdout, run.stdout);
    assert.match(cli(['--help']).stdout, /\n {2}register import <csv> /);
  });
});

type Row = Record<string, string | number | boolean | string[] | undefined>;
interface SampleRegister {
  people: (Row & { id: string; registrations?: Row[] })[];
  entitlements: Row[];
  training: Row[];
  supervision: (Row & { skills: string[] })[];
}

/**
 * The reference register as a department's spreadsheet: each person's
 * registrations, entitlements and training side by side, one per row, and
 * each supervised skill on a row of its own. A registration date that is not
 * a real date (the sample has some, for the checks to find) becomes the last
 * day of its month: the import would refuse it, and it is years away.
 */
function spreadsheetOf(register: SampleRegister): string {
  const columns = [
    'staff_number',
    'staff_group',
    'band',
    'registration',
    'registration_number',
    'registration_expires',
    'role',
    'entitled_from',
    'entitled_until',
    'entitled_by',
    'sites',
    'supervised',
    'scope',
    'skill',
    'method',
    'completed',
    'record',
    'signed_off_by',
    'result',
    'supervisor',
    'supervised_from',
    'supervised_until',
  ];
  const realDay = (date: string) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return `${date.slice(0, 8)}${String(Math.min(d, new Date(Date.UTC(y, m, 0)).getUTCDate())).padStart(2, '0')}`;
  };
  const rows: string[][] = [];
  for (const person of register.people) {
    const registrations = person.registrations ?? [];
    const entitlements = register.entitlements.filter((e) => e.person === person.id);
    const training = register.training.filter((t) => t.person === person.id);
    const supervised = register.supervision.filter((s) => s.trainee === person.id).flatMap((s) => s.skills.map((skill): Row => ({ ...s, skill })));
    const count = Math.max(1, registrations.length, entitlements.length, training.length);
    for (let i = 0; i < count + supervised.length; i++) {
      const g = i < count ? registrations[i] : undefined;
      const e = i < count ? entitlements[i] : undefined;
      const t = i < count ? training[i] : undefined;
      const s = i >= count ? supervised[i - count] : undefined;
      const cells: Record<string, unknown> = {
        staff_number: person.id,
        staff_group: person.staffGroup,
        band: person.band,
        registration: g?.register,
        registration_number: g?.number,
        registration_expires: typeof g?.expires === 'string' ? realDay(g.expires) : undefined,
        role: e?.role,
        entitled_from: e?.from,
        entitled_until: e?.until,
        entitled_by: e?.entitledBy,
        sites: Array.isArray(e?.sites) ? e.sites.join('; ') : undefined,
        supervised: e?.supervised ? 'yes' : undefined,
        scope: e?.scope,
        skill: t?.skill ?? s?.skill,
        method: t?.method,
        completed: t?.completed,
        record: t?.record,
        signed_off_by: t?.signedOffBy,
        result: t?.result,
        supervisor: s?.supervisor,
        supervised_from: s?.from,
        supervised_until: s?.until,
      };
      rows.push(columns.map((c) => (cells[c] === undefined ? '' : String(cells[c]))));
    }
  }
  const field = (f: string) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  return [columns, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
