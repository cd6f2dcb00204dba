import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import type { Path } from '../parse/tree';
import type { DocumentKind } from '../../shared/documentKinds';

/** The kinds of catalogue entry a document defines and refers to by id. */
export type EntityKind = 'role' | 'skill' | 'method' | 'record' | 'site' | 'step' | 'reference' | 'person';
export const ENTITY_KINDS: readonly EntityKind[] = ['role', 'skill', 'method', 'record', 'site', 'step', 'reference', 'person'];

/** The parts of a JSON Schema object this project reads (annotations included). */
export interface SchemaNode {
  $ref?: string;
  title?: string;
  description?: string;
  markdownDescription?: string;
  type?: string | string[];
  enum?: unknown[];
  enumDescriptions?: string[];
  const?: unknown;
  default?: unknown;
  pattern?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  minimum?: number;
  maximum?: number;
  /** This value refers to a catalogue entry of this kind by id. */
  'x-refKind'?: EntityKind;
  /** This value is the id that defines a catalogue entry of this kind. */
  'x-idKind'?: EntityKind;
  /** The human name of an enumerated vocabulary, e.g. "AfC band". */
  'x-vocabulary'?: string;
  /** A short way to write the allowed values in a message, e.g. "2-9, 8a-8d". */
  'x-summary'?: string;
  [keyword: string]: unknown;
}

/** Annotation keywords the schema carries for editors and for this tool; ajv must accept them. */
export const ANNOTATIONS: string[] = [
  'markdownDescription',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'x-refKind',
  'x-idKind',
  'x-vocabulary',
  'x-summary',
  'defaultSnippets',
];

// The schema file at the top of the repository is the single source of truth for syntax.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const protocolSchema: SchemaNode = require('../../../../schemas/role-protocol.schema.json');

/**
 * The register of people (`role-register/1`) has its own file, so that an
 * editor can use it alone; the definitions it shares with the protocol
 * (dates, bands, staff groups, registrations, id references) are copies that
 * a test holds equal to the protocol's, so they can never mean two things.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const registerSchema: SchemaNode = require('../../../../schemas/role-register.schema.json');

export const FORMAT_NAME = 'role-protocol';
export const FORMAT_ID = 'role-protocol/1';
export const CATALOGUE_FORMAT_NAME = 'role-catalogue';
export const CATALOGUE_FORMAT_ID = 'role-catalogue/1';

/** A protocol, or a department catalogue of shared entries that protocols include. */
export type { DocumentKind };

/** Sections a catalogue may hold: the shared entries, with their definitions from the protocol schema. */
const CATALOGUE_SECTIONS = ['document', 'service', 'sites', 'roles', 'skills', 'methods', 'records', 'includes'];

/**
 * The catalogue schema is derived from the protocol schema rather than kept in
 * a second file, so a role or a skill can never mean two different things.
 */
export const catalogueSchema: SchemaNode = (() => {
  const properties: Record<string, SchemaNode> = {};
  const format = protocolSchema.properties?.format ?? {};
  properties.format = {
    ...format,
    const: CATALOGUE_FORMAT_ID,
    description: `Identifies a department catalogue: \`${CATALOGUE_FORMAT_ID}\`.`,
    markdownDescription: `Identifies a department catalogue, \`${CATALOGUE_FORMAT_ID}\`: roles, skills, methods, records and sites shared by several protocols, which include it with \`includes\`.`,
  };
  for (const key of CATALOGUE_SECTIONS) {
    const section = protocolSchema.properties?.[key];
    if (section) properties[key] = section;
  }
  return {
    ...protocolSchema,
    $id: String(protocolSchema.$id ?? 'role-protocol.schema.json').replace('role-protocol', 'role-catalogue'),
    title: 'Role catalogue',
    description: 'Shared roles, skills, methods, records and sites that several role protocols include.',
    properties,
    required: ['format'],
  };
})();

export function schemaFor(kind: DocumentKind): SchemaNode {
  return kind === 'catalogue' ? catalogueSchema : kind === 'register' ? registerSchema : protocolSchema;
}

/**
 * Every definition a `#/$defs/…` reference may name, whichever root it is
 * reached from: the protocol's, and the register's own (those it shares are
 * equal copies). The walks memoise by schema node, not by root.
 */
