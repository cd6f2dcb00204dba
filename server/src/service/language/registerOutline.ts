import type { Entry } from '../model/protocol';
import { locate, type YamlNode } from '../parse/tree';
import type { Register } from '../register/model';
import type { OutlineSymbol } from './symbols';

/**
 * A register's outline: its people, entitlements, training records and
 * supervision, each entry named by ids (a person's name is not shown: the
 * outline is often on screen while others look on).
 */
export function registerOutline(root: YamlNode, register: Register): OutlineSymbol[] {
  return [
    section(root, 'people', 'People', 'person', 'id', register.people, (p) => [p.id, p.staffGroup]),
    section(root, 'entitlements', 'Entitlements', 'entitlement', 'person', register.entitlements, (e) => [
      `${e.person ?? '?'}: ${e.role ?? '?'}`,
      [e.from && `from ${e.from}`, e.supervised && 'supervised'].filter(Boolean).join(', ') || undefined,
    ]),
    section(root, 'training', 'Training', 'training', 'person', register.training, (t) => [
      `${t.person ?? '?'}: ${t.skill ?? '?'}`,
      t.completed ? `completed ${t.completed}` : 'in training',
    ]),
    section(root, 'supervision', 'Supervision', 'supervision', 'trainee', register.supervision, (s) => [
      `${s.trainee ?? '?'} ← ${s.supervisor ?? '?'}`,
      s.skills.join(', ') || undefined,
    ]),
  ].filter((s): s is OutlineSymbol => s !== undefined);
}

/** One section and its entries; each entry selects the key that names it (`at`). */
function section<T extends Entry>(
  root: YamlNode,
  key: string,
  title: string,
  kind: OutlineSymbol['kind'],
  at: string,
  entries: readonly T[],
  label: (entry: T) => [string, string | undefined],
): OutlineSymbol | undefined {
  const found = locate(root, [key]);
  if (!found.complete || !found.found.key) return undefined;
  const keyNode = found.found.key;
  const node = found.found.node;
  const children: OutlineSymbol[] = [];
  for (const entry of entries) {
    const item = locate(root, entry.path);
    if (!item.complete) continue;
    const labelNode = locate(root, [...entry.path, at]);
    const selection = labelNode.complete ? labelNode.found.node : item.found.node;
    const [name, detail] = label(entry);
    children.push({
      name: name || `(${kind} ${children.length + 1})`,
      ...(detail ? { detail } : {}),
      kind,
      start: item.found.node.start,
      end: item.found.node.end,
      selectionStart: selection.start,
      selectionEnd: selection.end,
      children: [],
    });
  }
  return {
    name: title,
    kind: 'section',
    start: keyNode.start,
    end: Math.max(node.end, keyNode.end),
    selectionStart: keyNode.start,
    selectionEnd: keyNode.end,
    children,
  };
}
