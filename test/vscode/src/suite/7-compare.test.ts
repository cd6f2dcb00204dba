import * as assert from 'assert/strict';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { CompareResult, RevisionsResult } from '../../../../server/src/shared/requests';
import { activateExtension, closeAll, EXTENSION_ID, replaceText, show, tablesPreview, waitForRender, workspaceFolder } from '../helpers';

/**
 * "Compare with a previous version" on a real git repository in the
 * workspace: the commits that changed the file (following a rename), the
 * report of the open, unsaved text against one of them, the panel beside the
 * editor, and each change's link revealing its line.
 */
/** The report's webview tab and its column: now, or once the workbench reports it (a moment after the panel opens). */
function reportTab(timeoutMs = 10_000): Promise<{ tab: vscode.Tab; column: vscode.ViewColumn }> {
  const find = () =>
    vscode.window.tabGroups.all
      .flatMap((group) => group.tabs.map((tab) => ({ tab, column: group.viewColumn })))
      .find(({ tab }) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('roleProtocols.changes'));
  return new Promise((resolve, reject) => {
    const found = find();
    if (found) return resolve(found);
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for the report's tab`));
    }, timeoutMs);
    const subscription = vscode.window.tabGroups.onDidChangeTabs(() => {
      const tab = find();
      if (!tab) return;
      subscription.dispose();
      clearTimeout(timer);
      resolve(tab);
    });
  });
}

describe('compare with a previous version', function () {
  this.timeout(60_000);
  let repo: string;
  let first: string;
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: repo,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Physics',
        GIT_AUTHOR_EMAIL: 'p@example.org',
        GIT_COMMITTER_NAME: 'Physics',
        GIT_COMMITTER_EMAIL: 'p@example.org',
      },
    }).trim();

  before(async () => {
    await activateExtension();
    repo = path.join(workspaceFolder().fsPath, 'history');
    fs.mkdirSync(repo, { recursive: true });
    git('init', '-q');
    git('config', 'commit.gpgsign', 'false');
    const reference = fs.readFileSync(path.join(workspaceFolder().fsPath, 'samples', 'reference-department.roles.yaml'), 'utf8');
    fs.writeFileSync(path.join(repo, 'oart.roles.yaml'), reference);
    git('add', '.');
    git('commit', '-q', '-m', 'Version 1.2 as approved');
    first = git('rev-parse', 'HEAD');
    // The file renamed in a later commit: the history follows it.
    git('mv', 'oart.roles.yaml', 'oart-ethos.roles.yaml');
    git('commit', '-q', '-m', 'Rename the protocol');
  });

  afterEach(closeAll);

  const client = () => (vscode.extensions.getExtension(EXTENSION_ID)!.exports as { client: LanguageClient }).client;
  const protocol = () => vscode.Uri.file(path.join(repo, 'oart-ethos.roles.yaml'));

  it('lists the commits that changed the file, the last first, following the rename', async () => {
    const { document } = await show(protocol());
    const result = (await client().sendRequest('roleProtocols/revisions', { uri: document.uri.toString() })) as RevisionsResult;
    assert.deepEqual(
      result.revisions.map((r) => [r.subject, r.path]),
      [
        ['Rename the protocol', 'oart-ethos.roles.yaml'],
        ['Version 1.2 as approved', 'oart.roles.yaml'],
      ],
    );
  });

  it('says there are no changes when the text is the commit’s', async () => {
    const { document } = await show(protocol());
    const result = await vscode.commands.executeCommand<CompareResult | undefined>('roleProtocols.compareWithPrevious', document.uri, 'HEAD');
    assert.equal(result?.headline, 'No changes');
    assert.deepEqual(result.changes, []);
  });

  it('opens the report of the unsaved text against a commit beside the editor, each change a link to its line', async () => {
    const editor = await show(protocol());
    const document = editor.document;
    await replaceText(document, 'approves: [advanced-adapter, physicist]', 'approves: [physicist]');
    await replaceText(document, 'minBand: 7', 'minBand: 6');
    const result = await vscode.commands.executeCommand<CompareResult | undefined>('roleProtocols.compareWithPrevious', document.uri, first);
    assert.ok(result, 'the command returned no report');
    assert.equal(result.headline, '2 changes: 2 significant, 0 minor');
    assert.match(result.base, /^[0-9a-f]{8}:oart\.roles\.yaml$/);
    const byKind = new Map(result.changes.map((c) => [c.kind, c]));
    const bands = byKind.get('role-bands');
    const approvers = byKind.get('step-approvers');
    assert.ok(bands?.location && approvers?.location, result.changes.map((c) => c.kind).join(', '));
    assert.equal(document.lineAt(bands.location.range.start.line).text.trim(), 'minBand: 6');
    assert.equal(document.lineAt(approvers.location.range.start.line).text.trim(), 'approves: [physicist]');
    assert.match(result.html, /href="#change-0"/);

    // The report is a panel beside the editor.
    const report = await reportTab();
    assert.match(report.tab.label, /^Changes since [0-9a-f]{7,}: oart-ethos$/);
    assert.notEqual(report.column, editor.viewColumn);

    // A change's link runs this command with its place: the editor shows the line, selected.
    const revealed = await vscode.commands.executeCommand<vscode.TextEditor>('roleProtocols.revealChange', approvers.location.uri, approvers.location.range);
    assert.equal(revealed?.document.uri.toString(), document.uri.toString());
    assert.equal(revealed.selection.start.line, approvers.location.range.start.line);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), document.uri.toString());
  });

  it('marks in the tables preview what changed since the commit, until the next edit', async () => {
    const preview = await tablesPreview();
    const { document } = await show(protocol());
    await vscode.commands.executeCommand('roleProtocols.showTables', document.uri);
    await replaceText(document, 'minBand: 7', 'minBand: 6');
    const result = await vscode.commands.executeCommand<CompareResult | undefined>('roleProtocols.compareWithPrevious', document.uri, first);
    assert.deepEqual(
      result?.changes.map((c) => c.kind),
      ['role-bands'],
    );
    // The report opened over the tables in the column beside: bring the tables back to the front.
    await vscode.commands.executeCommand('roleProtocols.showTables', document.uri);
    const changedIn = (report: { tables: { id: string; changed: string[] }[] }, id: string) => report.tables.find((t) => t.id === id)?.changed ?? [];
    const marked = await waitForRender(
      preview,
      document.uri,
      (r) =>
        r.changesNote !== null &&
        changedIn(r, 'roles').length > 0 &&
        r.tables.find((t) => t.id === 'roles')?.rows.some((row) => row.includes('6 or above')) === true,
      'the changed band marked',
    );
    assert.deepEqual(changedIn(marked, 'roles'), ['6 or above']);
    assert.deepEqual(changedIn(marked, 'training'), []);
    assert.match(marked.changesNote ?? '', /^\u0394 marks what changed since [0-9a-f]{7,} \(1 change in this text/);
    // The marks name places in the text that was compared: an edit ends them.
    await replaceText(document, '- Approve the Mobius check', '- Approve the Mobius dose check');
    const cleared = await waitForRender(preview, document.uri, (r) => r.changesNote === null, 'no marks after an edit');
    assert.deepEqual(changedIn(cleared, 'roles'), []);
    // Back to the committed text: with a webview active, closing the editors may save the document rather than revert it.
    await replaceText(document, '- Approve the Mobius dose check', '- Approve the Mobius check');
    await replaceText(document, 'minBand: 6', 'minBand: 7');
    await document.save();
  });
});
