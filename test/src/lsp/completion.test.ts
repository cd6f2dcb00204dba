import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver-protocol/node';
import { applyEdits, FIXTURES, SAMPLES, TestClient } from './client';
import { nth } from '../helpers/nth';

const REFERENCE = fs.readFileSync(path.join(SAMPLES, 'reference-department.roles.yaml'), 'utf8');

describe('lsp: completion', () => {
  let client: TestClient;
  let uri: string;

  before(async () => {
    client = await TestClient.start({ initializationOptions: { roleProtocols: { diagnostics: { debounceMs: 0 } } } });
    uri = await client.open(path.join(FIXTURES, 'completion.roles.yaml'), REFERENCE);
    await client.pushed(uri);
  });
  after(() => client.stop());

  /** Sets the document to `text` and asks for completions at `snippet` (+ delta), after `after`. */
  async function complete(text: string, snippet: string, delta: number, after = ''): Promise<{ items: CompletionItem[]; position: Position }> {
    await client.change(uri, text);
    const position = client.at(uri, snippet, delta, after);
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
    return { items: list.items, position };
  }

  const range = (line: number, from: number, to = from) => ({ start: { line, character: from }, end: { line, character: to } });

  it('offers the keys a role may still have, leaving out those written above and below', async () => {
    const text = REFERENCE.replace('    title: Adapter\n', '    title: Adapter\n    \n');
    const { items, position } = await complete(text, '    \n', 4, 'id: adapter');
    assert.deepEqual(position, { line: 66, character: 4 });
    assert.deepEqual(
      items.map((i) => i.label),
      ['shortName', 'nationalProfile', 'practitionerScope', 'notes'],
    );
    assert.deepEqual(items[0], {
      label: 'shortName',
      kind: 10,
      textEdit: { range: range(66, 4), newText: 'shortName: $0' },
      insertTextFormat: 2,
      detail: 'Short name',
      documentation: { kind: 'markdown', value: nth(items, 0).documentation && (nth(items, 0).documentation as { value: string }).value },
      sortText: '1-shortName',
      filterText: 'shortName',
    });
    assert.match((items[0].documentation as { value: string }).value, /^A short label for tables/);
  });

  it('offers vocabulary values with their descriptions, and puts a space after a bare colon', async () => {
    const text = REFERENCE.replace(
      '    careerLevel: practitioner\n    registrations: [HCPC (radiographer)]',
      '    careerLevel:\n    registrations: [HCPC (radiographer)]',
    );
    const { items, position } = await complete(text, 'careerLevel:', 12, 'id: adapter');
    assert.deepEqual(position, { line: 69, character: 16 });
    assert.deepEqual(
      items.map((i) => i.label),
      ['assistant practitioner', 'practitioner', 'enhanced', 'advanced', 'consultant'],
    );
    const practitioner = nth(items, 1);
    assert.deepEqual(practitioner.textEdit, { range: range(69, 16), newText: ' practitioner' });
    assert.equal(practitioner.detail, 'Career level');
    assert.equal(practitioner.kind, 20);
    assert.match((practitioner.documentation as { value: string }).value, /^Registered practitioner working within the full scope of their profession/);
    assert.equal(applyEdits(text, [practitioner.textEdit as never]), REFERENCE);
  });

  it('replaces a half-typed value with the vocabulary value', async () => {
    const text = REFERENCE.replace('    minBand: 5\n', '    minBand: 8\n');
    const { items } = await complete(text, 'minBand: 8', 10, 'id: adapter');
    const band = items.find((i) => i.label === '8a')!;
    assert.deepEqual(band.textEdit, { range: range(67, 13, 14), newText: '8a' });
  });

  it('offers role ids with their titles as detail, without those already in the list', async () => {
    const text = REFERENCE.replace(
      '    approves: [advanced-adapter]\n    skills: [dir-evaluation]',
      '    approves: [advanced-adapter, ]\n    skills: [dir-evaluation]',
    );
    const { items, position } = await complete(text, 'approves: [advanced-adapter, ]', 29, 'id: oar-approval');
    assert.deepEqual(position, { line: 140, character: 33 });
    assert.deepEqual(
      items.map((i) => [i.label, i.detail, i.kind]),
      [
        ['adapter', 'Adapter', 18],
        ['physicist', 'Physicist', 18],
        ['clinical-oncologist', 'Clinical Oncologist', 18],
      ],
    );
    assert.deepEqual(nth(items, 1).textEdit, { range: range(140, 33), newText: 'physicist' });
    assert.deepEqual(nth(items, 1).documentation, { kind: 'markdown', value: 'Role **Physicist**' });
  });

  it('offers the references a role’s procedures may name, by title, and the records for its core training', async () => {
    const text = REFERENCE.replace('    procedures: [EP-RT-07]\n    coreTraining: [irmer-core-training]\n', '    procedures: []\n    coreTraining: []\n');
    const { items, position } = await complete(text, 'procedures: []', 13, 'id: adapter');
    assert.deepEqual(position, { line: 72, character: 17 });
    assert.deepEqual(
      items.map((i) => [i.label, i.detail, i.kind]),
      [['EP-RT-07', "Employer's procedure for the entitlement of duty holders under IR(ME)R 2017", 18]],
    );
    assert.deepEqual(nth(items, 0).textEdit, { range: range(72, 17), newText: 'EP-RT-07' });
    assert.deepEqual(nth(items, 0).documentation, {
      kind: 'markdown',
      value: "Reference **Employer\\'s procedure for the entitlement of duty holders under IR\\(ME\\)R 2017**",
    });
    const { items: records } = await complete(text, 'coreTraining: []', 15, 'id: adapter');
    assert.ok(records.some((i) => i.label === 'irmer-core-training' && i.detail === 'IR(ME)R and radiation protection core training records'));
    assert.ok(!records.some((i) => i.label === 'EP-RT-07'));
  });

  it('offers skill ids for a new block list entry', async () => {
    const text = REFERENCE.replace('    skills: [plan-selection]\n', '    skills:\n      - \n');
    const { items } = await complete(text, '      - \n', 8, 'id: plan-selection');
    assert.deepEqual(
      items.map((i) => `${i.label}=${i.detail}`),
      [
        'oar-outlining=OAR outlining',
        'target-outlining=Target outlining',
        'dir-evaluation=DIR evaluation',
        'plan-selection=Plan selection',
        'mobius-approval=Mobius approval',
      ],
    );
  });

  it('offers a whole new role as a snippet, indented to sit in the list', async () => {
    const text = REFERENCE.replace('\n# The Ethos adaptive session', '\n  - \n# The Ethos adaptive session');
    const { items, position } = await complete(text, '  - \n', 4, 'id: clinical-oncologist');
    assert.deepEqual(position, { line: 121, character: 4 });
    const snippet = nth(items, 0);
    assert.equal(snippet.label, 'new role');
    assert.equal(snippet.kind, 15);
    assert.equal(snippet.insertTextFormat, 2);
    assert.equal(snippet.insertTextMode, 1);
    assert.deepEqual(snippet.textEdit, {
      range: range(121, 4),
      newText: [
        'id: ${1:new-role}',
        '    title: ${2:}',
        '    staffGroups: [${3:}]',
        '    minBand: ${4|2,3,4,5,6,7,8a,8b,8c,8d,9|}',
        '    careerLevel: ${5|assistant practitioner,practitioner,enhanced,advanced,consultant|}',
        '    capacities: [${6:}]',
        '    procedures: [${7:}]',
        '    coreTraining: [${8:}]',
        '    responsibilities: [${9:}]',
      ].join('\n'),
    });
  });

  it('offers a new step and a new training row after a bare dash, with the space YAML needs', async () => {
    const step = REFERENCE.replace('\nskills:\n', '\n  -\nskills:\n');
    const { items: stepItems } = await complete(step, '  -\nskills:', 3);
    assert.equal(nth(stepItems, 0).label, 'new step');
    assert.equal(
      (nth(stepItems, 0).textEdit as { newText: string }).newText,
      [
        ' id: ${1:new-step}',
        '    name: ${2:}',
        '    activity: ${3|imaging,oar-edit,oar-approval,target-edit,target-approval,plan-calculation,plan-selection,dose-check,verification-imaging,delivery,clinical-review,peer-review,other|}',
        '    performs: [${4:}]',
        '    skills: [${5:}]',
      ].join('\n'),
    );
    // The training matrix's last row, just above the contingency plan at the end of the file.
    const row = REFERENCE.replace('\ncontingencies:\n', '\n  - \ncontingencies:\n');
    const { items: rowItems } = await complete(row, '\n  - ', 5, 'signOff: physicist\n    reassessEveryMonths: 12\n');
    assert.equal(nth(rowItems, 0).label, 'new training row');
    assert.equal(
      (nth(rowItems, 0).textEdit as { newText: string }).newText,
      ['skill: ${1:}', '    roles: [${2:}]', '    methods: [${3:}]', '    records: [${4:}]', '    signOff: ${5:}', '    reassessEveryMonths: ${6:12}'].join(
        '\n',
      ),
    );
  });

  it('keeps working in a broken document from the last tree that parsed', async () => {
    // A role added while the document still parsed...
    const withRole = REFERENCE.replace(
      '\n# The Ethos adaptive session',
      '\n  - id: lead-dosimetrist\n    title: Lead Dosimetrist\n# The Ethos adaptive session',
    );
    await client.change(uri, withRole);
    await client.pushed(uri);
    // ...then a missing colon far above, and a half-typed list below.
    const broken = withRole
      .replace('    title: Physicist', '    title Physicist')
      .replace('    approves: [advanced-adapter]\n    skills: [dir-evaluation]', '    approves: [adv\n    skills: [dir-evaluation]');
    const { items, position } = await complete(broken, 'approves: [adv', 14, 'id: oar-approval');
    assert.deepEqual(
      (await client.pushed(uri)).map((d) => d.code),
      ['syntax'],
      'the document does not parse',
    );
    assert.deepEqual(position, { line: 142, character: 18 });
    assert.deepEqual(
      items.map((i) => i.label),
      ['adapter', 'advanced-adapter', 'physicist', 'clinical-oncologist', 'lead-dosimetrist'],
    );
    assert.deepEqual(nth(items, 1).textEdit, { range: range(142, 15, 18), newText: 'advanced-adapter' });
  });

  it('completes a half-typed key in a broken document from the indentation of its line', async () => {
    const broken = REFERENCE.replace('    title: Physicist', '    title Physicist').replace(
      '    approves: [advanced-adapter]\n    skills: [dir-evaluation]',
      '    approves: [advanced-adapter]\n    skills: [dir-evaluation]\n    sup',
    );
    const { items } = await complete(broken, '    sup\n', 7, 'id: oar-approval');
    assert.deepEqual(
      items.map((i) => i.label),
      ['phase', 'operates', 'edits', 'approval', 'agrees', 'supports', 'reviews', 'sites', 'covers', 'timing', 'contingency', 'notes'],
    );
    const supports = items.find((i) => i.label === 'supports')!;
    assert.deepEqual(supports.textEdit, { range: range(142, 4, 7), newText: 'supports: [$0]' });
  });

  describe('in a .roles.json file, written as JSON', () => {
    const JSON_TEXT = fs.readFileSync(path.join(SAMPLES, 'broken/schema-json.roles.json'), 'utf8');
    let json: string;
    before(async () => {
      json = await client.open(path.join(FIXTURES, 'completion.roles.json'), JSON_TEXT);
      await client.pushed(json);
    });
    const at = async (text: string, snippet: string, delta: number, after = '') => {
      await client.change(json, text);
      const position = client.at(json, snippet, delta, after);
      const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: json }, position });
      return { items: list.items, position };
    };

    it('offers vocabulary inside a half-typed string, replacing it with its quotes', async () => {
      const text = JSON_TEXT.replace('"careerLevel": "practitioner"', '"careerLevel": "pra"');
      const { items, position } = await at(text, '"careerLevel": "pra"', 19);
      assert.deepEqual(
        items.map((i) => i.label),
        ['assistant practitioner', 'practitioner', 'enhanced', 'advanced', 'consultant'],
      );
      const start = { line: position.line, character: position.character - 4 };
      assert.deepEqual(nth(items, 1).textEdit, {
        range: { start, end: { line: position.line, character: position.character + 1 } },
        newText: '"practitioner"',
      });
    });

    it('offers the keys an entry may still have, with the start of each value', async () => {
      const text = JSON_TEXT.replace('"careerLevel": "practitioner",', '"careerLevel": "practitioner",\n      "",');
      const { items } = await at(text, '      "",', 7);
      const labels = items.map((i) => i.label);
      assert.ok(labels.includes('notes') && labels.includes('shortName'), labels.join(', '));
      assert.ok(!labels.includes('careerLevel') && !labels.includes('title'), 'keys written above and below are left out');
      assert.equal(items.find((i) => i.label === 'registrations')!.textEdit!.newText, '"registrations": [$0]');
      assert.equal(items.find((i) => i.label === 'shortName')!.textEdit!.newText, '"shortName": "$0"');
      assert.ok(!labels.includes('minBand'), 'a band already written is not offered again');
    });

    it('offers the ids of the document in a list of references, without those already listed', async () => {
      const text = JSON_TEXT.replace(/"performs": \[[^\]]*\]/, '"performs": ["adapter", ]');
      const { items } = await at(text, '"performs": ["adapter", ]', 24);
      const labels = items.map((i) => i.label);
      assert.ok(labels.length > 0 && !labels.includes('adapter'), labels.join(', '));
      assert.ok(items.every((i) => (i.textEdit as { newText: string }).newText === JSON.stringify(i.label)));
    });
  });

  it('offers nothing inside a flow mapping, where indentation does not tell the place', async () => {
    const text = REFERENCE.replace(
      '  - id: cbct\n    name: CBCT acquisition\n    activity: imaging\n    performs: [adapter]\n',
      '  - {id: cbct, name: CBCT acquisition, activity: imaging, performs: [adapter], }\n',
    );
    const { items } = await complete(text, 'performs: [adapter], }', 21);
    assert.deepEqual(items, []);
  });
});
