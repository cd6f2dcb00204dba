import { parseCsv } from '../helpers/csv';
import { DOMAIN_TRAINING_MATRIX } from '../helpers/domainTables';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../../server/out/service/engine/lint';
import { buildProtocol, type Protocol } from '../../../server/out/service/model/protocol';
import { locate } from '../../../server/out/service/parse/tree';
import {
  bandText,
  buildTable,
  buildTables,
  csvField,
  escapeCell,
  joinAsWritten,
  registerRenderer,
  renderers,
  renderTables,
  TABLE_IDS,
  type TableData,
  type TableSet,
} from '../../../server/out/service/tables/index';
import { nth } from '../helpers/nth';

const REFERENCE = path.resolve(__dirname, '../../../samples/reference-department.roles.yaml');

function load(file: string, text = fs.readFileSync(file, 'utf8')): Protocol {
  const protocol = lintText(text, { fileName: file }).protocol;
  assert.ok(protocol, `${file} did not parse`);
  return protocol;
}

const reference = (): Protocol => load(REFERENCE);
const single = (protocol: Protocol, id: (typeof TABLE_IDS)[number]): TableSet => ({ document: protocol.document, tables: [buildTable(id, protocol)] });
const md = (protocol: Protocol, id: (typeof TABLE_IDS)[number]): string => renderTables(single(protocol, id), 'md');

const table = (columns: string[], rows: string[][], legend?: string[]): TableData => ({
  id: 'training',
  title: 'Test table',
  columns,
  rows: rows.map((r) => r.map((text) => ({ text }))),
  legend,
});
const set = (...tables: TableData[]): TableSet => ({
  document: { present: true, id: 'doc-1', title: 'A protocol', version: '2', status: 'draft', approvals: [], references: [] },
  tables,
});

