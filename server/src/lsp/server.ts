#!/usr/bin/env node
/**
 * The Role Protocols language server. A thin adapter: the pure service in
 * ../service does the work in offsets; this layer keeps the state (open
 * documents, analyses, includes, configuration) and speaks LSP. Run it with
 * `--stdio` or `--node-ipc` (or `--socket=N`); any LSP client can use it.
 */
import * as fs from 'node:fs';
import { schemaValidator } from '../service/schema/schema';
import {
  createConnection,
  DidChangeConfigurationNotification,
  ErrorCodes,
  ResponseError,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { packageInfo } from '../node/packageInfo';
import { registerCodeActions } from './codeActions';
import { COMPLETION_TRIGGERS, registerCompletion } from './completion';
import { ClientSettings } from './configuration';
import { SETTINGS_SECTION } from './settings';
import type { ServerContext } from './context';
import { DIAGNOSTIC_SOURCE, DiagnosticsController } from './diagnostics';
import { registerDocumentSymbols } from './documentSymbols';
import { registerHover } from './hover';
import { registerNavigation } from './navigation';
import { logError } from './safe';
import { registerTables } from './tables';
import { registerHistory } from './history';
import { uriToPath } from './uris';
import { ProtocolWorkspace } from './workspace';
import { isConfigFileName } from '../shared/documentKinds';

/** Files whose change may change a document's findings: configuration files and anything a protocol may include. */
const WATCHED_GLOBS = ['**/.roleprotocols.{yaml,yml,json}', '**/*.{yaml,yml,json}'];

/** The running server's state, for the last-resort handlers. */
let current: ServerContext | undefined;

export function startServer(connection: Connection): void {
  let context: ServerContext | undefined;

  // A request with no handler: before `initialize` nothing has one yet, and the protocol's answer is -32002.
  connection.onRequest((method) => {
    if (!context) throw new ResponseError(ErrorCodes.ServerNotInitialized, `The server is not initialized yet: send \`initialize\` before \`${method}\`.`);
    throw new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`);
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    const settings = new ClientSettings(connection, capabilities, params.initializationOptions);
    const workspace = new ProtocolWorkspace(settings, {
      log: trail,
      info: (m) => connection.console.info(m),
      warn: (m) => connection.console.warn(m),
      error: (m) => connection.console.error(m),
    });
    workspace.setFolders(foldersOf(params));
    const pull = capabilities.textDocument?.diagnostic !== undefined;
    const diagnostics = new DiagnosticsController(
      connection,
      workspace,
      pull ? 'pull' : 'push',
      capabilities.workspace?.diagnostics?.refreshSupport === true,
      async (uri) => (await settings.settingsFor(uri)).debounceMs,
    );
    context = { connection, workspace, capabilities, diagnostics };
    current = context;
    registerFeatures(context, settings);
    workspace.documents.listen(connection);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        ...(pull ? { diagnosticProvider: { identifier: DIAGNOSTIC_SOURCE, interFileDependencies: true, workspaceDiagnostics: false } } : {}),
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: capabilities.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true,
        codeActionProvider: { codeActionKinds: ['quickfix'], resolveProvider: false },
        documentSymbolProvider: { label: 'Role protocol' },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'role-protocols', version: packageInfo().version },
    };
  });

  connection.onInitialized(() => {
    if (!context) return;
    // Compile the schema validators now, between handshake and first document, so the
    // first open does not pay for it (70-160 ms on these machines, docs/PERFORMANCE.md).
    setImmediate(() => {
      try {
        schemaValidator('protocol');
        schemaValidator('catalogue');
      } catch (error) {
        logError(connection, 'compiling the schema', error);
      }
    });
    const capabilities: ClientCapabilities = context.capabilities;
    // Without these registrations a client only sends the events it was configured to (VS Code: the client's file watcher).
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) })
        .catch((error) => logError(connection, 'registering file watchers', error));
    }
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      connection.client
        .register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION })
        .catch((error) => logError(connection, 'registering for configuration changes', error));
    }
    if (capabilities.workspace?.workspaceFolders) {
      const { workspace, diagnostics } = context;
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
        const folders = workspace.workspaceFolders.filter((f) => !removed.has(f));
        for (const added of event.added) {
          const folder = uriToPath(added.uri);
          if (folder && !folders.includes(folder)) folders.push(folder);
        }
        workspace.setFolders(folders);
        diagnostics.refresh(workspace.documents.keys());
      });
    }
  });

  connection.onShutdown(() => context?.diagnostics.dispose());
  connection.listen();
}

function registerFeatures(context: ServerContext, settings: ClientSettings): void {
  const { connection, workspace, diagnostics } = context;
  const documents = workspace.documents;

  /** Other open documents read what just changed: check them again, after the debounce of the document that changed. */
  const recheck = (dependents: string[], because: string) => {
    if (dependents.length === 0) return;
    void settings.settingsFor(because).then(
      (s) => diagnostics.refresh(dependents, s.debounceMs),
      () => diagnostics.refresh(dependents),
    );
  };

  const justOpened = new Set<string>();
  documents.onDidOpen((event) => {
    justOpened.add(event.document.uri);
  });
  documents.onDidChangeContent((event) => {
    const uri = event.document.uri;
    try {
      // The host learns the new text first: it says which documents read the old one (opening a catalogue changes nothing).
      const dependents = workspace.documentChanged(event.document);
      if (justOpened.delete(uri)) diagnostics.opened(uri);
      else diagnostics.changed(uri);
      recheck(dependents, uri);
    } catch (error) {
      logError(connection, `handling a change of ${uri}`, error);
    }
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    justOpened.delete(uri);
    settings.forget(uri);
    diagnostics.closed(uri);
    // The file is read from disk again now, which may differ from the editor's unsaved text.
    recheck(workspace.documentClosed(uri), uri);
  });

  connection.onDidChangeConfiguration((params) => {
    try {
      settings.changed(params.settings);
      diagnostics.refresh(documents.keys());
    } catch (error) {
      logError(connection, 'reading changed settings', error);
    }
  });

  connection.onDidChangeWatchedFiles((params) => {
    try {
      let configuration = false;
      const files: string[] = [];
      for (const change of params.changes) {
        const file = uriToPath(change.uri);
        if (!file) continue;
        if (isConfigFileName(file)) configuration = true;
        else files.push(file);
      }
      // The host says which open documents read (or looked for) a changed, new or removed file.
      const affected = workspace.filesChanged(files);
      if (configuration) {
        workspace.configurationChanged();
        diagnostics.refresh(documents.keys());
        return;
      }
      diagnostics.refresh(affected);
    } catch (error) {
      logError(connection, 'handling changed files', error);
    }
  });

  registerCompletion(context);
  registerHover(context);
  registerNavigation(context);
  registerCodeActions(context);
  registerDocumentSymbols(context);
  registerTables(context);
  registerHistory(context);
}

function foldersOf(params: InitializeParams): string[] {
  const fromFolders = (params.workspaceFolders ?? []).flatMap((f) => uriToPath(f.uri) ?? []);
  if (fromFolders.length > 0) return fromFolders;
  const root = params.rootUri ? uriToPath(params.rootUri) : (params.rootPath ?? undefined);
  return root ? [root] : [];
}

/**
 * The trail of what the server is doing ("checking <uri>"), written to
 * standard error synchronously: if the process then dies at once (out of
 * memory, killed), the line is already out. Clients show standard error in
 * their log (VS Code: the Role Protocols output channel).
 */
function trail(message: string): void {
  try {
    fs.writeSync(2, `${message}\n`);
  } catch {
    // Standard error is closed: there is nowhere to say it.
  }
}

/**
 * Last resorts. Every handler already catches its own errors (safe.ts), so
 * these only see a bug outside them. A promise rejected with no handler is
 * logged and the server carries on. An uncaught exception leaves the process
 * in an unknown state: the document being checked is named on standard error
 * (written synchronously, so it is out before the process ends) and the
 * process exits, for the client to restart it.
 */
function installLastResorts(connection: Connection, workingOn: () => string | undefined): void {
  process.on('unhandledRejection', (reason) => logError(connection, `a background task${workingOn() ? ` (while checking ${workingOn()})` : ''}`, reason));
  process.on('uncaughtException', (error) => {
    const uri = workingOn();
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    try {
      fs.writeSync(2, `role-protocols: the server stopped on an unexpected error${uri ? ` while checking ${uri}` : ''}: ${detail}\n`);
    } finally {
      process.exit(1);
    }
  });
}

if (require.main === module) {
  // Node IPC, stdio or a socket, chosen by the command line (--node-ipc, --stdio, --socket=N).
  const connection = createConnection(ProposedFeatures.all);
  installLastResorts(connection, () => current?.workspace.workingOn);
  startServer(connection);
}
