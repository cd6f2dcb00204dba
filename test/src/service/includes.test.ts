import * as assert from 'node:assert/strict';
import { lint, at } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';
import { IncludeCache } from '../../../server/out/service/engine/includes';
import { lintText } from '../../../server/out/service/engine/lint';
import { buildTable } from '../../../server/out/service/tables/index';
import { nth } from '../helpers/nth';

/** The clean protocol with its skills, methods and records moved into a catalogue. */
const catalogue = `format: role-catalogue/1
${SECTIONS.skills}${SECTIONS.methods}${SECTIONS.records}`;
const protocol = protocolText({ header: SECTIONS.header + 'includes: [department.catalogue.yaml]\n', skills: '', methods: '', records: '' });

describe('includes', () => {
  it('resolves references to a catalogue’s entries and gives a clean protocol', () => {
    assert.deepEqual(lint(protocol, { files: { 'department.catalogue.yaml': catalogue } }), []);
  });

  it('without the catalogue, every reference into it is unknown and the include is reported', () => {
    const findings = lint(protocol);
    assert.equal(findings.filter((f) => f.ruleId === 'unresolved-include').length, 1);
    assert.ok(findings.filter((f) => f.ruleId === 'unknown-reference').length >= 6);
  });

  it('reports an id defined both here and in the catalogue, on this document’s copy', () => {
    const twice = protocolText({ header: SECTIONS.header + 'includes: [department.catalogue.yaml]\n', methods: '', records: '' });
    const findings = lint(twice, { files: { 'department.catalogue.yaml': catalogue } }).filter((f) => f.ruleId === 'duplicate-id');
    assert.deepEqual(
      findings.map((f) => [f.range.start.line + 1, f.range.start.character + 1, f.message]),
      [
        [
          at(twice, 'oar-outlining', '\nskills:\n').line,
          at(twice, 'oar-outlining', '\nskills:\n').column,
          'The skill id `oar-outlining` is already defined in the included catalogue `department.catalogue.yaml`; use that entry or give this skill a different id.',
        ],
        [
          at(twice, 'plan-selection\n    name', '\nskills:\n').line,
          at(twice, 'plan-selection\n    name', '\nskills:\n').column,
          'The skill id `plan-selection` is already defined in the included catalogue `department.catalogue.yaml`; use that entry or give this skill a different id.',
        ],
      ],
    );
  });

  it('lints a catalogue on its own without asking for a workflow or document control', () => {
    assert.deepEqual(lint(catalogue, { fileName: 'department.catalogue.yaml' }), []);
  });

  it('reads a catalogue once per version of its text when the checks share a cache, with the same findings', () => {
    let catalogueText = catalogue;
    let reads = 0;
    const readInclude = (includePath: string) => {
      reads++;
      return { file: `/department/${includePath}`, text: catalogueText };
    };
    const cache = new IncludeCache();
    const check = (fileName: string, withCache = true) =>
      lintText(protocol, { fileName, readInclude, today: '2026-11-26', ...(withCache ? { includeCache: cache } : {}) });
    const first = check('/department/a.roles.yaml');
    const second = check('/department/b.roles.yaml');
    assert.equal(reads, 2, 'the host is still asked for the text each time (it may have changed)');
    assert.equal(second.includes[0], first.includes[0], 'the catalogue read for the first protocol serves the second');
    assert.deepEqual(second.findings, check('/department/b.roles.yaml', false).findings);
    // A new text of the catalogue is read afresh, and its findings follow it.
    catalogueText = catalogue.replace('id: oar-outlining', 'id: oar-contouring');
    const third = check('/department/a.roles.yaml');
    assert.notEqual(third.includes[0], first.includes[0]);
    assert.deepEqual(third.findings, check('/department/a.roles.yaml', false).findings);
    assert.ok(third.findings.some((f) => f.ruleId === 'unknown-reference' && /oar-outlining/.test(f.message)));
  });

  it('still checks a catalogue’s entries against the schema', () => {
    const bad = catalogue.replace('type: scored-assessment', 'type: scored');
    const finding = nth(lint(bad, { fileName: 'department.catalogue.yaml' }), 0);
    assert.equal(finding.ruleId, 'schema');
    assert.match(finding.message, /^`type` must be one of scored-assessment, /);
  });
});

describe('tables of a protocol that includes a catalogue', () => {
  it('show the catalogue’s roles the protocol uses, with the catalogue as their source', () => {
    const rolesCatalogue = `format: role-catalogue/1\n${SECTIONS.roles}  - id: spare\n    title: Unused role\n    staffGroups: [dosimetrist]\n`;
    const text = protocolText({ header: SECTIONS.header + 'includes: [roles.catalogue.yaml]\n', roles: '' });
    const result = lintText(text, {
      fileName: 'p.roles.yaml',
      today: '2026-11-26',
      readInclude: (p) => (p === 'roles.catalogue.yaml' ? { file: '/w/roles.catalogue.yaml', text: rolesCatalogue } : { error: 'no such file.' }),
    });
    assert.deepEqual(result.findings, []);
    const roles = buildTable('roles', result.protocol!);
    assert.deepEqual(
      roles.rows.map((r) => nth(r, 0).text),
      ['Adapter', 'Physicist', 'Clinical Oncologist'],
    );
    assert.deepEqual(nth(nth(roles.rows, 0), 0).source, ['roles', 0, 'title']);
    assert.equal(nth(nth(roles.rows, 0), 0).sourceFile, '/w/roles.catalogue.yaml');
    assert.deepEqual(buildTable('matrix', result.protocol!).columns, ['Step', 'Adapter', 'Physicist', 'Clinical Oncologist']);
  });
});
