import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { activateExtension, describeDiagnostics, hoverText, itemsOf, labelOf, ruleOf, sample, show, SOURCE, WAIT_MS, workspaceFolder } from '../helpers';

/**
 * Beside Red Hat's YAML extension (issue 16). One scenario, in order, in one
 * code-server: ours alone; then the YAML extension installed while the
 * documents are open (the .vsix in ROLE_PROTOCOLS_YAML_VSIX: the stand-in
 * that runs the real yaml-language-server, or Red Hat's own build); then
 * `yaml.validate` turned off and on again. Nothing is edited between the
 * steps: each change must reach the diagnostics by itself.
 */

const YAML_EXTENSION_ID = 'redhat.vscode-yaml';
const SCHEMA_URI = 'role-protocols://schemas/protocol.json';
const SCHEMA_TITLE = 'Role protocol (Role Protocols)';

/** Red Hat's API as both it and the stand-in return it; the stand-in adds what only a test reads. */
interface YamlApi {
  requestCustomSchema(resource: string): string[];
  requestCustomSchemaContent(uri: string): Promise<string> | string | undefined;
  schemasOf?(uri: vscode.Uri): Promise<{ uri: string; name?: string }[]>;
  statusText?(): string | undefined;
  ready?: Promise<void>;
}

/** Every diagnostic of a document, ours and the YAML extension's, once `predicate` holds (bounded, by events). */
function waitForAll(uri: vscode.Uri, predicate: (all: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const all = vscode.languages.getDiagnostics(uri);
      if (!predicate(all)) return false;
      subscription?.dispose();
      clearTimeout(timer);
      resolve(all);
      return true;
    };
    let subscription: vscode.Disposable | undefined;
    const timer = setTimeout(() => {
      subscription?.dispose();
      reject(
        new Error(
          `Timed out after ${WAIT_MS} ms waiting for ${what}; ${vscode.workspace.asRelativePath(uri)} has: ${listed(vscode.languages.getDiagnostics(uri))}`,
        ),
      );
    }, WAIT_MS);
    if (check()) return;
    subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
  });
}

