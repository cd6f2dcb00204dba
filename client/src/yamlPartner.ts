import * as vscode from 'vscode';
import { documentKind } from '../../server/src/shared/documentKinds';
import { kindOf } from './protocolFiles';
import { contributedSchema, isYamlExtensionApi, SCHEMA_SCHEME, schemaUriFor, YAML_EXTENSION_ID, type ContributedKind } from './yamlExtension';

/** Is Red Hat's YAML extension installed, enabled and validating YAML (for this document, when given)? */
export function yamlExtensionValidates(scope?: vscode.Uri): boolean {
  return (
    vscode.extensions.getExtension(YAML_EXTENSION_ID) !== undefined && vscode.workspace.getConfiguration('yaml', scope).get<boolean>('validate', true) !== false
  );
}

/**
 * Follows Red Hat's YAML extension while this one runs:
 * - calls `changed` when what it reports may have changed: `yaml.validate`
 *   set or unset, or the extension installed, enabled, disabled or removed
 *   (the diagnostics left to it are then filtered afresh, with no edit);
 * - gives each instance of its API (a new one after it is re-enabled or
 *   reinstalled) our schema contributor, once `connect` has been called:
 *   when a document of ours is open, so that this extension never wakes Red
 *   Hat's for a workspace without protocols.
 */
export class YamlPartner implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[];
  private readonly contributedTo = new WeakSet<object>();
  private wanted = false;

  constructor(
    private readonly changed: () => void,
    private readonly log: (message: string) => void,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('yaml.validate')) this.changed();
      }),
      vscode.extensions.onDidChange(() => {
        this.changed();
        if (this.wanted) this.connect();
      }),
    ];
  }

  /** Contributes our schemas to Red Hat's extension, if it is there and has not had them from this instance. */
  connect(): void {
    this.wanted = true;
    const extension = vscode.extensions.getExtension(YAML_EXTENSION_ID);
    if (!extension) return;
    void Promise.resolve(extension.activate()).then(
      (api: unknown) => {
        if (!isYamlExtensionApi(api)) {
          this.log(`${YAML_EXTENSION_ID} gives no registerContributor: the protocol schemas are not contributed to it.`);
          return;
        }
        if (this.contributedTo.has(api)) return;
        this.contributedTo.add(api);
        const registered = api.registerContributor(SCHEMA_SCHEME, schemaFor, contributedSchema);
        // False when a contributor of this scheme is already there: ours, from an earlier activation of this extension.
        this.log(
          `${YAML_EXTENSION_ID}: ${registered ? 'schemas contributed for protocols, catalogues, registers and configuration files' : 'our schemas were already contributed'}.`,
        );
      },
      (error: unknown) => this.log(`${YAML_EXTENSION_ID} did not activate: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/**
 * The schema URI for a document Red Hat's extension asks about: ours for a
 * protocol, catalogue, register or configuration file (by the open document's text and
 * name, else by its name), none for anything else.
 */
function schemaFor(resource: string): string | undefined {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === resource);
  let kind: ContributedKind | undefined;
  if (document) kind = kindOf(document);
  else {
    try {
      kind = documentKind(vscode.Uri.parse(resource).path, undefined);
    } catch {
      kind = undefined;
    }
  }
  return kind ? schemaUriFor(kind) : undefined;
}
