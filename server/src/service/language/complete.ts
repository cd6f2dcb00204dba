import { cursorContext, type CursorContext, type ScanMemo } from './cursorContext';
import type { Knowledge } from './knowledge';
import { jsonCursorContext } from './jsonCursor';
import { markdownCode, markdownText } from '../util/markdown';
import { childSchema, resolveSchema, schemaAtPath, schemaFor, type SchemaNode } from '../schema/schema';

/** A completion, in offsets; the LSP layer turns it into a CompletionItem. */
export interface Completion {
  label: string;
  kind: 'key' | 'value' | 'reference' | 'snippet';
  detail?: string;
  /** Markdown; any of the document's own text in it is escaped (`util/markdown.ts`). */
  documentation?: string;
  insertText: string;
  /** `insertText` is a snippet with `${1}` tab stops. */
  snippet: boolean;
  start: number;
  end: number;
  sortText?: string;
  /** What the editor matches the typed text against, when not the label (a JSON string typed from its quote). */
  filterText?: string;
}

/**
 * The fields a new catalogue entry is filled in with: the required ones plus
 * those the governance checks ask for, so a new entry starts out clean.
 */
const ENTRY_FIELDS: Record<string, string[]> = {
  roles: ['id', 'title', 'staffGroups', 'minBand', 'careerLevel', 'capacities', 'procedures', 'coreTraining', 'responsibilities'],
  workflow: ['id', 'name', 'activity', 'performs', 'skills'],
  training: ['skill', 'roles', 'methods', 'records', 'signOff', 'reassessEveryMonths'],
  sites: ['id', 'name', 'clinicalProtocol', 'mpeInvolvement'],
  skills: ['id', 'name'],
  methods: ['id', 'name', 'type'],
  records: ['id', 'name', 'location'],
  approvals: ['name', 'role', 'date'],
};

const ENTRY_NAMES: Record<string, string> = {
  roles: 'role',
  workflow: 'step',
  training: 'training row',
  sites: 'site',
  skills: 'skill',
  methods: 'method',
  records: 'record',
  approvals: 'approval',
};

/**
 * Completions at an offset. Works on text that does not parse, using
 * `knowledge` for ids. An editor passes the same `memo` for every call on one
 * document, which makes the call cost independent of how far down the cursor is.
 */
export function complete(text: string, offset: number, knowledge: Knowledge, memo?: ScanMemo): Completion[] {
  // Inside a `{...}` flow mapping the line's indentation says nothing about the cursor: offer nothing rather than YAML blocks.
  const lineBefore = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
  if (/\{[^}]*$/.test(lineBefore.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '""'))) return [];
  const context = cursorContext(text, offset, memo);
  // A catalogue has only the shared sections: no workflow or training to offer.
  const root = schemaFor(knowledge.kind ?? 'protocol');
  // Right after `key:` or `-` (the trigger characters) YAML needs a space before what is inserted.
  const glued = context.replaceStart > 0 && /[:-]/.test(text.charAt(context.replaceStart - 1)) && !context.inFlowList;
  const lead = glued ? ' ' : '';
  if (context.mode === 'value') {
    const schema = childSchema(schemaAtPath(context.path, root), context.key ?? '');
    return withLead(valueCompletions(schema, context, knowledge, false), lead);
  }
  if (context.mode === 'item') {
    const list = resolveSchema(schemaAtPath(context.path, root));
    const items = valueCompletions(resolveSchema(list?.items), context, knowledge, true);
    // `performs: [adapter, |]`: what the list already holds is not offered again.
    const listed = context.inFlowList ? flowListEntries(text, offset, context) : new Set<string>();
    return withLead(
      items.filter((c) => !listed.has(c.insertText)),
      lead,
    );
  }
  const schema = resolveSchema(schemaAtPath(context.path, root));
  if (!schema) return [];
  if (!schema.properties) {
    // After `- ` in a list of ids or vocabulary.
    return context.afterDash ? withLead(valueCompletions(schema, context, knowledge, true), lead) : [];
  }
  // Lines after the first are written at their final column: the key's column, plus the space added after a bare `-`.
  const extra = ' '.repeat(context.column + lead.length);
  const completions: Completion[] = [];
  const owner = context.path[context.path.length - 2];
  const fields = typeof owner === 'string' ? ENTRY_FIELDS[owner] : undefined;
  if (context.afterDash && context.existingKeys.size === 0 && typeof owner === 'string' && fields) {
    const entry = entrySnippet(owner, fields, schema, context, extra);
    completions.push({ ...entry, insertText: lead + entry.insertText });
  }
  for (const [key, property] of Object.entries(schema.properties)) {
    if (context.existingKeys.has(key)) continue;
    const resolved = resolveSchema(property) ?? {};
    completions.push({
      label: key,
      kind: 'key',
      detail: resolved.title,
      documentation: resolved.markdownDescription ?? resolved.description,
      insertText: lead + keySnippet(key, resolved, extra),
      snippet: true,
      start: context.replaceStart,
      end: context.replaceEnd,
      sortText: `${schema.required?.includes(key) ? '0' : '1'}-${key}`,
    });
  }
  return completions;
}

