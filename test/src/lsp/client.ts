import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { TODAY } from '../helpers/ruleTester';
import { nth } from '../helpers/nth';
import { startsIntegrationProcess } from '../helpers/testSet';

export const ROOT = path.resolve(__dirname, '../../..');
export const SERVER = path.join(ROOT, 'server/out/lsp/server.js');
export const SAMPLES = path.join(ROOT, 'samples');
export const FIXTURES = path.join(ROOT, 'test/fixtures/lsp');
/** The date the review checks compare against, pinned (as in the rule tests) so the samples stay clean. */
export { TODAY };

/** How long any single wait for the server may take before the test fails. */
const WAIT_MS = 5000;

export const uriOf = (file: string): string => pathToFileURL(file).href;

export interface ClientOptions {
  /** `pull`: the client declares `textDocument.diagnostic`; `push`: it does not. */
  diagnostics?: 'pull' | 'push';
  /** Workspace folders (absolute paths). */
  folders?: string[];
  initializationOptions?: unknown;
  /**
   * Answer `workspace/configuration` with this (`roleProtocols` section);
   * without it the client does not declare `workspace.configuration`.
   */
  configuration?: () => unknown;
  /** Declares dynamic registration of watched files. */
  watchedFiles?: boolean;
  /** The server script to run: the compiled server/out by default, or the bundled dist/server.js the extension ships. */
  server?: string;
  /** The formats the client takes hovers and completion documentation in; Markdown and plain text by default. */
  markupFormats?: ('markdown' | 'plaintext')[];
}

/**
 * A real LSP client over stdio to the built server: it sends what an editor
 * sends and collects what the server publishes, with waits by event (never a
 * fixed sleep), each bounded so a silent server fails the test quickly.
 */
