import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as yaml from 'js-yaml';
import { diffTexts, type Change } from '../../../server/out/service/diff/index';
import { renderDiff, renderJson, renderMarkdown, renderText, DIFF_FORMATS } from '../../../server/out/service/diff/report/index';
import { unzip, wordText } from '../exports/ooxml';
import { readBeside, REGISTER, REGISTER_FILE, registerDiff, ROOT } from './registerSides';

/** The reference register a month later: R10 signed off, P05 entitled under supervision, R07 leaving, a reassessment, a renewal. */
const LATER = path.join(ROOT, 'test/fixtures/diff/reference-department.later.register.yaml');
const EXPECTED = path.join(ROOT, 'test/fixtures/diff/expected');

const lines = (changes: readonly Change[]) => changes.map((c) => `${c.kind}: ${c.message}`);
const kinds = (changes: readonly Change[]) => changes.map((c) => c.kind);

function golden(name: string, actual: string): { expected: string; actual: string } {
  const file = path.join(EXPECTED, name);
  if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(file, actual);
  return { expected: fs.readFileSync(file, 'utf8'), actual };
}

describe('diff: registers of people', () => {
  describe('the reference register, a month later', () => {
    const diff = registerDiff(REGISTER, fs.readFileSync(LATER, 'utf8'), [
      'main:samples/reference-department.register.yaml',
      'samples/reference-department.register.yaml',
    ]);

    it('names each change in the domain’s words, significant or minor', () => {
      assert.equal(diff.kind, 'register');
      assert.deepEqual(
        diff.changes.map((c) => `${c.significance} ${c.kind}`),
        [
          'minor register-details',
          'significant person-band',
          'minor person-registration-renewed',
          'minor person-registration-added',
          'significant entitlement-ended',
          'significant entitlement-supervised',
          'significant entitlement-scope',
          'significant entitlement-added',
          'minor training-record-notes',
          'minor training-record-added',
          'minor training-record-notes',
          'minor training-record-completed',
          'significant supervision-dates',
        ],
      );
    });

    it('matches the golden text report', () => {
      const { expected, actual } = golden('reference-register-later.txt', renderText(diff));
      assert.equal(actual, expected);
    });

    it('names roles and skills by the protocol’s titles, people by id, and says what the register is beside the changes', () => {
      assert.ok(diff.changes.some((c) => c.message === 'Entitlement of “P05” as “Physicist” added.'));
      const md = renderMarkdown(diff);
      assert.match(md, /^# Summary of changes: register of Radiotherapy, reference department$/m);
      assert.match(md, /^## Register$/m);
      assert.match(md, /^\| Updated \| 2026-11-20 \| 2026-12-18 \|$/m);
      assert.match(md, /^\| Entitlements \| 24 \| 25 \|$/m);
      const json = JSON.parse(renderJson(diff)) as { kind: string; new: { register: { protocols: string[] } } };
      assert.equal(json.kind, 'register');
      assert.deepEqual(json.new.register.protocols, ['reference-department.roles.yaml']);
    });
  });

  describe('what is not a change', () => {
    /** Keys sorted, every list reversed, flow style, no comments. */
    const reformat = (text: string) => {
      const walk = (value: unknown): unknown => {
        if (Array.isArray(value)) return value.map(walk).reverse();
        if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
        return value;
      };
      return yaml.dump(walk(yaml.load(text, { schema: yaml.CORE_SCHEMA })), { schema: yaml.CORE_SCHEMA, sortKeys: true, flowLevel: 3, lineWidth: 60 });
    };

    it('the same register twice', () => {
      assert.deepEqual(registerDiff(REGISTER, REGISTER).changes, []);
    });

    it('every list reordered (people, entitlements, training, supervision, registrations, sites, skills) and every mapping’s keys', () => {
      const reordered = reformat(REGISTER);
      assert.notEqual(reordered, REGISTER);
      assert.deepEqual(lines(registerDiff(REGISTER, reordered).changes), []);
    });

    it('comments, quoting and flow or block style', () => {
      const restyled = REGISTER.replace(/^\s*#.*\n/gm, '')
        .replace('number: RA40107', 'number: "RA40107"')
        .replace('sites: [bladder, prostate]', 'sites:\n      - prostate\n      - bladder');
      assert.deepEqual(lines(registerDiff(REGISTER, restyled).changes), []);
    });

    it('the same register in JSON', () => {
      const json = JSON.stringify(yaml.load(REGISTER, { schema: yaml.CORE_SCHEMA }), null, 2);
      const jsonFile = REGISTER_FILE.replace(/\.yaml$/, '.json');
      const result = diffTexts(
        { text: REGISTER, label: 'yaml', options: { fileName: REGISTER_FILE, readInclude: readBeside } },
        { text: json, label: 'json', options: { fileName: jsonFile, readInclude: readBeside } },
      );
      assert.deepEqual(lines(result.changes), []);
    });

    it('the protocol written ./beside or beside', () => {
      const dotted = REGISTER.replace('protocol: reference-department.roles.yaml', 'protocol: ./reference-department.roles.yaml');
      assert.deepEqual(lines(registerDiff(REGISTER, dotted).changes), []);
    });
  });

  describe('people renamed, added and removed', () => {
    it('a person id renamed, every reference moved, is one change; their other changes are listed beside it', () => {
      const renamed = REGISTER.replace(/\bR10\b/g, 'R11').replace('  - id: R11\n', '  - id: R11\n    notes: Staff number corrected.\n');
      const result = registerDiff(REGISTER, renamed);
      assert.deepEqual(kinds(result.changes), ['person-renamed', 'person-wording']);
      assert.equal(result.changes[0]!.old, 'R10');
      assert.equal(result.changes[0]!.new, 'R11');
    });

    it('a sign-off by a person renamed is not a change of sign-off', () => {
      const renamed = REGISTER.replace(/\bD02\b/g, 'D12');
      assert.deepEqual(kinds(registerDiff(REGISTER, renamed).changes), ['person-renamed']);
    });

    it('an id changed in the people list only (references left behind) is a removal and an addition', () => {
      const result = registerDiff(REGISTER, REGISTER.replace('  - id: R10\n', '  - id: R11\n'));
      assert.deepEqual(kinds(result.changes), ['person-added', 'person-removed']);
    });

    it('a person of another staff group in place of one who left: a removal and an addition, with their entitlement and training', () => {
      const replaced = REGISTER.replace(/\bD06\b/g, 'T01').replace(
        '  - id: T01\n    staffGroup: dosimetrist',
        '  - id: T01\n    staffGroup: clinical technologist',
      );
      const found = kinds(registerDiff(REGISTER, replaced).changes);
      assert.ok(found.includes('person-removed') && found.includes('person-added') && !found.includes('person-renamed'), found.join(', '));
      assert.equal(found.filter((k) => k === 'entitlement-removed').length, 1);
      assert.equal(found.filter((k) => k === 'training-record-removed').length, 4);
      assert.equal(found.filter((k) => k === 'training-record-added').length, 4);
    });
  });

  describe('a role, skill, method or site the protocol renamed, followed by the register', () => {
    const PROTOCOL = fs.readFileSync(path.join(ROOT, 'samples/reference-department.roles.yaml'), 'utf8');
    /** The new register checked against its own version of the protocol, as a later commit would have it. */
    const against = (oldRegister: string, newRegister: string, newProtocol: string) => {
      const protocolFile = path.join(ROOT, 'samples/reference-department.roles.yaml');
      const newReader = (include: string, from: string | undefined) =>
        path.resolve(path.dirname(from ?? REGISTER_FILE), include) === protocolFile ? { file: protocolFile, text: newProtocol } : readBeside(include, from);
      return diffTexts(
        { text: oldRegister, label: 'old', options: { fileName: REGISTER_FILE, readInclude: readBeside } },
        { text: newRegister, label: 'new', options: { fileName: REGISTER_FILE, readInclude: newReader } },
      );
    };

    for (const [what, pattern, to] of [
      ['role', /\badvanced-adapter\b/g, 'senior-adapter'],
      ['skill', /\bdir-evaluation\b/g, 'dir-review'],
      ['method', /\bplan-checking-programme\b/g, 'plan-checking-course'],
      ['site', /\bprostate\b/g, 'prostate-gland'],
    ] as const) {
      it(`a ${what} id renamed in both: no change of the register (the protocol's diff names the rename)`, () => {
        const result = against(REGISTER, REGISTER.replace(pattern, to), PROTOCOL.replace(pattern, to));
        assert.deepEqual(lines(result.changes), []);
      });
    }

    it('the register alone renaming a role it names is a change of every entitlement in it', () => {
      const result = registerDiff(REGISTER, REGISTER.replace(/\badvanced-adapter\b/g, 'senior-adapter'));
      assert.equal(kinds(result.changes).filter((k) => k === 'entitlement-removed').length, 6);
      assert.equal(kinds(result.changes).filter((k) => k === 'entitlement-added').length, 6);
    });

    it('a renamed role whose entitlements also changed: those changes, named by the new title', () => {
      const newProtocol = PROTOCOL.replace(/\badvanced-adapter\b/g, 'senior-adapter').replace('title: Advanced Adapter', 'title: Senior Adapter');
      const newRegister = REGISTER.replace(/\badvanced-adapter\b/g, 'senior-adapter').replace('sites: [bladder, prostate]', 'sites: [bladder]');
      assert.deepEqual(lines(against(REGISTER, newRegister, newProtocol).changes), [
        'entitlement-sites: Entitlement of “D05” as “Senior Adapter”: no longer at Prostate.',
      ]);
    });
  });

  describe('matching entries without ids by their natural keys', () => {
    it('a reassessment added beside the earlier training is an addition, the earlier record untouched', () => {
      const reassessed = REGISTER.replace(
        '\nsupervision:\n',
        '  - person: R01\n    skill: oar-outlining\n    method: proknow\n    completed: 2027-03-01\n    record: PK-2701\n    signedOffBy: D02\n    result: 90\n\nsupervision:\n',
      );
      assert.deepEqual(kinds(registerDiff(REGISTER, reassessed).changes), ['training-record-added']);
    });

    it('a person holding a role twice (an entitlement ended, another begun): matched by their start dates', () => {
      const twice = (until: string) =>
        REGISTER.replace(
          '  - person: R02\n    role: adapter\n    from: 2024-03-01\n',
          `  - person: R02\n    role: adapter\n    from: 2024-03-01\n    until: ${until}\n  - person: R02\n    role: adapter\n    from: 2026-09-01\n`,
        );
      const result = registerDiff(twice('2025-06-30'), twice('2025-05-31'));
      assert.deepEqual(lines(result.changes), ['entitlement-ended: Entitlement of “R02” as “Adapter”: now ends on 2025-05-31 (was 2025-06-30).']);
    });

    it('a sign-off newly stated adds evidence (minor); one changed is significant', () => {
      const unsigned = REGISTER.replace('    signedOffBy: D02\n    result: 84\n', '    result: 84\n');
      const added = registerDiff(unsigned, REGISTER).changes;
      assert.deepEqual(
        added.map((c) => `${c.significance} ${c.kind}`),
        ['minor training-record-evidence'],
      );
      const removed = registerDiff(REGISTER, unsigned).changes;
      assert.deepEqual(
        removed.map((c) => `${c.significance} ${c.kind}`),
        ['significant training-record-sign-off'],
      );
    });
  });

  describe('names are personal data: never shown', () => {
    const named = (name: string) => REGISTER.replace('  - id: C04\n', `  - id: C04\n    name: ${name}\n`);
    const before = named('Ann Example');
    const after = named('Anne Exemplar').replace('  - id: R01\n', '  - id: R01\n    notes: Covers for Ann Example on Mondays.\n');
    const diff = registerDiff(before, after);

    it('a name changed is one change that says so, without either name', () => {
      const change = diff.changes.find((c) => c.kind === 'person-wording' && c.subject === 'Person “C04”');
      assert.ok(change);
      assert.equal(change.message, 'Person “C04”: name changed.');
      assert.equal(change.old, undefined);
      assert.equal(change.new, undefined);
      // A name written in a note is withheld too.
      const note = diff.changes.find((c) => c.subject === 'Person “R01”');
      assert.equal(note?.message, 'Person “R01”: notes now stated: Covers for [name withheld] on Mondays.');
    });

    for (const format of DIFF_FORMATS) {
      it(`no name in the ${format} report`, async () => {
        const output = await renderDiff(diff, format);
        const text =
          format === 'docx'
            ? wordText(
                unzip(output as Uint8Array)
                  .get('word/document.xml')!
                  .toString('utf8'),
              )
            : (output as string);
        assert.match(text, /name changed/);
        for (const name of ['Ann Example', 'Anne Exemplar', 'Exemplar', 'Ann ']) assert.ok(!text.includes(name), `${format} shows ${name}`);
      });
    }

    it('a name added or removed says so, without the name', () => {
      assert.deepEqual(lines(registerDiff(REGISTER, named('Ann Example')).changes), ['person-wording: Person “C04”: name now stated.']);
      assert.deepEqual(lines(registerDiff(named('Ann Example'), REGISTER).changes), ['person-wording: Person “C04”: name no longer stated.']);
    });
  });

  it('a register whose protocol cannot be read is still compared, its roles and skills named by id', () => {
    const lost = (text: string) => text.replace('protocol: reference-department.roles.yaml', 'protocol: no-such.roles.yaml');
    const result = registerDiff(lost(REGISTER), lost(REGISTER).replace('sites: [bladder, prostate]', 'sites: [bladder]'));
    assert.deepEqual(lines(result.changes), ['entitlement-sites: Entitlement of “D05” as “advanced-adapter”: no longer at prostate.']);
  });
});