const ALL_DEFINITIONS: SchemaNode = { $defs: { ...(registerSchema.$defs as object), ...(protocolSchema.$defs as object) } };

const compiled = new Map<DocumentKind, { ajv: Ajv2020; validate: ValidateFunction }>();

/** The ajv validator for a kind of document, compiled once per process on first use. */
export function schemaValidator(kind: DocumentKind = 'protocol'): ValidateFunction {
  let entry = compiled.get(kind);
  if (!entry) {
    // Union types: a register's `protocol` is one path or a list of them.
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowMatchingProperties: true, allowUnionTypes: true });
    ajv.addVocabulary(ANNOTATIONS);
    entry = { ajv, validate: ajv.compile(schemaFor(kind)) };
    compiled.set(kind, entry);
  }
  return entry.validate;
}

const itemValidators = new Map<string, ValidateFunction | undefined>();
const LIST_KEYWORDS_SAFE_TO_SPLIT = new Set(['type', 'items', 'title', 'description', 'markdownDescription', 'defaultSnippets']);
const ROOT_KEYWORDS_SAFE_TO_SPLIT = new Set([
  '$schema',
  '$id',
  'title',
  'description',
  'markdownDescription',
  'type',
  'required',
  'properties',
  'additionalProperties',
  '$defs',
]);

/**
 * The validator of one entry of a top-level list (`roles`, `workflow`, …),
 * from the same compiled schema; undefined for a key that is not such a list.
 */
export function listItemValidator(kind: DocumentKind, section: string): ValidateFunction | undefined {
  const key = `${kind}\u0000${section}`;
  if (itemValidators.has(key)) return itemValidators.get(key);
  const root = schemaFor(kind);
  const property = Object.prototype.hasOwnProperty.call(root.properties ?? {}, section) ? root.properties?.[section] : undefined;
  // Only a plain list (a type and items) can be checked entry by entry with the rest emptied: a keyword
  // about the list as a whole (minItems, uniqueItems, contains, …) or the root would then see another list.
  const plain =
    property !== undefined &&
    Object.keys(property).every((k) => LIST_KEYWORDS_SAFE_TO_SPLIT.has(k) || k.startsWith('x-')) &&
    Object.keys(root).every((k) => ROOT_KEYWORDS_SAFE_TO_SPLIT.has(k));
  const ref = plain && property.type === 'array' && typeof property.items === 'object' ? (property.items as SchemaNode).$ref : undefined;
  schemaValidator(kind);
  const validate = ref?.startsWith('#/') ? compiled.get(kind)?.ajv.getSchema(`${String(root.$id)}${ref}`) : undefined;
  itemValidators.set(key, validate);
  return validate;
}

/**
 * Resolved nodes and child lookups, memoised by schema object. The schema
 * never changes at run time, and both roots share one `$defs`, so a node
 * resolves the same way whichever root it was reached from. Without this,
 * every step of the per-node walks (ids, hover, completion) built new objects.
 */
const resolvedNodes = new WeakMap<SchemaNode, SchemaNode | undefined>();
const childNodes = new WeakMap<SchemaNode, Map<string | number, SchemaNode | undefined>>();
const ITEMS = -1;

/** Follows `$ref`s (local ones only, which is all this schema uses). */
export function resolveSchema(schema: SchemaNode | undefined, root: SchemaNode = protocolSchema): SchemaNode | undefined {
  if (!schema) return undefined;
  if (resolvedNodes.has(schema)) return resolvedNodes.get(schema);
  const resolved = resolveUncached(schema, root);
  resolvedNodes.set(schema, resolved);
  return resolved;
}

function resolveUncached(schema: SchemaNode, root: SchemaNode): SchemaNode | undefined {
  let current: SchemaNode | undefined = schema;
  for (let guard = 0; current && current.$ref && guard < 32; guard++) {
    const ref: string = current.$ref;
    if (!ref.startsWith('#/')) return undefined;
    const parts = ref
      .slice(2)
      .split('/')
      .map((part) => decodeURIComponent(part.replace(/~1/g, '/').replace(/~0/g, '~')));
    let target = follow(root, parts);
    if (target === undefined && parts[0] === '$defs') target = follow(ALL_DEFINITIONS, parts);
    // Annotations written beside a $ref (x-refKind, title) win over the target's.
    const { $ref: _ignored, ...beside } = current;
    current = { ...(target as SchemaNode), ...beside };
  }
  return current;
}

