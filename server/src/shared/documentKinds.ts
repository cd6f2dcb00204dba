/**
 * What a file is, decided in one place for the CLI's folder walk, the
 * language server and the VS Code client (which imports this module and
 * nothing else of the server's but `requests.ts`). Pure: names and text in,
 * a kind out; no parser, so the client can use it on every open document.
 *
 * The decision, in order:
 * 1. `.roleprotocols.yaml|yml|json` is the project configuration.
 * 2. A YAML or JSON document that declares a known `format` is of that kind,
 *    whatever its name (a `.roles.yaml` that says `role-catalogue/1` is a
 *    catalogue).
 * 3. Otherwise its name decides: `*.roles.*` a protocol, `*.catalogue.*` a
 *    catalogue, `*.register.*` a register of people. Such a file is ours even with no `format` line or a wrong one,
 *    so that what is missing is reported rather than the file skipped.
 * 4. Anything else is not ours.
 *
 * The text test (`declaredFormat`) reads a `format` line without parsing; the
 * service decides again from the parsed tree (`formatOf` in the engine), so a
 * text that only seems to declare the format is still told apart there.
 */

/** The kinds of document the tool checks. */
export type DocumentKind = 'protocol' | 'catalogue' | 'register';
/** Every kind of file the tool knows. */
export type FileKind = DocumentKind | 'configuration';

/** `format` values start with these, then a version: `role-protocol/1`. */
export const FORMAT_NAMES: Readonly<Record<DocumentKind, string>> = { protocol: 'role-protocol', catalogue: 'role-catalogue', register: 'role-register' };

/** The configuration file names, in the order they are looked for in one folder. */
export const CONFIG_FILE_NAMES: readonly string[] = ['.roleprotocols.yaml', '.roleprotocols.yml', '.roleprotocols.json'];

/**
 * The names that make a file a protocol or a catalogue, as one pattern: the
 * extension manifest's `when` clauses (which cannot import code) must use
 * exactly this, and a test checks that they do.
 */
export const DOCUMENT_NAME_PATTERN = /\.(roles|catalogue|register)\.(ya?ml|json)$/;

const KIND_BY_NAME: readonly [RegExp, DocumentKind][] = [
  [/\.roles\.(ya?ml|json)$/i, 'protocol'],
  [/\.catalogue\.(ya?ml|json)$/i, 'catalogue'],
  [/\.register\.(ya?ml|json)$/i, 'register'],
];

/** Names of files that may hold a document (YAML or JSON). */
const DATA_FILE_NAME = /\.(ya?ml|json|jsonc)$/i;
/** Editor languages of documents that may hold one (an untitled document has no name to go by). */
const DATA_LANGUAGES: ReadonlySet<string> = new Set(['yaml', 'json', 'jsonc']);

/** The last segment of a path or URI path (either separator). */
export function baseNameOf(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut >= 0 ? file.slice(cut + 1) : file;
}

/** Is this file name one of the configuration files? */
export function isConfigFileName(file: string): boolean {
  return CONFIG_FILE_NAMES.includes(baseNameOf(file));
}

/** The kind a file's name gives it, if any. */
export function kindFromName(file: string): FileKind | undefined {
  const name = baseNameOf(file);
  if (CONFIG_FILE_NAMES.includes(name)) return 'configuration';
  return KIND_BY_NAME.find(([pattern]) => pattern.test(name))?.[1];
}

/** The kind a `format` value names (`role-protocol/1`, `role-catalogue/2`), if it names one. */
export function kindFromFormat(format: unknown): DocumentKind | undefined {
  if (typeof format !== 'string') return undefined;
  for (const kind of Object.keys(FORMAT_NAMES) as DocumentKind[]) if (format.startsWith(`${FORMAT_NAMES[kind]}/`)) return kind;
  return undefined;
}

/** May a file with this name (or, unnamed, this editor language) hold a document? */
export function isDataFile(file: string, languageId?: string): boolean {
  return DATA_FILE_NAME.test(baseNameOf(file)) || (languageId !== undefined && DATA_LANGUAGES.has(languageId));
}

/**
 * A `format` declaration read from the text without parsing: a YAML key at
 * the start of a line, or a JSON `"format"` member anywhere (JSON may be
 * minified onto one line). The value, or undefined when there is none.
 */
export function declaredFormat(text: string): string | undefined {
  const found = DECLARATION.exec(text);
  return found ? (found[1] ?? found[2]) : undefined;
}

const DECLARATION = /^[ \t{]*["']?format["']?[ \t]*:[ \t]*["']?(role-[a-z]+\/[^\s"',}]*)|"format"\s*:\s*"(role-[a-z]+\/[^"]*)"/m;

/**
 * The one decision (see the top of this file), from a file's name and the
 * `format` it declares (undefined: none, or not known yet).
 */
export function documentKind(file: string, format: unknown): FileKind | undefined {
  const byName = kindFromName(file);
  if (byName === 'configuration') return byName;
  return kindFromFormat(format) ?? byName;
}

/** The decision from the text, for callers that do not parse (the client, the folder walk's first look). */
export function documentKindOfText(file: string, text: string, languageId?: string): FileKind | undefined {
  const byName = kindFromName(file);
  if (byName) return documentKind(file, declaredFormat(text));
  return isDataFile(file, languageId) ? kindFromFormat(declaredFormat(text)) : undefined;
}

/** A file's name without what says its kind and language (`oart.roles.yaml` gives `oart`), for naming what is made from it. */
export function stemOf(file: string): string {
  const name = baseNameOf(file);
  for (const [pattern] of KIND_BY_NAME) if (pattern.test(name)) return name.replace(pattern, '');
  return name.replace(DATA_FILE_NAME, '');
}
