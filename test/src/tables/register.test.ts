import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCsv as parseBare } from '../helpers/csv';
import { lintText } from '../../../server/out/service/engine/lint';
import { locate } from '../../../server/out/service/parse/tree';
import { parseDocument } from '../../../server/out/service/parse/parseDocument';
import {
  documentTableSet,
  NoTables,
  privacyStatement,
  renderTables,
  renderTablesToBytes,
  splitWide,
  unknownTables,
  type TableData,
  type TableSet,
} from '../../../server/out/service/tables/index';
import { minimumWidths } from '../../../server/out/service/tables/render/document';
import { unzip, wordTables, wordText } from '../exports/ooxml';
import { referenceRegister, REFERENCE_REGISTER, registerInput, registerSet, TODAY, wideInput } from '../exports/registerFixtures';
import { cli, tempDir } from '../cli/run';

/** CSV records; the byte order mark the exports start with is skipped. */
const parseCsv = (text: string): string[][] => parseBare(text.replace(/^\uFEFF/, ''));

const referenceText = fs.readFileSync(REFERENCE_REGISTER, 'utf8');
const SAMPLES = path.dirname(REFERENCE_REGISTER);

/** The reference protocol's six tables. */
const tableSetOfProtocol = (): TableSet =>
  documentTableSet(
    { protocol: lintText(fs.readFileSync(path.join(SAMPLES, 'reference-department.roles.yaml'), 'utf8'), { fileName: 'x.roles.yaml' }).protocol! },
    undefined,
    TODAY,
  );

const table = (set: TableSet, id: string): TableData => {
  const found = set.tables.find((t) => t.id === id);
  assert.ok(found, `no table ${id}`);
  return found;
};
/** The cell of a table in the row whose first cell is `row`, under the column headed `column`. */
function cell(t: TableData, row: string, column: string): { text: string; status?: string; source?: readonly (string | number)[] } {
  const r = t.rows.find((cells) => cells[0]?.text === row);
  assert.ok(r, `no row ${row} in ${t.id}`);
  const c = t.columns.indexOf(column);
  assert.ok(c >= 0, `no column ${column} in ${t.id}: ${t.columns.join(', ')}`);
  return r[c]!;
}

/** A small protocol that trains one skill per site, and another for every site, reassessed every 6 and 12 months. */
const PER_SITE_PROTOCOL = `format: role-protocol/1
document:
  id: per-site
  title: Per-site training
  status: draft
sites:
  - id: prostate
    name: Prostate
  - id: bladder
    name: Bladder
roles:
  - id: adapter
    title: Adapter
  - id: checker
    title: Checker
skills:
  - id: outlining
    name: Outlining
  - id: review
    name: Review
methods:
  - id: course
    name: Course
records:
  - id: log
    name: Log
training:
  - roles: [adapter]
    skill: outlining
    methods: [course]
    records: [log]
    sites: [prostate]
    reassessEveryMonths: 12
  - roles: [adapter]
    skill: outlining
    methods: [course]
    records: [log]
    sites: [bladder]
    reassessEveryMonths: 12
  - roles: [adapter]
    skill: review
    methods: [course]
    records: [log]
    reassessEveryMonths: 24
  - roles: [checker]
    skill: review
    methods: [course]
    records: [log]
    reassessEveryMonths: 6
`;

const perSiteRegister = (extra = ''): string => `format: role-register/1
protocol: per-site.roles.yaml
register:
  department: Per-site department
people:
  - id: A1
    name: Alice Planted-Name
  - id: B2
    name: Bob Planted-Name
entitlements:
  - person: A1
    role: adapter
    from: 2025-01-01
  - person: A1
    role: checker
    from: 2025-01-01
  - person: B2
    role: adapter
    from: 2024-01-01
    until: 2026-06-30
training:
  - person: A1
    skill: outlining
    sites: [prostate]
    completed: 2026-06-01
  - person: A1
    skill: review
    completed: 2026-05-01
${extra}`;

