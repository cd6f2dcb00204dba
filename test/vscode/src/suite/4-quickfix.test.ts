import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAll, firstDiagnostics, rangeOf, rangeText, ruleOf, sample, show, waitForDiagnostics } from '../helpers';
import { nth } from '../nth';

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
}

/** Applies a code action the way the light bulb does: its edit, then its command. */
async function apply(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `VS Code refused the edit of "${action.title}"`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

describe('quick fixes', () => {
  before(activateExtension);
  afterEach(closeAll);

  it('replaces an unknown role with the "did you mean" suggestion, and the finding goes', async () => {
    const { document } = await show(sample('broken/unknown-reference.roles.yaml'));
    const diagnostic = nth(await firstDiagnostics(document.uri), 0);
    assert.equal(ruleOf(diagnostic), 'unknown-reference');
    const actions = await quickFixes(document.uri, diagnostic.range);
    const fix = actions.find((a) => a.title.includes('advanced-adapter') && a.edit);
    assert.ok(fix, `no "did you mean" fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `kind ${fix.kind?.value}`);
    // It mends exactly the id the finding is on.
    const edits = fix.edit!.get(document.uri);
    assert.equal(edits.length, 1);
    assert.equal(rangeText(nth(edits, 0).range), rangeText(rangeOf(document, 'advanced-adaptor', 'id: dose-check')));
    assert.equal(nth(edits, 0).newText, 'advanced-adapter');
    await apply(fix);
    assert.equal(document.lineAt(diagnostic.range.start.line).text, '    performs: [advanced-adapter]');
    await waitForDiagnostics(document.uri, (d) => d.length === 0, 'no diagnostics after the fix');
  });

  it('suppresses a finding with the inline comment', async () => {
    const { document } = await show(sample('broken/unknown-reference.roles.yaml'));
    const diagnostic = nth(await firstDiagnostics(document.uri), 0);
    const actions = await quickFixes(document.uri, diagnostic.range);
    const suppress = actions.find((a) => a.edit?.get(document.uri).some((e) => e.newText.includes('role-protocols-disable-next-line unknown-reference')));
    assert.ok(suppress, `no suppression among: ${actions.map((a) => a.title).join(' | ')}`);
    await apply(suppress);
    const line = diagnostic.range.start.line;
    assert.match(document.lineAt(line).text, /^\s*# role-protocols-disable-next-line unknown-reference\b/);
    assert.equal(document.lineAt(line + 1).text, '    performs: [advanced-adaptor]');
    await waitForDiagnostics(document.uri, (d) => d.length === 0, 'no diagnostics once suppressed');
  });
});
