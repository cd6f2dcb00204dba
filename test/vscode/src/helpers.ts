import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { HandledAction, RenderedReport, TablesPreviewApi } from '../../../client/out/preview/testHooks';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'role-protocols.role-protocols';
/** The `source` of the language server's diagnostics. */
export const SOURCE = 'role-protocols';
export const COMMANDS = ['roleProtocols.newProtocol', 'roleProtocols.showTables', 'roleProtocols.exportTables', 'roleProtocols.compareWithPrevious'];

/** How long to wait for the server before a test fails (a bound, never a sleep). */
export const WAIT_MS = 20_000;

/** Activates the extension (once) and returns it. */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
  await extension.activate();
  return extension;
}

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suites need a workspace folder (a copy of samples/)');
  return folder.uri;
}

/** A file under the workspace's copy of samples/. */
export function sample(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), 'samples', ...relative.split('/'));
}

/** Opens a document in an editor: the server pulls diagnostics for visible documents. */
export async function show(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Closes every editor, dropping unsaved changes (tests edit documents without saving). */
export async function closeAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty || document.isClosed) continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The rule id of a diagnostic (`code`, or `code.value` when it links to the rule's docs). */
export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

/** The language server's diagnostics of a document (not VS Code's JSON checks). */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return 'none';
  return diagnostics.map((d) => `${ruleOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).join('\n  ');
}

/**
 * Resolves with the server's diagnostics of `uri` as soon as they satisfy
 * `predicate`: checked now, then on every onDidChangeDiagnostics event for
 * that document. Rejects after `timeoutMs`, showing what was there.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    let subscription: vscode.Disposable | undefined;
    let timer: NodeJS.Timeout | undefined;
    const finish = (result: vscode.Diagnostic[] | Error) => {
      subscription?.dispose();
      clearTimeout(timer);
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const check = () => {
      const diagnostics = ours(uri);
      if (predicate(diagnostics)) {
        finish(diagnostics);
        return true;
      }
      return false;
    };
    if (check()) return;
    subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === key)) check();
    });
    timer = setTimeout(
      () =>
        finish(
          new Error(
            `Timed out after ${timeoutMs} ms waiting for ${what} in ${vscode.workspace.asRelativePath(uri)}; it has: ${describeDiagnostics(ours(uri))}`,
          ),
        ),
      timeoutMs,
    );
  });
}

/** Waits for the first diagnostics the server gives a document (for documents that have some). */
export function firstDiagnostics(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, (d) => d.length > 0, 'diagnostics');
}

/**
 * Proves a document is clean by events, not by waiting: an edit that breaks it
 * (an unknown top-level key) must bring a `schema` diagnostic, and undoing the
 * edit must take every diagnostic away again. Leaves the document as it was.
 */
export async function expectCleanByRoundTrip(document: vscode.TextDocument): Promise<void> {
  const end = document.lineAt(document.lineCount - 1).range.end;
  const probe = document.languageId === 'json' ? undefined : '\nnotAKey: 1\n';
  assert.ok(probe, 'expectCleanByRoundTrip works on YAML documents');
  const before = document.getText();
  await edit((e) => e.insert(document.uri, end, probe));
  await waitForDiagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'schema'), 'the schema finding the probe edit causes');
  const probeStart = document.positionAt(before.length);
  await edit((e) => e.delete(document.uri, new vscode.Range(probeStart, document.positionAt(document.getText().length))));
  assert.equal(document.getText(), before);
  await waitForDiagnostics(document.uri, (d) => d.length === 0, 'no diagnostics once the probe edit is undone');
}

/** Applies a workspace edit built by `build` and checks VS Code accepted it. */
export async function edit(build: (edit: vscode.WorkspaceEdit) => void): Promise<void> {
  const workspaceEdit = new vscode.WorkspaceEdit();
  build(workspaceEdit);
  assert.ok(await vscode.workspace.applyEdit(workspaceEdit), 'VS Code refused the edit');
}

/** Replaces the first occurrence of `from` (after `after`, if given) with `to`. */
export async function replaceText(document: vscode.TextDocument, from: string, to: string, after?: string): Promise<void> {
  const range = rangeOf(document, from, after);
  await edit((e) => e.replace(document.uri, range, to));
}

/** The range of the first occurrence of `needle` (after the first occurrence of `after`, if given). */
export function rangeOf(document: vscode.TextDocument, needle: string, after?: string): vscode.Range {
  const text = document.getText();
  const from = after === undefined ? 0 : text.indexOf(after);
  assert.ok(from >= 0, `\`${after}\` is not in ${document.uri.toString()}`);
  const at = text.indexOf(needle, from);
  assert.ok(at >= 0, `\`${needle}\` is not in ${document.uri.toString()}${after ? ` after \`${after}\`` : ''}`);
  return new vscode.Range(document.positionAt(at), document.positionAt(at + needle.length));
}

/** A position `delta` characters into the first occurrence of `needle` (after `after`). */
export function positionIn(document: vscode.TextDocument, needle: string, delta = 1, after?: string): vscode.Position {
  return rangeOf(document, needle, after).start.translate(0, delta);
}

/**
 * Every place an id is written as a whole YAML value outside comments (after
 * `key: `, `- `, `[` or `, ` and before `]`, `,` or the end of the line, so
 * not inside prose such as "edited by the adapter"): what "find references"
 * and "rename" must cover, worked out from the text alone.
 */
export function tokenRanges(document: vscode.TextDocument, id: string): vscode.Range[] {
  const ranges: vscode.Range[] = [];
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const token = new RegExp(`(?<=(?:^|[[,:]|(?:^|\\s)-[ \\t])[ \\t]*)${escaped}(?=[ \\t]*(?:[\\],]|$))`, 'g');
  for (let line = 0; line < document.lineCount; line++) {
    const text = document.lineAt(line).text;
    const comment = text.search(/(^|\s)#/);
    const code = (comment >= 0 ? text.slice(0, comment) : text).trimEnd();
    for (const match of code.matchAll(token)) ranges.push(new vscode.Range(line, match.index, line, match.index + id.length));
  }
  return ranges;
}

export function rangeText(range: vscode.Range): string {
  return `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`;
}

export function sortedRangeTexts(ranges: readonly vscode.Range[]): string[] {
  return [...ranges].sort((a, b) => a.start.compareTo(b.start)).map(rangeText);
}

/** `# Expect: <rule-id> on line <N>` comments of a sample (or its .expect file for JSON), as `rule@line`. */
export function expectations(text: string): string[] {
  return [...text.matchAll(/Expect: ([a-z-]+) on line (\d+)/g)].map((m) => `${m[1]}@${m[2]}`).sort();
}

/** The plain-text value of a hover's contents. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** Definition results come as Locations or LocationLinks: both as (uri, range). */
export function targets(results: readonly (vscode.Location | vscode.LocationLink)[]): { uri: vscode.Uri; range: vscode.Range }[] {
  return results.map((r) => ('targetUri' in r ? { uri: r.targetUri, range: r.targetSelectionRange ?? r.targetRange } : { uri: r.uri, range: r.range }));
}

/** Completion items of a provider answer (a list or an array). */
export function itemsOf(result: vscode.CompletionList | vscode.CompletionItem[] | undefined): vscode.CompletionItem[] {
  if (!result) return [];
  return Array.isArray(result) ? result : result.items;
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The tables preview of the activated extension. */
export async function tablesPreview(): Promise<TablesPreviewApi> {
  const extension = await activateExtension();
  const api = extension.exports as { tablesPreview?: TablesPreviewApi } | undefined;
  assert.ok(api?.tablesPreview, 'the extension exports no tablesPreview');
  return api.tablesPreview;
}

/**
 * Resolves with what the page of `uri`'s panel rendered as soon as it
 * satisfies `predicate`: the last report now, then every report the page
 * sends. Rejects after `timeoutMs` with the last report seen.
 */
export function waitForRender(
  preview: TablesPreviewApi,
  uri: vscode.Uri,
  predicate: (report: RenderedReport) => boolean,
  what: string,
  timeoutMs = WAIT_MS,
): Promise<RenderedReport> {
  const key = uri.toString();
  return new Promise((resolve, reject) => {
    let subscription: vscode.Disposable | undefined;
    let timer: NodeJS.Timeout | undefined;
    let last = preview.lastRendered(uri);
    const finish = (result: RenderedReport | Error) => {
      subscription?.dispose();
      clearTimeout(timer);
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    if (last && predicate(last)) return finish(last);
    subscription = preview.onDidRender(({ uri: rendered, report }) => {
      if (rendered.toString() !== key) return;
      last = report;
      if (predicate(report)) finish(report);
    });
    timer = setTimeout(
      () =>
        finish(
          new Error(`Timed out after ${timeoutMs} ms waiting for the tables page to render ${what}; it last rendered: ${JSON.stringify(last)?.slice(0, 2000)}`),
        ),
      timeoutMs,
    );
  });
}

/** Resolves with the next action the extension handles for a page (a reveal, the Problems view), bounded. */
export function nextHandled(preview: TablesPreviewApi, action: HandledAction['action'], timeoutMs = WAIT_MS): Promise<HandledAction> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for the extension to handle \`${action}\` from the tables page`));
    }, timeoutMs);
    const subscription = preview.onDidHandle((handled) => {
      if (handled.action !== action) return;
      subscription.dispose();
      clearTimeout(timer);
      resolve(handled);
    });
  });
}

