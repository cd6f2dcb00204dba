import * as assert from 'assert/strict';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, COMMANDS, EXTENSION_ID } from '../helpers';
import { nth } from '../nth';

describe('activation and contributions', () => {
  it('the extension under test is the repository in development mode, and activates', async () => {
    const extension = await activateExtension();
    assert.equal(extension.isActive, true);
    // test/vscode/out/suite -> the repository root
    assert.equal(path.resolve(extension.extensionPath), path.resolve(__dirname, '../../../..'));
  });

  it('registers the three commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const command of COMMANDS) assert.ok(commands.includes(command), `${command} is not registered`);
  });

  it('keeps YAML and JSON as they are: no language of its own, no schema handed to other validators', () => {
    const contributes = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: Record<string, unknown> }).contributes;
    for (const key of ['languages', 'grammars', 'yamlValidation', 'jsonValidation']) assert.equal(contributes[key], undefined, `contributes.${key}`);
  });

  it('opens protocol files as YAML, so the built-in YAML highlighting applies', async () => {
    const document = await vscode.workspace.openTextDocument(
      vscode.Uri.joinPath(nth(vscode.workspace.workspaceFolders!, 0).uri, 'samples', 'reference-department.roles.yaml'),
    );
    assert.equal(document.languageId, 'yaml');
  });
});
