import * as vscode from 'vscode';
import * as readline from 'readline';
import {
  CloseAction,
  DocumentDiagnosticRequest,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { leftToYamlExtension } from './yamlExtension';
import { yamlExtensionValidates } from './yamlPartner';
import { readTrail, RestartPolicy } from './restarts';

/** The settings section the server reads; also the client id, so `roleProtocols.trace.server` applies. */
export const SECTION = 'roleProtocols';

/** Files whose changes the server must hear about: configuration files, protocols and the catalogues they include. */
export const WATCHED_FILES = ['**/.roleprotocols.{yaml,yml,json}', '**/*.{roles,catalogue}.{yaml,yml,json}'];

/**
 * The language client for the bundled server (dist/server.js, run by VS Code's
 * own Node over IPC). Every YAML and JSON document is sent to the server,
 * which answers only for documents that are protocols or catalogues (by their
 * `format` key), so a plain YAML file gets nothing from it.
 */
export function createClient(context: vscode.ExtensionContext, diagnostics = new YamlAwareDiagnostics()): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const restarts = new RestartPolicy();
  let client: LanguageClient | undefined;
  const showOutput = () => client?.outputChannel.show(true);
  const notify = (show: (message: string, ...items: string[]) => Thenable<string | undefined>, message: string) =>
    void show(message, 'Show Output').then((choice) => {
      if (choice) showOutput();
    });
  /**
   * As vscode-languageclient's default handler (restart at most 4 times in 3
   * minutes), but the user is told each time, with the document the server
   * was checking: the output channel stays in the background otherwise.
   */
  const errorHandler: ErrorHandler = {
    error: (_error, _message, count) => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: () => {
      const decision = restarts.closed();
      notify(decision.restart ? vscode.window.showWarningMessage : vscode.window.showErrorMessage, decision.message);
      return { action: decision.restart ? CloseAction.Restart : CloseAction.DoNotRestart, message: decision.message, handled: true };
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'json' },
    ],
    synchronize: {
      configurationSection: SECTION,
      fileEvents: WATCHED_FILES.map((glob) => vscode.workspace.createFileSystemWatcher(glob)),
    },
    // The output channel (Role Protocols) stays in the background; the server's
    // problems still show as error notifications.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler,
    initializationFailedHandler: (error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      notify(vscode.window.showErrorMessage, `The Role Protocols server could not start: ${reason}. The Role Protocols output has the details.`);
      return false;
    },
    stdioOptions: {
      stdout: (input, channel) => readline.createInterface({ input, crlfDelay: Infinity, terminal: false }).on('line', (line) => channel.info(line)),
      // The server's standard error: its trail of the documents it checks (kept at the debug
      // level, read by the restart message), and anything else it says (errors).
      stderr: (input, channel) =>
        readline.createInterface({ input, crlfDelay: Infinity, terminal: false }).on('line', (line) => {
          restarts.heard(line);
          const trail = readTrail(line.trim());
          if (trail && 'checking' in trail) channel.debug(line);
          else channel.error(line);
        }),
    },
    middleware: diagnostics.middleware,
  };
  client = new LanguageClient(SECTION, 'Role Protocols', serverOptions, clientOptions);
  diagnostics.client = client;
  return client;
}

/**
 * The server's diagnostics less those Red Hat's YAML extension reports itself
 * while it validates (`yamlExtension.ts`), and filtered again when that may
 * have changed (`refresh`): pulled again (VS Code's client pulls), or, for
 * pushed ones, the last push per document shown through the filter again.
 */
export class YamlAwareDiagnostics {
  client: LanguageClient | undefined;
  /** The last push of each document, as the server sent it. */
  private readonly pushed = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();

  readonly middleware: LanguageClientOptions['middleware'] = {
    handleDiagnostics: (uri, diagnostics, next) => {
      if (diagnostics.length > 0) this.pushed.set(uri.toString(), { uri, diagnostics });
      else this.pushed.delete(uri.toString());
      next(uri, withoutYamlExtensionDuplicates(uri, diagnostics));
    },
    provideDiagnostics: async (document, previousResultId, token, next) => {
      const report = await next(document, previousResultId, token);
      const uri = document instanceof vscode.Uri ? document : document.uri;
      if (report && report.kind === 'full') report.items = withoutYamlExtensionDuplicates(uri, report.items);
      return report;
    },
  };

  /** Shows every document's diagnostics through the filter again. */
  refresh(): void {
    const client = this.client;
    if (!client?.isRunning()) return;
    // What the server's `workspace/diagnostic/refresh` does: every open document is pulled again.
    client.getFeature(DocumentDiagnosticRequest.method)?.refresh();
    for (const { uri, diagnostics } of this.pushed.values()) client.diagnostics?.set(uri, withoutYamlExtensionDuplicates(uri, diagnostics));
  }
}

function withoutYamlExtensionDuplicates(uri: vscode.Uri, diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
  const validates = yamlExtensionValidates(uri);
  if (!validates) return diagnostics;
  return diagnostics.filter((d) => !leftToYamlExtension(d.code, d.source, uri.path, validates));
}
