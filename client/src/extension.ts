import * as fs from 'fs';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createClient } from './client';
import { newProtocol } from './commands/newProtocol';
import { exportTables, showTables } from './commands/tables';
import { TABLES_VIEW_TYPE, TablesPreviews } from './preview/tablesPreview';
import type { TablesPreviewApi, TablesPreviewTestHooks } from './preview/testHooks';
import { trackActiveProtocol } from './protocolFiles';

let client: LanguageClient | undefined;

/** What the extension hands to other extensions (and its own tests). */
export interface RoleProtocolsApi {
  /** The running language client. */
  client: LanguageClient;
  /** Development builds only: the "Summary tables" panels' hooks for the extension tests. */
  tablesPreview?: TablesPreviewApi;
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
  const previews = new TablesPreviews(started, context.extensionUri);
  context.subscriptions.push(
    previews,
    vscode.commands.registerCommand('roleProtocols.newProtocol', (templateId?: unknown) => newProtocol(templateId)),
    vscode.commands.registerCommand('roleProtocols.showTables', (resource?: unknown) => showTables(previews, resource)),
    vscode.commands.registerCommand('roleProtocols.exportTables', (resource?: unknown, options?: unknown) => exportTables(started, resource, options)),
    trackActiveProtocol(),
    // Panels open when the window closed come back after a reload, following the same protocols.
    vscode.window.registerWebviewPanelSerializer(TABLES_VIEW_TYPE, { deserializeWebviewPanel: async (panel, state) => void previews.restore(panel, state) }),
  );
  await started.start();
  const api: RoleProtocolsApi = { client: started };
  if (__TEST_HOOKS__) {
    // Required here, not imported: in the production bundle this branch and the module go.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const hooks = new (require('./preview/testHooks') as { TablesPreviewTestHooks: typeof TablesPreviewTestHooks }).TablesPreviewTestHooks(previews);
    context.subscriptions.push(hooks);
    api.tablesPreview = hooks;
  }
  return api;
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop();
}
