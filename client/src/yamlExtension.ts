/**
 * Red Hat's YAML extension reports YAML syntax errors and duplicate keys in
 * every YAML file it validates. When it does, the same problem would show
 * twice in the Problems view, worded two ways; so for YAML documents the
 * client leaves those two kinds to it and shows every other finding. JSON
 * documents and the command line are unaffected.
 */
export const YAML_EXTENSION_ID = 'redhat.vscode-yaml';

/** Rule ids whose findings Red Hat's YAML extension already reports for YAML text. */
export const REPORTED_BY_YAML_EXTENSION: ReadonlySet<string> = new Set(['syntax', 'duplicate-key']);

/** A diagnostic's code as the language client gives it: plain, or with a link. */
type DiagnosticCode = string | number | { value: string | number; target?: unknown } | undefined;

/** Should this diagnostic be left to Red Hat's YAML extension? */
export function leftToYamlExtension(code: DiagnosticCode, source: string | undefined, documentPath: string, yamlExtensionValidates: boolean): boolean {
  if (!yamlExtensionValidates || source !== 'role-protocols' || /\.json$/i.test(documentPath)) return false;
  const id = typeof code === 'object' && code !== null ? code.value : code;
  return typeof id === 'string' && REPORTED_BY_YAML_EXTENSION.has(id);
}
