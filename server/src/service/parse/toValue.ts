import type { YamlNode } from './tree';

/** Thrown when aliases would expand the document past the budget ("billion laughs"). */
export class AliasBudgetExceeded extends Error {
  constructor(readonly at: number) {
    super('aliases expand this document beyond the size limit');
  }
}

/**
 * Turns the positioned tree into plain data for the schema validator and the
 * rules. Aliases are expanded against a budget of nodes, so an alias bomb
 * stops with a finding instead of eating memory. Keys such as `__proto__` are
 * stored as own properties, never as prototypes.
 */
export function toValue(root: YamlNode, anchors: Map<string, YamlNode>, nodeBudget = 1_000_000): unknown {
  let remaining = nodeBudget;
  const expanding = new Set<YamlNode>();
  const convert = (node: YamlNode): unknown => {
    if (--remaining < 0) throw new AliasBudgetExceeded(node.start);
    switch (node.kind) {
      case 'scalar':
        return node.value;
      case 'alias': {
        const target = anchors.get(node.anchor);
        if (!target || expanding.has(target)) return null;
        expanding.add(target);
        try {
          return convert(target);
        } finally {
          expanding.delete(target);
        }
      }
      case 'sequence':
        return node.items.map(convert);
      case 'mapping': {
        const object: Record<string, unknown> = {};
        for (const pair of node.pairs) {
          const key = String(pair.key.value);
          const value = convert(pair.value);
          if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
          else object[key] = value;
        }
        return object;
      }
    }
  };
  return convert(root);
}
