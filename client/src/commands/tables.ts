import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { TablesPreviews } from '../preview/tablesPreview';
import { baseName, isProtocolDocument, kindOf, targetDocument } from '../protocolFiles';

import { TABLES_METHOD, type TablesParams } from '../../../server/src/shared/requests';

export type TableFormat = 'md' | 'csv' | 'html' | 'docx';

/** The summary tables, in the server's order (its `TABLE_IDS`). */
export const TABLES: readonly { id: string; label: string; detail: string }[] = [
  { id: 'training', label: 'Training matrix', detail: 'Role | Skill | Method | Record, one row per training row' },
  { id: 'roles', label: 'Roles and responsibilities', detail: 'Staff group, band, IR(ME)R capacity and responsibilities of each role' },
  { id: 'matrix', label: 'Responsibility matrix', detail: 'Who performs, edits, approves, agrees, supports or reviews each step' },
  { id: 'coverage', label: 'Training coverage by site', detail: 'Each entitled role and step, per site, and whether training backs it' },
  {
    id: 'sites',
    label: 'Sites',
    detail: 'Clinical protocol and approver, MPE involvement, clinician presence, fractionation and offline review timing per site',
  },
  { id: 'governance', label: 'Training governance', detail: 'Who signs off each training row, how often it is reassessed, and the sites it covers' },
];

/** A register of people's tables, in the server's order (its `REGISTER_TABLE_IDS`). */
export const REGISTER_TABLES: readonly { id: string; label: string; detail: string }[] = [
  { id: 'entitlements', label: 'Entitlement matrix', detail: 'People by roles: from, until, supervised, sites' },
  { id: 'training-status', label: 'Training status', detail: 'People by skills: current, due soon, overdue, in training, missing' },
  { id: 'due', label: 'Due and overdue', detail: 'Reassessments and registrations due soon or overdue, earliest first' },
];

const FORMATS: readonly { id: TableFormat; label: string; detail: string; filter: string; binary?: boolean }[] = [
  {
    id: 'docx',
    label: 'Word',
    detail: 'Word tables with the document-control block, for QMS documents and committee papers',
    filter: 'Word document',
    binary: true,
  },
  { id: 'html', label: 'HTML', detail: 'One standalone, printable page with the document-control block', filter: 'HTML' },
  { id: 'md', label: 'Markdown', detail: 'Tables with the document-control heading, for QMS documents and papers', filter: 'Markdown' },
  { id: 'csv', label: 'CSV', detail: 'For spreadsheets', filter: 'CSV' },
];

/** Asks the server for rendered tables; a failure becomes an Error with the server's message. */
async function requestTables(client: LanguageClient, params: TablesParams): Promise<string> {
  const result = await client.sendRequest<unknown>(TABLES_METHOD, params);
  if (typeof result !== 'string') throw new Error('The server sent no tables.');
  return result;
}

/** The bytes of an export: text formats as UTF-8, Word as the file the server built (sent base64-encoded). */
async function requestExport(client: LanguageClient, uri: string, tables: string[], format: TableFormat, binary: boolean): Promise<Uint8Array> {
  if (!binary) return new TextEncoder().encode(await requestTables(client, { uri, tables, format }));
  return Buffer.from(await requestTables(client, { uri, tables, format, encoding: 'base64' }), 'base64');
}

/**
 * Writes the file whole or not at all: the bytes go to a temporary file
 * beside the target, which is renamed over the target only once complete. A
 * failed write (a full disk, a lost share) removes the temporary file and
 * leaves the target as it was.
 */
async function writeWhole(target: vscode.Uri, bytes: Uint8Array): Promise<void> {
  const temporary = vscode.Uri.joinPath(target, '..', `.${fileName(target)}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  try {
    await vscode.workspace.fs.writeFile(temporary, bytes);
    await vscode.workspace.fs.rename(temporary, target, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    throw error;
  }
}

const fileName = (uri: vscode.Uri): string => uri.path.slice(uri.path.lastIndexOf('/') + 1);

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * "Role Protocols: Show summary tables": the tables in a panel beside
 * the protocol (one panel per protocol, brought back if already open),
 * following its edits. Returns the protocol's URI, or undefined when there is
 * no protocol to show.
 */
export async function showTables(previews: TablesPreviews, resource?: unknown): Promise<vscode.Uri | undefined> {
  const document = await targetDocument(resource);
  if (!document) return undefined;
  if (!isProtocolDocument(document)) {
    void vscode.window.showWarningMessage(`${baseName(document.uri)} is not a role protocol.`);
    return undefined;
  }
  previews.show(document);
  return document.uri;
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
    // A register has its own tables; they are personal data, and the export says so.
    const register = kindOf(document) === 'register';
    const picked = await vscode.window.showQuickPick(
      (register ? REGISTER_TABLES : TABLES).map((t) => ({ label: t.label, detail: t.detail, id: t.id, picked: true })),
      {
        title: register ? 'Export tables (1/2): which tables? (personal data: keep the export as the register is kept)' : 'Export tables (1/2): which tables?',
        canPickMany: true,
      },
    );
    if (!picked || picked.length === 0) return undefined;
    tables = picked.map((p) => p.id);
  }

  let format = given.format;
  if (!format) {
    const picked = await vscode.window.showQuickPick(
      FORMATS.map((f) => ({ label: f.label, detail: f.detail, id: f.id })),
      { title: 'Export tables (2/2): format' },
    );
    if (!picked) return undefined;
    format = picked.id;
  }
  const formatInfo = FORMATS.find((f) => f.id === format);
  if (!formatInfo) throw new Error(`Unknown table format \`${String(format)}\`; use ${FORMATS.map((f) => f.id).join(', ')}.`);

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

  let bytes: Uint8Array;
  try {
    bytes = await requestExport(client, document.uri.toString(), tables, format, formatInfo.binary === true);
  } catch (error) {
    void vscode.window.showErrorMessage(`Role Protocols: the tables of ${baseName(document.uri)} could not be made: ${messageOf(error)}`);
    return undefined;
  }
  const existed = await exists(target);
  try {
    await writeWhole(target, bytes);
  } catch (error) {
    void vscode.window.showErrorMessage(
      `Role Protocols: ${fileName(target)} could not be written: ${messageOf(error)}. ${existed ? 'The file was left as it was.' : 'Nothing was written.'}`,
    );
    return undefined;
  }
  const written = target;
  // Not awaited: the message stays until dismissed, the command is done.
  void vscode.window
    .showInformationMessage(`Exported ${tables.length === 1 ? 'one table' : `${tables.length} tables`} to ${vscode.workspace.asRelativePath(written)}.`, 'Open')
    .then((choice) => {
      if (choice !== 'Open') return;
      // Word and HTML open in the program the system has for them; Markdown and CSV in the editor.
      if (format === 'docx' || format === 'html') void vscode.env.openExternal(written);
      else void vscode.window.showTextDocument(written);
    });
  return written;
}
