import type { LineIndex } from '../text/lineIndex';
import { locate, type Path, type YamlNode } from '../parse/tree';
import type { Place } from './types';

/**
 * Where an entry, or a field of it, is written in one file: the field with its
 * key (`approves: [a, b]`), or, for the entry itself, its id (or its first key:
 * a list entry has no key of its own). A field not written is placed on the
 * entry. Shared by the differs, so every kind of document is placed alike.
 */
export function placeIn(root: YamlNode | undefined, lines: LineIndex, entryPath: Path, field: Path = [], file?: string): Place | undefined {
  if (!root) return undefined;
  const { found, complete } = locate(root, [...entryPath, ...field]);
  const node = found.node;
  let start: number;
  let end: number;
  if (complete && found.key && field.length > 0) {
    start = found.key.start;
    end = node.kind === 'scalar' && node.empty ? found.key.end : node.end;
  } else if (node.kind === 'mapping') {
    const id = node.pairs.find((p) => p.key.value === 'id');
    const first = id ?? node.pairs[0];
    start = first ? (id ? id.value.start : first.key.start) : node.start;
    end = first ? (id ? id.value.end : first.key.end) : node.end;
  } else if (found.key) {
    start = found.key.start;
    end = found.key.end;
  } else {
    start = node.start;
    end = node.end;
  }
  const range = lines.range(start, end);
  const path = [...entryPath, ...field];
  return file === undefined ? { range, path } : { file, range, path };
}
