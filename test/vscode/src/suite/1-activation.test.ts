import * as assert from 'assert/strict';
import * as fs from 'fs';
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

  it('starts the language server only once a protocol is open: a plain JSON or YAML file wakes nothing', async () => {
    const api = (await activateExtension()).exports as {
      client: { isRunning(): boolean; onDidChangeState(listener: (e: { newState: number }) => void): vscode.Disposable };
    };
    const folder = nth(vscode.workspace.workspaceFolders!, 0).uri;
    const plain = vscode.Uri.joinPath(folder, 'settings-of-something-else.json');
    fs.writeFileSync(plain.fsPath, '{ "name": "not a protocol", "format": "esm" }\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(plain));
    assert.equal(api.client.isRunning(), false, 'the server started for a plain JSON file');
    // A protocol: the server starts (State.Running is 2).
    const running = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the server did not start within 20 s of opening a protocol')), 20_000);
      const subscription = api.client.onDidChangeState((e) => {
        if (e.newState !== 2) return;
        clearTimeout(timer);
        subscription.dispose();
        resolve();
      });
    });
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'samples', 'reference-department.roles.yaml')));
    await running;
    assert.equal(api.client.isRunning(), true);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(plain.fsPath);
  });

  it('registers the three commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const command of COMMANDS) assert.ok(commands.includes(command), `${command} is not registered`);
  });

  it('contributes a walkthrough whose every step links to a command that exists, with its page', async () => {
    const extension = await activateExtension();
    const walkthroughs = (
      extension.packageJSON as { contributes: { walkthroughs: { steps: { id: string; description: string; media: { markdown: string } }[] }[] } }
    ).contributes.walkthroughs;
    const steps = nth(walkthroughs, 0).steps;
    assert.deepEqual(
      steps.map((s) => s.id),
      ['create', 'problems', 'tables', 'export', 'ci'],
    );
    const commands = await vscode.commands.getCommands(true);
    for (const step of steps) {
      for (const [, command] of step.description.matchAll(/\(command:([\w.]+)\)/g)) assert.ok(commands.includes(command!), `${step.id}: ${command}`);
      assert.ok(fs.existsSync(path.join(extension.extensionPath, step.media.markdown)), step.media.markdown);
    }
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