const perSite = (extra = '', today = TODAY) =>
  registerInput(path.join(SAMPLES, 'per-site.register.yaml'), perSiteRegister(extra), { files: { 'per-site.roles.yaml': PER_SITE_PROTOCOL }, today });

describe('register tables: the reference register on the test date', () => {
  const set = registerSet(referenceRegister());

  it('has the entitlement matrix, the training status and the due list, in that order', () => {
    assert.deepEqual(
      set.tables.map((t) => t.id),
      ['entitlements', 'training-status', 'due'],
    );
    assert.equal(set.register?.asOf, TODAY);
    assert.equal(set.register?.people, 25);
  });

  it('entitlement matrix: people by roles, the from date, supervision and sites in the cell', () => {
    const t = table(set, 'entitlements');
    assert.deepEqual(t.columns, ['Person', 'Adapter', 'Advanced Adapter', 'Physicist', 'Clinical Oncologist']);
    assert.equal(t.rows.length, 25);
    assert.equal(cell(t, 'R01', 'Adapter').text, 'From 2024-02-01');
    assert.equal(cell(t, 'R01', 'Physicist').text, '');
    assert.equal(cell(t, 'R10', 'Adapter').text, 'From 2026-10-01\nSupervised');
    assert.equal(cell(t, 'D05', 'Advanced Adapter').text, 'From 2025-05-15\nSites: Bladder, Prostate');
    // P05 trains towards a role and holds none yet: a row with every role cell blank.
    assert.ok(
      t.rows
        .find((r) => r[0]?.text === 'P05')!
        .slice(1)
        .every((c) => c.text === ''),
    );
    assert.match(t.description ?? '', /as on 2026-11-26.*25 people, 24 entitlements\./);
  });

  it('training status: people by skills, each cell a word (and a date), blank where no role needs the skill', () => {
    const t = table(set, 'training-status');
    assert.deepEqual(t.columns, ['Person', 'Roles', 'OAR outlining', 'Target outlining', 'DIR evaluation', 'Plan selection', 'Mobius approval']);
    assert.equal(t.rows.length, 25);
    assert.deepEqual(cell(t, 'R01', 'OAR outlining'), { text: 'Current', status: 'current', source: ['training', 0, 'completed'] });
    assert.equal(cell(t, 'R01', 'Target outlining').text, '');
    assert.equal(cell(t, 'R01', 'Target outlining').status, undefined);
    assert.deepEqual([cell(t, 'R04', 'OAR outlining').text, cell(t, 'R04', 'OAR outlining').status], ['Due soon 2026-12-10', 'due-soon']);
    assert.deepEqual([cell(t, 'D06', 'Target outlining').text, cell(t, 'D06', 'Target outlining').status], ['Due soon 2026-12-20', 'due-soon']);
    assert.deepEqual([cell(t, 'D05', 'Mobius approval').text, cell(t, 'D05', 'Mobius approval').status], ['Overdue since 2026-10-01', 'overdue']);
    assert.deepEqual([cell(t, 'R10', 'OAR outlining').text, cell(t, 'R10', 'OAR outlining').status], ['In training\nsupervised by R02', 'in-training']);
    assert.deepEqual([cell(t, 'R10', 'DIR evaluation').text, cell(t, 'R10', 'DIR evaluation').status], ['Missing', 'missing']);
    assert.equal(cell(t, 'R10', 'Roles').text, 'Adapter (supervised)');
    assert.equal(cell(t, 'P05', 'Roles').text, 'No entitlement; in training, supervised by P01');
    // The consultants' role needs no training row in this protocol: a row of blanks.
    assert.ok(
      t.rows
        .find((r) => r[0]?.text === 'C01')!
        .slice(2)
        .every((c) => c.text === ''),
    );
    assert.match(t.description ?? '', /as on 2026-11-26.*1 overdue, 2 due soon, 1 missing, 1 in training\./);
    // Every state word is in the legend, so the table reads without colour.
    for (const word of ['Current', 'Due soon', 'Overdue since', 'In training', 'Missing', 'Blank'])
      assert.ok(
        t.legend?.some((l) => l.startsWith(word)),
        word,
      );
  });

  it('due list: every reassessment due within the window or overdue, and expiring registrations, earliest first', () => {
    const t = table(set, 'due');
    assert.deepEqual(t.columns, ['Due', 'Person', 'Role', 'Skill or registration', 'Last completed', 'State']);
    assert.deepEqual(
      t.rows.map((r) => r.map((c) => c.text)),
      [
        ['2026-10-01', 'D05', 'Advanced Adapter', 'Mobius approval', '2025-10-01', 'Overdue'],
        ['2026-12-10', 'R04', 'Adapter', 'OAR outlining', '2025-12-10', 'Due soon'],
        ['2026-12-20', 'D06', 'Advanced Adapter', 'Target outlining', '2025-12-20', 'Due soon'],
        ['2027-01-15', 'P03', '', 'Registration: HCPC (clinical scientist)', '', 'Expires soon'],
      ],
    );
    assert.equal(
      t.description,
      'Every reassessment due by 2027-01-25 (within 60 days of 2026-11-26) or overdue, and every registration expiring by then, earliest first: 3 reassessments (1 overdue), 1 registration.',
    );
  });

  it('links every cell with a source to a place that is written in the register', () => {
    const root = parseDocument(referenceText, 'yaml').root!;
    let linked = 0;
    for (const t of set.tables)
      for (const row of t.rows)
        for (const c of row) {
          if (!c.source) continue;
          linked++;
          assert.ok(locate(root, c.source).complete, `${t.id}: ${c.text} -> ${c.source.join('.')}`);
        }
    assert.ok(linked > 150, `${linked} cells linked`);
    // The overdue cell points at the completion date it is overdue from.
    const overdue = cell(table(set, 'training-status'), 'D05', 'Mobius approval').source!;
    const node = locate(root, overdue).found.node;
    assert.equal(referenceText.slice(node.start, node.end), '2025-10-01');
  });

  it('changes with the day: on 2027-01-01 the R04 reassessment is overdue and more are due', () => {
    const later = registerSet(referenceRegister('2027-01-01'));
    assert.equal(cell(table(later, 'training-status'), 'R04', 'OAR outlining').text, 'Overdue since 2026-12-10');
    const due = table(later, 'due');
    assert.deepEqual(
      due.rows.map((r) => r[0]!.text),
      [...due.rows.map((r) => r[0]!.text)].sort(),
    );
    assert.ok(due.rows.length > 4, `${due.rows.length} rows`);
    assert.equal(later.register?.asOf, '2027-01-01');
    assert.match(renderTables(later, 'md'), /as on 2027-01-01/);
  });
});

