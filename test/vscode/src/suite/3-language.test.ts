import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  activateExtension,
  closeAll,
  EXTENSION_ID,
  expectCleanByRoundTrip,
  firstDiagnostics,
  hoverText,
  itemsOf,
  labelOf,
  positionIn,
  rangeOf,
  rangeText,
  replaceText,
  ruleOf,
  sample,
  show,
  sortedRangeTexts,
  targets,
  tokenRanges,
  waitForDiagnostics,
} from '../helpers';
import { nth } from '../nth';

/** The vocabulary of a `$defs` entry of the shipped schema, with its descriptions. */
function vocabulary(name: string): { values: string[]; descriptions: string[] } {
  const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
  const schema = JSON.parse(fs.readFileSync(path.join(extension.extensionPath, 'schemas', 'role-protocol.schema.json'), 'utf8')) as {
    $defs: Record<string, { enum: string[]; enumDescriptions?: string[] }>;
  };
  const vocabulary = schema.$defs[name];
  assert.ok(vocabulary, `no vocabulary ${name} in the schema`);
  return { values: vocabulary.enum, descriptions: vocabulary.enumDescriptions ?? [] };
}

async function complete(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  return itemsOf(await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position));
}

describe('language features on the reference sample', () => {
  let document: vscode.TextDocument;
  before(async () => {
    await activateExtension();
  });
  beforeEach(async () => {
    document = (await show(sample('reference-department.roles.yaml'))).document;
  });
  afterEach(closeAll);

  it('completes role ids in a list of roles, with their titles', async () => {
    const items = await complete(document, positionIn(document, '[advanced-adapter]', 1, 'id: oar-approval'));
    const labels = items.map(labelOf);
    for (const id of ['adapter', 'advanced-adapter', 'physicist', 'clinical-oncologist']) assert.ok(labels.includes(id), `no ${id} in ${labels.join(', ')}`);
    assert.equal(items.find((i) => labelOf(i) === 'advanced-adapter')?.detail, 'Advanced Adapter');
    // Only roles there: no skills, methods or keys.
    assert.ok(!labels.includes('plan-selection') && !labels.includes('proknow') && !labels.includes('performs'), labels.join(', '));
  });

  it('completes a vocabulary value with its description', async () => {
    const { values, descriptions } = vocabulary('mpeInvolvement');
    const value = rangeOf(document, 'agree', 'mpeInvolvement: ');
    const items = await complete(document, value.start);
    const labels = items.map(labelOf);
    assert.deepEqual(labels.filter((l) => values.includes(l)).sort(), [...values].sort(), labels.join(', '));
    values.forEach((v, i) => {
      if (!descriptions[i]) return;
      const documentation = items.find((item) => labelOf(item) === v)?.documentation;
      const text = typeof documentation === 'string' ? documentation : documentation?.value;
      assert.ok(text?.includes(descriptions[i]), `no description for ${v}: ${text}`);
    });
  });

  it('completes role ids while the document does not parse', async () => {
    // A missing colon further up, and a half-typed list being written.
    await replaceText(document, '    name: CBCT acquisition', '    name CBCT acquisition');
    await replaceText(document, '    performs: [advanced-adapter]\n', '    performs: [adv\n', 'id: dose-check');
    await waitForDiagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'syntax'), 'a syntax error');
    const items = await complete(document, positionIn(document, '[adv\n', 4, 'id: dose-check'));
    const labels = items.map(labelOf);
    assert.ok(labels.includes('advanced-adapter'), `no advanced-adapter in ${labels.join(', ')}`);
  });

  it("hovers a role reference with the role's title, staff group and band", async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      positionIn(document, 'advanced-adapter', 3, 'id: oar-approval'),
    );
    const text = hoverText(hovers);
    assert.match(text, /Advanced Adapter/);
    assert.match(text, /dosimetrist/);
    assert.match(text, /Band: 7/);
    const { range } = nth(hovers, 0);
    assert.deepEqual(range && rangeText(range), rangeText(rangeOf(document, 'advanced-adapter', 'id: oar-approval')));
  });

  it('hovers a skill reference with its training row', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      positionIn(document, 'plan-selection]', 2, 'id: plan-selection'),
    );
    const text = hoverText(hovers);
    assert.match(text, /Plan selection/);
    assert.match(text, /Training program for plan checking/);
    assert.match(text, /Plan Checking training records/);
  });

  it('goes to the definition of a role', async () => {
    const results = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      document.uri,
      positionIn(document, 'advanced-adapter', 3, 'id: oar-approval'),
    );
    const found = targets(results);
    assert.equal(found.length, 1);
    assert.equal(nth(found, 0).uri.toString(), document.uri.toString());
    assert.equal(rangeText(nth(found, 0).range), rangeText(rangeOf(document, 'advanced-adapter', 'id: advanced-adapter')));
  });

  it('finds every reference to a role, its definition included', async () => {
    const locations = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      document.uri,
      positionIn(document, 'advanced-adapter', 3, 'id: advanced-adapter'),
    );
    // The rest are in the reference register, which reads this protocol: its advanced adapters' entitlements.
    const elsewhere = locations.filter((l) => l.uri.toString() !== document.uri.toString());
    assert.deepEqual([...new Set(elsewhere.map((l) => l.uri.path.split('/').pop()))], ['reference-department.register.yaml']);
    assert.equal(elsewhere.length, 6);
    const expected = tokenRanges(document, 'advanced-adapter');
    assert.ok(expected.length >= 10, `${expected.length}`);
    assert.deepEqual(sortedRangeTexts(locations.filter((l) => l.uri.toString() === document.uri.toString()).map((l) => l.range)), sortedRangeTexts(expected));
  });

  it('renames a role everywhere it is written, and the result is still clean', async () => {
    const rename = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      document.uri,
      positionIn(document, 'physicist', 2, 'id: physicist'),
      'medical-physicist',
    );
    const entries = rename.entries();
    // The protocol, and the reference register that reads it (its physicists' entitlements).
    assert.deepEqual(
      entries.map(([uri]) => uri.path.split('/').pop()),
      ['reference-department.roles.yaml', 'reference-department.register.yaml'],
    );
    assert.equal(nth(entries, 1)[1].length, 4);
    const [, edits] = nth(entries, 0);
    assert.ok(edits.every((e) => e.newText === 'medical-physicist'));
    const expected = tokenRanges(document, 'physicist');
    assert.deepEqual(sortedRangeTexts(edits.map((e) => e.range)), sortedRangeTexts(expected));
    assert.ok(await vscode.workspace.applyEdit(rename));
    assert.equal(tokenRanges(document, 'physicist').length, 0);
    assert.equal(tokenRanges(document, 'medical-physicist').length, expected.length);
    await expectCleanByRoundTrip(document);
  });

  it('refuses to rename a role to an id already taken', async () => {
    await assert.rejects(
      Promise.resolve(
        vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, positionIn(document, 'physicist', 2, 'id: physicist'), 'adapter'),
      ),
      (err: Error) => /adapter/.test(err.message),
    );
  });

  it('outlines roles, steps, skills, methods, records, sites and training', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Sites', 'Roles', 'Workflow', 'Skills', 'Methods', 'Records', 'Training'],
    );
    const roles = symbols.find((s) => s.name === 'Roles')!;
    assert.deepEqual(
      roles.children.map((c) => c.name),
      ['adapter', 'advanced-adapter', 'physicist', 'clinical-oncologist'],
    );
    assert.deepEqual(
      roles.children.map((c) => c.detail),
      ['Adapter', 'Advanced Adapter', 'Physicist', 'Clinical Oncologist'],
    );
    assert.equal(rangeText(nth(roles.children, 1).selectionRange), rangeText(rangeOf(document, 'advanced-adapter', 'id: advanced-adapter')));
    const steps = symbols.find((s) => s.name === 'Workflow')!.children.map((c) => c.name);
    assert.deepEqual(steps, [
      'cbct',
      'oar-edit',
      'oar-approval',
      'target-edit',
      'plan-calculation',
      'plan-selection',
      'dose-check',
      'verification-cbct',
      'delivery',
      'mdt-review',
    ]);
  });
});

