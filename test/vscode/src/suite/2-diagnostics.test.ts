import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as vscode from 'vscode';
import {
  activateExtension,
  closeAll,
  edit,
  expectations,
  expectCleanByRoundTrip,
  firstDiagnostics,
  ours,
  rangeOf,
  rangeText,
  replaceText,
  ruleOf,
  sample,
  show,
  waitForDiagnostics,
  workspaceFolder,
} from '../helpers';
import { nth } from '../nth';

describe('diagnostics', () => {
  before(activateExtension);
  afterEach(closeAll);

  it('places the unknown role on the exact id, with "did you mean"', async () => {
    const editor = await show(sample('broken/unknown-reference.roles.yaml'));
    const diagnostics = await firstDiagnostics(editor.document.uri);
    assert.equal(diagnostics.length, 1, diagnostics.map((d) => d.message).join('\n'));
    const d = nth(diagnostics, 0);
    assert.equal(ruleOf(d), 'unknown-reference');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    // Line 111 (1-based), on `advanced-adaptor` itself.
    assert.equal(rangeText(d.range), rangeText(rangeOf(editor.document, 'advanced-adaptor', 'id: dose-check')));
    assert.equal(d.range.start.line, 110);
    assert.match(d.message, /`advanced-adaptor`.*Did you mean `advanced-adapter`\?/);
  });

  // Every broken sample states what it must give: `# Expect: <rule> on line <N>`.
  const brokenDir = vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file('/'), 'samples', 'broken');
  const broken = fs.existsSync(brokenDir.fsPath)
    ? fs
        .readdirSync(brokenDir.fsPath)
        .filter((f) => /\.(roles|register)\.(ya?ml|json)$/.test(f))
        .sort()
    : [];
  it('finds the broken samples', () => assert.ok(broken.length >= 20, `only ${broken.length} broken samples in ${brokenDir.fsPath}`));
  for (const name of broken) {
    it(`broken/${name} gives exactly the findings it claims`, async () => {
      const uri = sample(`broken/${name}`);
      const expectFile = `${uri.fsPath}.expect`;
      const editor = await show(uri);
      const expected = expectations(name.endsWith('.json') && fs.existsSync(expectFile) ? fs.readFileSync(expectFile, 'utf8') : editor.document.getText());
      // Every broken sample names its findings, but the small protocol the broken registers are checked against, which is clean.
      if (name === 'register-basis.roles.yaml') {
        assert.deepEqual(expected, []);
        await expectCleanByRoundTrip(editor.document);
        return;
      }
      assert.ok(expected.length > 0, 'a broken sample names its findings');
      const diagnostics = await firstDiagnostics(uri);
      assert.deepEqual(diagnostics.map((d) => `${ruleOf(d)}@${d.range.start.line + 1}`).sort(), expected);
    });
  }

  it('the reference register gives exactly the findings it claims, checked against its protocol', async () => {
    const uri = sample('reference-department.register.yaml');
    const editor = await show(uri);
    const expected = expectations(editor.document.getText());
    assert.equal(expected.length, 3, 'the reference register names its findings');
    const diagnostics = await firstDiagnostics(uri);
    assert.deepEqual(diagnostics.map((d) => `${ruleOf(d)}@${d.range.start.line + 1}`).sort(), expected);
  });

  for (const name of [
    'reference-department.roles.yaml',
    'radiographer-led.roles.yaml',
    'physicist-present.roles.yaml',
    'shared-catalogue/prostate.roles.yaml',
    'shared-catalogue/department.catalogue.yaml',
  ]) {
    it(`${name} is clean (shown by a breaking edit and its undoing)`, async () => {
      const editor = await show(sample(name));
      await expectCleanByRoundTrip(editor.document);
    });
  }

  it('a plain YAML file gets nothing until it declares the role-protocol format', async () => {
    // Looks like a protocol gone wrong, but has no `format`: not ours.
    const plain = vscode.Uri.joinPath(workspaceFolder(), 'notes', 'pipeline.yaml');
    await vscode.workspace.fs.writeFile(plain, new TextEncoder().encode('name: build\nroles: 5\nworkflow: nope\n'));
    const plainEditor = await show(plain);
    // A protocol opened after it has its diagnostics: the server has been through both.
    const protocol = await show(sample('broken/step-has-performer.roles.yaml'));
    await firstDiagnostics(protocol.document.uri);
    assert.deepEqual(vscode.languages.getDiagnostics(plain), []);
    // The same text declaring the format is checked at once, and dropping the
    // declaration clears it again: the server saw the file all along.
    await edit((e) => e.insert(plain, new vscode.Position(0, 0), 'format: role-protocol/1\n'));
    await waitForDiagnostics(plain, (d) => d.some((x) => ruleOf(x) === 'schema'), 'schema findings once `format` is declared');
    await replaceText(plainEditor.document, 'format: role-protocol/1\n', '');
    await waitForDiagnostics(plain, (d) => d.length === 0, 'no diagnostics once `format` is gone');
    assert.deepEqual(vscode.languages.getDiagnostics(plain), []);
  });

  it('follows roleProtocols.rules: warning, off, then back to the default', async () => {
    const uri = sample('broken/unknown-reference.roles.yaml');
    await show(uri);
    await firstDiagnostics(uri);
    const config = vscode.workspace.getConfiguration('roleProtocols', uri);
    try {
      await config.update('rules', { 'unknown-reference': 'warning' }, vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(uri, (d) => d.length === 1 && nth(d, 0).severity === vscode.DiagnosticSeverity.Warning, 'unknown-reference as a warning');
      await config.update('rules', { 'unknown-reference': 'off' }, vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(uri, (d) => d.length === 0, 'unknown-reference turned off');
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(uri, (d) => d.length === 1 && nth(d, 0).severity === vscode.DiagnosticSeverity.Error, 'unknown-reference back to an error');
  });

  it('finds includes along roleProtocols.includePath', async () => {
    // The prostate protocol without its catalogue beside it.
    const copy = vscode.Uri.joinPath(workspaceFolder(), 'elsewhere', 'prostate.roles.yaml');
    await vscode.workspace.fs.copy(sample('shared-catalogue/prostate.roles.yaml'), copy, { overwrite: true });
    await show(copy);
    await waitForDiagnostics(copy, (d) => d.some((x) => ruleOf(x) === 'unresolved-include'), 'unresolved-include');
    const config = vscode.workspace.getConfiguration('roleProtocols', copy);
    try {
      await config.update('includePath', ['samples/shared-catalogue'], vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(copy, (d) => d.length === 0, 'no diagnostics with the catalogue found on the include path');
    } finally {
      await config.update('includePath', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(copy, (d) => d.some((x) => ruleOf(x) === 'unresolved-include'), 'unresolved-include again without the include path');
  });

  it('re-checks a protocol when the catalogue it includes changes', async () => {
    const protocol = await show(sample('shared-catalogue/prostate.roles.yaml'));
    await expectCleanByRoundTrip(protocol.document);
    const catalogue = await vscode.workspace.openTextDocument(sample('shared-catalogue/department.catalogue.yaml'));
    // Renaming the catalogue's `adapter` (unsaved) breaks the protocol's references to it.
    await replaceText(catalogue, 'id: adapter\n', 'id: adapter-renamed\n');
    const diagnostics = await waitForDiagnostics(
      protocol.document.uri,
      (d) => d.some((x) => ruleOf(x) === 'unknown-reference'),
      'unknown-reference in the includer',
    );
    assert.ok(
      diagnostics.some((d) => /`adapter`/.test(d.message)),
      diagnostics.map((d) => d.message).join('\n'),
    );
    await replaceText(catalogue, 'id: adapter-renamed\n', 'id: adapter\n');
    await waitForDiagnostics(protocol.document.uri, (d) => d.length === 0, 'the includer clean again');
    assert.equal(ours(protocol.document.uri).length, 0);
  });
});