/**
 * Completions in a JSON document: keys (with the value's brackets or
 * quotes), vocabulary and ids, each written as JSON. No whole-entry snippets:
 * the entry's fields are offered one by one as keys.
 */
export function completeJson(text: string, offset: number, knowledge: Knowledge): Completion[] {
  const context = jsonCursorContext(text, offset);
  if (!context) return [];
  // Typed from its opening quote, the text the editor filters on starts with `"`: so must what it is matched against.
  const quoted = text.charAt(context.replaceStart) === '"';
  const filtered = (items: Completion[]) => (quoted ? items.map((c) => ({ ...c, filterText: JSON.stringify(c.label) })) : items);
  return filtered(jsonCompletions(text, context, knowledge));
}

function jsonCompletions(text: string, context: CursorContext, knowledge: Knowledge): Completion[] {
  const root = schemaFor(knowledge.kind ?? 'protocol');
  if (context.mode === 'value') return valueCompletions(childSchema(schemaAtPath(context.path, root), context.key ?? ''), context, knowledge, false, asJson);
  if (context.mode === 'item') {
    const list = resolveSchema(schemaAtPath(context.path, root));
    const listed = new Set(jsonArrayEntries(text, context));
    return valueCompletions(resolveSchema(list?.items), context, knowledge, true, asJson).filter((c) => !listed.has(c.insertText));
  }
  const schema = resolveSchema(schemaAtPath(context.path, root));
  if (!schema?.properties) return [];
  // An existing key being changed keeps its value: only the key is replaced.
  const keyOnly = /^[ \t]*:/.test(text.slice(context.replaceEnd));
  return Object.entries(schema.properties)
    .filter(([key]) => !context.existingKeys.has(key))
    .map(([key, property]) => {
      const resolved = resolveSchema(property) ?? {};
      return {
        label: key,
        kind: 'key' as const,
        detail: resolved.title,
        documentation: resolved.markdownDescription ?? resolved.description,
        insertText: keyOnly ? escapeSnippet(JSON.stringify(key)) : jsonKeySnippet(key, resolved),
        snippet: true,
        start: context.replaceStart,
        end: context.replaceEnd,
        sortText: `${schema.required?.includes(key) ? '0' : '1'}-${key}`,
      };
    });
}

/** A JSON key and the start of its value: brackets, quotes or a choice. */
function jsonKeySnippet(key: string, schema: SchemaNode): string {
  const name = escapeSnippet(JSON.stringify(key));
  const type = schema.type;
  if (type === 'object') return `${name}: {$0}`;
  if (type === 'array') return resolveSchema(schema.items)?.type === 'object' ? `${name}: [{$0}]` : `${name}: [$0]`;
  if (schema.enum) return `${name}: \${1|${schema.enum.map((v) => escapeChoice(JSON.stringify(v))).join(',')}|}`;
  if (type === 'boolean') return `${name}: \${1|true,false|}`;
  if (type === 'number' || type === 'integer') return `${name}: $0`;
  return `${name}: "$0"`;
}

/** The entries already in the JSON array the cursor is in, on its line, as written (quotes included). */
function jsonArrayEntries(text: string, context: CursorContext): string[] {
  const open = text.lastIndexOf('[', context.replaceStart);
  let close = text.indexOf(']', context.replaceEnd);
  const lineEnd = text.slice(context.replaceEnd).search(/[\r\n]/);
  const end = lineEnd === -1 ? text.length : context.replaceEnd + lineEnd;
  if (close === -1 || close > end) close = end;
  if (open === -1) return [];
  return [...text.slice(open + 1, context.replaceStart).split(','), ...text.slice(context.replaceEnd, close).split(',')].map((e) => e.trim()).filter(Boolean);
}

