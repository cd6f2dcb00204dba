import type { YamlNode } from '../parse/tree';
import { declaredFormat, documentKind, type DocumentKind, type FileKind } from '../../shared/documentKinds';

/** The value of a top-level `format` key, if the document has one. */
export function formatOf(root: YamlNode | undefined): string | undefined {
  if (!root || root.kind !== 'mapping') return undefined;
  const format = root.pairs.find((p) => p.key.value === 'format')?.value;
  return format && format.kind === 'scalar' && typeof format.value === 'string' ? format.value : undefined;
}

/**
 * What a parsed document is, by the one decision in `shared/documentKinds.ts`:
 * its `format` from the tree when it parsed, else the `format` line of its
 * text (a document mid-edit keeps its kind), else its name.
 */
export function decideKind(fileName: string | undefined, root: YamlNode | undefined, text: string): FileKind | undefined {
  return documentKind(fileName ?? '', root ? formatOf(root) : declaredFormat(text));
}

/** The schema a document is checked against: a catalogue's, a register's, or (anything else) a protocol's. */
export function schemaKindOf(kind: FileKind | undefined): DocumentKind {
  return kind === 'catalogue' || kind === 'register' ? kind : 'protocol';
}

/** The schema kind of a parsed document with no name to go by (tests, the bench). */
export function documentKindOf(root: YamlNode | undefined): DocumentKind {
  return schemaKindOf(decideKind(undefined, root, ''));
}
