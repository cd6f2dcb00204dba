import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { documentKind, documentKindOfText, stemOf } from '../../../server/out/shared/documentKinds';
import { protocolSchema, registerSchema } from '../../../server/out/service/schema/schema';
import { addDays, addMonths, daysBetween, parseDate } from '../../../server/out/service/register/dates';
import { buildRegister } from '../../../server/out/service/register/model';
import { buildBasis, coverNeeds, peopleAbleToAct, requirementsOf, standingIn, DEFAULT_REGISTER_SETTINGS } from '../../../server/out/service/register/standing';
import { lintText } from '../../../server/out/service/engine/lint';
import { buildProtocol } from '../../../server/out/service/model/protocol';
import { parseConfig } from '../../../server/out/service/config/config';
import { knownRuleIds } from '../../../server/out/service/rules/index';
import { load } from 'js-yaml';
import { TODAY } from '../helpers/ruleTester';

const ROOT = path.resolve(__dirname, '../../..');
const read = (name: string) => fs.readFileSync(path.join(ROOT, 'samples', name), 'utf8');

describe('register: the document kind', () => {
  it('is decided by name and by format like the others', () => {
    assert.equal(documentKind('staff.register.yaml', undefined), 'register');
    assert.equal(documentKind('staff.register.json', undefined), 'register');
    assert.equal(documentKind('people.yaml', 'role-register/1'), 'register');
    // The declared format wins over the name, as for the other kinds.
    assert.equal(documentKind('staff.register.yaml', 'role-protocol/1'), 'protocol');
    assert.equal(documentKindOfText('people.yml', 'format: role-register/1\n'), 'register');
    assert.equal(stemOf('oart.register.yaml'), 'oart');
  });
});

describe('register: the schema', () => {
  it('shares its copies of the protocol definitions exactly: a band or a staff group means one thing', () => {
    const own = registerSchema.$defs as Record<string, unknown>;
    const protocol = protocolSchema.$defs as Record<string, unknown>;
    const shared = Object.keys(own).filter((key) => key in protocol);
    assert.deepEqual(shared.sort(), ['band', 'date', 'id', 'methodRef', 'registration', 'roleRef', 'siteRef', 'skillRef', 'staffGroup']);
    for (const key of shared) assert.deepEqual(own[key], protocol[key], `$defs/${key} differs from the protocol's`);
  });

  it('accepts the reference register and says where a register goes wrong', () => {
    const clean = lintText(read('reference-department.register.yaml'), { fileName: 'reference-department.register.yaml', today: TODAY });
    assert.deepEqual(
      clean.findings.filter((f) => f.ruleId === 'schema'),
      [],
    );
    const broken = lintText('format: role-register/1\nprotocol: p.roles.yaml\npeople:\n  - id: A B\n    staffGroup: radiographer\n    band: "7"\n', {
      fileName: 'x.register.yaml',
      today: TODAY,
    });
    const messages = broken.findings.filter((f) => f.ruleId === 'schema').map((f) => `${f.range.start.line + 1}: ${f.message}`);
    assert.equal(messages.length, 3, messages.join('\n'));
    assert.match(messages.join('\n'), /^4: .*`A B`/m);
    assert.match(messages.join('\n'), /^5: .*therapeutic radiographer/m);
    assert.match(messages.join('\n'), /^6: /m);
  });

  it('reads a register checked against several protocols', () => {
    const result = lintText('format: role-register/1\nprotocol: [a.roles.yaml, b.roles.yaml]\npeople: []\n', { fileName: 'x.register.yaml', today: TODAY });
    assert.deepEqual(
      result.findings.filter((f) => f.ruleId === 'schema'),
      [],
    );
    assert.deepEqual(
      result.register?.model.protocols.map((p) => p.path),
      ['a.roles.yaml', 'b.roles.yaml'],
    );
  });
});

describe('register: calendar dates', () => {
  it('knows real dates, leap years included', () => {
    assert.ok(parseDate('2024-02-29'));
    assert.equal(parseDate('2025-02-29'), undefined);
    assert.equal(parseDate('1900-02-29'), undefined);
    assert.ok(parseDate('2000-02-29'));
    assert.equal(parseDate('2026-04-31'), undefined);
    assert.equal(parseDate('2026-13-01'), undefined);
    assert.equal(parseDate('26-01-01'), undefined);
  });

  it('moves by months within the target month, and by days across years', () => {
    assert.equal(addMonths('2025-01-31', 1), '2025-02-28');
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonths('2025-12-10', 12), '2026-12-10');
    assert.equal(addMonths('2025-11-30', 3), '2026-02-28');
    assert.equal(addMonths('2026-03-31', -1), '2026-02-28');
    assert.equal(addDays('2026-11-26', 60), '2027-01-25');
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(daysBetween('2026-11-26', '2026-12-10'), 14);
    assert.equal(daysBetween('2026-12-10', '2026-11-26'), -14);
  });
});