describe('register tables: what a person needs, per site and across roles', () => {
  it('shows a skill trained per site with a line per site, coloured by the worst', () => {
    const t = table(registerSet(perSite()), 'training-status');
    assert.deepEqual(t.columns, ['Person', 'Roles', 'Outlining', 'Review']);
    assert.deepEqual(cell(t, 'A1', 'Outlining').text, 'Prostate: Current\nBladder: Missing');
    assert.equal(cell(t, 'A1', 'Outlining').status, 'missing');
  });

  it('needs a skill once where two roles need it, with the shorter reassessment interval', () => {
    // Review: every 24 months for the adapter, every 6 for the checker; completed 2026-05-01, so due 2026-11-01: overdue.
    const t = table(registerSet(perSite()), 'training-status');
    assert.equal(cell(t, 'A1', 'Review').text, 'Overdue since 2026-11-01');
    assert.equal(cell(t, 'A1', 'Roles').text, 'Adapter and Checker');
    const due = table(registerSet(perSite()), 'due');
    assert.deepEqual(
      due.rows.map((r) => r.map((c) => c.text)),
      [['2026-11-01', 'A1', 'Adapter and Checker', 'Review', '2026-05-01', 'Overdue']],
    );
  });

  it('leaves out an entitlement that has ended (the matrix still shows it, marked ended)', () => {
    const set = registerSet(perSite());
    assert.equal(cell(table(set, 'entitlements'), 'B2', 'Adapter').text, 'From 2024-01-01\nUntil 2026-06-30 (ended)');
    const status = table(set, 'training-status');
    assert.equal(cell(status, 'B2', 'Roles').text, 'No entitlement');
    assert.equal(cell(status, 'B2', 'Outlining').text, '');
  });

  it('marks an entitlement not yet in force, and needs its training already', () => {
    const set = registerSet(perSite('', '2024-12-01'));
    assert.equal(cell(table(set, 'entitlements'), 'A1', 'Adapter').text, 'From 2025-01-01 (not yet)');
    assert.equal(cell(table(set, 'training-status'), 'A1', 'Roles').text, 'Adapter (not yet) and Checker (not yet)');
    // Its completion date is after the day: under way, not done.
    assert.equal(cell(table(set, 'training-status'), 'A1', 'Review').text, 'In training');
  });

  it('says when nothing is due', () => {
    const set = registerSet(perSite('', '2026-05-02'));
    const due = table(set, 'due');
    assert.equal(due.rows.length, 0);
    assert.match(renderTables({ ...set, tables: [due] }, 'html'), /Nothing is due or overdue by 2026-07-01\./);
  });
});

