import { locate, type Path, type YamlNode } from '../parse/tree';

/** Offsets of a span of the text: `start` inclusive, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Where a table cell's `source` path is written, for revealing it in the
 * editor: the value itself (a scalar, a whole list, a whole list entry). A
 * value left empty (`roles:`) gives its key. A path past what is written (the
 * document changed since the table was made) gives the key of the deepest
 * part that exists, or for a list entry its `id` value, else its first key.
 * Never fails: at worst the start of the document.
 */
export function sourceSpan(root: YamlNode | undefined, path: Path): Span {
  if (!root) return { start: 0, end: 0 };
  const { found, complete } = locate(root, path);
  const node = found.node;
  if (complete) {
    if (node.kind === 'scalar' && node.empty) return found.key ? span(found.key) : span(node);
    return span(node);
  }
  if (found.key) return span(found.key);
  if (node.kind === 'mapping') {
    const id = node.pairs.find((p) => p.key.value === 'id');
    if (id && id.value.kind === 'scalar' && !id.value.empty) return span(id.value);
    const first = node.pairs[0];
    return first ? span(first.key) : span(node);
  }
  return span(node);
}

function span(node: { start: number; end: number }): Span {
  return { start: node.start, end: node.end };
}
