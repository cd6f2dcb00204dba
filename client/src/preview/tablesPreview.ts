import * as crypto from 'crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LOCATE_METHOD, TABLES_METHOD, type LocateParams, type LocateResult, type TableData } from '../../../server/src/shared/requests';
import { kindOf } from '../protocolFiles';

export type { TableCell, TableData } from '../../../server/src/shared/requests';

/**
 * What changed since a revision, for the panel to mark: the paths (and
 * catalogue files) of the changes, as the cells name their sources. Kept
 * until the protocol is edited, since the paths are those of the text that
 * was compared.
 */
export interface ChangeMarks {
  /** The revision, as the panel names it (a short hash). */
  since: string;
  changes: { path: readonly (string | number)[]; file?: string }[];
}

/** The webview type of the "Summary tables" panels. */
export const TABLES_VIEW_TYPE = 'roleProtocols.tables';

/** How long the preview waits after the last keystroke before asking for new tables. */
export const PREVIEW_DEBOUNCE_MS = 300;

/** Something the page asked for and the extension did. */
export interface HandledAction {
  uri: vscode.Uri;
  action: 'reveal' | 'showProblems' | 'export';
  ok: boolean;
  detail?: string;
}

/**
 * The extension tests' hooks into the panels (`testHooks.ts`), present in
 * development builds only: a page loads `preview-test.js` and its messages
 * for the tests are passed on; without them those messages are ignored.
 */
export interface PreviewTestHooks {
  /** The page script that reports to the tests, loaded before the page's own. */
  readonly pageScript: string;
  pageMessage(uri: vscode.Uri, preview: { panel: vscode.WebviewPanel }, message: Record<string, unknown>): void;
  handled(action: HandledAction): void;
}

/** The protocol a restored panel's saved state names: a file or untitled document, or nothing. */
export function documentOfState(state: unknown): vscode.Uri | undefined {
  const model = typeof state === 'object' && state !== null ? (state as { model?: unknown }).model : undefined;
  const raw = typeof model === 'object' && model !== null ? (model as { documentUri?: unknown }).documentUri : undefined;
  if (typeof raw !== 'string' || raw.length > 4096) return undefined;
  try {
    const uri = vscode.Uri.parse(raw, true);
    if (uri.scheme === 'untitled') return uri;
    // Only a YAML or JSON file: the panel asks the server to read it.
    return uri.scheme === 'file' && /\.(ya?ml|json)$/i.test(uri.path) ? uri : undefined;
  } catch {
    return undefined;
  }
}

type Converters = Pick<LanguageClient, 'sendRequest' | 'code2ProtocolConverter' | 'protocol2CodeConverter'>;