/** The cell texts of one table the page rendered. */
export function renderedTable(report: RenderedReport, id: string): RenderedReport['tables'][number] {
  const table = report.tables.find((t) => t.id === id);
  assert.ok(table, `the page rendered no \`${id}\` table; it has ${report.tables.map((t) => t.id).join(', ')}`);
  return table;
}
export type { HandledAction, RenderedReport, TablesPreviewApi };

/** A "Summary tables" page as the test runner read it from the browser's DOM (scripts/run-vscode-tests.js). */
export interface ProbedPage {
  heading: string;
  tables: { id: string; columns: string[]; firstRow: string[] }[];
  borderCollapse: string | null;
  /** The page's scripts, by file name. */
  scripts: string[];
}

/**
 * Waits until the runner has seen a tables page that satisfies `check`, by
 * watching the file it writes what the browser shows to; bounded.
 */
export async function webviewShowing(check: (page: ProbedPage) => boolean, timeoutMs = 20_000): Promise<ProbedPage> {
  const file = process.env.ROLE_PROTOCOLS_WEBVIEW_PROBE;
  assert.ok(file, 'the test runner did not say where it writes what the browser shows (ROLE_PROTOCOLS_WEBVIEW_PROBE)');
  const read = (): ProbedPage | undefined => {
    try {
      return (JSON.parse(fs.readFileSync(file, 'utf8')) as ProbedPage[]).find(check);
    } catch {
      return undefined; // not written yet
    }
  };
  const found = read();
  if (found) return found;
  return new Promise((resolve, reject) => {
    const watcher = fs.watch(path.dirname(file), () => {
      const page = read();
      if (page) finish(() => resolve(page));
    });
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new Error(
              `no tables page showed what was expected within ${timeoutMs} ms; last seen: ${fs.existsSync(file) ? fs.readFileSync(file, 'utf8').slice(0, 500) : 'nothing'}`,
            ),
          ),
        ),
      timeoutMs,
    );
    const finish = (then: () => void) => {
      clearTimeout(timer);
      watcher.close();
      then();
    };
  });
}