function follow(root: SchemaNode, parts: readonly string[]): unknown {
  let target: unknown = root;
  for (const part of parts) target = target && typeof target === 'object' ? (target as Record<string, unknown>)[part] : undefined;
  return target;
}

/** The subschema for one step down: a property of an object or the items of an array. */
export function childSchema(schema: SchemaNode | undefined, segment: string | number): SchemaNode | undefined {
  const resolved = resolveSchema(schema);
  if (!resolved) return undefined;
  let children = childNodes.get(resolved);
  if (!children) childNodes.set(resolved, (children = new Map()));
  // Every list index has the same schema: one cache entry for all of them.
  const key = typeof segment === 'number' ? ITEMS : segment;
  if (children.has(key)) return children.get(key);
  const child =
    typeof segment === 'number'
      ? resolveSchema(resolved.items)
      : Object.prototype.hasOwnProperty.call(resolved.properties ?? {}, segment)
        ? resolveSchema(resolved.properties?.[segment])
        : undefined;
  children.set(key, child);
  return child;
}

/** The subschema at a path from the root, or undefined where the schema has nothing. */
export function schemaAtPath(path: Path, root: SchemaNode = protocolSchema): SchemaNode | undefined {
  let current: SchemaNode | undefined = resolveSchema(root);
  for (const segment of path) {
    current = childSchema(current, segment);
    if (!current) return undefined;
  }
  return current;
}

const idBearing = new WeakMap<SchemaNode, boolean>();

/**
 * Can a value of this (resolved) schema hold an id or a reference to one,
 * itself or anywhere below it? The id walk skips the subtrees that cannot
 * (titles, dates, free text), which are most of a protocol's nodes.
 */
function holdsIds(schema: SchemaNode): boolean {
  const known = idBearing.get(schema);
  if (known !== undefined) return known;
  // A schema that refers back to itself counts as holding ids while it is being worked out: never wrongly skipped.
  idBearing.set(schema, true);
  let holds = schema['x-idKind'] !== undefined || schema['x-refKind'] !== undefined;
  if (!holds && schema.items !== undefined) {
    const items = resolveSchema(schema.items);
    holds = items !== undefined && holdsIds(items);
  }
  if (!holds) {
    for (const key of Object.keys(schema.properties ?? {})) {
      const child = childSchema(schema, key);
      if (child && holdsIds(child)) {
        holds = true;
        break;
      }
    }
  }
  idBearing.set(schema, holds);
  return holds;
}

/** What the id walk needs of a schema node, worked out once: see `idTableFor`. */
export interface IdTable {
  /** The node's values are ids of this kind (`x-idKind`). */
  defines?: EntityKind;
  /** The node's values refer to ids of this kind (`x-refKind`). */
  refers?: EntityKind;
  /** The properties that can hold ids, and their tables. */
  properties: Map<string, IdTable>;
  /** The table of the items, if they can hold ids. */
  items?: IdTable;
}

const idTables = new WeakMap<SchemaNode, IdTable>();

/**
 * The id walk's view of a (resolved) schema node: whether its values define
 * or refer to ids, and which of its children can hold any. The walk follows
 * these tables down the document and never looks at the schema itself.
 */
export function idTableFor(schema: SchemaNode): IdTable {
  let table = idTables.get(schema);
  if (table) return table;
  table = { properties: new Map() };
  if (schema['x-idKind'] !== undefined) table.defines = schema['x-idKind'];
  else if (schema['x-refKind'] !== undefined) table.refers = schema['x-refKind'];
  // Stored before the children are filled in: a schema that refers back to itself gets this same table.
  idTables.set(schema, table);
  for (const key of Object.keys(schema.properties ?? {})) {
    const child = childSchema(schema, key);
    if (child && holdsIds(child)) table.properties.set(key, idTableFor(child));
  }
  const items = childSchema(schema, 0);
  if (items && holdsIds(items)) table.items = idTableFor(items);
  return table;
}
