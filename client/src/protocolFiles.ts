import * as path from 'path';
import * as vscode from 'vscode';
import { documentKindOfText, stemOf, type FileKind } from '../../server/src/shared/documentKinds';

/** What a document is, by the server's own decision (`server/src/shared/documentKinds.ts`). */
export function kindOf(document: vscode.TextDocument): FileKind | undefined {
  if (document.languageId !== 'yaml' && document.languageId !== 'json') return undefined;
  return documentKindOfText(document.uri.path, document.getText(), document.languageId);
}

/** A document the extension works on: a protocol, a catalogue or a register, by its name or its `format`. */
export function isProtocolDocument(document: vscode.TextDocument): boolean {
  const kind = kindOf(document);
  return kind === 'protocol' || kind === 'catalogue' || kind === 'register';
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
  return stemOf(path.posix.basename(uri.path)) || 'protocol';
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
