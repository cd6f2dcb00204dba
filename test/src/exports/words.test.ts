import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildProtocol, type Protocol } from '../../../server/out/service/model/protocol';
import { controlFields } from '../../../server/out/service/tables/render/document';
import {
  renderTables,
  renderTablesToBytes,
  tableSetFor,
  TABLE_IDS,
  vocabularyValue,
  vocabularyValues,
  vocabularyWords,
  type TableId,
  type TableSet,
} from '../../../server/out/service/tables/index';
import { parseCsv } from '../helpers/csv';
import { nth } from '../helpers/nth';
import { ROOT, tableSet } from './fixtures';
import { unzip, wordTables } from './ooxml';

/**
 * How values are written (docs/EXPORTS.md): a vocabulary value or a value
 * the tool writes, standing on its own in a cell or a field, in sentence
 * case and as words ("On call", "In review"); ids and the document's own
 * text exactly as written; the same in every table and every format.
 */

/** A protocol that uses every value of every vocabulary the tables show. */
function everyValue(status = 'approved'): Protocol {
  const careerLevels = vocabularyValues('careerLevel');
  const scopes = vocabularyValues('practitionerScope');
  const roles = careerLevels.map((careerLevel, i) => ({
    id: `role-${i}`,
    title: `Role ${i}`,
    staffGroups: i === 0 ? [...vocabularyValues('staffGroup')] : ['clinical scientist'],
    careerLevel,
    registrations: i === 0 ? [...vocabularyValues('registration')] : [],
    capacities: i === 0 ? [...vocabularyValues('capacity')] : ['practitioner'],
    practitionerScope: scopes[i % scopes.length],
  }));
  return buildProtocol({
    format: 'role-protocol/1',
    document: { id: 'doc-id', title: 'All the words', version: '1.0', status },
    sites: vocabularyValues('mpeInvolvement').map((mpeInvolvement, i) => ({ id: `site-${i}`, name: `Site ${i}`, mpeInvolvement })),
    roles,
    skills: [{ id: 'skill', name: 'A skill' }],
    methods: [{ id: 'method', name: 'A method' }],
    records: [{ id: 'record', name: 'A record' }],
    workflow: [{ id: 'step', name: 'A step', performs: roles.map((r) => r.id), skills: ['skill'] }],
    training: [
      { skill: 'skill', roles: ['role-0'], methods: ['method'], records: ['record'], reassessEveryMonths: 12 },
      { skill: 'skill', roles: ['role-1'], methods: ['method'], records: ['record'], reassessEveryMonths: 1 },
    ],
  });
}

/** The cells of one table as each format writes them (text, without the Word and HTML gap marks). */
async function cellsByFormat(set: TableSet, id: TableId): Promise<Record<'md' | 'csv' | 'html' | 'docx', string[][]>> {
  const only: TableSet = { ...set, tables: set.tables.filter((t) => t.id === id) };
  const md = renderTables(only, 'md')
    .split('\n')
    .filter((line) => line.startsWith('| '))
    .slice(1)
    .map((line) => line.slice(2, -2).split(' | '));
  const csv = parseCsv(renderTables(only, 'csv').replace(/^\uFEFF/, '')).slice(1);
  const html = [
    ...(new RegExp(`<table class="${id}">[\\s\\S]*?<tbody>([\\s\\S]*?)</tbody>`).exec(renderTables(only, 'html'))?.[1] ?? '').matchAll(
      /<tr[^>]*>([\s\S]*?)<\/tr>/g,
    ),
  ].map((row) => [...nth(row, 1).matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => nth(cell, 1).replace(/^<span class="mark">Gap<\/span> /, '')));
  const document = unzip(await renderTablesToBytes(only, 'docx'))
    .get('word/document.xml')!
    .toString('utf8');
  // Document control, approvals (none here: a paragraph says so), then the table.
  const word = wordTables(document).at(-1)!;
  const docx = word.rows.slice(1).map((row) => row.cells.map((c) => c.text.replace(/^GAP: /, '')));
  return { md, csv, html, docx };
}

