import * as vscode from 'vscode';
import { LanguageClient, RevealOutputChannelOn, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { leftToYamlExtension, YAML_EXTENSION_ID } from './yamlExtension';

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
export function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
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
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => next(uri, withoutYamlExtensionDuplicates(uri, diagnostics)),
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const report = await next(document, previousResultId, token);
        const uri = document instanceof vscode.Uri ? document : document.uri;
        if (report && report.kind === 'full') report.items = withoutYamlExtensionDuplicates(uri, report.items);
        return report;
      },
    },
  };
  return new LanguageClient(SECTION, 'Role Protocols', serverOptions, clientOptions);
}

/** Is Red Hat's YAML extension installed and validating YAML? */
function yamlExtensionValidates(): boolean {
  return vscode.extensions.getExtension(YAML_EXTENSION_ID) !== undefined && vscode.workspace.getConfiguration('yaml').get<boolean>('validate', true) !== false;
}

function withoutYamlExtensionDuplicates(uri: vscode.Uri, diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
  const validates = yamlExtensionValidates();
  if (!validates) return diagnostics;
  return diagnostics.filter((d) => !leftToYamlExtension(d.code, d.source, uri.path, validates));
}
