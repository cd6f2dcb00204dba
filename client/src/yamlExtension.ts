/**
 * Working beside Red Hat's YAML extension (docs/EDITORS.md says what the user
 * sees and why). The parts here are pure, for the unit tests; `yamlPartner.ts`
 * wires them to VS Code.
 *
 * Red Hat's extension reports YAML syntax errors and duplicate keys in every
 * YAML file it validates, and its messages cannot be turned off from here.
 * - A syntax error is always shown from us too: ours says where the slip is
 *   and how to mend it, where Red Hat's are often a line further down and
 *   several for one slip.
 * - A duplicate key is left to Red Hat's extension while it validates: its
 *   error is on the same key, so ours would only repeat it.
 */
export const YAML_EXTENSION_ID = 'redhat.vscode-yaml';

/** Rule ids whose findings are left to Red Hat's YAML extension while it validates YAML text. */
export const REPORTED_BY_YAML_EXTENSION: ReadonlySet<string> = new Set(['duplicate-key']);

/** A diagnostic's code as the language client gives it: plain, or with a link. */
type DiagnosticCode = string | number | { value: string | number; target?: unknown } | undefined;

/** Should this diagnostic be left to Red Hat's YAML extension? */
export function leftToYamlExtension(code: DiagnosticCode, source: string | undefined, documentPath: string, yamlExtensionValidates: boolean): boolean {
  if (!yamlExtensionValidates || source !== 'role-protocols' || /\.json$/i.test(documentPath)) return false;
  const id = typeof code === 'object' && code !== null ? code.value : code;
  return typeof id === 'string' && REPORTED_BY_YAML_EXTENSION.has(id);
}

/** The scheme of the schema URIs this extension contributes to Red Hat's (its `registerContributor`). */
export const SCHEMA_SCHEME = 'role-protocols';

/** The document kinds a schema is contributed for, with the name Red Hat's status bar shows (the schema's title). */
const SCHEMA_TITLES = {
  protocol: 'Role protocol (Role Protocols)',
  catalogue: 'Role catalogue (Role Protocols)',
  register: 'Role register (Role Protocols)',
  configuration: 'Role Protocols configuration',
} as const;

export type ContributedKind = keyof typeof SCHEMA_TITLES;

/** The URI of the schema contributed for a kind of document. */
export function schemaUriFor(kind: ContributedKind): string {
  return `${SCHEMA_SCHEME}://schemas/${kind}.json`;
}

/**
 * The schema given to Red Hat's extension for one of our documents: a title
 * and nothing else, which every document satisfies. It names the file in
 * Red Hat's status bar (instead of "No JSON Schema") and stops Red Hat's
 * extension looking one up in SchemaStore for it, while adding no schema
 * diagnostics, completions or hovers of its own: the real schema would bring
 * each schema problem back twice, worded by two validators.
 * Undefined for a URI that is not one of ours.
 */
export function contributedSchema(uri: string): string | undefined {
  const match = /^role-protocols:\/\/schemas\/([a-z]+)\.json$/.exec(uri);
  const kind = match?.[1];
  if (!kind || !(kind in SCHEMA_TITLES)) return undefined;
  return JSON.stringify({
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: SCHEMA_TITLES[kind as ContributedKind],
    $comment:
      'Checked by the Role Protocols extension, which reports its problems. This schema only names the document for the YAML extension, and accepts every document.',
  });
}

/** Red Hat's extension API, as far as it is used here (`activate` of `redhat.vscode-yaml` returns it). */
export interface YamlExtensionApi {
  registerContributor(
    schema: string,
    requestSchema: (resource: string) => string | undefined,
    requestSchemaContent: (uri: string) => Promise<string> | string | undefined,
    label?: string,
  ): boolean;
}

export function isYamlExtensionApi(value: unknown): value is YamlExtensionApi {
  return typeof value === 'object' && value !== null && typeof (value as { registerContributor?: unknown }).registerContributor === 'function';
}