describe('language features across an include', () => {
  before(activateExtension);
  afterEach(closeAll);

  it('goes from a protocol to the role defined in its catalogue', async () => {
    const { document } = await show(sample('shared-catalogue/prostate.roles.yaml'));
    const catalogue = await vscode.workspace.openTextDocument(sample('shared-catalogue/department.catalogue.yaml'));
    const results = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      document.uri,
      positionIn(document, 'adapter]', 2, 'id: oar-edit'),
    );
    const found = targets(results);
    assert.equal(found.length, 1);
    assert.equal(nth(found, 0).uri.toString(), catalogue.uri.toString());
    assert.equal(rangeText(nth(found, 0).range), rangeText(rangeOf(catalogue, 'adapter', 'id: adapter')));
  });

  it('renames a catalogue role in the catalogue and in the protocol', async () => {
    const { document } = await show(sample('shared-catalogue/prostate.roles.yaml'));
    const catalogue = await vscode.workspace.openTextDocument(sample('shared-catalogue/department.catalogue.yaml'));
    const rename = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      document.uri,
      positionIn(document, 'adapter]', 2, 'id: oar-edit'),
      'radiographer-adapter',
    );
    const byUri = new Map(rename.entries().map(([uri, edits]) => [uri.toString(), edits]));
    assert.deepEqual([...byUri.keys()].sort(), [catalogue.uri.toString(), document.uri.toString()].sort());
    assert.deepEqual(sortedRangeTexts(byUri.get(document.uri.toString())!.map((e) => e.range)), sortedRangeTexts(tokenRanges(document, 'adapter')));
    assert.deepEqual(sortedRangeTexts(byUri.get(catalogue.uri.toString())!.map((e) => e.range)), sortedRangeTexts(tokenRanges(catalogue, 'adapter')));
    // Applied, both files stay consistent.
    assert.ok(await vscode.workspace.applyEdit(rename));
    await expectCleanByRoundTrip(document);
  });

  it('shows in the language status what a file was recognised as, its problems, and the way to its tables', async () => {
    const api = (await activateExtension()).exports as { languageStatus?: () => { text: string; detail?: string; severity: number } | undefined };
    assert.ok(api.languageStatus, 'a development build exposes the language status for the tests');
    const broken = await show(sample('broken/unknown-reference.roles.yaml'));
    await firstDiagnostics(broken.document.uri);
    const shown = api.languageStatus();
    assert.deepEqual(shown && { text: shown.text, detail: shown.detail, severity: shown.severity }, {
      text: 'Role protocol',
      detail: '1 error',
      severity: vscode.LanguageStatusSeverity.Error,
    });
    await show(sample('shared-catalogue/department.catalogue.yaml'));
    assert.equal(api.languageStatus()?.text, 'Role catalogue');
  });
});
