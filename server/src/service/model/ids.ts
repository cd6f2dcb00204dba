import type { Path, ScalarNode, YamlNode } from '../parse/tree';
import { idTableFor, resolveSchema, schemaFor, type IdTable, type DocumentKind, type EntityKind } from '../schema/schema';

/** One place an id is written: where an entry is defined, or where it is referred to. */
export interface IdOccurrence {
  kind: EntityKind;
  id: string;
  /** `definition` for an entry's own `id`, `reference` for a use of it. */
  use: 'definition' | 'reference';
  node: ScalarNode;
  path: Path;
  /** The included file it is written in; undefined for the document itself. */
  file?: string;
}

/**
 * Every id definition and reference in the document, in source order. The
 * schema says which values are ids (`x-idKind`) and which refer to them
 * (`x-refKind`), so this one walk serves cross-reference checks, completion,
 * hover, go-to-definition and rename alike.
 */
export function collectIds(root: YamlNode, kind: DocumentKind = 'protocol', file?: string): IdOccurrence[] {
  const found: IdOccurrence[] = [];
  const path: (string | number)[] = [];
  const walk = (node: YamlNode, table: IdTable): void => {
    switch (node.kind) {
      case 'scalar': {
        const kind = table.defines ?? table.refers;
        if (!kind || typeof node.value !== 'string' || node.value === '') return;
        const occurrence: IdOccurrence = { kind, id: node.value, use: table.defines ? 'definition' : 'reference', node, path: path.slice() };
        if (file !== undefined) occurrence.file = file;
        found.push(occurrence);
        return;
      }
      case 'mapping':
        // Most of a protocol is text no id can be in: only the keys whose schema can hold one are followed.
        for (const pair of node.pairs) {
          const key = typeof pair.key.value === 'string' ? pair.key.value : String(pair.key.value);
          const child = table.properties.get(key);
          if (!child) continue;
          path.push(key);
          walk(pair.value, child);
          path.pop();
        }
        return;
      case 'sequence': {
        const child = table.items;
        if (!child) return;
        node.items.forEach((item, i) => {
          path.push(i);
          walk(item, child);
          path.pop();
        });
        return;
      }
      case 'alias':
        return;
    }
  };
  const schema = resolveSchema(schemaFor(kind));
  if (schema) walk(root, idTableFor(schema));
  return found;
}

/** Definitions grouped by kind and id, in source order (more than one means a duplicate). */
export function definitionsByKind(ids: IdOccurrence[]): Map<EntityKind, Map<string, IdOccurrence[]>> {
  const byKind = new Map<EntityKind, Map<string, IdOccurrence[]>>();
  for (const occurrence of ids) {
    if (occurrence.use !== 'definition') continue;
    let byId = byKind.get(occurrence.kind);
    if (!byId) byKind.set(occurrence.kind, (byId = new Map()));
    const list = byId.get(occurrence.id);
    if (list) list.push(occurrence);
    else byId.set(occurrence.id, [occurrence]);
  }
  return byKind;
}