describe('register tables: privacy', () => {
  const formats = ['md', 'csv', 'html'] as const;

  it('never show a person’s name, in any format, one table or all; the preview’s data neither', async () => {
    const set = registerSet(perSite());
    const outputs: string[] = [JSON.stringify(set.tables)];
    for (const t of [...set.tables.map((x) => [x]), set.tables]) {
      for (const format of formats) outputs.push(renderTables({ ...set, tables: t }, format));
      const docx = unzip(await renderTablesToBytes({ ...set, tables: t }, 'docx'));
      outputs.push([...docx.values()].map((b) => b.toString('utf8')).join('\n'));
    }
    // The name is in the register, and the ids are in every output.
    assert.ok(perSiteRegister().includes('Planted-Name'));
    for (const [i, output] of outputs.entries()) {
      assert.ok(!output.includes('Planted-Name') && !output.includes('Alice') && !output.includes('Bob'), `output ${i} shows a name`);
      assert.ok(output.includes('A1'), `output ${i} has no id`);
    }
  });

  it('say what they contain and the day, in every format, one table or all', async () => {
    const set = registerSet(referenceRegister());
    const statement = privacyStatement(set.register!);
    assert.equal(statement, 'Personal data: staff numbers, entitlements and training dates of 25 people, as on 2026-11-26. Keep it as the register is kept.');
    for (const t of [...set.tables.map((x) => [x]), set.tables]) {
      const one = { ...set, tables: t };
      assert.ok(renderTables(one, 'md').split('\n').slice(0, 3).includes(statement), `md: ${t.map((x) => x.id).join(',')}`);
      assert.equal(parseCsv(renderTables(one, 'csv'))[0]?.[0], statement);
      assert.ok(renderTables(one, 'html').includes(`<p class="privacy">${statement}</p>`));
      const document = unzip(await renderTablesToBytes(one, 'docx'));
      const headers = [...document.entries()].filter(([name]) => /^word\/header\d*\.xml$/.test(name)).map(([, xml]) => wordText(xml.toString('utf8')));
      assert.ok(headers.length > 0 && headers.every((h) => h.includes(statement)), 'every Word page header says it');
      assert.ok(wordText(document.get('word/document.xml')!.toString('utf8')).includes(statement));
    }
  });
});

