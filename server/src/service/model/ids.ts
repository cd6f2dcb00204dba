import type { Path, ScalarNode, YamlNode } from '../parse/tree';
import { childSchema, resolveSchema, schemaFor, type DocumentKind, type EntityKind, type SchemaNode } from '../schema/schema';

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
  const walk = (node: YamlNode, schema: SchemaNode | undefined): void => {
    if (!schema) return;
    switch (node.kind) {
      case 'scalar': {
        if (typeof node.value !== 'string' || node.value === '') return;
        const defines = schema['x-idKind'];
        const refers = schema['x-refKind'];
        const where = file === undefined ? {} : { file };
        if (defines) found.push({ kind: defines, id: node.value, use: 'definition', node, path: [...path], ...where });
        else if (refers) found.push({ kind: refers, id: node.value, use: 'reference', node, path: [...path], ...where });
        return;
      }
      case 'mapping':
        for (const pair of node.pairs) {
          const key = String(pair.key.value);
          path.push(key);
          walk(pair.value, childSchema(schema, key));
          path.pop();
        }
        return;
      case 'sequence':
        node.items.forEach((item, i) => {
          path.push(i);
          walk(item, childSchema(schema, i));
          path.pop();
        });
        return;
      case 'alias':
        return;
    }
  };
  walk(root, resolveSchema(schemaFor(kind)));
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
