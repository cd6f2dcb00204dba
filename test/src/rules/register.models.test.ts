import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { at, lint } from '../helpers/ruleTester';
import { protocolText } from '../helpers/protocolText';
import { onProtocol, perSiteProtocol, registerText } from '../helpers/registerText';

const shown = (findings: ReturnType<typeof lint>) => findings.map((f) => `${f.ruleId}@${f.range.start.line + 1} ${f.message}`);

describe('register models', () => {
  it('the test register is clean against the test protocol, and against its per-site variant', () => {
    assert.deepEqual(shown(lint(protocolText())), []);
    assert.deepEqual(shown(lint(registerText(), onProtocol())), []);
    assert.deepEqual(shown(lint(perSiteProtocol())), []);
    assert.deepEqual(shown(lint(registerText(), onProtocol(perSiteProtocol()))), []);
  });

  it('a register whose protocol cannot be read: the register rules say nothing but its own dates; unresolved-include on the protocol line', () => {
    // A register full of what the rules would find against a protocol: nothing is guessed without it.
    const text = registerText()
      .replace('    band: 6\n', '    band: 3\n')
      .replace('    result: 86\n', '    result: 12\n')
      .replace('    completed: 2026-02-02\n', '    completed: 2024-02-02\n')
      .replace('  updated: 2026-11-20\n', '  updated: 2026-11-31\n');
    // (unknown-reference also reports every role, skill and method id then: it is not a register rule.)
    const findings = lint(text, { fileName: 'test.register.yaml', files: {} }).filter((f) => f.ruleId !== 'unknown-reference');
    assert.deepEqual(
      findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}`),
      ['unresolved-include@2', 'register-dates@6'],
      shown(findings).join('\n'),
    );
    assert.match(findings[0]!.message, /^Cannot read the protocol `p\.roles\.yaml`/);
    // The same register against its protocol: each of those is found.
    assert.deepEqual([...new Set(lint(text, onProtocol()).map((f) => f.ruleId))].sort(), [
      'pass-mark-met',
      'person-band',
      'reassessment-overdue',
      'register-dates',
      // P01 overdue and R01 failed: one adapter and one physicist can act.
      'service-cover',
    ]);
  });

  /**
   * Another department's register, written as they would write it and not
   * shaped to these checks: a radiographer-led bladder service (adaptive and
   * lead adaptive radiographers, MPEs reachable remotely, consultants
   * reviewing offline), its roles partly in a catalogue, 11 people by staff
   * number, one trainee under supervision, a cascade sign-off between the
   * first two leads, nodal target outlining trained per site, a failed
   * ProKnow attempt kept as history.
   */
  describe('Harbourside: a radiographer-led bladder service', () => {
    const DIR = path.resolve(__dirname, '../../fixtures/registers/harbourside');
    const read = (name: string) => fs.readFileSync(path.join(DIR, name), 'utf8');
    const files = {
      'bladder-oart.roles.yaml': read('bladder-oart.roles.yaml'),
      'harbourside.catalogue.yaml': read('harbourside.catalogue.yaml'),
    };
    const register = read('bladder-oart.register.yaml');
    const check = (text: string) => lint(text, { fileName: 'bladder-oart.register.yaml', files });

    it('its catalogue, protocol and register lint clean', () => {
      assert.deepEqual(shown(lint(files['harbourside.catalogue.yaml'], { fileName: 'harbourside.catalogue.yaml' })), []);
      assert.deepEqual(shown(lint(files['bladder-oart.roles.yaml'], { fileName: 'bladder-oart.roles.yaml', files })), []);
      assert.deepEqual(shown(check(register)), []);
    });

    /** One defect each: a piece of the register replaced, and each finding it must give, as [rule, a snippet of its line, the text the snippet follows]. */
    const defects: { name: string; from: string; to: string; expect: [string, string, string?][] }[] = [
      {
        name: 'the trainee not marked as supervised: untrained in two skills',
        from: '    entitledBy: Radiotherapy Services Manager\n    supervised: true\n',
        to: '    entitledBy: Radiotherapy Services Manager\n',
        expect: [
          ['person-trained', 'role: adaptive-radiographer', 'person: "205012"'],
          ['person-trained', 'role: adaptive-radiographer', 'person: "205012"'],
        ],
      },
      {
        name: 'a lead entitled at both sites, trained in target outlining for whole bladder only',
        from: '    sites: [bladder]\n    scope: Whole bladder only until trained in nodal outlining.\n',
        to: '',
        expect: [['person-trained', 'role: lead-adaptive-radiographer', 'person: "202034"']],
      },
      {
        name: 'OAR outlining last assessed more than 12 months ago',
        from: '    completed: 2026-09-07\n',
        to: '    completed: 2025-11-20\n',
        expect: [['reassessment-overdue', '2025-11-20']],
      },
      {
        name: 'Mobius approval due for reassessment within 60 days',
        from: '    completed: 2026-03-16\n',
        to: '    completed: 2025-12-21\n',
        expect: [['reassessment-due', '2025-12-21']],
      },
      {
        name: 'OAR outlining signed off by a fellow adaptive radiographer, not a lead',
        from: '    signedOffBy: "202034"\n    result: 93\n',
        to: '    signedOffBy: "204117"\n    result: 93\n',
        expect: [['person-sign-off', 'signedOffBy: "204117"']],
      },
      {
        name: "a lead's ProKnow score below the department's pass mark of 85: and one lead fewer can act at the nodes",
        from: '    result: 88\n',
        to: '    result: 84\n',
        expect: [
          ['service-cover', 'role: lead-adaptive-radiographer', 'person: "201456"'],
          ['pass-mark-met', 'result: 84'],
        ],
      },
      {
        name: 'an adaptive radiographer recorded as a dosimetrist',
        from: '  - id: "204233"\n    staffGroup: therapeutic radiographer\n',
        to: '  - id: "204233"\n    staffGroup: dosimetrist\n',
        expect: [['person-staff-group', 'role: adaptive-radiographer', 'person: "204233"']],
      },
      {
        name: 'an adaptive radiographer on band 5',
        from: '  - id: "204117"\n    staffGroup: therapeutic radiographer\n    band: 6\n',
        to: '  - id: "204117"\n    staffGroup: therapeutic radiographer\n    band: 5\n',
        expect: [['person-band', 'role: adaptive-radiographer', 'person: "204117"']],
      },
      {
        name: 'an HCPC registration that lapsed yesterday',
        from: '        number: RA64117\n        expires: 2027-02-28\n',
        to: '        number: RA64117\n        expires: 2026-11-25\n',
        expect: [['person-registration', 'expires: 2026-11-25']],
      },
      {
        name: "the supervisor's HCPC registration lapsed: they may not supervise either",
        from: '        number: RA64389\n        expires: 2027-02-28\n',
        to: '        number: RA64389\n        expires: 2026-11-25\n',
        expect: [
          ['person-registration', 'expires: 2026-11-25'],
          ['trainee-supervised', 'supervised: true'],
          ['trainee-supervised', 'supervised: true'],
        ],
      },
      {
        name: 'an MPE certificate that expired last week',
        from: '        expires: 2030-01-31\n',
        to: '        expires: 2026-11-20\n',
        expect: [['person-mpe-recognition', 'expires: 2026-11-20']],
      },
      {
        name: "the trainee's supervision ended yesterday",
        from: '    until: 2027-04-30\n',
        to: '    until: 2026-11-25\n',
        expect: [
          ['trainee-supervised', 'supervised: true'],
          ['trainee-supervised', 'supervised: true'],
        ],
      },
      {
        name: 'the register updated on 31 November',
        from: '  updated: 2026-11-23\n',
        to: '  updated: 2026-11-31\n',
        expect: [['register-dates', 'updated: 2026-11-31']],
      },
      {
        name: 'a lead trained for the nodes leaves: one left who can act there',
        from: '  - person: "201456"\n    role: lead-adaptive-radiographer\n    from: 2025-09-01\n',
        to: '  - person: "201456"\n    role: lead-adaptive-radiographer\n    from: 2025-09-01\n    until: 2026-11-25\n',
        expect: [['service-cover', 'role: lead-adaptive-radiographer', 'person: "201456"']],
      },
    ];
    for (const defect of defects)
      it(`catches one defect: ${defect.name}`, () => {
        assert.equal(register.split(defect.from).length, 2, 'the defect replaces exactly one place');
        const text = register.replace(defect.from, defect.to);
        const found = check(text);
        assert.deepEqual(
          found.map((f) => `${f.ruleId}@${f.range.start.line + 1}`),
          defect.expect.map(([rule, snippet, after]) => `${rule}@${at(text, snippet, after).line}`),
          shown(found).join('\n'),
        );
      });
  });
});