describe('register tables: hostile values', () => {
  // An id and a role title full of markup and a formula: shown as text in every format.
  const hostile = perSite(`  - person: "<img src=x onerror=alert(1)>"\n    skill: review\n    completed: 2026-01-01\n`);
  hostile.register.people.push({ path: ['people', 2], id: '=SUM(1,2)', registrations: [] });
  hostile.register.personById.set('=SUM(1,2)', hostile.register.people[2]!);
  hostile.register.entitlementsByPerson.set('<img src=x onerror=alert(1)>', [
    { path: ['entitlements', 9], person: '<img src=x onerror=alert(1)>', role: 'adapter', from: '2025-01-01', supervised: false },
  ]);
  const set = registerSet(hostile);

  it('HTML escapes them, CSV keeps a formula as text, Markdown writes no tag', () => {
    const html = renderTables(set, 'html');
    assert.ok(!html.includes('<img'), 'an <img> in the HTML');
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    const csv = parseCsv(renderTables({ ...set, tables: [table(set, 'entitlements')] }, 'csv'));
    assert.ok(
      csv.some((r) => r[0] === "'=SUM(1,2)"),
      'the formula is written as text',
    );
    assert.ok(!renderTables(set, 'md').includes('<img'));
  });
});

describe('register tables: formats', () => {
  const set = registerSet(referenceRegister());

  it('Markdown: the due list alone is the statement and the bare table', () => {
    assert.equal(
      renderTables({ ...set, tables: [table(set, 'due')] }, 'md'),
      `Personal data: staff numbers, entitlements and training dates of 25 people, as on 2026-11-26. Keep it as the register is kept.

| Due | Person | Role | Skill or registration | Last completed | State |
|---|---|---|---|---|---|
| 2026-10-01 | D05 | Advanced Adapter | Mobius approval | 2025-10-01 | Overdue |
| 2026-12-10 | R04 | Adapter | OAR outlining | 2025-12-10 | Due soon |
| 2026-12-20 | D06 | Advanced Adapter | Target outlining | 2025-12-20 | Due soon |
| 2027-01-15 | P03 |  | Registration: HCPC (clinical scientist) |  | Expires soon |

- Due soon: due by 2027-01-25
- Overdue: the reassessment was due on that date and is not recorded
- Expires soon, Expired: the registration’s expiry date as the register records it
`,
    );
  });

  it('Markdown: all tables under their headings, each with what it shows', () => {
    const md = renderTables(set, 'md');
    assert.ok(md.startsWith('Register of people: Radiotherapy, reference department, as on 2026-11-26\n'));
    for (const t of set.tables) assert.ok(md.includes(`## ${t.title}\n\n${t.description}\n\n| ${t.columns.join(' | ')} |`), t.id);
    assert.ok(md.includes('| R10 | Adapter (supervised) | In training<br>supervised by R02 |  | Missing |  |  |'));
  });

  it('CSV: every cell of the training status comes back, rows and columns as the table', () => {
    const status = table(set, 'training-status');
    const records = parseCsv(renderTables({ ...set, tables: [status] }, 'csv'));
    assert.equal(records.length, 2 + status.rows.length);
    assert.deepEqual(records[1], status.columns);
    assert.deepEqual(
      records.slice(2),
      status.rows.map((r) => r.map((c) => c.text)),
    );
    assert.deepEqual(records.find((r) => r[0] === 'D05')?.[6], 'Overdue since 2026-10-01');
  });

  it('HTML: states as classes besides the words, the wide tables on landscape pages', () => {
    const html = renderTables(set, 'html');
    assert.match(html, /<td class="overdue">Overdue since <span class="date">2026-10-01<\/span><\/td>/);
    assert.match(html, /<td class="due-soon">Due soon <span class="date">2026-12-10<\/span><\/td>/);
    assert.match(html, /<td class="in-training">In training<br>supervised by R02<\/td>/);
    assert.match(html, /section\.table-training-status \{ page: landscape; \}/);
    assert.ok(!renderTables(tableSetOfProtocol(), 'html').includes('td.overdue'), 'a protocol page has no register styles');
    assert.match(html, /<h1>Register of people: Radiotherapy, reference department, as on 2026-11-26<\/h1>/);
    assert.ok(!/<script|\ssrc=|\shref=/.test(html));
  });

  it('Word: a table per register table whose cells are the model’s, the wide ones landscape', async () => {
    const files = unzip(await renderTablesToBytes(set, 'docx'));
    const xml = files.get('word/document.xml')!.toString('utf8');
    const tables = wordTables(xml);
    // The register block, then the three tables.
    assert.equal(tables.length, 4);
    set.tables.forEach((t, i) => {
      const word = tables[i + 1]!;
      assert.equal(word.rows.length, t.rows.length + 1, t.id);
      assert.ok(word.rows[0]!.header, `${t.id} header row repeats`);
      assert.deepEqual(
        word.rows[0]!.cells.map((c) => c.text),
        t.columns,
      );
      // The dates of the states go on a line of their own (Word would otherwise break them at a hyphen).
      assert.deepEqual(
        word.rows.slice(1).map((r) => r.cells.map((c) => c.text.replace(/\n(\d{4}-\d{2}-\d{2})$/gm, ' $1'))),
        t.rows.map((r) => r.map((c) => c.text)),
      );
    });
    assert.equal((xml.match(/w:orient="landscape"/g) ?? []).length, 1, 'one landscape section: the entitlements and the training status together');
  });
});