describe('tables: the reference sample in Markdown', () => {
  it('reproduces the training matrix of DOMAIN.md exactly', () => {
    assert.equal(md(reference(), 'training'), DOMAIN_TRAINING_MATRIX);
  });

  it('renders the roles table', () => {
    assert.equal(
      md(reference(), 'roles'),
      `| Role | Staff group | Band | National level | Registration | Capacity | IR(ME)R entitlement and core training | Responsibilities |
|---|---|---|---|---|---|---|---|
| Adapter | Therapeutic radiographer | 5-7 | Practitioner | HCPC (radiographer) | Operator | Entitled under: Employer's procedure for the entitlement of duty holders under IR(ME)R 2017. Core training: IR(ME)R and radiation protection core training records | Generate / edit OARs completed by AI |
| Advanced Adapter | Dosimetrist | 7 or above |  |  | Operator | Entitled under: Employer's procedure for the entitlement of duty holders under IR(ME)R 2017. Core training: IR(ME)R and radiation protection core training records | Approve OARs edited by the adapter; Edit and approve target volumes; Select the plan for that day's treatment; Approve the Mobius check |
| Physicist | Clinical scientist | 7-8c | Advanced | HCPC (clinical scientist), MPE certificate (RPA2000) | MPE, Operator | Entitled under: Employer's procedure for the entitlement of duty holders under IR(ME)R 2017. Core training: IR(ME)R and radiation protection core training records | Provide support to adapter and advanced adapter; Agree plan selection; Approve the Mobius check |
| Clinical Oncologist | Clinical oncologist |  | Consultant | GMC | Practitioner, Referrer | Entitled under: Employer's procedure for the entitlement of duty holders under IR(ME)R 2017. Core training: IR(ME)R and radiation protection core training records | Approve protocols to support plan selection; Review plan selections offline at the weekly MDT |
`,
    );
  });

  it('renders the responsibility matrix with its legend', () => {
    assert.equal(
      md(reference(), 'matrix'),
      `| Step | Adapter | Advanced Adapter | MPE | Clinical Oncologist |
|---|---|---|---|---|
| CBCT acquisition | P |  |  |  |
| Review and edit AI-generated OARs (influencers) | PE |  | S |  |
| Approve OARs edited by the adapter | P | A |  |  |
| Edit and approve target volumes |  | PEA | S |  |
| Calculate scheduled and adapted plans |  | P |  |  |
| Select the plan for that day's treatment |  | P | G |  |
| Independent dose check (Mobius) |  | PA | A |  |
| Verification CBCT (optional) | P |  |  |  |
| Treatment delivery | P |  |  |  |
| Offline review of plan selections at the weekly MDT |  |  |  | PR |

- P: performs
- E: edits
- A: approves
- G: agrees
- S: supports
- R: reviews
- MPE: Physicist
`,
    );
  });

  it('renders the coverage table, every entitlement trained', () => {
    const perSite = (site: string): string => `| ${site} | Review and edit AI-generated OARs (influencers) | Adapter | OAR outlining, DIR evaluation | Yes |
| ${site} | Approve OARs edited by the adapter | Adapter | DIR evaluation | Yes |
| ${site} | Approve OARs edited by the adapter | Advanced Adapter | DIR evaluation | Yes |
| ${site} | Edit and approve target volumes | Advanced Adapter | Target outlining, DIR evaluation | Yes |
| ${site} | Select the plan for that day's treatment | Advanced Adapter | Plan selection | Yes |
| ${site} | Independent dose check (Mobius) | Advanced Adapter | Mobius approval | Yes |
| ${site} | Independent dose check (Mobius) | Physicist | Mobius approval | Yes |
`;
    assert.equal(
      md(reference(), 'coverage'),
      `| Site | Step | Role | Skills | Training row |
|---|---|---|---|---|
${perSite('Cervix')}${perSite('Bladder')}${perSite('Prostate')}
- Yes: a training row covers the role for every skill of the step at the site
- No: missing (skills): a gap, the role is entitled to act but no training row covers it for those skills at the site (marked Gap in Word and HTML)
`,
    );
    assert.ok(buildTable('coverage', reference()).rows.every((r) => nth(r, 4).status === 'trained'));
  });

  it('renders all six tables as a document: control line, then a heading per table', () => {
    const text = renderTables({ document: reference().document, tables: buildTables(reference()) }, 'md');
    const lines = text.split('\n');
    assert.equal(lines[0], 'Online adaptive radiotherapy on Ethos - roles and training (oart-ethos-roles), version 1.2, approved');
    assert.equal(lines[1], '');
    assert.deepEqual(
      lines.filter((l) => l.startsWith('## ')),
      ['## Training matrix', '## Roles and responsibilities', '## Responsibility matrix', '## Training coverage by site', '## Sites', '## Training governance'],
    );
    assert.ok(text.includes(`## Training matrix\n\n${md(reference(), 'training')}\n## Roles and responsibilities\n\n`));
  });

  it('gives every cell a source that exists in the document', () => {
    const result = lintText(fs.readFileSync(REFERENCE, 'utf8'), { fileName: REFERENCE });
    const protocol = result.protocol!;
    const root = result.parsed.root!;
    for (const t of buildTables(protocol)) {
      for (const row of t.rows) {
        row.forEach((cell, column) => {
          if (t.id === 'matrix' && cell.text === '') return;
          assert.ok(cell.source, `${t.id}: no source for ${JSON.stringify(cell.text)} in column ${t.columns[column]}`);
          assert.ok(locate(root, cell.source).complete, `${t.id}: ${cell.source.join('.')} is not in the document`);
        });
      }
    }
    const training = buildTable('training', protocol);
    assert.deepEqual(nth(nth(training.rows, 1), 0).source, ['training', 1, 'roleLabel']);
    assert.deepEqual(nth(nth(training.rows, 0), 2).source, ['training', 0, 'methods', 0]);
    assert.deepEqual(nth(nth(training.rows, 1), 2).source, ['training', 1, 'methods']);
  });
});