function escapeSnippet(value: string): string {
  return value.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/** What to type after a key: a nested block, a flow list, or a value. */
function keySnippet(key: string, schema: SchemaNode, extra: string): string {
  const type = schema.type;
  if (type === 'object') return `${key}:\n${extra}  $0`;
  if (type === 'array') {
    const items = resolveSchema(schema.items);
    if (items?.type === 'object') return `${key}:\n${extra}  - $0`;
    return `${key}: [$0]`;
  }
  if (schema.enum) return `${key}: \${1|${schema.enum.map((v) => escapeChoice(String(v))).join(',')}|}`;
  if (type === 'boolean') return `${key}: \${1|true,false|}`;
  return `${key}: $0`;
}

/** A whole new entry (role, step, training row...) with the fields it needs. */
function entrySnippet(section: string, fields: string[], schema: SchemaNode, context: CursorContext, extra: string): Completion {
  let stop = 1;
  const lines = fields.map((key) => {
    const property = resolveSchema(schema.properties?.[key]) ?? {};
    const placeholder = (fallback: string) => `\${${stop++}:${fallback}}`;
    if (property.type === 'array') return `${key}: [${placeholder('')}]`;
    if (property.type === 'object') {
      const inner = Object.keys(property.properties ?? {}).filter((k) => property.required?.includes(k) || k === 'approvedBy');
      return `${key}:\n${inner.map((k) => `${extra}  ${k}: ${placeholder('')}`).join('\n')}`;
    }
    if (property.enum) return `${key}: \${${stop++}|${property.enum.map((v) => escapeChoice(String(v))).join(',')}|}`;
    if (key === 'id') return `${key}: ${placeholder(`new-${(ENTRY_NAMES[section] ?? 'entry').replace(/ /g, '-')}`)}`;
    if (key === 'reassessEveryMonths') return `${key}: ${placeholder('12')}`;
    return `${key}: ${placeholder('')}`;
  });
  const name = ENTRY_NAMES[section] ?? 'entry';
  return {
    label: `new ${name}`,
    kind: 'snippet',
    detail: `A ${name} with the fields it needs`,
    documentation: `Fills in ${fields.map((k) => `\`${k}\``).join(', ')}.`,
    insertText: lines.join(`\n${extra}`),
    snippet: true,
    start: context.replaceStart,
    end: context.replaceEnd,
    sortText: '0',
  };
}

/** The other entries of the one-line flow list the cursor is in (not the word being typed). */
function flowListEntries(text: string, offset: number, context: CursorContext): Set<string> {
  const open = text.lastIndexOf('[', offset - 1);
  let close = text.indexOf(']', offset);
  const lineEnd = text.indexOf('\n', offset);
  if (close === -1 || (lineEnd !== -1 && close > lineEnd)) close = lineEnd === -1 ? text.length : lineEnd;
  if (open === -1) return new Set();
  const before = text.slice(open + 1, context.replaceStart);
  const after = text.slice(context.replaceEnd, close);
  return new Set([...before.split(','), ...after.split(',')].map((e) => e.trim().replace(/^["']|["']$/g, '')).filter(Boolean));
}

function withLead(completions: Completion[], lead: string): Completion[] {
  return lead ? completions.map((c) => ({ ...c, insertText: lead + c.insertText })) : completions;
}

function escapeChoice(value: string): string {
  return value.replace(/[,|\\$}]/g, (c) => `\\${c}`);
}

/** How a value is written: as YAML plain text, or as JSON. */
type Encode = (value: unknown) => string;
const asYaml: Encode = (value) => String(value);
const asJson: Encode = (value) => JSON.stringify(value);

/** Values for a field: ids of the kind it refers to, vocabulary, or true/false. */
function valueCompletions(
  schema: SchemaNode | undefined,
  context: CursorContext,
  knowledge: Knowledge,
  asItem: boolean,
  encode: Encode = asYaml,
): Completion[] {
  const resolved = resolveSchema(schema);
  if (!resolved) return [];
  // `performs: |` (a list field): offer its items wrapped in a flow list.
  if (!asItem && resolved.type === 'array') {
    return valueCompletions(resolveSchema(resolved.items), context, knowledge, true, encode).map((c) => ({ ...c, insertText: `[${c.insertText}]` }));
  }
  const base = { start: context.replaceStart, end: context.replaceEnd, snippet: false };
  const refKind = resolved['x-refKind'];
  if (refKind) {
    return knowledge.entities
      .filter((e) => e.kind === refKind)
      .map((e) => ({
        ...base,
        label: e.id,
        kind: 'reference' as const,
        detail: e.name,
        // The name and the catalogue's file name are the document's text: escaped, so they show as written.
        documentation: `${capitalise(refKind)} **${markdownText(e.name)}**${e.source ? ` (from ${markdownCode(e.source)})` : ''}`,
        insertText: encode(e.id),
      }));
  }
  if (resolved.enum) {
    return resolved.enum.map((value, i) => ({
      ...base,
      label: String(value),
      kind: 'value' as const,
      detail: resolved.title,
      documentation: resolved.enumDescriptions?.[i],
      insertText: encode(value),
      sortText: String(i).padStart(3, '0'),
    }));
  }
  if (resolved.const !== undefined) return [{ ...base, label: String(resolved.const), kind: 'value', insertText: encode(resolved.const) }];
  if (resolved.type === 'boolean') return [true, false].map((v) => ({ ...base, label: String(v), kind: 'value' as const, insertText: encode(v) }));
  return [];
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