/** Asks the server for a protocol's tables as data. */
export async function requestTableData(client: Pick<LanguageClient, 'sendRequest'>, uri: string): Promise<TableData[]> {
  const result = await client.sendRequest<unknown>(TABLES_METHOD, { uri, format: 'data' });
  if (!Array.isArray(result)) throw new Error('The server sent no tables.');
  return result as TableData[];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const isPath = (value: unknown): value is (string | number)[] =>
  Array.isArray(value) && value.length <= 64 && value.every((s) => typeof s === 'string' || (typeof s === 'number' && Number.isInteger(s)));

/**
 * The "Summary tables" panels: one per protocol, beside its editor, following
 * its edits (debounced) and its diagnostics, and revealing a cell's source
 * when the cell is clicked.
 */
export class TablesPreviews implements vscode.Disposable {
  private readonly previews = new Map<string, TablesPreview>();
  /** What changed since a revision, by protocol (`markChanges`). */
  private readonly marks = new Map<string, ChangeMarks>();
  private readonly subscriptions: vscode.Disposable[];
  /** The tests' hooks, in development builds. */
  hooks: PreviewTestHooks | undefined;

  constructor(
    private readonly client: Converters,
    private readonly extensionUri: vscode.Uri,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.documentChanged(e.document);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.documentChanged(d)),
      vscode.languages.onDidChangeDiagnostics((e) => {
        for (const uri of e.uris) this.previews.get(uri.toString())?.diagnosticsChanged();
      }),
    ];
  }

  /** Opens (or brings back) the panel of a protocol; returns it. */
  show(document: vscode.TextDocument): vscode.WebviewPanel {
    const key = document.uri.toString();
    const preview = this.previews.get(key);
    if (preview) {
      preview.panel.reveal(preview.panel.viewColumn ?? vscode.ViewColumn.Beside, true);
      preview.refreshNow();
      return preview.panel;
    }
    return this.open(document.uri).panel;
  }

  /** A new panel for a protocol, or one VS Code restored. */
  private open(uri: vscode.Uri, restored?: vscode.WebviewPanel): TablesPreview {
    const key = uri.toString();
    const preview = new TablesPreview(
      uri,
      this.client,
      this.extensionUri,
      {
        fromPage: (preview, message) => this.hooks?.pageMessage(uri, preview, message),
        handled: (action) => this.hooks?.handled(action),
        disposed: () => this.previews.delete(key),
        testScript: () => this.hooks?.pageScript,
        marks: () => this.marks.get(key),
      },
      restored,
    );
    this.previews.set(key, preview);
    return preview;
  }

  restore(panel: vscode.WebviewPanel, state: unknown): boolean {
    const uri = documentOfState(state);
    if (!uri || this.previews.has(uri.toString())) {
      panel.dispose();
      return false;
    }
    this.open(uri, panel);
    return true;
  }

  /**
   * Marks in the protocol's panel what changed since a revision (or clears
   * the marks): now if the panel is open, else when it opens.
   */
  markChanges(uri: vscode.Uri, marks: ChangeMarks | undefined): void {
    const key = uri.toString();
    if (marks) this.marks.set(key, marks);
    else this.marks.delete(key);
    this.previews.get(key)?.marksChanged();
  }

  panelFor(uri: vscode.Uri): vscode.WebviewPanel | undefined {
    return this.previews.get(uri.toString())?.panel;
  }

  /**
   * A document with a panel changed: its own panel follows. A catalogue or a
   * protocol changed: every panel follows, since any protocol may include the
   * catalogue and any register is checked against a protocol (the server
   * knows which, and answers the others from what it already has).
   */
  private documentChanged(document: vscode.TextDocument): void {
    // Marks name places in the text that was compared: an edit ends them.
    if (this.marks.delete(document.uri.toString())) this.previews.get(document.uri.toString())?.marksChanged();
    const own = this.previews.get(document.uri.toString());
    if (own) {
      own.sourceChanged();
      return;
    }
    if (this.previews.size === 0) return;
    const kind = kindOf(document);
    if (kind === 'catalogue' || kind === 'protocol') for (const preview of this.previews.values()) preview.sourceChanged();
  }

  dispose(): void {
    for (const preview of [...this.previews.values()]) preview.panel.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

interface PreviewEvents {
  /** A message from the page for the tests' hooks. */
  fromPage(preview: TablesPreview, message: Record<string, unknown>): void;
  handled(action: HandledAction): void;
  disposed(): void;
  /** The tests' page script, in development builds. */
  testScript(): string | undefined;
  /** What to mark as changed since a revision, if anything. */
  marks(): ChangeMarks | undefined;
}

/** One protocol's panel. */
class TablesPreview {
  readonly panel: vscode.WebviewPanel;
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Counts updates sent; a reply to an older request is dropped. */
  private generation = 0;
  private requested = 0;
  private tables: TableData[] | undefined;
  private problem: string | undefined;
  private disposed = false;

  constructor(
    private readonly uri: vscode.Uri,
    private readonly client: Converters,
    extensionUri: vscode.Uri,
    private readonly events: PreviewEvents,
    restored?: vscode.WebviewPanel,
  ) {
    const media = vscode.Uri.joinPath(extensionUri, 'client', 'media');
    // No retainContextWhenHidden: the page keeps its tables and scroll position with setState.
    const options: vscode.WebviewOptions = { enableScripts: true, enableCommandUris: false, enableForms: false, localResourceRoots: [media] };
    if (restored) {
      // After a reload VS Code hands the panel back with the options it had; they are set again, not trusted.
      this.panel = restored;
      this.panel.webview.options = options;
      this.panel.title = `Tables: ${fileName(uri)}`;
    } else {
      this.panel = vscode.window.createWebviewPanel(
        TABLES_VIEW_TYPE,
        `Tables: ${fileName(uri)}`,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        options,
      );
    }
    this.panel.webview.html = pageHtml(this.panel.webview, media, events.testScript());
    this.subscriptions.push(
      this.panel.webview.onDidReceiveMessage((message: unknown) => this.received(message)),
      this.panel.onDidDispose(() => this.dispose()),
    );
    this.refreshNow();
  }

  /** The document changed: new tables a moment after the typing stops. */
  sourceChanged(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, PREVIEW_DEBOUNCE_MS);
  }

  refreshNow(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    void this.refresh();
  }

  /** The marks of what changed were set or cleared: the page shows the same tables with the new marks. */
  marksChanged(): void {
    this.postModel();
  }

  diagnosticsChanged(): void {
    void this.panel.webview.postMessage({ type: 'diagnostics', errors: this.errorCount() });
  }

  private errorCount(): number {
    return vscode.languages.getDiagnostics(this.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
  }

  private async refresh(): Promise<void> {
    const request = ++this.requested;
    let tables: TableData[] | undefined;
    let problem: string | undefined;
    try {
      tables = await requestTableData(this.client, this.client.code2ProtocolConverter.asUri(this.uri));
    } catch (error) {
      problem = messageOf(error);
    }
    if (this.disposed || request !== this.requested) return; // a newer request is on its way
    if (tables) this.tables = tables;
    this.problem = problem;
    this.generation++;
    this.postModel();
  }

  private postModel(): void {
    if (this.tables === undefined && this.problem === undefined) return; // nothing yet: the first answer will come
    void this.panel.webview.postMessage({
      type: 'update',
      generation: this.generation,
      fileName: fileName(this.uri),
      // Kept in the page's saved state, so a panel restored after a reload knows its protocol.
      documentUri: this.uri.toString(),
      tables: this.tables ?? [],
      problem: this.problem,
      errors: this.errorCount(),
      changes: this.events.marks(),
    });
  }

  /** Messages from the page: only these shapes are acted on; anything else is ignored. */
  private received(message: unknown): void {
    if (!message || typeof message !== 'object') return;
    const m = message as Record<string, unknown>;
    switch (m.type) {
      case 'ready':
        // A new page (first load, or shown again after being hidden): it gets the current tables.
        this.postModel();
        return;
      case 'rendered':
      case 'testResult':
        this.events.fromPage(this, m);
        return;
      case 'reveal':
        if (isPath(m.source) && (m.sourceFile === undefined || typeof m.sourceFile === 'string')) void this.reveal(m.source, m.sourceFile);
        return;
      case 'showProblems':
        void this.run('showProblems', 'workbench.actions.view.problems');
        return;
      case 'export':
        void this.run('export', 'roleProtocols.exportTables', this.uri);
        return;
    }
  }

  private async run(action: HandledAction['action'], command: string, ...args: unknown[]): Promise<void> {
    try {
      await vscode.commands.executeCommand(command, ...args);
      this.events.handled({ uri: this.uri, action, ok: true });
    } catch (error) {
      this.events.handled({ uri: this.uri, action, ok: false, detail: messageOf(error) });
    }
  }

  /** Selects a cell's source in the editor: in the protocol, or in the catalogue it comes from. */
  private async reveal(source: readonly (string | number)[], sourceFile: string | undefined): Promise<void> {
    try {
      // The server places paths in open documents only.
      const protocol = await vscode.workspace.openTextDocument(this.uri);
      const params: LocateParams = {
        uri: this.client.code2ProtocolConverter.asUri(this.uri),
        path: source,
        ...(sourceFile !== undefined ? { file: sourceFile } : {}),
      };
      const found = await this.client.sendRequest<LocateResult | null>(LOCATE_METHOD, params);
      if (!found) {
        void vscode.window.showWarningMessage(`Role Protocols: that cell's source is no longer in ${fileName(this.uri)}.`);
        this.events.handled({ uri: this.uri, action: 'reveal', ok: false, detail: 'not found' });
        return;
      }
      const target = this.client.protocol2CodeConverter.asUri(found.uri);
      const range = this.client.protocol2CodeConverter.asRange(found.range);
      const shown = (uri: vscode.Uri) => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
      const panelColumn = this.panel.viewColumn;
      const column =
        shown(target)?.viewColumn ?? shown(protocol.uri)?.viewColumn ?? (panelColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
      const editor = await vscode.window.showTextDocument(target, {
        viewColumn: column,
        selection: range,
        preserveFocus: false,
        preview: target.toString() !== protocol.uri.toString(),
      });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      this.events.handled({ uri: this.uri, action: 'reveal', ok: true, detail: `${target.toString()}#${range.start.line + 1}:${range.start.character + 1}` });
    } catch (error) {
      void vscode.window.showErrorMessage(`Role Protocols: could not reveal that cell's source: ${messageOf(error)}`);
      this.events.handled({ uri: this.uri, action: 'reveal', ok: false, detail: messageOf(error) });
    }
  }

  private dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.events.disposed();
  }
}

function fileName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}

/**
 * The page: a fixed skeleton with no document values in it (they arrive by
 * postMessage and the page script sets them as text), its stylesheet and
 * script from the extension's media folder, under a strict policy.
 */
function pageHtml(webview: vscode.Webview, media: vscode.Uri, testScript: string | undefined): string {
  const nonce = crypto.randomBytes(16).toString('base64');
  const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css'));
  const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js'));
  // The tests' hooks (development builds): loaded first, so they hear the first render.
  const hooks = testScript ? `<script nonce="${nonce}" src="${webview.asWebviewUri(vscode.Uri.joinPath(media, testScript)).toString()}"></script>\n` : '';
  const csp = [
    `default-src 'none'`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `base-uri 'none'`,
    `form-action 'none'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" nonce="${nonce}" href="${style.toString()}">
<title>Summary tables</title>
</head>
<body>
<header><h1 id="heading">Summary tables</h1><button type="button" id="export" title="Export these tables to Word, HTML, CSV or Markdown">Export\u2026</button></header>
<div id="banner" role="status" hidden></div>
<p id="changes" role="status" hidden></p>
<main id="tables"></main>
${hooks}<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
