import * as path from 'path';
import * as vscode from 'vscode';

/** File names the extension knows as protocols or catalogues by their name alone. */
export const PROTOCOL_FILE_NAME = /\.(roles|catalogue)\.(ya?ml|json)$/i;

/**
 * Does the text say it is a role protocol or catalogue? The same test as the
 * server's (a top-level `format` of `role-protocol/…` or `role-catalogue/…`),
 * done on the text so the client needs no parser: a YAML key at column 0, or
 * a JSON `"format"` member.
 */
export function declaresProtocolFormat(text: string): boolean {
  return /^format:[ \t]*["']?role-(protocol|catalogue)\//m.test(text) || /"format"\s*:\s*"role-(protocol|catalogue)\//.test(text);
}

/** A document the extension works on: YAML or JSON, named like a protocol or saying so in `format`. */
export function isProtocolDocument(document: vscode.TextDocument): boolean {
  if (document.languageId !== 'yaml' && document.languageId !== 'json') return false;
  return PROTOCOL_FILE_NAME.test(document.uri.path) || declaresProtocolFormat(document.getText());
}

/** The document a command acts on: the one it was given (editor title, explorer), else the active editor's. */
export async function targetDocument(resource: unknown): Promise<vscode.TextDocument | undefined> {
  if (resource instanceof vscode.Uri) return vscode.workspace.openTextDocument(resource);
  const editor = vscode.window.activeTextEditor;
  if (editor && isProtocolDocument(editor.document)) return editor.document;
  void vscode.window.showWarningMessage('Open a role protocol (a `.roles.yaml` file, or YAML with `format: role-protocol/1`) first.');
  return undefined;
}

/** The protocol's file name without `.roles.yaml` (or `.yaml`), for naming what is made from it. */
export function baseName(uri: vscode.Uri): string {
  const name = path.posix.basename(uri.path);
  return name.replace(/\.(roles|catalogue)\.(ya?ml|json)$/i, '').replace(/\.(ya?ml|json)$/i, '') || 'protocol';
}

/**
 * Keeps the `roleProtocols.isProtocol` context key in step with the active
 * editor, so the title-bar buttons also show on untitled protocols and on
 * YAML files that declare the format without the `.roles.yaml` name.
 */
export function trackActiveProtocol(): vscode.Disposable {
  let current: boolean | undefined;
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    const value = !!document && isProtocolDocument(document);
    if (value === current) return; // no round trip to the workbench per keystroke
    current = value;
    void vscode.commands.executeCommand('setContext', 'roleProtocols.isProtocol', value);
  };
  update();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) update();
    }),
  );
}
