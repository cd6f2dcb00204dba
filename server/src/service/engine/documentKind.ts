import type { YamlNode } from '../parse/tree';
import { CATALOGUE_FORMAT_NAME, FORMAT_NAME, type DocumentKind } from '../schema/schema';

/** The value of a top-level `format` key, if the document has one. */
export function formatOf(root: YamlNode | undefined): string | undefined {
  if (!root || root.kind !== 'mapping') return undefined;
  const format = root.pairs.find((p) => p.key.value === 'format')?.value;
  return format && format.kind === 'scalar' && typeof format.value === 'string' ? format.value : undefined;
}

/** A catalogue says so in its `format`; everything else is read as a protocol. */
export function documentKindOf(root: YamlNode | undefined): DocumentKind {
  return formatOf(root)?.startsWith(CATALOGUE_FORMAT_NAME) ? 'catalogue' : 'protocol';
}

/** Does this text say it is a role protocol or catalogue (`format: role-protocol/…`, `role-catalogue/…`)? */
export function declaresProtocolFormat(root: YamlNode | undefined): boolean {
  const format = formatOf(root);
  return !!format && (format.startsWith(FORMAT_NAME) || format.startsWith(CATALOGUE_FORMAT_NAME));
}
