import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { load } from 'js-yaml';
import { buildProtocol } from '../../../server/out/service/model/protocol';
import { buildBasis } from '../../../server/out/service/register/standing';
import { parseCsv } from '../../../server/out/service/register/csv';
import { importRegister, type ImportResult } from '../../../server/out/service/register/importCsv';

/** The mapping from spreadsheet rows to a register, without processes: the cases of joining a person's rows. */

const ROOT = path.resolve(__dirname, '../../..');
const basis = buildBasis([buildProtocol(load(fs.readFileSync(path.join(ROOT, 'samples/reference-department.roles.yaml'), 'utf8')))]);

function importText(csv: string, map: Record<string, string> = {}): ImportResult {
  return importRegister(parseCsv(csv).rows, basis, { protocolPath: 'p.roles.yaml', map, source: 'staff.csv', today: '2026-11-26' });
}

const problems = (result: ImportResult) => result.problems.map((p) => `${p.row}${p.column ? ` ${p.column}` : ''}: ${p.message}`);

describe('register import: joining a spreadsheet into a register', () => {
  it('joins the rows of a person, and of an entitlement repeated on each skill row', () => {
    const result = importText(
      [
        'staff_number,staff_group,band,role,entitled_from,skill,method,completed,signed_off_by',
        'R01,therapeutic radiographer,5,adapter,2024-02-01,oar-outlining,proknow,2026-01-01,R02',
        'R01,,,adapter,2024-02-01,dir-evaluation,dir-tutorial,2026-01-02,R02',
        'R02,therapeutic radiographer,6,,,,,,',
      ].join('\n'),
    );
    assert.deepEqual(problems(result), []);
    assert.deepEqual(result.counts, { rows: 3, people: 2, entitlements: 1, training: 2, supervision: 0 });
    const data = load(result.text!) as { people: unknown[]; entitlements: unknown[] };
    assert.deepEqual(data.entitlements, [{ person: 'R01', role: 'adapter', from: '2024-02-01' }]);
  });

  it('refuses rows of one entitlement or registration that disagree, naming both rows', () => {
    const result = importText(
      [
        'staff_number,staff_group,role,entitled_from,entitled_until,registration,registration_number',
        'R01,therapeutic radiographer,adapter,2024-02-01,2027-01-01,HCPC (radiographer),RA1',
        'R01,therapeutic radiographer,adapter,2024-02-01,2028-01-01,HCPC (radiographer),RA2',
        'R01,Therapeutic  Radiographer,,,,hcpc (RADIOGRAPHER),RA1',
      ].join('\n'),
    );
    assert.equal(result.text, undefined);
    assert.deepEqual(problems(result), [
      "3 registration: R01's HCPC (radiographer) has another number or expiry in row 2; make them agree",
      '3 role: the entitlement of R01 to `adapter` from 2024-02-01 differs from row 2 (until, entitled by, supervised or scope); make them agree',
    ]);
  });

  it('refuses two columns read as one field, a value outside every column, self-supervision, and a person with no staff group', () => {
    const result = importText(
      [
        'Staff No,Staff Number,staff_group,skill,supervisor,supervised_from',
        'R01,R01,therapeutic radiographer,oar-outlining,R01,2026-01-01',
        'R02,R02,,oar-outlining,,,extra',
      ].join('\n'),
    );
    assert.deepEqual(problems(result), [
      '1 Staff Number: columns `Staff No` and `Staff Number` are both read as staff_number; leave one out with --map "Staff Number=ignore"',
      '2 supervisor: R01 cannot supervise themselves',
      '3: 7 cells, but the header has 6: a value is outside every column (an unquoted comma?)',
      '3: no row of R02 gives a staff group (staff_group), which every person needs',
    ]);
    // --map settles the two columns.
    assert.deepEqual(problems(importText('Staff No,Staff Number,staff_group\nR01,R01,dosimetrist\n', { 'Staff Number': 'ignore' })), []);
  });

  it('reads roles, skills, methods and sites by id or by name in any case, and bands as spreadsheets write them', () => {
    const result = importText(
      [
        'staff_number,staff_group,band,role,entitled_from,sites,skill,method,completed,signed_off_by,result',
        'D01,dosimetrist,BAND 8A,ADVANCED ADAPTER,01/02/2025,Cervix;bladder,Target outlining,ProKnow Contouring Tool,2026-02-11,D01,88%',
      ].join('\n'),
    );
    assert.deepEqual(problems(result), []);
    const data = load(result.text!) as { people: { band: unknown }[]; entitlements: unknown[]; training: unknown[] };
    assert.equal(data.people[0]!.band, '8a');
    assert.deepEqual(data.entitlements, [{ person: 'D01', role: 'advanced-adapter', from: '2025-02-01', sites: ['cervix', 'bladder'] }]);
    assert.deepEqual(data.training, [{ person: 'D01', skill: 'target-outlining', method: 'proknow', completed: '2026-02-11', signedOffBy: 'D01', result: 88 }]);
  });

  it('refuses a training completed after today, and an entitlement that ends before it starts', () => {
    assert.deepEqual(
      problems(
        importText(
          'staff_number,staff_group,role,entitled_from,entitled_until,skill,completed\nR01,dosimetrist,advanced-adapter,2025-01-01,2024-01-01,plan-selection,2027-01-01\n',
        ),
      ),
      ['2 entitled_until: the entitlement ends (2024-01-01) before it starts (2025-01-01)', '2 completed: completed on 2027-01-01, after today (2026-11-26)'],
    );
  });

  it('an empty file, or one with a header only, says what it needs', () => {
    assert.deepEqual(problems(importText('')), ['1: the file is empty: it needs a header row and a row per person and skill']);
    assert.deepEqual(problems(importText('staff_number,staff_group\n')), [
      '1: the file has a header row and nothing under it: a row per person and skill is needed',
    ]);
  });
});
