import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { baseName, isProtocolDocument, targetDocument } from '../protocolFiles';

/** The server's table request: rendered text of some or all summary tables of an open document. */
export const TABLES_REQUEST = 'roleProtocols/tables';
export interface TablesParams {
  uri: string;
  /** Table ids; all four when left out. */
  tables?: string[];
  format: 'md' | 'csv' | 'data';
}

export type TableFormat = 'md' | 'csv';

/** The summary tables, in the server's order (its `TABLE_IDS`). */
export const TABLES: readonly { id: string; label: string; detail: string }[] = [
  { id: 'training', label: 'Training matrix', detail: 'Role | Skill | Method | Record, one row per training row' },
  { id: 'roles', label: 'Roles and responsibilities', detail: 'Staff group, band, IR(ME)R capacity and responsibilities of each role' },
  { id: 'matrix', label: 'Responsibility matrix', detail: 'Who performs, edits, approves, agrees, supports or reviews each step' },
  { id: 'coverage', label: 'Training coverage by site', detail: 'Each entitled role and step, per site, and whether training backs it' },
];

const FORMATS: readonly { id: TableFormat; label: string; detail: string; filter: string }[] = [
  { id: 'md', label: 'Markdown', detail: 'Tables with the document-control heading, for QMS documents and papers', filter: 'Markdown' },
  { id: 'csv', label: 'CSV', detail: 'For spreadsheets', filter: 'CSV' },
];

/** Scheme of the read-only Markdown documents that "Show summary tables" previews. */
export const TABLES_SCHEME = 'role-protocols-tables';

/** Asks the server for rendered tables; a failure becomes an Error with the server's message. */
async function requestTables(client: LanguageClient, params: TablesParams): Promise<string> {
  const result = await client.sendRequest<unknown>(TABLES_REQUEST, params);
  if (typeof result !== 'string') throw new Error('The server sent no tables.');
  return result;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The Markdown of a protocol's tables as a virtual document
 * (`role-protocols-tables:/<name> tables.md?<protocol uri>`), re-rendered as
 * the protocol is edited so an open preview follows it. The real preview
 * (a webview with links back into the protocol) comes later; this one is
 * VS Code's own Markdown preview of that document.
 */
export class TablesContentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly client: LanguageClient) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => this.sourceChanged(e.document.uri)),
      vscode.workspace.onDidSaveTextDocument((d) => this.sourceChanged(d.uri)),
    ];
  }

  static uriFor(source: vscode.Uri): vscode.Uri {
    return vscode.Uri.from({ scheme: TABLES_SCHEME, path: `/${baseName(source)} tables.md`, query: source.toString() });
  }

  static sourceOf(uri: vscode.Uri): vscode.Uri {
    return vscode.Uri.parse(uri.query, true);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    try {
      return await requestTables(this.client, { uri: TablesContentProvider.sourceOf(uri).toString(), format: 'md' });
    } catch (error) {
      return `_The tables could not be made: ${messageOf(error)}_\n`;
    }
  }

  /** Re-render the open previews of a protocol a moment after it stops changing. */
  private sourceChanged(source: vscode.Uri): void {
    const key = source.toString();
    const preview = vscode.workspace.textDocuments.find((d) => d.uri.scheme === TABLES_SCHEME && d.uri.query === key);
    if (!preview) return;
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.changed.fire(preview.uri);
    }, 300));
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.changed.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/**
 * "Role Protocols: Show summary tables": all four tables as Markdown in a
 * preview beside the protocol. Returns the previewed document's URI.
 */
export async function showTables(client: LanguageClient, resource?: unknown): Promise<vscode.Uri | undefined> {
  const document = await targetDocument(resource);
  if (!document) return undefined;
  try {
    // Asked once here so a failure is a notification, not just a line in the preview.
    await requestTables(client, { uri: document.uri.toString(), format: 'md' });
  } catch (error) {
    void vscode.window.showErrorMessage(`Role Protocols: the tables of ${baseName(document.uri)} could not be made: ${messageOf(error)}`);
    return undefined;
  }
  const uri = TablesContentProvider.uriFor(document.uri);
  try {
    // Contributed by VS Code's built-in Markdown extension, which activates on it.
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  } catch {
    // The Markdown extension is disabled: show the Markdown text itself.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
  return uri;
}

/** What "Export tables" may be given instead of asking (keybindings, tasks, tests). */
export interface ExportOptions {
  tables?: string[];
  format?: TableFormat;
  target?: vscode.Uri;
}

function isExportOptions(value: unknown): value is ExportOptions {
  return !!value && typeof value === 'object' && ('tables' in value || 'format' in value || 'target' in value);
}

/**
 * "Role Protocols: Export tables": pick tables and a format, choose where to
 * save (beside the protocol by default), write the server's rendering there.
 * Returns the written file's URI.
 */
export async function exportTables(client: LanguageClient, resource?: unknown, options?: unknown): Promise<vscode.Uri | undefined> {
  const document = await targetDocument(resource);
  if (!document) return undefined;
  if (!isProtocolDocument(document)) {
    void vscode.window.showWarningMessage(`${baseName(document.uri)} is not a role protocol.`);
    return undefined;
  }
  const given = isExportOptions(options) ? options : {};

  let tables = given.tables;
  if (!tables) {
    const picked = await vscode.window.showQuickPick(
      TABLES.map((t) => ({ label: t.label, detail: t.detail, id: t.id, picked: true })),
      { title: 'Export tables (1/2): which tables?', canPickMany: true },
    );
    if (!picked || picked.length === 0) return undefined;
    tables = picked.map((p) => p.id);
  }

  let format = given.format;
  if (!format) {
    const picked = await vscode.window.showQuickPick(FORMATS.map((f) => ({ label: f.label, detail: f.detail, id: f.id })), { title: 'Export tables (2/2): format' });
    if (!picked) return undefined;
    format = picked.id;
  }
  const formatInfo = FORMATS.find((f) => f.id === format);
  if (!formatInfo) throw new Error(`Unknown table format \`${String(format)}\`; use md or csv.`);

  let target = given.target;
  if (!target) {
    const name = `${baseName(document.uri)}${tables.length === 1 ? `.${tables[0]}` : '.tables'}.${format}`;
    // Beside the protocol; an untitled one has no folder, so the workspace's.
    const folder = document.uri.scheme === 'file' ? vscode.Uri.joinPath(document.uri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
    target = await vscode.window.showSaveDialog({
      title: 'Export tables',
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: { [formatInfo.filter]: [format] },
      saveLabel: 'Export',
    });
    if (!target) return undefined;
  }

  let text: string;
  try {
    text = await requestTables(client, { uri: document.uri.toString(), tables, format });
  } catch (error) {
    void vscode.window.showErrorMessage(`Role Protocols: the tables of ${baseName(document.uri)} could not be made: ${messageOf(error)}`);
    return undefined;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  const written = target;
  // Not awaited: the message stays until dismissed, the command is done.
  void vscode.window.showInformationMessage(`Exported ${tables.length === 1 ? 'one table' : `${tables.length} tables`} to ${vscode.workspace.asRelativePath(written)}.`, 'Open').then((choice) => {
    if (choice === 'Open') void vscode.window.showTextDocument(written);
  });
  return written;
}
