import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import type { Path } from '../parse/tree';

/** The kinds of catalogue entry a document defines and refers to by id. */
export type EntityKind = 'role' | 'skill' | 'method' | 'record' | 'site' | 'step';
export const ENTITY_KINDS: readonly EntityKind[] = ['role', 'skill', 'method', 'record', 'site', 'step'];

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
const ANNOTATIONS = ['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'x-refKind', 'x-idKind', 'x-vocabulary', 'x-summary', 'defaultSnippets'];

// The schema file at the top of the repository is the single source of truth for syntax.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const protocolSchema: SchemaNode = require('../../../../schemas/role-protocol.schema.json');

export const FORMAT_NAME = 'role-protocol';
export const FORMAT_ID = 'role-protocol/1';

let compiled: ValidateFunction | undefined;

/** The ajv validator, compiled once per process on first use. */
export function schemaValidator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowMatchingProperties: true });
    ajv.addVocabulary(ANNOTATIONS);
    compiled = ajv.compile(protocolSchema);
  }
  return compiled;
}

/** Follows `$ref`s (local ones only, which is all this schema uses). */
export function resolveSchema(schema: SchemaNode | undefined, root: SchemaNode = protocolSchema): SchemaNode | undefined {
  let current = schema;
  for (let guard = 0; current && current.$ref && guard < 32; guard++) {
    const ref: string = current.$ref;
    if (!ref.startsWith('#/')) return undefined;
    let target: unknown = root;
    for (const part of ref.slice(2).split('/')) {
      target = target && typeof target === 'object' ? (target as Record<string, unknown>)[decodeURIComponent(part.replace(/~1/g, '/').replace(/~0/g, '~'))] : undefined;
    }
    // Annotations written beside a $ref (x-refKind, title) win over the target's.
    const { $ref: _ignored, ...beside } = current;
    current = { ...(target as SchemaNode), ...beside };
  }
  return current;
}

/** The subschema for one step down: a property of an object or the items of an array. */
export function childSchema(schema: SchemaNode | undefined, segment: string | number): SchemaNode | undefined {
  const resolved = resolveSchema(schema);
  if (!resolved) return undefined;
  if (typeof segment === 'number') return resolveSchema(resolved.items);
  return resolveSchema(resolved.properties?.[segment]);
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
