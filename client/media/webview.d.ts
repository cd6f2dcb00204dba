// What VS Code gives the tables page's script (preview.js) besides the DOM, for
// its type check (tsconfig.json beside it). Not shipped: the page runs the .js.

/** The handle to the extension and to the state VS Code keeps while the panel is hidden or reloaded. */
interface VsCodeWebviewApi {
  postMessage(message: unknown): void;
  /** The state last given to setState, if any: the caller says what it saved. */
  getState<State>(): State | undefined;
  setState(state: unknown): void;
}

/** Injected by VS Code into every webview; callable once per page. */
declare function acquireVsCodeApi(): VsCodeWebviewApi;
