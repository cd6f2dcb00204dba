import * as fs from 'fs';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createClient, YamlAwareDiagnostics } from './client';
import { newProtocol } from './commands/newProtocol';
import { exportTables, showTables } from './commands/tables';
import { compareWithPrevious, REVEAL_CHANGE_COMMAND, revealChange } from './commands/compare';
import { TABLES_VIEW_TYPE, TablesPreviews } from './preview/tablesPreview';
import type { TablesPreviewApi, TablesPreviewTestHooks } from './preview/testHooks';
import { isProtocolDocument, kindOf, trackActiveProtocol } from './protocolFiles';
import { ProtocolLanguageStatus, type LanguageStatusReport } from './languageStatus';
import { YamlPartner } from './yamlPartner';

let client: LanguageClient | undefined;

/** What the extension hands to other extensions (and its own tests). */
export interface RoleProtocolsApi {
  /** The running language client. */
  client: LanguageClient;
  /** Development builds only: the "Summary tables" panels' hooks for the extension tests. */
  tablesPreview?: TablesPreviewApi;
  /** Development builds only: what the language status item shows now. */
  languageStatus?: () => LanguageStatusReport | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<RoleProtocolsApi> {
  if (!fs.existsSync(context.asAbsolutePath('dist/server.js'))) {
    // Only possible in a development checkout that was never bundled.
    const message = 'Role Protocols: the language server (dist/server.js) is missing; run `npm run bundle`.';
    void vscode.window.showErrorMessage(message);
    throw new Error(message);
  }
  const diagnostics = new YamlAwareDiagnostics();
  const started = createClient(context, diagnostics);
  client = started;
  const yamlPartner = new YamlPartner(
    () => diagnostics.refresh(),
    (message) => started.outputChannel.info(message),
  );
  // The extension wakes for every YAML and JSON file (VS Code cannot activate on a file's contents), but the
  // server starts only once a protocol, catalogue or configuration is open, or a command needs it.
  let starting: Promise<void> | undefined;
  const ensureStarted = (): Promise<void> =>
    (starting ??= started.start().then(() => {
      // A document of ours is open: Red Hat's YAML extension (if there) is told what it is.
      yamlPartner.connect();
    }));
  const ours = (document: vscode.TextDocument) => isProtocolDocument(document) || kindOf(document) === 'configuration';
  const startFor = (document: vscode.TextDocument) => {
    if (!starting && ours(document)) void ensureStarted();
  };
  const needsServer =
    <A extends unknown[], R>(command: (...args: A) => R) =>
    async (...args: A): Promise<Awaited<R>> => {
      await ensureStarted();
      return await command(...args);
    };
  const previews = new TablesPreviews(started, context.extensionUri);
  const status = new ProtocolLanguageStatus();
  /** The change reports open, one per protocol. */
  const changePanels = new Map<string, vscode.WebviewPanel>();
  context.subscriptions.push(
    previews,
    status,
    yamlPartner,
    vscode.commands.registerCommand('roleProtocols.newProtocol', (templateId?: unknown) => newProtocol(templateId)),
    vscode.commands.registerCommand(
      'roleProtocols.showTables',
      needsServer((resource?: unknown) => showTables(previews, resource)),
    ),
    vscode.commands.registerCommand(
      'roleProtocols.exportTables',
      needsServer((resource?: unknown, options?: unknown) => exportTables(started, resource, options)),
    ),
    vscode.commands.registerCommand(
      'roleProtocols.compareWithPrevious',
      needsServer((resource?: unknown, revision?: unknown) => compareWithPrevious(started, changePanels, previews, resource, revision)),
    ),
    vscode.commands.registerCommand(REVEAL_CHANGE_COMMAND, (uri?: unknown, range?: unknown) => revealChange(uri, range)),
    { dispose: () => [...changePanels.values()].forEach((panel) => panel.dispose()) },
    trackActiveProtocol(),
    vscode.workspace.onDidOpenTextDocument(startFor),
    vscode.workspace.onDidChangeTextDocument((e) => startFor(e.document)),
    // Panels open when the window closed come back after a reload, following the same protocols.
    vscode.window.registerWebviewPanelSerializer(TABLES_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => {
        await ensureStarted();
        previews.restore(panel, state);
      },
    }),
  );
  if (vscode.workspace.textDocuments.some(ours)) await ensureStarted();
  const api: RoleProtocolsApi = { client: started };
  if (__TEST_HOOKS__) {
    // Required here, not imported: in the production bundle this branch and the module go.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const hooks = new (require('./preview/testHooks') as { TablesPreviewTestHooks: typeof TablesPreviewTestHooks }).TablesPreviewTestHooks(previews);
    context.subscriptions.push(hooks);
    api.tablesPreview = hooks;
    api.languageStatus = () => status.current;
  }
  return api;
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running?.needsStop()) await running.stop();
}