describe('register tables: a wide training status is printed in parts', () => {
  const input = wideInput(40, 30);
  const status = table(registerSet(input, ['training-status']), 'training-status');
  /** A landscape A4 page less 18 mm margins, in twips: the Word export's text width. */
  const LANDSCAPE = 16838 - 2 * 1020;

  it('has a column per skill: 40 skills, 42 columns, 30 people', () => {
    assert.equal(status.columns.length, 42);
    assert.equal(status.rows.length, 30);
  });

  it('cuts it into parts that each fit the page, each repeating the person and roles, every skill column once', () => {
    const parts = splitWide(status, LANDSCAPE);
    assert.ok(parts.length >= 3, `${parts.length} parts`);
    for (const part of parts) {
      assert.deepEqual(part.columns.slice(0, 2), ['Person', 'Roles']);
      assert.ok(minimumWidths(part.columns, part.rows).reduce((a, b) => a + b, 0) <= LANDSCAPE, part.title);
      assert.deepEqual(
        part.rows.map((r) => r[0]!.text),
        status.rows.map((r) => r[0]!.text),
      );
    }
    assert.deepEqual(
      parts.flatMap((p) => p.columns.slice(2)),
      status.columns.slice(2),
    );
    assert.equal(parts[0]!.title, `Training status (1 of ${parts.length})`);
    assert.ok(parts.at(-1)!.legend && !parts[0]!.legend);
  });

  it('leaves a table that fits, and every protocol table, whole', () => {
    const narrow = table(registerSet(referenceRegister(), ['training-status']), 'training-status');
    assert.deepEqual(splitWide(narrow, LANDSCAPE), [narrow]);
    assert.deepEqual(splitWide({ ...status, keyColumns: undefined }, LANDSCAPE).length, 1);
  });

  it('Word and HTML print the parts; Markdown and CSV keep the one table', async () => {
    const set = registerSet(input, ['training-status']);
    const parts = splitWide(status, LANDSCAPE).length;
    const tables = wordTables(
      unzip(await renderTablesToBytes(set, 'docx'))
        .get('word/document.xml')!
        .toString('utf8'),
    );
    assert.equal(tables.length, 1 + parts);
    for (const t of tables.slice(1)) assert.ok(t.grid.reduce((a, b) => a + b, 0) <= LANDSCAPE, `${t.grid.reduce((a, b) => a + b, 0)} twips`);
    assert.ok((renderTables(set, 'html').match(/<section class="table table-training-status"/g) ?? []).length >= 3);
    assert.equal(parseCsv(renderTables(set, 'csv'))[1]?.length, 42);
  });
});

