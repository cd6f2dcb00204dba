import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, closeAll, COMMANDS, EXTENSION_ID, expectations, firstDiagnostics, ruleOf, sample, show, webviewShowing } from '../helpers';

/**
 * Runs against the extension installed from the packaged .vsix (no
 * development copy is loaded): it proves the package holds everything the
 * extension needs at run time, the bundled server, its schema and the templates.
 */
describe('the installed .vsix', () => {
  afterEach(closeAll);

  it('is what runs: installed in the extensions folder, with the two bundles and no node_modules', async () => {
    const extension = await activateExtension();
    const root = path.resolve(__dirname, '../../../..');
    assert.ok(
      !path.resolve(extension.extensionPath).startsWith(root + path.sep) && path.resolve(extension.extensionPath) !== root,
      `${extension.extensionPath} is the repository, not the installed package`,
    );
    const files = fs.readdirSync(extension.extensionPath);
    assert.ok(!files.includes('node_modules'), files.join(', '));
    for (const file of [
      'dist/extension.js',
      'dist/server.js',
      'package.json',
      'docs/rules/schema.md',
      'client/walkthrough/create.md',
      'client/media/icon.png',
      'changelog.md',
    ])
      assert.ok(fs.existsSync(path.join(extension.extensionPath, file)), file);
    assert.equal(extension.isActive, true);
    assert.equal(extension.id, EXTENSION_ID);
  });

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const command of COMMANDS) assert.ok(commands.includes(command), command);
  });

  // The schema sample needs the JSON Schema inlined in the server bundle; the
  // unknown reference needs the rules; the catalogue one needs includes read from disk.
  for (const name of [
    'broken/schema-vocabulary.roles.yaml',
    'broken/unknown-reference.roles.yaml',
    'broken/syntax.roles.yaml',
    'broken/unresolved-include.roles.yaml',
  ]) {
    it(`${name}: diagnostics appear where the sample says`, async () => {
      const { document } = await show(sample(name));
      const diagnostics = await firstDiagnostics(document.uri);
      assert.deepEqual(diagnostics.map((d) => `${ruleOf(d)}@${d.range.start.line + 1}`).sort(), expectations(document.getText()));
      // Each rule's link opens its page as installed with the extension: no network needed.
      const extension = await activateExtension();
      for (const d of diagnostics) {
        const target = (d.code as { target?: vscode.Uri }).target;
        assert.ok(target && target.scheme === 'file' && target.fsPath.startsWith(extension.extensionPath) && fs.existsSync(target.fsPath), String(target));
      }
    });
  }

  it('New role protocol opens the bundled reference template', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('roleProtocols.newProtocol', 'reference');
    assert.ok(document?.isUntitled);
    assert.match(document.getText(), /^format: role-protocol\/1$/m);
    assert.match(document.getText(), /id: advanced-adapter/);
  });

  it('Show summary tables: the packaged page script and stylesheet render the bundled server’s tables, with no test hooks', async () => {
    await show(sample('reference-department.roles.yaml'));
    const uri = await vscode.commands.executeCommand<vscode.Uri>('roleProtocols.showTables');
    assert.ok(uri);
    const extension = await activateExtension();
    for (const file of ['client/media/preview.js', 'client/media/preview.css']) assert.ok(fs.existsSync(path.join(extension.extensionPath, file)), file);
    // The package has no test hooks: no page script for them, and none in the extension's API.
    assert.equal(fs.existsSync(path.join(extension.extensionPath, 'client/media/preview-test.js')), false);
    assert.equal((extension.exports as { tablesPreview?: unknown }).tablesPreview, undefined);
    // What the page in the browser shows, read from its DOM by the test runner.
    const page = await webviewShowing((p) => p.heading === 'Summary tables: reference-department.roles.yaml' && p.tables.length === 6);
    const training = page.tables.find((t) => t.id === 'training')!;
    assert.deepEqual(training.columns, ['Role', 'Skill', 'Method', 'Record']);
    assert.equal(training.firstRow[1], 'OAR outlining');
    // The stylesheet applied: the page's table borders come from it; only the page's own script ran.
    assert.equal(page.borderCollapse, 'collapse');
    assert.deepEqual(page.scripts, ['preview.js']);
  });
});
