import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { DocumentSymbol, Hover, Location, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { applyEdits, at, SAMPLES, TestClient } from './client';
import { nth } from '../helpers/nth';

describe('lsp: hover, definition, references, rename, symbols', () => {
  let client: TestClient;
  let uri: string;

  before(async () => {
    client = await TestClient.start({ initializationOptions: { roleProtocols: { diagnostics: { debounceMs: 0 } } } });
    uri = await client.open(path.join(SAMPLES, 'reference-department.roles.yaml'));
  });
  after(() => client.stop());

  const hover = (snippet: string, after: string) =>
    client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: client.at(uri, snippet, 1, after) });
  const markdown = (h: Hover) => (h.contents as { kind: string; value: string }).value;

  it('hovers a key with its schema title and description', async () => {
    const h = await hover('staffGroups', 'id: adapter');
    assert.equal(at(h.range!), '67:5-67:16');
    assert.equal(markdown(h), '**Staff groups**\n\nThe professional staff groups whose members may hold this role.');
  });

  it('hovers a vocabulary value with what it means', async () => {
    const h = await hover('practitioner', 'id: adapter');
    assert.equal(at(h.range!), '70:18-70:30');
    assert.equal(
      markdown(h),
      '**Career level**\n\n`practitioner`: Registered practitioner working within the full scope of their profession, typically bands 5 to 6.',
    );
  });

  it('hovers a role reference with its title, band, staff groups and responsibilities', async () => {
    const h = await hover('advanced-adapter', 'id: oar-approval');
    assert.equal(at(h.range!), '141:16-141:32');
    assert.equal(
      markdown(h),
      [
        '**Advanced Adapter** (role `advanced-adapter`)',
        'Staff group: dosimetrist · Band: 7 or above · IR(ME)R: operator',
        "Entitled under: Employer\\'s procedure for the entitlement of duty holders under IR\\(ME\\)R 2017",
        'Core IR(ME)R training recorded in: IR\\(ME\\)R and radiation protection core training records',
        "- Approve OARs edited by the adapter\n- Edit and approve target volumes\n- Select the plan for that day\\'s treatment\n- Approve the Mobius check",
      ].join('\n\n'),
    );
    const physicist = await hover('physicist', 'id: oar-edit');
    assert.match(markdown(physicist), /^\*\*Physicist\*\* \(role `physicist`\)\n\nStaff group: clinical scientist · Band: 7\\-8c · /);
  });

  it('hovers a skill with its training row', async () => {
    const h = await hover('plan-selection', 'agrees: [physicist]');
    assert.equal(at(h.range!), '163:14-163:28');
    assert.equal(
      markdown(h),
      "**Plan selection** (skill `plan-selection`)\n\nTraining:\n- Advanced adapter\\, MPE: Training program for plan checking; evidence in Plan Checking training records; at least 2 years' experience",
    );
    const dir = await hover('dir-evaluation', 'id: oar-approval');
    assert.equal(
      markdown(dir),
      '**DIR evaluation** (skill `dir-evaluation`)\n\nJudging whether deformable image registration has propagated contours acceptably\\.\n\nTraining:\n- Adapter and Advanced Adapter: Tutorial; evidence in Certificate',
    );
  });

  it('hovers a method and a record', async () => {
    const method = await hover('proknow', 'skill: target-outlining');
    assert.equal(markdown(method), '**ProKnow Contouring Tool** (method `proknow`)\n\nType: scored\\-assessment · Pass mark: 80 · Certificate on completion');
    const record = await hover('reflective-logs', 'skill: target-outlining');
    assert.equal(markdown(record), '**Reflective training logs** (record `reflective-logs`)\n\nKept in: Individual training portfolio');
  });

  it('goes to the definition of a role, a skill and a step', async () => {
    const definition = (snippet: string, after: string) =>
      client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: client.at(uri, snippet, 2, after) });
    assert.deepEqual(
      (await definition('advanced-adapter', 'id: oar-approval')).map((l) => `${path.basename(l.uri)}@${at(l.range)}`),
      ['reference-department.roles.yaml@78:9-78:25'],
    );
    assert.deepEqual(
      (await definition('mobius-approval', 'id: dose-check')).map((l) => at(l.range)),
      ['202:9-202:24'],
    );
    assert.deepEqual(
      (await definition('plan-selection]', 'covers: [')).map((l) => at(l.range)),
      ['158:9-158:23'],
    );
    assert.equal(await client.request('textDocument/definition', { textDocument: { uri }, position: client.at(uri, 'Adapter', 2, 'title: ') }), null);
  });

  it('finds every reference to a role, with or without its definition', async () => {
    const position = client.at(uri, 'physicist', 3, 'id: plan-selection');
    const withDeclaration = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri },
      position,
      context: { includeDeclaration: true },
    });
    // The reference register reads this protocol: its entitlements to the role are references too.
    const REGISTER = 'reference-department.register.yaml';
    assert.deepEqual(
      withDeclaration.filter((l) => path.basename(l.uri) === REGISTER).map((l) => at(l.range)),
      ['248:11-248:20', '252:11-252:20', '256:11-256:20', '260:11-260:20'],
    );
    assert.deepEqual(
      withDeclaration.filter((l) => path.basename(l.uri) !== REGISTER).map((l) => at(l.range)),
      [
        '23:13-23:22',
        '93:9-93:18',
        '134:16-134:25',
        '150:16-150:25',
        '162:14-162:23',
        '169:34-169:43',
        '266:14-266:23',
        '270:31-270:40',
        '280:31-280:40',
        '286:14-286:23',
      ],
    );
    const withoutDeclaration = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri },
      position,
      context: { includeDeclaration: false },
    });
    assert.equal(withoutDeclaration.length, 9 + 4);
    assert.ok(!withoutDeclaration.some((l) => at(l.range) === '93:9-93:18'));
  });

  it('prepares a rename on an id, and says why it cannot elsewhere', async () => {
    assert.deepEqual(
      await client.request('textDocument/prepareRename', { textDocument: { uri }, position: client.at(uri, 'physicist', 2, '  - id: physicist') }),
      {
        range: { start: { line: 92, character: 8 }, end: { line: 92, character: 17 } },
        placeholder: 'physicist',
      },
    );
    await assert.rejects(
      client.request('textDocument/prepareRename', { textDocument: { uri }, position: client.at(uri, 'title', 1, 'id: physicist') }),
      /There is no role, step, skill, method, record, site, reference or person id here to rename\./,
    );
  });

  it('renames a role everywhere it is written', async () => {
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri },
      position: client.at(uri, 'physicist', 2, 'agrees: ['),
      newName: 'medical-physicist',
    });
    const change = nth(edit.documentChanges as TextDocumentEdit[], 0);
    // The protocol, and the register that reads it (not open: its file on disk).
    assert.equal(edit.documentChanges!.length, 2);
    const register = nth(edit.documentChanges as TextDocumentEdit[], 1);
    assert.equal(path.basename(register.textDocument.uri), 'reference-department.register.yaml');
    assert.equal(register.edits.length, 4);
    assert.deepEqual(change.textDocument, { uri, version: 1 });
    assert.equal(change.edits.length, 10);
    const renamed = applyEdits(client.texts.get(uri)!, change.edits as TextEdit[]);
    // In this sample `physicist` (lower case) is only ever the role id.
    assert.equal(renamed, client.texts.get(uri)!.replace(/\bphysicist\b/g, 'medical-physicist'));
  });

  it('refuses a rename to an id that is taken, or that is not kebab case', async () => {
    const position = client.at(uri, 'physicist', 2, 'agrees: [');
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri }, position, newName: 'adapter' }),
      /A role with the id `adapter` already exists; choose another id\./,
    );
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri }, position, newName: 'Medical Physicist' }),
      /`Medical Physicist` is not a valid id: use lower-case letters and digits joined by hyphens/,
    );
    // A skill may share an id with a step: only the same kind is taken.
    const skill = client.at(uri, 'mobius-approval', 2, 'id: dose-check');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: skill, newName: 'dose-check' });
    assert.equal(nth(edit.documentChanges as TextDocumentEdit[], 0).edits.length, 3);
  });

  it('hovers, goes to and finds a reference a role names under procedures, and renames it as a document number', async () => {
    const onRole = (snippet: string, delta: number) => client.at(uri, snippet, delta, 'id: physicist');
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: onRole('EP-RT-07', 1) });
    assert.equal(at(h.range!), '102:18-102:26');
    assert.equal(
      markdown(h),
      "**Employer\\'s procedure for the entitlement of duty holders under IR\\(ME\\)R 2017** (reference `EP-RT-07`, employer\\-procedure)\n\nEntitles: Adapter, Advanced Adapter, Physicist, Clinical Oncologist",
    );
    const definition = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: onRole('EP-RT-07', 3) });
    assert.deepEqual(
      definition.map((l) => at(l.range)),
      ['29:11-29:19'],
    );
    const references = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri },
      position: client.at(uri, 'EP-RT-07', 2, 'references:'),
      context: { includeDeclaration: false },
    });
    assert.deepEqual(
      references.map((l) => at(l.range)),
      ['73:18-73:26', '85:18-85:26', '102:18-102:26', '116:18-116:26'],
    );
    assert.deepEqual(await client.request('textDocument/prepareRename', { textDocument: { uri }, position: onRole('EP-RT-07', 1) }), {
      range: { start: { line: 101, character: 17 }, end: { line: 101, character: 25 } },
      placeholder: 'EP-RT-07',
    });
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri },
      position: onRole('EP-RT-07', 1),
      newName: 'QP-IRMER-002',
    });
    const change = nth(edit.documentChanges as TextDocumentEdit[], 0);
    assert.equal(change.edits.length, 5);
    assert.equal(applyEdits(client.texts.get(uri)!, change.edits as TextEdit[]), client.texts.get(uri)!.replaceAll('EP-RT-07', 'QP-IRMER-002'));
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri }, position: onRole('EP-RT-07', 1), newName: 'QP IRMER 002' }),
      /`QP IRMER 002` is not a valid reference number/,
    );
  });

  it('goes from a role’s core training to its record', async () => {
    const definition = await client.request<Location[]>('textDocument/definition', {
      textDocument: { uri },
      position: client.at(uri, 'irmer-core-training', 2, 'id: clinical-oncologist'),
    });
    assert.deepEqual(
      definition.map((l) => at(l.range)),
      ['242:9-242:28'],
    );
  });

  it('outlines sections with their entries', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((s) => `${s.name}(${s.children!.length})`),
      ['Sites(3)', 'Roles(4)', 'Workflow(10)', 'Skills(5)', 'Methods(5)', 'Records(6)', 'Training(5)'],
    );
    const roles = nth(symbols, 1);
    assert.equal(at(roles.selectionRange), '64:1-64:6');
    const physicist = nth(roles.children!, 2);
    assert.deepEqual(
      { name: physicist.name, detail: physicist.detail, kind: physicist.kind, range: at(physicist.range), selection: at(physicist.selectionRange) },
      { name: 'physicist', detail: 'Physicist', kind: 5, range: '93:5-107:33', selection: '93:9-93:18' },
    );
    const row = nth(nth(symbols, 6).children!, 3);
    assert.deepEqual(
      { name: row.name, detail: row.detail, selection: at(row.selectionRange) },
      { name: 'plan-selection', detail: 'advanced-adapter, physicist', selection: '269:12-269:26' },
    );
    for (const section of symbols) {
      for (const child of section.children!)
        assert.ok(
          child.range.start.line >= section.range.start.line && child.range.end.line <= section.range.end.line,
          `${child.name} lies inside ${section.name}`,
        );
    }
  });
});
