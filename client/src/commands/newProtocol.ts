import * as vscode from 'vscode';
import { templates, type Template } from '../templates';

/**
 * "Role Protocols: New role protocol": pick a template, get an untitled YAML
 * document holding it. `templateId` ('reference' or 'blank') skips the pick,
 * for keybindings and tests. Returns the new document (undefined if cancelled).
 */
export async function newProtocol(templateId?: unknown): Promise<vscode.TextDocument | undefined> {
  let template: Template | undefined = templates.find((t) => t.id === templateId);
  if (!template) {
    const picked = await vscode.window.showQuickPick(
      templates.map((t) => ({ label: t.label, detail: t.detail, template: t })),
      { title: 'New role protocol', placeHolder: 'Start from a template' },
    );
    template = picked?.template;
  }
  if (!template) return undefined;
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: template.text });
  await vscode.window.showTextDocument(document);
  return document;
}