/** Polls a condition that no event announces (another extension's state), bounded. */
async function eventually<T>(what: string, check: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${WAIT_MS} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function listed(all: readonly vscode.Diagnostic[]): string {
  return all.length === 0
    ? 'none'
    : `\n  ${all.map((d) => `[${d.source}] ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).join('\n  ')}`;
}

const ours = (all: readonly vscode.Diagnostic[], rule: string) => all.filter((d) => d.source === SOURCE && ruleOf(d) === rule);
const theirs = (all: readonly vscode.Diagnostic[]) => all.filter((d) => d.source !== SOURCE);
/** Red Hat's duplicate key error (yaml-language-server's wording). */
const theirDuplicateKey = (all: readonly vscode.Diagnostic[]) => theirs(all).filter((d) => /Map keys must be unique/.test(d.message));

/** The outline as VS Code builds it from every provider (ours and, with it installed, the YAML extension's). */
async function outlineNames(uri: vscode.Uri): Promise<string[]> {
  const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
  return symbols.map((s) => `${s.name}(${s.children.length})`);
}

/** With --screenshot, asks the test runner to save one now, while both extensions still show what they found; bounded. */
async function screenshotNow(): Promise<void> {
  const request = process.env.ROLE_PROTOCOLS_SCREENSHOT_REQUEST;
  if (!request) return;
  // Let the workbench paint the Problems view and the outline first.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  fs.writeFileSync(request, 'now');
  await eventually('the test runner to save the screenshot', () => (fs.existsSync(`${request}.done`) ? true : undefined));
}

async function setValidate(value: boolean | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('yaml').update('validate', value, vscode.ConfigurationTarget.Global);
}

describe('beside Red Hat’s YAML extension', function () {
  const vsix = process.env.ROLE_PROTOCOLS_YAML_VSIX;
  let syntax: vscode.Uri;
  let duplicate: vscode.Uri;
  let schemaAndDuplicate: vscode.Uri;
  let api: YamlApi;

  before(async function () {
    if (!vsix) throw new Error('ROLE_PROTOCOLS_YAML_VSIX does not name the YAML extension to install (scripts/test-vscode.js sets it)');
    await activateExtension();
    syntax = sample('broken/syntax.roles.yaml');
    duplicate = sample('broken/duplicate-key.roles.yaml');
    // A schema problem (Red Hat would report it too if it had our real schema) and a duplicate key
    // (which shows when Red Hat's extension has validated the file).
    schemaAndDuplicate = vscode.Uri.joinPath(workspaceFolder(), 'samples', 'schema-and-duplicate.roles.yaml');
    const unknownKey = new TextDecoder().decode(await vscode.workspace.fs.readFile(sample('broken/schema-unknown-key.roles.yaml')));
    await vscode.workspace.fs.writeFile(schemaAndDuplicate, new TextEncoder().encode(unknownKey.replace(/^format: .*$/m, (line) => `${line}\n${line}`)));
  });

  after(async () => {
    if (vscode.extensions.getExtension(YAML_EXTENSION_ID)) await setValidate(undefined);
  });

  it('alone: our syntax and duplicate-key findings, and an outline of the broken file', async () => {
    assert.equal(vscode.extensions.getExtension(YAML_EXTENSION_ID), undefined, 'the YAML extension is installed before the suite installs it');
    await show(duplicate);
    await show(schemaAndDuplicate);
    const editor = await show(syntax);
    const all = await waitForAll(syntax, (d) => ours(d, 'syntax').length > 0, 'our syntax finding');
    assert.equal(ours(all, 'syntax')[0]!.message, 'This list is never closed: add `]`.');
    assert.equal(ours(all, 'syntax')[0]!.range.start.line + 1, 59);
    await waitForAll(duplicate, (d) => ours(d, 'duplicate-key').length === 1, 'our duplicate-key finding');
    assert.deepEqual(await outlineNames(editor.document.uri), ['Sites(1)', 'Roles(3)']);
  });

  it('installed while the documents are open: our duplicate-key finding gives way to its, with no edit; our syntax finding stays', async () => {
    const added = new Promise<void>((resolve) => {
      const subscription = vscode.extensions.onDidChange(() => {
        if (!vscode.extensions.getExtension(YAML_EXTENSION_ID)) return;
        subscription.dispose();
        resolve();
      });
    });
    await vscode.commands.executeCommand('workbench.extensions.installExtension', vscode.Uri.file(vsix!));
    await Promise.race([added, new Promise((_, reject) => setTimeout(() => reject(new Error('the YAML extension did not appear')), WAIT_MS))]);
    const extension = vscode.extensions.getExtension(YAML_EXTENSION_ID)!;
    api = (await extension.activate()) as YamlApi;
    await api.ready;
    // Its own duplicate key error on the same line, and ours gone.
    const all = await waitForAll(
      duplicate,
      (d) => theirDuplicateKey(d).length > 0 && ours(d, 'duplicate-key').length === 0,
      'its duplicate key error, and ours filtered',
    );
    assert.equal(theirDuplicateKey(all)[0]!.range.start.line + 1, 191);
    // The syntax file: its errors (a line too low) and ours, which says where the slip is.
    const broken = await waitForAll(syntax, (d) => theirs(d).length > 0 && ours(d, 'syntax').length > 0, 'its syntax errors beside ours');
    assert.equal(ours(broken, 'syntax')[0]!.message, 'This list is never closed: add `]`.');
  });

  it('is told what a protocol is: our schema names it, and adds no schema finding, completion or hover of its own', async () => {
    const uri = schemaAndDuplicate.toString();
    await eventually('our schema contributor in its API', () => (api.requestCustomSchema(uri).includes(SCHEMA_URI) ? true : undefined));
    assert.match(String(await api.requestCustomSchemaContent(SCHEMA_URI)), new RegExp(SCHEMA_TITLE.replace(/[()]/g, '\\$&')));
    const plain = vscode.Uri.joinPath(workspaceFolder(), 'plain.yaml');
    await vscode.workspace.fs.writeFile(plain, new TextEncoder().encode('name: build\n'));
    assert.deepEqual(api.requestCustomSchema(plain.toString()), [], 'a plain YAML file is not ours');
    if (api.schemasOf) {
      // The stand-in runs the real yaml-language-server: ask it what its status bar asks.
      const schemas = await api.schemasOf(schemaAndDuplicate);
      assert.deepEqual(
        schemas.map((s) => s.name ?? s.uri),
        [SCHEMA_TITLE],
      );
      await show(schemaAndDuplicate);
      await eventually('the status bar naming our schema', () => (api.statusText?.() === SCHEMA_TITLE ? true : undefined));
    }
    // Validated (its duplicate key error is there), and nothing else from it: no schema finding.
    const all = await waitForAll(schemaAndDuplicate, (d) => theirDuplicateKey(d).length > 0 && ours(d, 'schema').length > 0, 'its duplicate key error');
    assert.deepEqual(theirs(all).length, theirDuplicateKey(all).length, `only its duplicate key error: ${listed(theirs(all))}`);
    // One hover and no repeated completion on a protocol's key.
    const editor = await show(sample('reference-department.roles.yaml'));
    const at = editor.document.positionAt(editor.document.getText().indexOf('staffGroups') + 2);
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at)) ?? [];
    const texts = hovers.map((h) => hoverText([h]).trim()).filter((t) => t !== '');
    assert.equal(texts.length, 1, `hovers: ${JSON.stringify(texts)}`);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, at);
    const labels = itemsOf(list).map(labelOf);
    assert.ok(labels.length > 0);
    assert.equal(new Set(labels).size, labels.length, `a completion offered twice: ${labels.join(', ')}`);
  });

  it('yaml.validate off: our duplicate-key finding comes back, with no edit; on again: it goes', async () => {
    await setValidate(false);
    await waitForAll(duplicate, (d) => ours(d, 'duplicate-key').length === 1, 'our duplicate-key finding back');
    assert.equal(ours(vscode.languages.getDiagnostics(syntax), 'syntax').length, 1, 'our syntax finding stays');
    await setValidate(true);
    await waitForAll(duplicate, (d) => ours(d, 'duplicate-key').length === 0 && theirDuplicateKey(d).length > 0, 'ours filtered again');
    assert.equal(ours(vscode.languages.getDiagnostics(syntax), 'syntax').length, 1, 'our syntax finding stays');
  });

  it('the outline of the broken file is still ours, beside its raw tree', async () => {
    const names = await outlineNames(syntax);
    assert.ok(names.includes('Sites(1)') && names.includes('Roles(3)'), `outline: ${names.join(', ')}`);
  });

  it('leaves the workbench as a user with both would see it (for the README screenshot)', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const editor = await show(syntax);
    const slip = ours(await waitForAll(syntax, (d) => ours(d, 'syntax').length > 0 && theirs(d).length > 0, 'both extensions’ findings'), 'syntax')[0]!;
    editor.selection = new vscode.Selection(slip.range.start, slip.range.start);
    editor.revealRange(slip.range, vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    // The outline alone in the side bar, each provider's tree folded but ours (the last group), which is opened.
    for (const command of ['workbench.explorer.fileView.toggleVisibility', 'outline.focus', 'outline.collapse', 'list.focusLast', 'list.expand']) {
      await vscode.commands.executeCommand(command).then(undefined, () => undefined);
    }
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    assert.ok(describeDiagnostics(ours(vscode.languages.getDiagnostics(syntax), 'syntax')).startsWith('syntax@59:18'));
    await screenshotNow();
  });
});
