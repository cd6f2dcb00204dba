import { MAX_DEPTH } from './parseDocument';
import type { AliasNode, YamlNode } from './tree';

/** How many values the expanded document may hold before aliases are refused ("billion laughs"). */
export const ALIAS_NODE_BUDGET = 1_000_000;

/**
 * Thrown when aliases would expand the document past the budget (an alias
 * bomb, "billion laughs") or nest it deeper than the parser allows. `start`
 * and `end` are the alias, written in the document itself, whose expansion
 * went over.
 */
export class AliasBudgetExceeded extends Error {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly reason: 'size' | 'depth',
  ) {
    super(reason === 'size' ? 'aliases expand this document beyond the size limit' : 'aliases nest this document beyond the depth limit');
  }
}

/**
 * Turns the positioned tree into plain data for the schema validator and the
 * rules. Aliases are expanded against a budget of values and of depth, so an
 * alias bomb stops with a finding instead of eating memory or the stack.
 * Keys such as `__proto__` are stored as own properties, never as
 * prototypes. Tagged scalars (`!!js/function`, `!foo`) are never constructed:
 * the tree holds them as the text written.
 */
export function toValue(root: YamlNode, anchors: Map<string, YamlNode>, nodeBudget = ALIAS_NODE_BUDGET, maxDepth = MAX_DEPTH): unknown {
  let remaining = nodeBudget;
  const expanding = new Set<YamlNode>();
  /** The alias in the document's own text being expanded, to place a finding on. */
  let outer: AliasNode | undefined;
  const over = (node: YamlNode, reason: 'size' | 'depth'): AliasBudgetExceeded => {
    const at = outer ?? node;
    return new AliasBudgetExceeded(at.start, Math.max(at.end, at.start + 1), reason);
  };
  const convert = (node: YamlNode, depth: number): unknown => {
    if (--remaining < 0) throw over(node, 'size');
    if (depth > maxDepth) throw over(node, 'depth');
    switch (node.kind) {
      case 'scalar':
        return node.value;
      case 'alias': {
        const target = anchors.get(node.anchor);
        if (!target || expanding.has(target)) return null;
        const outermost = expanding.size === 0;
        if (outermost) outer = node;
        expanding.add(target);
        try {
          return convert(target, depth);
        } finally {
          expanding.delete(target);
          if (outermost) outer = undefined;
        }
      }
      case 'sequence':
        return node.items.map((item) => convert(item, depth + 1));
      case 'mapping': {
        const object: Record<string, unknown> = {};
        for (const pair of node.pairs) {
          const key = String(pair.key.value);
          const value = convert(pair.value, depth + 1);
          if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
          else object[key] = value;
        }
        return object;
      }
    }
  };
  return convert(root, 0);
}
