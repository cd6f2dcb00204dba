import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/**
 * The test stand-in for Red Hat's YAML extension (test/vscode/fixtures/yaml-stand-in/):
 * what that extension does that Role Protocols meets, written afresh from its
 * documented behaviour. It starts the real yaml-language-server (bundled into
 * dist/languageserver.js) over IPC for every YAML document, tells it that the
 * client answers custom schema requests, answers them from the contributors
 * other extensions register, and shows the schema in use in a status bar item
 * ("No JSON Schema" when there is none), as Red Hat's does.
 */

/** A schema contributor, as another extension registers it. */
interface Contributor {
  requestSchema: (resource: string) => string | undefined;
  requestSchemaContent: (uri: string) => Promise<string> | string | undefined;
}

/** What `activate` returns: Red Hat's API (`registerContributor` and the two lookups it answers the server with), plus what the tests read. */
export interface StandInApi {
  registerContributor(
    schema: string,
    requestSchema: (resource: string) => string | undefined,
    requestSchemaContent: (uri: string) => Promise<string> | string | undefined,
    label?: string,
  ): boolean;
  requestCustomSchema(resource: string): string[];
  requestCustomSchemaContent(uri: string): Promise<string> | string | undefined;
  /** Stand-in only: the schemas the server uses for a document (what Red Hat's status bar asks it). */
  schemasOf(uri: vscode.Uri): Promise<{ uri: string; name?: string }[]>;
  /** Stand-in only: the status bar item's text, once it shows. */
  statusText(): string | undefined;
  /** Stand-in only: resolves when the language server is ready. */
  ready: Promise<void>;
}

const NO_SCHEMA = 'No JSON Schema';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): StandInApi {
  const contributors = new Map<string, Contributor>();
  const module = context.asAbsolutePath('dist/languageserver.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'yaml' }],
    synchronize: { fileEvents: [vscode.workspace.createFileSystemWatcher('{**/*.json,**/*.yaml,**/*.yml}')] },
    initializationOptions: { l10nPath: context.asAbsolutePath('./dist/l10n') },
  };
  const started = new LanguageClient('yaml', 'YAML Support (stand-in)', serverOptions, clientOptions);
  client = started;

  const requestCustomSchema = (resource: string): string[] => {
    const found: string[] = [];
    for (const [scheme, contributor] of contributors) {
      try {
        const uri = contributor.requestSchema(resource);
        if (uri) found.push(uri);
      } catch (error) {
        started.outputChannel.appendLine(`contributor ${scheme} failed: ${String(error)}`);
      }
    }
    return found;
  };
  const requestCustomSchemaContent = (uri: string): Promise<string> | string | undefined => {
    const scheme = vscode.Uri.parse(uri).scheme;
    return contributors.get(scheme)?.requestSchemaContent(uri);
  };

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right);
  context.subscriptions.push(status);
  let statusText: string | undefined;
  const schemasOf = async (uri: vscode.Uri) =>
    (await started.sendRequest<{ uri: string; name?: string }[] | null>('yaml/get/jsonSchema', uri.toString())) ?? [];
  const updateStatus = async (editor: vscode.TextEditor | undefined) => {
    if (!editor || editor.document.languageId !== 'yaml') {
      status.hide();
      return;
    }
    const schemas = await schemasOf(editor.document.uri);
    const first = schemas[0];
    statusText = schemas.length === 0 || !first ? NO_SCHEMA : schemas.length === 1 ? (first.name ?? first.uri) : 'Multiple JSON Schemas';
    status.text = statusText;
    status.show();
  };

  const ready = started.start().then(() => {
    started.onRequest('custom/schema/request', (resource: string) => requestCustomSchema(resource));
    started.onRequest('custom/schema/content', async (uri: string) => (await requestCustomSchemaContent(uri)) ?? '');
    // Schema associations from extension manifests (`contributes.yamlValidation`), sent again when extensions change.
    const associations = () =>
      vscode.extensions.all.flatMap((extension) => {
        const contributed = (extension.packageJSON as { contributes?: { yamlValidation?: { fileMatch?: string | string[]; url?: string }[] } }).contributes
          ?.yamlValidation;
        return (contributed ?? []).flatMap(({ fileMatch, url }) =>
          url ? [{ fileMatch: (Array.isArray(fileMatch) ? fileMatch : [fileMatch ?? '']).map((m) => (m.startsWith('/') ? m : `/${m}`)), uri: url }] : [],
        );
      });
    void started.sendNotification('json/schemaAssociations', associations());
    context.subscriptions.push(vscode.extensions.onDidChange(() => void started.sendNotification('json/schemaAssociations', associations())));
    void started.sendNotification('yaml/registerCustomSchemaRequest');
    context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor((editor) => void updateStatus(editor)));
    void updateStatus(vscode.window.activeTextEditor);
  });

  return {
    registerContributor(schema, requestSchema, requestSchemaContent) {
      if (contributors.has(schema)) return false;
      contributors.set(schema, { requestSchema, requestSchemaContent });
      void ready.then(() => updateStatus(vscode.window.activeTextEditor));
      return true;
    },
    requestCustomSchema,
    requestCustomSchemaContent,
    schemasOf,
    statusText: () => statusText,
    ready,
  };
}

export async function deactivate(): Promise<void> {
  if (client?.needsStop()) await client.stop();
}