describe('tables: builders', () => {
  const protocol = (data: object): Protocol => buildProtocol({ format: 'role-protocol/1', ...data });

  it('joins names the way a person writes them', () => {
    assert.equal(joinAsWritten([]), '');
    assert.equal(joinAsWritten(['A']), 'A');
    assert.equal(joinAsWritten(['A', 'B']), 'A and B');
    assert.equal(joinAsWritten(['A', 'B', 'C']), 'A, B and C');
  });

  it('writes bands as ranges, open ends and nothing', () => {
    assert.equal(bandText(7, 7), '7');
    assert.equal(bandText(7, '8b'), '7-8b');
    assert.equal(bandText(7, undefined), '7 or above');
    assert.equal(bandText(undefined, 6), 'Up to 6');
    assert.equal(bandText(undefined, undefined), '');
  });

  it('folds prerequisites into the method cell and shows unknown ids as written', () => {
    const p = protocol({
      roles: [
        { id: 'a', title: 'A' },
        { id: 'b', title: 'B' },
        { id: 'c', title: 'C' },
      ],
      skills: [{ id: 's', name: 'Skill' }],
      methods: [{ id: 'm', name: 'Method' }],
      training: [
        { skill: 's', roles: ['a', 'b', 'c'], methods: ['m'], records: ['nowhere'], prerequisites: { experienceYears: 1 } },
        { skill: 'ghost', roles: ['a', 'z'], methods: ['m', 'x'], records: [], prerequisites: { experienceYears: 1.5 } },
        { skill: 's', roles: ['a'], methods: ['m'], records: [], prerequisites: { experienceYears: 3, registrations: ['HCPC (radiographer)'] } },
        { skill: 's', roles: ['a'], methods: [], records: [], prerequisites: { experienceYears: 2 } },
      ],
    });
    assert.deepEqual(
      buildTable('training', p).rows.map((r) => r.map((c) => c.text)),
      [
        ['A, B and C', 'Skill', 'Method plus experience of at least 1 year', 'nowhere'],
        ['A and z', 'ghost', 'Method, x plus experience of at least 1.5 years', ''],
        ['A', 'Skill', 'Method plus experience of at least 3 years and HCPC (radiographer) registration', ''],
        ['A', 'Skill', 'Experience of at least 2 years', ''],
      ],
    );
  });

  it('writes staff groups capitalised and bands open-ended in the roles table', () => {
    const p = protocol({
      roles: [
        { id: 'a', title: 'A', staffGroups: ['dosimetrist', 'clinical scientist'], minBand: 7 },
        { id: 'b', title: 'B', maxBand: 6, responsibilities: ['One', 'Two'] },
      ],
    });
    assert.deepEqual(
      buildTable('roles', p).rows.map((r) => r.map((c) => c.text)),
      [
        ['A', 'Dosimetrist, Clinical scientist', '7 or above', '', '', '', '', ''],
        ['B', '', 'Up to 6', '', '', '', '', 'One; Two'],
      ],
    );
  });

  it('writes the national level (career level and job profile) and the registrations in the roles table', () => {
    const p = protocol({
      roles: [
        {
          id: 'a',
          title: 'A',
          careerLevel: 'advanced',
          nationalProfile: 'hcs-advanced',
          registrations: ['HCPC (clinical scientist)', 'MPE certificate (RPA2000)'],
        },
        { id: 'b', title: 'B', nationalProfile: 'ipem-consultant' },
        { id: 'c', title: 'C', careerLevel: 'consultant', registrations: ['GMC'] },
      ],
    });
    const rows = buildTable('roles', p).rows;
    assert.deepEqual(
      rows.map((r) => [nth(r, 3).text, nth(r, 4).text]),
      [
        ['Advanced; Healthcare Science Practitioner Advanced', 'HCPC (clinical scientist), MPE certificate (RPA2000)'],
        ['Consultant HCS Practitioner (IPEM proposal)', ''],
        ['Consultant', 'GMC'],
      ],
    );
    assert.deepEqual(nth(nth(rows, 0), 3).source, ['roles', 0, 'careerLevel']);
    assert.deepEqual(nth(nth(rows, 1), 3).source, ['roles', 1, 'nationalProfile']);
    assert.deepEqual(nth(nth(rows, 2), 4).source, ['roles', 2, 'registrations', 0]);
  });

  it('names the employer’s procedures and the core training records of each role by title and name, an unknown id as written', () => {
    const p = protocol({
      document: {
        references: [
          { id: 'EP-07', title: 'Entitlement of duty holders', kind: 'employer-procedure' },
          { id: 'EP-09', title: 'MPE involvement', kind: 'employer-procedure' },
        ],
      },
      records: [{ id: 'esr', name: 'Electronic Staff Record' }],
      roles: [
        { id: 'a', title: 'A', capacities: ['MPE'], procedures: ['EP-07', 'EP-09'], coreTraining: ['esr'] },
        { id: 'b', title: 'B', capacities: ['operator'], procedures: ['EP-7'] },
        { id: 'c', title: 'C', capacities: ['operator'], coreTraining: ['nowhere'] },
        { id: 'd', title: 'D' },
      ],
    });
    const t = buildTable('roles', p);
    assert.equal(t.columns[6], 'IR(ME)R entitlement and core training');
    assert.deepEqual(
      t.rows.map((r) => nth(r, 6).text),
      [
        'Entitled under: Entitlement of duty holders; MPE involvement. Core training: Electronic Staff Record',
        'Entitled under: EP-7',
        'Core training: nowhere',
        '',
      ],
    );
    // A click on the cell selects the procedures (the one entry when there is one), else the core training, else the role.
    assert.deepEqual(
      t.rows.map((r) => nth(r, 6).source),
      [
        ['roles', 0, 'procedures'],
        ['roles', 1, 'procedures', 0],
        ['roles', 2, 'coreTraining', 0],
        ['roles', 3],
      ],
    );
  });

  it('gives a role named in the workflow but never defined a column of its own', () => {
    const p = protocol({ roles: [{ id: 'a', title: 'A', shortName: 'AA' }], workflow: [{ id: 's', name: 'Step', performs: ['a'], reviews: ['ghost', 'a'] }] });
    const t = buildTable('matrix', p);
    assert.deepEqual(t.columns, ['Step', 'AA', 'ghost']);
    assert.deepEqual(
      nth(t.rows, 0).map((c) => c.text),
      ['Step', 'PR', 'R'],
    );
    assert.deepEqual(nth(nth(t.rows, 0), 1).source, ['workflow', 0, 'performs', 0]);
  });

  it('marks a step that any one approver may approve, and says in the legend that all must otherwise', () => {
    const p = protocol({
      roles: [
        { id: 'a', title: 'A' },
        { id: 'b', title: 'B' },
      ],
      workflow: [
        { id: 's', name: 'Dose check', performs: ['a'], approves: ['a', 'b'], approval: 'any' },
        { id: 't', name: 'Both sign', performs: ['a'], approves: ['a', 'b'] },
      ],
    });
    const t = buildTable('matrix', p);
    assert.deepEqual(
      t.rows.map((r) => nth(r, 0).text),
      ['Dose check (any one approver)', 'Both sign'],
    );
    assert.ok(t.legend?.includes('A: approves (every approver must approve, unless the step says any one approver)'));
  });

  it('shows the change history after document control in Markdown, HTML and Word, only where the document keeps one', () => {
    const sample = load(path.resolve(__dirname, '../../../samples/radiographer-led-bladder.roles.yaml'));
    const set: TableSet = { document: sample.document, tables: buildTables(sample) };
    const md = renderTables(set, 'md');
    assert.match(
      md,
      /## Change history\n\n\| Version \| Date \| Summary \| Approved by \|\n\|---\|---\|---\|---\|\n\| 0\.3 \| 2026-07-14 \| Draft for the adaptive working group; MPE approves Mobius remotely \| {2}\|\n\| 1\.0 \| 2026-08-12 \| First issue for clinical use \| Dr F\. Osei, Dr K\. Brennan \|\n/,
    );
    const html = renderTables(set, 'html');
    assert.match(
      html,
      /<h3 id="changes">Change history<\/h3>[\s\S]*<tr><td>1\.0<\/td><td>2026-08-12<\/td><td>First issue for clinical use<\/td><td>Dr F\. Osei, Dr K\. Brennan<\/td><\/tr>/,
    );
    assert.match(html, /<tr><td>0\.3<\/td><td>2026-07-14<\/td><td>[^<]*<\/td><td><span class="not-stated">Not stated<\/span><\/td><\/tr>/);
    const plain: TableSet = { document: reference().document, tables: buildTables(reference()) };
    assert.doesNotMatch(renderTables(plain, 'md'), /Change history/);
    assert.doesNotMatch(renderTables(plain, 'html'), /Change history/);
  });

  it('shows a practitioner’s scope beside the capacity in the roles table', () => {
    const p = protocol({
      roles: [{ id: 'a', title: 'A', staffGroups: ['therapeutic radiographer'], capacities: ['practitioner', 'operator'], practitionerScope: 'imaging' }],
    });
    assert.equal(nth(nth(buildTable('roles', p).rows, 0), 5).text, 'Practitioner (imaging), Operator');
  });

  it('names a role by its title everywhere, and by its short name only in the matrix header, with a legend line giving the title', () => {
    const p = protocol({
      roles: [
        { id: 'mpe', title: 'Medical Physics Expert', shortName: 'MPE' },
        { id: 'co', title: 'Clinical Oncologist', shortName: 'Clinical Oncologist' },
      ],
      skills: [{ id: 's', name: 'S' }],
      sites: [{ id: 'x', name: 'X', clinicalProtocol: { approvedBy: 'co' } }],
      workflow: [{ id: 'one', name: 'One', performs: ['mpe'], approves: ['co'], skills: ['s'] }],
      training: [{ skill: 's', roles: ['mpe', 'co'], signOff: 'mpe' }],
    });
    const matrix = buildTable('matrix', p);
    assert.deepEqual(matrix.columns, ['Step', 'MPE', 'Clinical Oncologist']);
    assert.equal(matrix.legend?.at(-1), 'MPE: Medical Physics Expert');
    assert.ok(!matrix.legend?.some((line) => line.startsWith('Clinical Oncologist:')), 'no legend line where the short name is the title');
    assert.equal(nth(nth(buildTable('training', p).rows, 0), 0).text, 'Medical Physics Expert and Clinical Oncologist');
    assert.equal(nth(nth(buildTable('coverage', p).rows, 0), 2).text, 'Medical Physics Expert');
    assert.equal(nth(nth(buildTable('sites', p).rows, 0), 2).text, 'Clinical Oncologist');
    assert.equal(nth(nth(buildTable('governance', p).rows, 0), 2).text, 'Medical Physics Expert');
    assert.equal(nth(nth(buildTable('roles', p).rows, 0), 0).text, 'Medical Physics Expert');
  });

  it('gives a legend to every table that uses letters or marks', () => {
    for (const id of ['matrix', 'coverage'] as const) assert.ok((buildTable(id, reference()).legend ?? []).length > 0, id);
  });

  it('letters a role that operates the console O, and explains O in the legend only where a step uses it', () => {
    const p = protocol({
      roles: [
        { id: 'rad', title: 'Radiographer' },
        { id: 'cco', title: 'Consultant' },
      ],
      workflow: [{ id: 's', name: 'Edit targets', operates: ['rad'], performs: ['cco'], edits: ['cco'], approves: ['cco'] }],
    });
    const t = buildTable('matrix', p);
    assert.deepEqual(
      nth(t.rows, 0).map((c) => c.text),
      ['Edit targets', 'O', 'PEA'],
    );
    assert.deepEqual(nth(nth(t.rows, 0), 1).source, ['workflow', 0, 'operates', 0]);
    assert.equal(t.legend?.at(-1), 'O: operates the console (not clinically responsible)');
    assert.ok(!buildTable('matrix', reference()).legend?.some((line) => line.startsWith('O:')));
  });

  it('reports a coverage gap when a role is taken out of a training row', () => {
    const text = fs.readFileSync(REFERENCE, 'utf8').replace('roles: [adapter, advanced-adapter]', 'roles: [adapter]');
    const t = buildTable('coverage', load(REFERENCE, text));
    const gaps = t.rows.filter((r) => nth(r, 4).status === 'gap').map((r) => r.map((c) => c.text).join(' | '));
    assert.deepEqual(
      gaps,
      ['Cervix', 'Bladder', 'Prostate'].flatMap((site) => [
        `${site} | Approve OARs edited by the adapter | Advanced Adapter | DIR evaluation | No: missing DIR evaluation`,
        `${site} | Edit and approve target volumes | Advanced Adapter | Target outlining, DIR evaluation | No: missing DIR evaluation`,
      ]),
    );
    const gapRow = t.rows.find((r) => nth(r, 4).status === 'gap');
    assert.ok(gapRow);
    assert.deepEqual(nth(gapRow, 4).source, ['training', 2, 'roles']);
    assert.ok(md(load(REFERENCE, text), 'coverage').includes('| No: missing DIR evaluation |'));
  });

  it('checks coverage per site and uses "All sites" when there are none', () => {
    const base = {
      roles: [{ id: 'a', title: 'A' }],
      skills: [
        { id: 's', name: 'S' },
        { id: 't', name: 'T' },
      ],
      workflow: [
        { id: 'one', name: 'One', performs: ['a'], skills: ['s', 't'] },
        { id: 'two', name: 'Two', performs: ['a'], skills: ['s'], sites: ['x'] },
        { id: 'three', name: 'Three', supports: ['a'], skills: ['s'] },
      ],
      training: [{ skill: 's', roles: ['a'], sites: ['x'] }],
    };
    const withSites = buildTable(
      'coverage',
      protocol({
        ...base,
        sites: [
          { id: 'x', name: 'X' },
          { id: 'y', name: 'Y' },
        ],
      }),
    );
    assert.deepEqual(
      withSites.rows.map((r) => r.map((c) => c.text)),
      [
        ['X', 'One', 'A', 'S, T', 'No: missing T'],
        ['X', 'Two', 'A', 'S', 'Yes'],
        ['Y', 'One', 'A', 'S, T', 'No: missing S, T'],
      ],
    );
    const noSites = buildTable('coverage', protocol(base));
    assert.deepEqual(
      noSites.rows.map((r) => `${nth(r, 0).text}/${nth(r, 1).text}/${nth(r, 4).text}`),
      ['All sites/One/No: missing T', 'All sites/Two/Yes'],
    );
  });

  it('lists each site with its protocol, approver, MPE, clinician, fractionation and the timing of the reviews that cover it', () => {
    const p = protocol({
      roles: [{ id: 'co', title: 'Consultant Clinical Oncologist' }],
      sites: [
        {
          id: 'x',
          name: 'X',
          clinicalProtocol: { reference: 'RT-X', approvedBy: 'co' },
          mpeInvolvement: 'agree',
          clinicianPresence: 'Present',
          fractions: 20,
          fractionsPerWeek: 5,
        },
        { id: 'y', name: 'Y', fractions: 1 },
        { id: 'z', name: 'Z' },
      ],
      workflow: [
        { id: 'edit', name: 'Edit', performs: ['co'] },
        { id: 'weekly', name: 'Weekly review', phase: 'offline', performs: ['co'], covers: ['edit'], timing: { withinDays: 7 } },
        { id: 'next', name: 'Next-day review', phase: 'offline', performs: ['co'], covers: ['edit'], sites: ['y'], timing: { beforeNextFraction: true } },
        { id: 'audit', name: 'Audit', phase: 'offline', performs: ['co'], sites: ['z'] },
      ],
    });
    const t = buildTable('sites', p);
    assert.equal(t.columns.length, 7);
    assert.deepEqual(
      t.rows.map((r) => r.map((c) => c.text)),
      [
        ['X', 'RT-X', 'Consultant Clinical Oncologist', 'Agree', 'Present', '20 fractions, 5 per week', 'Weekly review: within 7 days'],
        ['Y', '', '', '', '', '1 fraction', 'Weekly review: within 7 days; Next-day review: before the next fraction'],
        ['Z', '', '', '', '', '', 'Weekly review: within 7 days'],
      ],
    );
    const [x] = t.rows;
    assert.ok(x);
    assert.deepEqual(nth(x, 2).source, ['sites', 0, 'clinicalProtocol', 'approvedBy']);
    assert.deepEqual(nth(x, 5).source, ['sites', 0, 'fractions']);
    assert.deepEqual(nth(x, 6).source, ['workflow', 1, 'timing', 'withinDays']);
    const none = buildTable('sites', protocol({ sites: [{ id: 'x', name: 'X' }], workflow: [{ id: 'edit', name: 'Edit', performs: ['co'] }] }));
    assert.deepEqual(nth(nth(none.rows, 0), 6), { text: 'No offline review', source: ['sites', 0] });
  });

  it('gives the training rows again with sign-off, reassessment and sites, in the same order as the training matrix', () => {
    const p = protocol({
      roles: [
        { id: 'a', title: 'Adapter' },
        { id: 'co', title: 'Consultant Clinical Oncologist' },
      ],
      skills: [{ id: 's', name: 'S' }],
      sites: [
        { id: 'x', name: 'X' },
        { id: 'y', name: 'Y' },
      ],
      training: [
        { skill: 's', roles: ['a'], signOff: 'co', reassessEveryMonths: 12, sites: ['x', 'y'] },
        { skill: 's', roles: ['a', 'co'], roleLabel: 'Everyone', reassessEveryMonths: 1 },
        { skill: 's', roles: ['co'], signOff: 'nobody' },
      ],
    });
    const t = buildTable('governance', p);
    assert.deepEqual(t.columns, ['Role', 'Skill', 'Signed off by', 'Reassessment', 'Sites']);
    assert.deepEqual(
      t.rows.map((r) => r.map((c) => c.text)),
      [
        ['Adapter', 'S', 'Consultant Clinical Oncologist', 'Every 12 months', 'X, Y'],
        ['Everyone', 'S', '', 'Every month', 'All sites'],
        ['Consultant Clinical Oncologist', 'S', 'nobody', '', 'All sites'],
      ],
    );
    assert.deepEqual(nth(nth(t.rows, 0), 2).source, ['training', 0, 'signOff']);
    assert.deepEqual(nth(nth(t.rows, 0), 4).source, ['training', 0, 'sites']);
    // The first two columns are the training matrix's own.
    const training = buildTable('training', p);
    assert.deepEqual(
      t.rows.map((r) => r.slice(0, 2)),
      training.rows.map((r) => r.slice(0, 2)),
    );
  });
});

