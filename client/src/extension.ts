import * as fs from 'fs';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createClient } from './client';
import { newProtocol } from './commands/newProtocol';
import { exportTables, showTables, TABLES_SCHEME, TablesContentProvider } from './commands/tables';
import { trackActiveProtocol } from './protocolFiles';

let client: LanguageClient | undefined;

/** What the extension hands to other extensions (and its own tests). */
export interface RoleProtocolsApi {
  /** The running language client. */
  client: LanguageClient;
}

export async function activate(context: vscode.ExtensionContext): Promise<RoleProtocolsApi> {
  if (!fs.existsSync(context.asAbsolutePath('dist/server.js'))) {
    // Only possible in a development checkout that was never bundled.
    const message = 'Role Protocols: the language server (dist/server.js) is missing; run `npm run bundle`.';
    void vscode.window.showErrorMessage(message);
    throw new Error(message);
  }
  const started = createClient(context);
  client = started;
  const tablesProvider = new TablesContentProvider(started);
  context.subscriptions.push(
    tablesProvider,
    vscode.workspace.registerTextDocumentContentProvider(TABLES_SCHEME, tablesProvider),
    vscode.commands.registerCommand('roleProtocols.newProtocol', (templateId?: unknown) => newProtocol(templateId)),
    vscode.commands.registerCommand('roleProtocols.showTables', (resource?: unknown) => showTables(started, resource)),
    vscode.commands.registerCommand('roleProtocols.exportTables', (resource?: unknown, options?: unknown) => exportTables(started, resource, options)),
    trackActiveProtocol(),
  );
  await started.start();
  return { client: started };
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop();
}