describe('register tables: which tables a document has', () => {
  it('a register has its own, a protocol keeps its six', () => {
    const input = referenceRegister();
    const source = { register: { model: input.register, basis: input.basis, settings: input.settings, complete: true } };
    assert.deepEqual(unknownTables(source, ['due', 'matrix']), ['matrix']);
    assert.deepEqual(
      documentTableSet(source, undefined, TODAY).tables.map((t) => t.id),
      ['entitlements', 'training-status', 'due'],
    );
    const protocol = lintText(fs.readFileSync(path.join(SAMPLES, 'reference-department.roles.yaml'), 'utf8'), { fileName: 'x.roles.yaml' }).protocol!;
    assert.deepEqual(unknownTables({ protocol }, ['due', 'matrix']), ['due']);
    assert.deepEqual(
      documentTableSet({ protocol }, undefined, TODAY).tables.map((t) => t.id),
      ['training', 'roles', 'matrix', 'coverage', 'sites', 'governance'],
    );
  });

  it('a register whose protocol cannot be read has no tables (an empty training status would look clean)', () => {
    const result = lintText(referenceText.replace('protocol: reference-department.roles.yaml', 'protocol: missing.roles.yaml'), {
      fileName: REFERENCE_REGISTER,
      today: TODAY,
      readInclude: () => ({ error: 'no such file.' }),
    });
    assert.equal(result.register?.complete, false);
    assert.throws(() => documentTableSet(result, undefined, TODAY), NoTables);
  });
});

describe('role-protocols table on a register', () => {
  it('writes all the register tables to Word, and each format', () => {
    const dir = tempDir();
    const out = path.join(dir, 'x.docx');
    const run = cli(['table', 'samples/reference-department.register.yaml', '--table', 'all', '--format', 'docx', '--out', out]);
    assert.equal(run.status, 0, run.stderr);
    const xml = unzip(fs.readFileSync(out)).get('word/document.xml')!.toString('utf8');
    assert.equal(wordTables(xml).length, 4);
    const md = cli(['table', 'samples/reference-department.register.yaml', '--table', 'training-status']);
    assert.equal(md.status, 0, md.stderr);
    assert.ok(md.stdout.startsWith('Personal data: staff numbers, entitlements and training dates of 25 people, as on 2026-11-26.'));
    assert.match(md.stdout, /\| D05 \| Advanced Adapter \| {2}\| Current \| Current \| Current \| Overdue since 2026-10-01 \|/);
  });

  it('computes the states for ROLE_PROTOCOLS_TODAY', () => {
    const run = cli(['table', 'samples/reference-department.register.yaml', '--table', 'due'], { env: { ROLE_PROTOCOLS_TODAY: '2026-10-15' } });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /as on 2026-10-15/);
    assert.match(run.stdout, /\| 2026-10-01 \| D05 \| Advanced Adapter \| Mobius approval \| 2025-10-01 \| Overdue \|/);
    assert.ok(!run.stdout.includes('2026-12-20'), 'D06 is not due within 60 days of 2026-10-15');
  });

  it('refuses a protocol’s table for a register, and a register’s for a protocol (exit 2)', () => {
    const matrix = cli(['table', 'samples/reference-department.register.yaml', '--table', 'matrix']);
    assert.equal(matrix.status, 2);
    assert.match(matrix.stderr, /table `matrix` is not among a register's tables; .* use one of entitlements, training-status, due, all/);
    const due = cli(['table', 'samples/reference-department.roles.yaml', '--table', 'due']);
    assert.equal(due.status, 2);
    assert.match(due.stderr, /table `due` is not among a protocol's tables/);
  });

  it('stops (exit 1) when the register’s protocol cannot be read', () => {
    const dir = tempDir();
    const file = path.join(dir, 'lost.register.yaml');
    fs.writeFileSync(file, referenceText.replace('protocol: reference-department.roles.yaml', 'protocol: missing.roles.yaml'));
    const run = cli(['table', file]);
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /no tables: the protocol it names could not be read/);
  });
});