describe('register: where a person stands', () => {
  const protocol = buildProtocol(
    load(`
format: role-protocol/1
sites: [{ id: prostate, name: Prostate }, { id: cervix, name: Cervix }]
roles:
  - { id: adapter, title: Adapter, staffGroups: [therapeutic radiographer] }
  - { id: lead, title: Lead, staffGroups: [therapeutic radiographer] }
workflow:
  - { id: adapt, name: Adapt, phase: online, performs: [adapter] }
  - { id: approve, name: Approve, phase: online, approves: [adapter, lead], approval: any }
  - { id: review, name: Review, phase: offline, performs: [lead] }
training:
  - { skill: contouring, roles: [adapter], reassessEveryMonths: 12 }
  - { skill: cervix-anatomy, roles: [adapter], sites: [cervix] }
`),
  );
  const basis = buildBasis([protocol]);
  const register = buildRegister(
    load(`
format: role-register/1
protocol: p.roles.yaml
people:
  - { id: A1, staffGroup: therapeutic radiographer }
  - { id: A2, staffGroup: therapeutic radiographer }
  - { id: L1, staffGroup: therapeutic radiographer }
entitlements:
  - { person: A1, role: adapter, from: "2025-01-01" }
  - { person: A2, role: adapter, from: "2025-01-01", sites: [prostate] }
  - { person: L1, role: lead, from: "2026-12-01" }
training:
  - { person: A1, skill: contouring, completed: "2025-11-25" }
  - { person: A1, skill: contouring, completed: "2026-01-20" }
  - { person: A1, skill: cervix-anatomy, completed: "2025-03-01", sites: [cervix] }
  - { person: A2, skill: contouring, completed: "2025-11-26" }
`),
  );
  const settings = DEFAULT_REGISTER_SETTINGS;

  it('needs the per-site training only at the sites an entitlement covers', () => {
    assert.deepEqual(
      requirementsOf(basis, 'adapter', undefined).map((r) => `${r.skill}@${r.site ?? '*'}`),
      ['contouring@*', 'cervix-anatomy@cervix'],
    );
    assert.deepEqual(
      requirementsOf(basis, 'adapter', ['prostate']).map((r) => `${r.skill}@${r.site ?? '*'}`),
      ['contouring@*'],
    );
  });

  it('takes the latest completed training, and is due on the day the interval ends', () => {
    const [contouring] = requirementsOf(basis, 'adapter', undefined);
    const a1 = standingIn(register, 'A1', contouring!, TODAY, settings);
    assert.equal(a1.state, 'due-soon');
    assert.equal(a1.due, '2027-01-20');
    // Completed 2025-11-26, due 2026-11-26: due today is not yet overdue; tomorrow it is.
    assert.equal(standingIn(register, 'A2', contouring!, TODAY, settings).state, 'due-soon');
    assert.equal(standingIn(register, 'A2', contouring!, '2026-11-27', settings).state, 'overdue');
    assert.equal(standingIn(register, 'L1', contouring!, TODAY, settings).state, 'missing');
  });

  it('lists what each online step needs present, one of any approver where any may approve', () => {
    assert.deepEqual(
      coverNeeds(basis).map((n) => `${n.steps.map((s) => s.id).join(',')}:${n.part}:${n.roles.join('|')}@${n.site}`),
      [
        'adapt:performs:adapter@prostate',
        'adapt:performs:adapter@cervix',
        'approve:approves (any):adapter|lead@prostate',
        'approve:approves (any):adapter|lead@cervix',
      ],
    );
    // At the cervix only A1 can act (A2's entitlement is for prostate; L1's starts on 1 December).
    assert.deepEqual(
      peopleAbleToAct(register, basis, ['adapter'], 'cervix', TODAY, settings).map((p) => p.id),
      ['A1'],
    );
    assert.deepEqual(
      peopleAbleToAct(register, basis, ['adapter', 'lead'], 'prostate', '2026-12-01', settings).map((p) => p.id),
      ['A1', 'L1'],
    );
  });
});

describe('register: settings in .roleprotocols.yaml', () => {
  it('reads the warning window and the cover, and says what is wrong at its place', () => {
    const ok = parseConfig('register:\n  dueSoonDays: 30\n  minimumCover: 3\n', '.roleprotocols.yaml', knownRuleIds);
    assert.deepEqual(ok.problems, []);
    assert.deepEqual(ok.config.register, { dueSoonDays: 30, minimumCover: 3 });
    const bad = parseConfig('register:\n  dueSoon: 30\n  minimumCover: 0\n', '.roleprotocols.yaml', knownRuleIds);
    assert.deepEqual(
      bad.problems.map((p) => p.message),
      [
        'Unknown register setting `dueSoon`. Did you mean `dueSoonDays`?',
        '`register.minimumCover` is the number of entitled, current people each role of an online step needs at each site (default 2): a whole number from 1 to 100; got `0`.',
      ],
    );
  });
});
