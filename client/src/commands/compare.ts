import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { baseName, isProtocolDocument, targetDocument } from '../protocolFiles';
import type { TablesPreviews } from '../preview/tablesPreview';

import {
  COMPARE_METHOD,
  REVISIONS_METHOD,
  type CompareChange,
  type CompareParams,
  type CompareResult,
  type FileRevision,
  type RevisionsResult,
  type WireRange,
} from '../../../server/src/shared/requests';

/** The report panels' type, and the command a change's link runs. */
export const CHANGES_VIEW_TYPE = 'roleProtocols.changes';
export const REVEAL_CHANGE_COMMAND = 'roleProtocols.revealChange';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The report as the panel shows it: no scripts, styles inline only, and each
 * change's place a command link that reveals its line in the editor.
 */
export function reportPage(result: CompareResult): string {
  const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">`;
  // `href="#change-N"` is the server's own markup: values from the documents are escaped, so none can write it.
  return result.html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n${csp}`).replace(/href="#change-(\d+)"/g, (whole, index: string) => {
    const location = result.changes[Number(index)]?.location;
    if (!location) return whole;
    return `href="command:${REVEAL_CHANGE_COMMAND}?${encodeURIComponent(JSON.stringify([location.uri, location.range]))}" title="Show this line in the editor"`;
  });
}

/** Reveals a change's place: the document (or catalogue) in the editor beside the report, the range selected. */
export async function revealChange(uri: unknown, range: unknown): Promise<vscode.TextEditor | undefined> {
  if (typeof uri !== 'string' || !isWireRange(range)) return undefined;
  const target = vscode.Uri.parse(uri);
  const document = await vscode.workspace.openTextDocument(target);
  const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  // The editor the document is already in, else the first column (the report is beside it).
  const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.toString());
  const editor = await vscode.window.showTextDocument(document, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, selection, preserveFocus: false });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

function isWireRange(value: unknown): value is WireRange {
  const point = (p: unknown) =>
    !!p && typeof p === 'object' && Number.isInteger((p as { line: unknown }).line) && Number.isInteger((p as { character: unknown }).character);
  return !!value && typeof value === 'object' && point((value as WireRange).start) && point((value as WireRange).end);
}

/**
 * "Role Protocols: Compare with a previous version": pick a commit that
 * changed the protocol's file (the last one first), and open the report of
 * what changed since then beside the editor: the open text against the file
 * at that commit, each change a link to its line. `revision` (a commit, for
 * keybindings and tests) skips the question. Returns the report.
 */
export async function compareWithPrevious(
  client: LanguageClient,
  panels: Map<string, vscode.WebviewPanel>,
  previews: Pick<TablesPreviews, 'markChanges'>,
  resource?: unknown,
  revision?: unknown,
): Promise<CompareResult | undefined> {
  const document = await targetDocument(resource);
  if (!document) return undefined;
  if (!isProtocolDocument(document)) {
    void vscode.window.showWarningMessage(`${baseName(document.uri)} is not a role protocol.`);
    return undefined;
  }
  if (!vscode.workspace.isTrusted) {
    // git obeys the repository's own configuration, which may run programs: not in a folder not yet trusted.
    void vscode.window.showWarningMessage('Comparing with an earlier version runs git, which needs a trusted workspace. Trust the folder, then try again.');
    return undefined;
  }
  if (document.uri.scheme !== 'file') {
    void vscode.window.showWarningMessage('Only a file on disk has a git history; save the protocol first.');
    return undefined;
  }
  const uri = document.uri.toString();
  let revisions: FileRevision[];
  try {
    revisions = ((await client.sendRequest(REVISIONS_METHOD, { uri })) as RevisionsResult | null)?.revisions ?? [];
  } catch (error) {
    void vscode.window.showWarningMessage(`Role Protocols: no history to compare with: ${messageOf(error)}`);
    return undefined;
  }
  let chosen: { revision: string; path?: string; short: string } | undefined;
  if (typeof revision === 'string' && revision !== '') {
    const known = revisions.find((r) => r.hash.startsWith(revision) || r.short === revision);
    chosen = known ? { revision: known.hash, path: known.path, short: known.short } : { revision, short: revision };
  } else {
    if (revisions.length === 0) {
      void vscode.window.showInformationMessage(`${baseName(document.uri)} has no commits yet: there is nothing to compare it with.`);
      return undefined;
    }
    const current = vscode.workspace.asRelativePath(document.uri, false);
    const picked = await vscode.window.showQuickPick(
      revisions.map((r) => ({
        label: `$(git-commit) ${r.short}  ${r.subject}`,
        description: r.date,
        detail: r.path !== current && !current.endsWith(r.path) ? `then ${r.path}` : undefined,
        revision: r,
      })),
      { title: `Compare ${baseName(document.uri)} with the version of…`, placeHolder: 'The last commit that changed the file is first' },
    );
    if (!picked) return undefined;
    chosen = { revision: picked.revision.hash, path: picked.revision.path, short: picked.revision.short };
  }
  let result: CompareResult;
  try {
    const params: CompareParams = { uri, revision: chosen.revision, ...(chosen.path ? { path: chosen.path } : {}) };
    const answer = (await client.sendRequest(COMPARE_METHOD, params)) as CompareResult | null;
    if (!answer) throw new Error('the server could not compare the versions (see the Role Protocols output)');
    result = answer;
  } catch (error) {
    void vscode.window.showErrorMessage(`Role Protocols: cannot compare ${baseName(document.uri)} with ${chosen.short}: ${messageOf(error)}`);
    return undefined;
  }
  const title = `Changes since ${chosen.short}: ${baseName(document.uri)}`;
  let panel = panels.get(uri);
  if (panel) {
    panel.title = title;
    panel.reveal(vscode.ViewColumn.Beside, true);
  } else {
    panel = vscode.window.createWebviewPanel(
      CHANGES_VIEW_TYPE,
      title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: false,
        enableCommandUris: [REVEAL_CHANGE_COMMAND],
        localResourceRoots: [],
      },
    );
    const opened = panel;
    panels.set(uri, opened);
    opened.onDidDispose(() => {
      if (panels.get(uri) === opened) panels.delete(uri);
    });
  }
  panel.webview.html = reportPage(result);
  // The tables preview marks the same changes (now if it is open, else when it opens), until the next edit.
  previews.markChanges(document.uri, {
    since: chosen.short,
    changes: result.changes.flatMap((c) =>
      c.location ? [{ path: c.location.path, ...(c.location.file !== undefined ? { file: c.location.file } : {}) }] : [],
    ),
  });
  return result;
}

export type { CompareChange };
