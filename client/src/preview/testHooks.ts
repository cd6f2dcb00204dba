import * as vscode from 'vscode';
import type { HandledAction, PreviewTestHooks, TablesPreviews } from './tablesPreview';

/**
 * The extension tests' hooks into the "Summary tables" panels. Development
 * builds only: `extension.ts` loads this module when `__TEST_HOOKS__` is true,
 * which `scripts/bundle.js` sets for every build but `--production`, so the
 * .vsix holds neither this module nor the page script it adds
 * (`client/media/preview-test.js`).
 */

/** What a panel's page reports it has rendered, read back from its DOM. */
export interface RenderedReport {
  /** The update it shows (the extension counts its updates per panel). */
  generation: number;
  heading: string;
  /** The banner's text, or null when there is none. */
  banner: string | null;
  /** The line saying what the change marks show, or null when nothing is marked. */
  changesNote: string | null;
  scrollY: number;
  /** `changed`: the text of each cell marked as changed since a revision. */
  tables: { id: string; title: string; columns: string[]; rows: string[][]; gaps: number; changed: string[]; legend: string[]; summary: string | null }[];
}

export type { HandledAction };

/** The preview's hooks for the extension tests (part of the extension's API in development builds). */
export interface TablesPreviewApi {
  /** The panel of a protocol, if one is open. */
  panelFor(uri: vscode.Uri): vscode.WebviewPanel | undefined;
  /** What the page of a protocol's panel last said it rendered. */
  lastRendered(uri: vscode.Uri): RenderedReport | undefined;
  /** Fires each time a page has rendered (new tables or a new banner). */
  readonly onDidRender: vscode.Event<{ uri: vscode.Uri; report: RenderedReport }>;
  /** Fires when the extension has acted on a page's click (reveal, Problems view, export). */
  readonly onDidHandle: vscode.Event<HandledAction>;
  /**
   * Asks the page to do something through its DOM and answer: `click` a cell
   * (`table`, `row`, `col`) or the banner's button (`selector: 'show-problems'`)
   * with a real click event, `scroll` to `y`, or `probe` what the DOM holds.
   */
  askPage(uri: vscode.Uri, action: string, args?: Record<string, unknown>, timeoutMs?: number): Promise<unknown>;
  /**
   * Takes back a panel VS Code restored after a reload, with the state its
   * page saved (the protocol it showed). What the registered webview panel
   * serializer does; false (and the panel closed) for a state that names no
   * protocol.
   */
  restore(panel: vscode.WebviewPanel, state: unknown): boolean;
}

export class TablesPreviewTestHooks implements TablesPreviewApi, PreviewTestHooks, vscode.Disposable {
  readonly pageScript = 'preview-test.js';
  /** The last report of each panel's page: a panel opened again starts with none. */
  private readonly reports = new WeakMap<vscode.WebviewPanel, RenderedReport>();
  private readonly rendered = new vscode.EventEmitter<{ uri: vscode.Uri; report: RenderedReport }>();
  private readonly handledActions = new vscode.EventEmitter<HandledAction>();
  private readonly questions = new Map<number, (result: unknown) => void>();
  private nextQuestion = 0;
  readonly onDidRender = this.rendered.event;
  readonly onDidHandle = this.handledActions.event;

  constructor(private readonly previews: TablesPreviews) {
    previews.hooks = this;
  }

  pageMessage(uri: vscode.Uri, preview: { panel: vscode.WebviewPanel }, message: Record<string, unknown>): void {
    if (message.type === 'rendered' && message.report && typeof message.report === 'object') {
      const report = message.report as RenderedReport;
      this.reports.set(preview.panel, report);
      this.rendered.fire({ uri, report });
    } else if (message.type === 'testResult' && typeof message.id === 'number') {
      this.questions.get(message.id)?.(message.result);
      this.questions.delete(message.id);
    }
  }

  handled(action: HandledAction): void {
    this.handledActions.fire(action);
  }

  panelFor(uri: vscode.Uri): vscode.WebviewPanel | undefined {
    return this.previews.panelFor(uri);
  }

  lastRendered(uri: vscode.Uri): RenderedReport | undefined {
    const panel = this.previews.panelFor(uri);
    return panel ? this.reports.get(panel) : undefined;
  }

  askPage(uri: vscode.Uri, action: string, args: Record<string, unknown> = {}, timeoutMs = 10_000): Promise<unknown> {
    const panel = this.previews.panelFor(uri);
    if (!panel) return Promise.reject(new Error(`No tables panel is open for ${uri.toString()}.`));
    const id = ++this.nextQuestion;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.questions.delete(id);
        reject(new Error(`The tables page did not answer \`${action}\` within ${timeoutMs} ms.`));
      }, timeoutMs);
      this.questions.set(id, (result) => {
        clearTimeout(timer);
        resolve(result);
      });
      void panel.webview.postMessage({ ...args, type: 'test', id, action });
    });
  }

  restore(panel: vscode.WebviewPanel, state: unknown): boolean {
    return this.previews.restore(panel, state);
  }

  dispose(): void {
    this.rendered.dispose();
    this.handledActions.dispose();
  }
}