describe('exports: how values are written', () => {
  it('writes each vocabulary value in sentence case, as words, and anything outside the vocabulary as written', () => {
    assert.equal(vocabularyValue('mpeInvolvement', 'on-call'), 'On call');
    assert.equal(vocabularyValue('status', 'in-review'), 'In review');
    assert.equal(vocabularyWords('status', 'in-review'), 'in review');
    assert.equal(vocabularyValue('capacity', 'MPE'), 'MPE');
    assert.equal(vocabularyValue('registration', 'HCPC (clinical scientist)'), 'HCPC (clinical scientist)');
    assert.equal(vocabularyValue('staffGroup', 'therapeutic radiographer'), 'Therapeutic radiographer');
    assert.equal(vocabularyWords('practitionerScope', 'both'), 'imaging and therapeutic');
    // Not in the vocabulary (the schema check reports it): the reader sees what the document says.
    assert.equal(vocabularyValue('mpeInvolvement', 'sometimes'), 'sometimes');
    assert.equal(vocabularyValue('staffGroup', 'porter'), 'porter');
    for (const vocabulary of ['staffGroup', 'careerLevel', 'capacity', 'registration', 'mpeInvolvement', 'status', 'practitionerScope'] as const) {
      assert.ok(vocabularyValues(vocabulary).length >= 3, vocabulary);
      for (const value of vocabularyValues(vocabulary)) {
        const shown = vocabularyValue(vocabulary, value);
        assert.match(shown, /^[A-Z]/, `${vocabulary}: ${value}`);
        assert.doesNotMatch(shown, /^[a-z]+(-[a-z]+)+$/i, `${vocabulary}: ${value} is written as words`);
        assert.equal(shown.slice(1), vocabularyWords(vocabulary, value).slice(1), `${vocabulary}: only the first letter changes`);
      }
    }
  });

  it('shows the same words in every table column that holds a vocabulary value, in Markdown, CSV, HTML and Word alike', async () => {
    const set = tableSetFor(everyValue(), TABLE_IDS);
    const expected: Partial<Record<TableId, Record<number, string[]>>> = {
      roles: {
        1: [
          'Therapeutic radiographer, Dosimetrist, Clinical technologist, Clinical scientist, Clinical oncologist, Assistant practitioner',
          ...Array<string>(4).fill('Clinical scientist'),
        ],
        3: ['Assistant practitioner', 'Practitioner', 'Enhanced', 'Advanced', 'Consultant'],
        4: ['HCPC (radiographer), HCPC (clinical scientist), GMC, RCT, AHCS, MPE certificate (RPA2000)', '', '', '', ''],
        5: [
          'Employer, Referrer, Practitioner (imaging), Operator, MPE',
          'Practitioner (therapeutic)',
          'Practitioner (imaging and therapeutic)',
          'Practitioner (imaging)',
          'Practitioner (therapeutic)',
        ],
      },
      sites: { 3: ['Present', 'Agree', 'Remote', 'On call'], 6: Array<string>(4).fill('No offline review') },
      // Per site (four), the step's five roles: two trained, three not.
      coverage: { 4: Array.from({ length: 4 }, () => ['Yes', 'Yes', 'No: missing A skill', 'No: missing A skill', 'No: missing A skill']).flat() },
      governance: { 3: ['Every 12 months', 'Every month'], 4: ['All sites', 'All sites'] },
    };
    for (const [id, columns] of Object.entries(expected) as [TableId, Record<number, string[]>][]) {
      const formats = await cellsByFormat(set, id);
      for (const [format, rows] of Object.entries(formats)) {
        for (const [column, values] of Object.entries(columns))
          assert.deepEqual(
            rows.map((cells) => cells[Number(column)]),
            values,
            `${format}: ${id}, column ${column}`,
          );
      }
    }
  });

  it('writes the document status as a value in the document-control block and as words in the Markdown and CSV line', () => {
    for (const [status, field, words] of [
      ['draft', 'Draft', 'draft'],
      ['in-review', 'In review', 'in review'],
      ['approved', 'Approved', 'approved'],
      ['retired', 'Retired', 'retired'],
    ] as const) {
      const protocol = everyValue(status);
      assert.equal(controlFields(protocol.document).find((f) => f.label === 'Status')?.value, field);
      const set = tableSetFor(protocol, TABLE_IDS);
      assert.ok(renderTables(set, 'md').startsWith(`All the words (doc-id), version 1.0, ${words}\n`));
      assert.ok(renderTables(set, 'html').includes(`<tr><th scope="row">Status</th><td>${field}</td></tr>`));
    }
  });

  it('in every sample, every value the tool writes or takes from a vocabulary starts with a capital or a digit', () => {
    const samples = fs.readdirSync(path.join(ROOT, 'samples')).filter((f) => f.endsWith('.roles.yaml'));
    assert.ok(samples.length >= 6);
    // The columns of values from a vocabulary or written by the tool (the rest are the document's own text).
    const vocabularyColumns: Partial<Record<TableId, string[]>> = {
      roles: ['Staff group', 'Band', 'National level', 'Registration', 'Capacity'],
      sites: ['MPE involvement'],
      coverage: ['Training row'],
      governance: ['Reassessment'],
    };
    let checked = 0;
    for (const sample of samples) {
      for (const table of tableSet(path.join(ROOT, 'samples', sample)).tables) {
        for (const column of vocabularyColumns[table.id] ?? []) {
          const index = table.columns.indexOf(column);
          assert.ok(index >= 0, `${table.id} has no column ${column}`);
          for (const row of table.rows) {
            const text = nth(row, index).text;
            // A list of values: each stands on its own. Career level and national profile are joined with "; ".
            for (const item of text.split(/, |; /).filter(Boolean)) {
              assert.match(item, /^[A-Z0-9]/, `${sample}: ${table.id}, ${column}: ${JSON.stringify(text)}`);
              checked++;
            }
          }
        }
        for (const line of table.legend ?? []) assert.match(line, /^[A-Z]/, `${sample}: ${table.id} legend: ${line}`);
      }
    }
    assert.ok(checked > 200, `only ${checked} values checked`);
  });
});