describe('tables: Markdown escaping', () => {
  it('escapes pipes, keeps backslashes before pipes readable, and turns line breaks into <br>', () => {
    assert.equal(escapeCell('a | b'), 'a \\| b');
    assert.equal(escapeCell('a \\| b'), 'a \\\\\\| b');
    assert.equal(escapeCell('C:\\path'), 'C:\\path');
    assert.equal(escapeCell('one\ntwo\r\nthree\rfour'), 'one<br>two<br>three<br>four');
    const text = renderTables(set(table(['A|B', 'C'], [['x|y', 'line 1\nline 2']])), 'md');
    assert.equal(text, '| A\\|B | C |\n|---|---|\n| x\\|y | line 1<br>line 2 |\n');
  });

  it('escapes & so that a written entity reads as written', () => {
    assert.equal(escapeCell('R&D'), 'R&amp;D');
    assert.equal(escapeCell('&lt;script&gt; &#124; &amp;'), '&amp;lt;script&amp;gt; &amp;#124; &amp;amp;');
    assert.equal(renderTables(set(table(['A & B'], [['&lt;b&gt;']])), 'md'), '| A &amp; B |\n|---|\n| &amp;lt;b&amp;gt; |\n');
  });

  it('keeps each row on one line with the right number of cells', () => {
    const nasty = ['=SUM(A1)', '+1', '-2', '@x', 'say "hi"', 'a, b', 'p | q', 'r\\|s', 'l1\nl2'];
    const text = renderTables(
      set(
        table(
          nasty.map((_, i) => `c${i}`),
          [nasty],
        ),
      ),
      'md',
    );
    const lines = text.trimEnd().split('\n');
    assert.equal(lines.length, 3);
    assert.equal(nth(lines, 2).match(/(?<!\\)\|/g)!.length, nasty.length + 1);
  });

  it('shows the document-control line only when there are several tables', () => {
    const one = renderTables(set(table(['A'], [['1']])), 'md');
    assert.equal(one, '| A |\n|---|\n| 1 |\n');
    const two = renderTables(set(table(['A'], [['1']]), { ...table(['B'], [['2']], ['Legend']), title: 'Second' }), 'md');
    assert.equal(two, 'A protocol (doc-1), version 2, draft\n\n## Test table\n\n| A |\n|---|\n| 1 |\n\n## Second\n\n| B |\n|---|\n| 2 |\n\n- Legend\n');
  });
});

