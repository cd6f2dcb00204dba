import type { Protocol, Entry } from '../model/protocol';
import { locate, type YamlNode } from '../parse/tree';

/** An outline entry in offsets: a section, or an entry of it with its id as the selection. */
export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: 'section' | 'role' | 'step' | 'skill' | 'method' | 'record' | 'site' | 'training' | 'person' | 'entitlement' | 'supervision';
  start: number;
  end: number;
  selectionStart: number;
  selectionEnd: number;
  children: OutlineSymbol[];
}

const SECTIONS: { key: keyof Protocol & string; kind: OutlineSymbol['kind']; title: string }[] = [
  { key: 'sites', kind: 'site', title: 'Sites' },
  { key: 'roles', kind: 'role', title: 'Roles' },
  { key: 'workflow', kind: 'step', title: 'Workflow' },
  { key: 'skills', kind: 'skill', title: 'Skills' },
  { key: 'methods', kind: 'method', title: 'Methods' },
  { key: 'records', kind: 'record', title: 'Records' },
  { key: 'training', kind: 'training', title: 'Training' },
];

/** The document outline: roles, steps, skills, methods, records, sites and training rows. */
export function outline(root: YamlNode, protocol: Protocol): OutlineSymbol[] {
  const symbols: OutlineSymbol[] = [];
  for (const section of SECTIONS) {
    const found = locate(root, [section.key]);
    if (!found.complete || !found.found.key) continue;
    const key = found.found.key;
    const node = found.found.node;
    const entries = protocol[section.key] as unknown as (Entry & { id?: string; title?: string; name?: string; skill?: string; roles?: string[] })[];
    const children: OutlineSymbol[] = [];
    for (const entry of entries) {
      const item = locate(root, entry.path);
      if (!item.complete) continue;
      const label = entry.id ?? entry.skill ?? '';
      const labelNode = locate(root, [...entry.path, entry.id !== undefined ? 'id' : 'skill']);
      const selection = labelNode.complete ? labelNode.found.node : item.found.node;
      children.push({
        name: label || `(${section.kind} ${children.length + 1})`,
        detail: entry.title ?? entry.name ?? (entry.roles ? entry.roles.join(', ') : undefined),
        kind: section.kind,
        start: item.found.node.start,
        end: item.found.node.end,
        selectionStart: selection.start,
        selectionEnd: selection.end,
        children: [],
      });
    }
    symbols.push({
      name: section.title,
      kind: 'section',
      start: key.start,
      end: Math.max(node.end, key.end),
      selectionStart: key.start,
      selectionEnd: key.end,
      children,
    });
  }
  return symbols;
}
