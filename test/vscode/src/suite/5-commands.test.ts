import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAll, COMMANDS, EXTENSION_ID, firstDiagnostics, ruleOf, sample, show, workspaceFolder } from '../helpers';
import * as fs from 'fs';
import * as path from 'path';

describe('commands', () => {
  before(activateExtension);
  afterEach(closeAll);

  it('are in the command palette under Role Protocols', async () => {
    const registered = await vscode.commands.getCommands(true);
    const contributed = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string; category: string }[] } }).contributes.commands;
    for (const command of COMMANDS) {
      assert.ok(registered.includes(command), command);
      assert.equal(contributed.find((c) => c.command === command)?.category, 'Role Protocols');
    }
  });

  it('New role protocol opens the reference department as an untitled YAML document', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('roleProtocols.newProtocol', 'reference');
    assert.ok(document);
    assert.equal(document.isUntitled, true);
    assert.equal(document.languageId, 'yaml');
    assert.equal(vscode.window.activeTextEditor?.document, document);
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    // In development mode the extension is the repository, so the sample is at hand to compare.
    assert.equal(document.getText(), fs.readFileSync(path.join(extension.extensionPath, 'samples', 'reference-department.roles.yaml'), 'utf8'));
  });

  it('New role protocol: the blank template is checked like any protocol', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('roleProtocols.newProtocol', 'blank');
    assert.ok(document?.isUntitled);
    assert.match(document.getText(), /^format: role-protocol\/1$/m);
    // A new draft has no review date yet: the one thing the checks ask for.
    const diagnostics = await firstDiagnostics(document.uri);
    assert.deepEqual(diagnostics.map(ruleOf), ['document-control']);
  });

  it('Show summary tables previews the Markdown of all four tables beside the protocol', async () => {
    const { document } = await show(sample('reference-department.roles.yaml'));
    const uri = await vscode.commands.executeCommand<vscode.Uri>('roleProtocols.showTables');
    assert.ok(uri, 'no tables document');
    const tables = await vscode.workspace.openTextDocument(uri);
    const text = tables.getText();
    assert.match(text, /\| Role \| Skill \| Method \| Record \|/);
    assert.match(text, /ProKnow Contouring Tool/);
    for (const title of ['Training matrix', 'Roles and responsibilities', 'Responsibility matrix', 'Training coverage by site']) assert.ok(text.includes(title), title);
    // VS Code's Markdown preview shows it (a webview tab), beside the protocol.
    const previews = vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => ({ tab: t, column: g.viewColumn }))).filter(({ tab }) => tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType));
    assert.equal(previews.length, 1, vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)).join(', '));
    const protocolColumn = vscode.window.tabGroups.all.find((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === document.uri.toString()))?.viewColumn;
    assert.notEqual(previews[0].column, protocolColumn);
  });

  it('Show summary tables follows edits to the protocol', async () => {
    const { document } = await show(sample('reference-department.roles.yaml'));
    const uri = await vscode.commands.executeCommand<vscode.Uri>('roleProtocols.showTables', document.uri);
    const tables = await vscode.workspace.openTextDocument(uri);
    const changed = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === tables && tables.getText().includes('Online Trained Adapter')) {
          sub.dispose();
          resolve();
        }
      });
    });
    const edit = new vscode.WorkspaceEdit();
    const at = document.getText().indexOf('title: Adapter\n') + 'title: '.length;
    edit.replace(document.uri, new vscode.Range(document.positionAt(at), document.positionAt(at + 'Adapter'.length)), 'Online Trained Adapter');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await withTimeout(changed, 20_000, 'the tables to follow the edit');
  });

  it('Export tables writes the chosen tables in the chosen format', async () => {
    const { document } = await show(sample('reference-department.roles.yaml'));
    const csv = vscode.Uri.joinPath(workspaceFolder(), 'exports', 'training.csv');
    const written = await vscode.commands.executeCommand<vscode.Uri>('roleProtocols.exportTables', document.uri, { tables: ['training'], format: 'csv', target: csv });
    assert.equal(written?.toString(), csv.toString());
    const csvText = new TextDecoder().decode(await vscode.workspace.fs.readFile(csv));
    assert.match(csvText.split(/\r?\n/)[0], /^Role,Skill,Method,Record$/);
    assert.match(csvText, /ProKnow Contouring Tool/);
    assert.doesNotMatch(csvText, /Responsibility matrix/);

    const md = vscode.Uri.joinPath(workspaceFolder(), 'exports', 'all.md');
    await vscode.commands.executeCommand('roleProtocols.exportTables', document.uri, { tables: ['training', 'roles', 'matrix', 'coverage'], format: 'md', target: md });
    const mdText = new TextDecoder().decode(await vscode.workspace.fs.readFile(md));
    for (const title of ['Training matrix', 'Roles and responsibilities', 'Responsibility matrix', 'Training coverage by site']) assert.ok(mdText.includes(title), title);
  });
});

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]);
}