describe('tables: CSV', () => {
  it('starts with a byte order mark and ends lines with CRLF', () => {
    const text = renderTables(single(reference(), 'training'), 'csv');
    assert.ok(text.startsWith('\uFEFFRole,Skill,Method,Record\r\n'));
    assert.ok(text.endsWith('\r\n'));
    assert.equal(text.replace(/\r\n/g, '').includes('\n'), false);
    assert.ok(text.includes('\r\nAdvanced adapter,Target outlining,"ProKnow Contouring Tool, 1:1 with CCOs",Reflective training logs\r\n'));
  });

  it('quotes fields and neutralises formulas', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a, b'), '"a, b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('l1\nl2'), '"l1\nl2"');
    assert.equal(csvField('l1\rl2'), '"l1\rl2"');
    assert.equal(csvField('=SUM(A1)'), "'=SUM(A1)");
    assert.equal(csvField('=SUM(A1,B1)'), `"'=SUM(A1,B1)"`);
    assert.equal(csvField('+1'), "'+1");
    assert.equal(csvField('-2'), "'-2");
    assert.equal(csvField('@x'), "'@x");
    assert.equal(csvField('\tx'), "'\tx");
    assert.equal(csvField('\rx'), `"'\rx"`);
    assert.equal(csvField('7-8b'), '7-8b');
    assert.equal(csvField(''), '');
  });

  it('writes U+FFFD for C0 (but tab, CR and LF), DEL and C1 control characters', () => {
    assert.equal(csvField('a\u0007b\u001bc\u007fd\u0085e\u009bf'), 'a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf');
    assert.equal(csvField('tab\tcr\rlf\n'), '"tab\tcr\rlf\n"');
    // NEL (U+0085) ends a line for some readers: it must not split a record.
    const text = renderTables(set(table(['A', 'B'], [['one\u0085two', '\u009b2J']])), 'csv');
    assert.equal(text, '\uFEFFA,B\r\none\uFFFDtwo,\uFFFD2J\r\n');
  });

  it('reads back what it wrote (RFC 4180 round trip)', () => {
    const nasty = ['=SUM(A1)', '+1', '-2', '@x', 'say "hi"', 'a, b', 'p | q', 'l1\r\nl2', 'ü ✓', ''];
    const columns = nasty.map((_, i) => `c${i}`);
    const text = renderTables(set(table(columns, [nasty, ['x', ...nasty.slice(1)]])), 'csv');
    assert.ok(text.startsWith('\uFEFF'));
    const neutralised = (s: string): string => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
    assert.deepEqual(parseCsv(text.slice(1)), [columns, nasty.map(neutralised), ['x', ...nasty.slice(1)].map(neutralised)]);

    const protocol = reference();
    for (const id of TABLE_IDS) {
      const data = buildTable(id, protocol);
      assert.deepEqual(
        parseCsv(renderTables(single(protocol, id), 'csv').slice(1)),
        [data.columns, ...data.rows.map((r) => r.map((c) => neutralised(c.text)))],
        id,
      );
    }
  });

  it('puts the document line, then each table under its title, blank lines between', () => {
    const text = renderTables(set(table(['A'], [['1']]), { ...table(['B'], [['2']], ['Legend']), title: 'Second' }), 'csv');
    assert.equal(text, '\uFEFF"A protocol (doc-1), version 2, draft"\r\n\r\nTest table\r\nA\r\n1\r\n\r\nSecond\r\nB\r\n2\r\nLegend\r\n');
  });
});

describe('tables: renderer registry', () => {
  it('has md and csv built in and accepts more', () => {
    assert.ok(renderers.has('md') && renderers.has('csv'));
    registerRenderer({ format: 'test-count', extension: 'txt', render: (s) => String(s.tables.length) });
    try {
      assert.equal(renderTables({ document: reference().document, tables: buildTables(reference()) }, 'test-count'), '6');
    } finally {
      renderers.delete('test-count');
    }
    assert.throws(() => renderTables(set(), 'nope'), /Unknown table format `nope`/);
  });
});
