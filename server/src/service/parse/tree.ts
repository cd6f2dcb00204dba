/**
 * The positioned tree: a small YAML/JSON syntax tree in which every key and
 * value carries its exact source offsets. A collection's range is derived from
 * its children, so nothing here depends on how the text was indented.
 */

/** A path into the document, as JSON Pointer segments: keys and array indexes. */
export type Path = ReadonlyArray<string | number>;

export type ScalarValue = string | number | boolean | null;

interface NodeBase {
  /** Offset of the first character (the opening quote of a quoted scalar). */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  value: ScalarValue;
  /** A value left empty (`key:` with nothing after it): zero-width at `start`. */
  empty: boolean;
  /** Quoted or block scalars are always strings; plain ones may resolve to numbers etc. */
  quoted: boolean;
}

export interface Pair {
  key: ScalarNode;
  value: YamlNode;
}

export interface MappingNode extends NodeBase {
  kind: 'mapping';
  pairs: Pair[];
  flow: boolean;
}

export interface SequenceNode extends NodeBase {
  kind: 'sequence';
  items: YamlNode[];
  flow: boolean;
}

export interface AliasNode extends NodeBase {
  kind: 'alias';
  anchor: string;
}

export type YamlNode = ScalarNode | MappingNode | SequenceNode | AliasNode;

/** Mappings with this many pairs or more get an index of their keys on first lookup. */
const INDEX_PAIRS_FROM = 16;
const pairIndexes = new WeakMap<MappingNode, Map<string, Pair>>();

/**
 * The value under `key` in a mapping, if there is one (the last, if written
 * twice). Keys compare as text, as they do in the data (`7:` is the key "7").
 * A large mapping is indexed once: placing thousands of findings in one
 * mapping (a hostile file) must not cost a scan of it per finding.
 */
export function pairOf(mapping: MappingNode, key: string): Pair | undefined {
  if (mapping.pairs.length < INDEX_PAIRS_FROM) {
    let found: Pair | undefined;
    for (const pair of mapping.pairs) if (pair.key.value === key || String(pair.key.value) === key) found = pair;
    return found;
  }
  let index = pairIndexes.get(mapping);
  if (!index) {
    index = new Map();
    for (const pair of mapping.pairs) index.set(String(pair.key.value), pair);
    pairIndexes.set(mapping, index);
  }
  return index.get(key);
}

/** Where a path points: the node, and the key it hangs from when its parent is a mapping. */
export interface Located {
  node: YamlNode;
  key?: ScalarNode;
  /** The mapping or sequence that holds the node. */
  parent?: MappingNode | SequenceNode;
}

/** Follows a path down the tree; stops at the deepest node that exists. */
export function locate(root: YamlNode, path: Path): { found: Located; complete: boolean } {
  let current: Located = { node: root };
  for (const segment of path) {
    const node = current.node;
    if (node.kind === 'mapping') {
      const pair = pairOf(node, String(segment));
      if (!pair) return { found: current, complete: false };
      current = { node: pair.value, key: pair.key, parent: node };
    } else if (node.kind === 'sequence') {
      const index = typeof segment === 'number' ? segment : Number(segment);
      const item = Number.isInteger(index) ? node.items[index] : undefined;
      if (!item) return { found: current, complete: false };
      current = { node: item, parent: node };
    } else {
      return { found: current, complete: false };
    }
  }
  return { found: current, complete: true };
}

/** The innermost node whose range holds the offset, with its path. */
export function nodeAtOffset(root: YamlNode, offset: number): { path: (string | number)[]; located: Located; onKey: boolean } {
  const path: (string | number)[] = [];
  let located: Located = { node: root };
  for (;;) {
    const node = located.node;
    let next: Located | undefined;
    if (node.kind === 'mapping') {
      for (const pair of node.pairs) {
        if (offset >= pair.key.start && offset <= pair.key.end) {
          path.push(String(pair.key.value));
          return { path, located: { node: pair.value, key: pair.key, parent: node }, onKey: true };
        }
        if (offset >= pair.value.start && offset <= pair.value.end && !(pair.value.kind === 'scalar' && pair.value.empty)) {
          path.push(String(pair.key.value));
          next = { node: pair.value, key: pair.key, parent: node };
          break;
        }
      }
    } else if (node.kind === 'sequence') {
      for (const [i, item] of node.items.entries()) {
        if (offset >= item.start && offset <= item.end) {
          path.push(i);
          next = { node: item, parent: node };
          break;
        }
      }
    }
    if (!next) return { path, located, onKey: false };
    located = next;
  }
}