export class TestClient {
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: (() => void)[] = [];
  private readonly versions = new Map<string, number>();
  readonly texts = new Map<string, string>();
  readonly log: string[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  refreshRequests = 0;
  configurationRequests = 0;

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {}

  static async start(options: ClientOptions = {}): Promise<TestClient> {
    startsIntegrationProcess('The language server');
    const child = spawn(process.execPath, [options.server ?? SERVER, '--stdio'], {
      env: { ...process.env, ROLE_PROTOCOLS_TODAY: TODAY },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection);
    child.stderr!.on('data', (chunk: Buffer) => client.log.push(chunk.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const list = client.published.get(params.uri) ?? [];
      list.push(params);
      client.published.set(params.uri, list);
      client.wake();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      client.log.push(params.message);
      client.wake();
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
      client.configurationRequests++;
      return params.items.map((item) => (item.section === 'roleProtocols' ? (options.configuration?.() ?? null) : null));
    });
    connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      client.registrations.push(...params.registrations);
      client.wake();
      return null;
    });
    connection.onRequest('workspace/diagnostic/refresh', () => {
      client.refreshRequests++;
      client.wake();
      return null;
    });
    connection.listen();
    const folders = options.folders ?? [SAMPLES];
    const result = await client.within(
      'initialize',
      connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: uriOf(nth(folders, 0)),
        workspaceFolders: folders.map((f) => ({ uri: uriOf(f), name: path.basename(f) })),
        capabilities: capabilitiesFor(options),
        initializationOptions: options.initializationOptions,
      }),
    );
    client.initializeResult = result as { capabilities: Record<string, unknown> };
    await connection.sendNotification('initialized', {});
    return client;
  }

  initializeResult: { capabilities: Record<string, unknown> } = { capabilities: {} };

  /** Opens a file (its text from disk unless given) and returns its URI. */
  async open(file: string, text?: string, languageId = /\.json$/.test(file) ? 'json' : 'yaml'): Promise<string> {
    const uri = uriOf(file);
    const content = text ?? fs.readFileSync(file, 'utf8');
    this.versions.set(uri, 1);
    this.texts.set(uri, content);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text: content } });
    return uri;
  }

  /** Replaces the whole text; returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** An incremental change: replaces `oldText` (its first occurrence after `after`) with `newText`. */
  async edit(uri: string, oldText: string, newText: string, after = ''): Promise<number> {
    const text = this.texts.get(uri)!;
    const from = after ? text.indexOf(after) : 0;
    const start = text.indexOf(oldText, from);
    if (start < 0) throw new Error(`\`${oldText}\` is not in ${uri}`);
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text.slice(0, start) + newText + text.slice(start + oldText.length));
    const range = { start: positionAt(text, start), end: positionAt(text, start + oldText.length) };
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: newText }] });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  /** Pushed diagnostics for the document's current version (waits for them to arrive). */
  async pushed(uri: string, version = this.version(uri)): Promise<Diagnostic[]> {
    const found = await this.until(`diagnostics for ${path.basename(uri)} v${version}`, () =>
      this.published.get(uri)?.find((p) => p.version === undefined || p.version >= version),
    );
    return found.diagnostics;
  }

  /** Waits for the next push for `uri` after the `count` seen so far. */
  async pushedAfter(uri: string, count: number): Promise<Diagnostic[]> {
    const found = await this.until(`push ${count + 1} for ${path.basename(uri)}`, () => this.published.get(uri)?.[count]);
    return found.diagnostics;
  }

  pushCount(uri: string): number {
    return this.published.get(uri)?.length ?? 0;
  }

  /** Pulls diagnostics (`textDocument/diagnostic`). */
  async pull(uri: string): Promise<Diagnostic[]> {
    const report = (await this.request('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; items: Diagnostic[] };
    return report.items;
  }

  async request<T = unknown>(method: string, params: unknown): Promise<T> {
    return (await this.within(method, this.connection.sendRequest(method, params))) as T;
  }

  /** A request at the position of `snippet` in the document (plus `delta` characters into it). */
  at(uri: string, snippet: string, delta = 0, after = ''): Position {
    const text = this.texts.get(uri)!;
    const from = after ? text.indexOf(after) : 0;
    if (from < 0) throw new Error(`\`${after}\` is not in ${uri}`);
    const index = text.indexOf(snippet, from);
    if (index < 0) throw new Error(`\`${snippet}\` is not in ${uri}`);
    return positionAt(text, index + delta);
  }

  /** Resolves when `check` gives a value; fails after the bounded wait, saying what it waited for. */
  async until<T>(what: string, check: () => T | undefined): Promise<T> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out waiting for ${what}. Server log:\n${this.log.join('\n')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  private async within<T>(what: string, promise: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`No answer to ${what} within ${WAIT_MS} ms. Server log:\n${this.log.join('\n')}`)), WAIT_MS);
    });
    try {
      return await Promise.race([promise, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async stop(): Promise<void> {
    try {
      await this.within('shutdown', this.connection.sendRequest('shutdown'));
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    if (this.child.exitCode === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.child.kill();
          resolve();
        }, 2000);
        this.child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

function capabilitiesFor(options: ClientOptions): ClientCapabilities {
  return {
    workspace: {
      workspaceEdit: { documentChanges: true },
      ...(options.configuration ? { configuration: true } : {}),
      didChangeConfiguration: { dynamicRegistration: false },
      ...(options.watchedFiles ? { didChangeWatchedFiles: { dynamicRegistration: true } } : {}),
      ...(options.diagnostics === 'pull' ? { diagnostics: { refreshSupport: true } } : {}),
      workspaceFolders: true,
    },
    textDocument: {
      synchronization: { dynamicRegistration: false },
      publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      ...(options.diagnostics === 'pull' ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      completion: {
        completionItem: {
          snippetSupport: true,
          documentationFormat: options.markupFormats ?? ['markdown', 'plaintext'],
          insertTextModeSupport: { valueSet: [1, 2] },
        },
        contextSupport: true,
      },
      hover: { contentFormat: options.markupFormats ?? ['markdown', 'plaintext'] },
      definition: { linkSupport: false },
      rename: { prepareSupport: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, isPreferredSupport: true },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    },
  };
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Applies LSP text edits (any order) to a text. */
export function applyEdits(text: string, edits: { range: { start: Position; end: Position }; newText: string }[]): string {
  const offset = (p: Position) => {
    const lines = text.split('\n');
    let o = 0;
    for (let i = 0; i < p.line; i++) o += nth(lines, i).length + 1;
    return o + p.character;
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const e of sorted) result = result.slice(0, offset(e.range.start)) + e.newText + result.slice(offset(e.range.end));
  return result;
}

/** `line:col-line:col`, 1-based, for compact assertions on ranges. */
export function at(range: { start: Position; end: Position }): string {
  return `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`;
}
