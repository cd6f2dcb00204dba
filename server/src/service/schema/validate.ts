import type { ErrorObject } from 'ajv';
import { didYouMean, kebabId } from '../util/suggest';
import { locate, pairOf, type Path, type YamlNode } from '../parse/tree';
import { listItemValidator, schemaAtPath, schemaValidator, resolveSchema, schemaFor, type DocumentKind, type SchemaNode } from './schema';

/** One schema problem, already placed on the key or value it concerns. */
export interface SchemaProblem {
  message: string;
  start: number;
  end: number;
  path: Path;
  /** The likely intended text for the range, when there is one. */
  replacement?: string;
  /**
   * What was meant, where the schema knows it (a misspelt key, a vocabulary
   * value in the wrong case): the rules read the document as meant, so one
   * slip gives one finding, not a schema error and the rules' echoes of it.
   */
  intended?: { key: string } | { value: unknown };
}

/**
 * Validates the document's data against the schema and turns ajv's errors into
 * one message per problem, written for a physicist and placed exactly: an
 * unknown key on the key, a wrong value on the value, a missing field on the
 * key of the object that lacks it.
 */
export function validateAgainstSchema(
  root: YamlNode,
  data: unknown,
  kind: DocumentKind = 'protocol',
  options: { splitListsFrom?: number; text?: string } = {},
): SchemaProblem[] {
  const errors = schemaErrors(data, kind, options.splitListsFrom ?? SPLIT_LISTS_FROM);
  if (errors.length === 0) return [];
  // A value of the wrong type makes every other complaint about it noise.
  const typeErrorPaths = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword !== 'type' && typeErrorPaths.has(error.instancePath)) continue;
    const problem = describe(root, data, error, kind, options.text);
    if (!problem) continue;
    const key = `${problem.start}:${problem.end}:${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  // By place, then by message: the same order however ajv was run (whole, or a long list entry by entry).
  return problems.sort((a, b) => a.start - b.start || a.end - b.end || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
}

/** A top-level list this long is validated entry by entry: see `schemaErrors`. */
const SPLIT_LISTS_FROM = 500;

/**
 * ajv's errors for the data. ajv (with allErrors) gathers the errors of each
 * entry of a list by copying all those found so far, so its time grows with
 * the square of the number of errors: a 2 MB file of 40,000 roles with
 * errors took 10 s. A long top-level list is therefore validated entry by
 * entry with the entry's own validator, and the rest of the document with
 * that list left empty (no section has a minimum length); the errors are the
 * same, with the entry's place put in front of their paths.
 */
function schemaErrors(data: unknown, kind: DocumentKind, splitListsFrom: number): ErrorObject[] {
  const validate = schemaValidator(kind);
  const record = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  const long = record
    ? Object.keys(record).filter((k) => Array.isArray(record[k]) && (record[k] as unknown[]).length >= splitListsFrom && listItemValidator(kind, k))
    : [];
  if (!record || long.length === 0) return validate(data) ? [] : [...(validate.errors ?? [])];
  // A copy with own properties only (`__proto__` too, which spreading keeps as a key).
  const rest: Record<string, unknown> = { ...record };
  for (const key of long) rest[key] = [];
  const errors: ErrorObject[] = validate(rest) ? [] : [...(validate.errors ?? [])];
  for (const key of long) {
    const validateEntry = listItemValidator(kind, key)!;
    const prefix = `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}/`;
    (record[key] as unknown[]).forEach((entry, index) => {
      if (validateEntry(entry)) return;
      for (const error of validateEntry.errors ?? []) errors.push({ ...error, instancePath: `${prefix}${index}${error.instancePath}` });
    });
  }
  return errors;
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

function valueAt(data: unknown, path: Path): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Object.prototype.hasOwnProperty.call(current, segment) ? (current as Record<string, unknown>)[segment as string] : undefined;
  }
  return current;
}

/** How a field is named in a message: its key, or "`staffGroups` entry" for an item of a list. */
/**
 * The key a misspelt one was meant to be: the nearest by spelling, else the
 * one whose word it shares (`performedBy` → `performs`, `approvedBy` →
 * `approves`), where exactly one does.
 */
function keyGuess(key: string, known: readonly string[]): string | undefined {
  const guess = didYouMean(key, known);
  if (guess) return guess;
  const stem = (word: string) => word.toLowerCase().replace(/(ed|es|s|ing|er|ment)$/, '');
  const words = key.split(/(?=[A-Z])|[^A-Za-z]+/).filter((w) => w.length >= 4 && !/^(by|of|the|for|with)$/i.test(w));
  const first = words[0];
  if (!first) return undefined;
  const matches = known.filter((candidate) => stem(candidate) === stem(first));
  return matches.length === 1 ? matches[0] : undefined;
}

function fieldName(path: Path): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'The document';
  if (typeof last === 'number') {
    const owner = path[path.length - 2];
    return owner === undefined ? `Item ${last + 1}` : `\`${String(owner)}\` entry`;
  }
  return `\`${last}\``;
}

/** Names the object a problem sits in: "role `adapter`", "the document". */
function objectName(schema: SchemaNode | undefined, value: unknown, path: Path): string {
  if (path.length === 0) return schema?.title === 'Role catalogue' ? 'the catalogue' : 'the protocol';
  const title = (schema?.title ?? String(path[path.length - 1])).toLowerCase();
  const id = value && typeof value === 'object' ? (value as Record<string, unknown>).id : undefined;
  return typeof id === 'string' && id ? `${title} \`${id}\`` : title;
}

function show(value: unknown): string {
  if (typeof value === 'string') return value === '' ? 'an empty value' : `\`${value}\``;
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping of keys to values',
  array: 'a list',
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'empty',
};

function describe(root: YamlNode, data: unknown, error: ErrorObject, kind: DocumentKind, text: string | undefined): SchemaProblem | undefined {
  const path = pointerToPath(error.instancePath);
  const { found, complete } = locate(root, path);
  if (!complete) return undefined;
  const value = valueAt(data, path);
  const schemaRoot = schemaFor(kind);
  const schema = schemaAtPath(path, schemaRoot);
  const valueRange = (): [number, number] => {
    const node = found.node;
    if (node.kind === 'scalar' && node.empty && found.key) return [found.key.start, found.key.end];
    if (node.kind === 'mapping' || node.kind === 'sequence') {
      if (found.key) return [found.key.start, found.key.end];
      // An item of a list has no key: mark its first key or item rather than the whole block.
      const first = node.kind === 'mapping' ? node.pairs[0]?.key : node.items[0];
      return first ? [first.start, first.end] : [node.start, node.end];
    }
    return [node.start, node.end];
  };
  const make = (message: string, [start, end]: [number, number]): SchemaProblem => ({ message, start, end, path });
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const node = found.node;
      const pair = node.kind === 'mapping' ? pairOf(node, key) : undefined;
      const known = Object.keys(resolveSchema(schema)?.properties ?? {});
      const guess = keyGuess(key, known);
      const where = objectName(schema, value, path);
      const hint = guess ? ` Did you mean \`${guess}\`?` : known.length ? ` Allowed keys: ${known.map((k) => `\`${k}\``).join(', ')}.` : '';
      const range: [number, number] = pair ? [pair.key.start, pair.key.end] : valueRange();
      return {
        message: `Unknown key \`${key}\` in ${where}.${hint}`,
        start: range[0],
        end: range[1],
        path: [...path, key],
        ...(guess ? { replacement: guess, intended: { key: guess } } : {}),
      };
    }
    case 'required': {
      const missing = String(params.missingProperty);
      const where = objectName(schema, value, path);
      const node = found.node;
      let range: [number, number];
      const id = node.kind === 'mapping' ? node.pairs.find((p) => p.key.value === 'id')?.value : undefined;
      if (found.key) range = [found.key.start, found.key.end];
      else if (id && id.kind === 'scalar' && !id.empty) range = [id.start, id.end];
      else if (node.kind === 'mapping' && node.pairs[0]) range = [node.pairs[0].key.start, node.pairs[0].key.end];
      else range = valueRange();
      const title = schemaAtPath([...path, missing], schemaRoot)?.title?.toLowerCase();
      const what = title && title !== missing.toLowerCase() ? ` (${title})` : '';
      return make(`${capitalise(where)} is missing the required key \`${missing}\`${what}.`, range);
    }
    case 'type': {
      const expected = String(params.type)
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t)
        .join(' or ');
      // A number or true/false where text is wanted: YAML read what was written as a number; say so and how to keep it as written.
      const node = found.node;
      if (
        text !== undefined &&
        String(params.type).split(',').includes('string') &&
        (typeof value === 'number' || typeof value === 'boolean') &&
        node.kind === 'scalar' &&
        !node.quoted
      ) {
        const written = text.slice(node.start, node.end);
        const asRead = typeof value === 'number' ? `the number ${String(value)}` : String(value);
        return {
          ...make(`${fieldName(path)} must be text; \`${written}\` is read as ${asRead}. Put it in quotes: \`"${written}"\`.`, valueRange()),
          replacement: `"${written}"`,
        };
      }
      return make(`${fieldName(path)} must be ${expected}; got ${show(value)}.`, valueRange());
    }
    case 'enum': {
      const allowed = (schema?.enum ?? (params.allowedValues as unknown[]) ?? []).map(String);
      const list = schema?.['x-summary'] ?? allowed.join(', ');
      // "6" written in quotes is text, not the band 6: say so rather than guess.
      const unquoted = typeof value === 'string' && (schema?.enum ?? []).some((v) => typeof v === 'number' && String(v) === value);
      const guess = unquoted ? undefined : typeof value === 'string' || typeof value === 'number' ? didYouMean(String(value), allowed) : undefined;
      const hint = unquoted ? ` Write it without quotes: ${String(value)}.` : guess ? ` Did you mean \`${guess}\`?` : '';
      const replacement = unquoted ? String(value) : guess;
      const meant = unquoted ? Number(value) : (schema?.enum ?? []).find((v) => guess !== undefined && String(v) === guess);
      return {
        ...make(`${fieldName(path)} must be one of ${list}; got ${show(value)}.${hint}`, valueRange()),
        ...(replacement !== undefined ? { replacement } : {}),
        ...(meant !== undefined ? { intended: { value: meant } } : {}),
      };
    }
    case 'const':
      return make(`${fieldName(path)} must be \`${String(params.allowedValue)}\`; got ${show(value)}.`, valueRange());
    case 'pattern': {
      const pattern = String(params.pattern);
      if (pattern.includes('[a-z0-9]+(-[a-z0-9]+)*')) {
        const suggestion = typeof value === 'string' ? kebabId(value) : '';
        const hint = suggestion && suggestion !== value ? ` Did you mean \`${suggestion}\`?` : '';
        const problem = make(
          `${fieldName(path)} must be an id in kebab case (lower-case letters and digits joined by hyphens, e.g. \`advanced-adapter\`); got ${show(value)}.${hint}`,
          valueRange(),
        );
        return hint ? { ...problem, replacement: suggestion } : problem;
      }
      if (pattern.includes('\\d{4}-\\d{2}-\\d{2}')) {
        return make(`${fieldName(path)} must be a date written YYYY-MM-DD; got ${show(value)}.`, valueRange());
      }
      return make(`${fieldName(path)} does not have the expected form (${pattern}); got ${show(value)}.`, valueRange());
    }
    case 'minItems': {
      const n = Number(params.limit);
      return make(`${fieldName(path)} must list at least ${n} ${n === 1 ? 'entry' : 'entries'}.`, valueRange());
    }
    case 'uniqueItems': {
      const later = Math.max(Number(params.i), Number(params.j));
      const item = locate(root, [...path, later]);
      const duplicate = valueAt(data, [...path, later]);
      const range: [number, number] = item.complete ? [item.found.node.start, item.found.node.end] : valueRange();
      return { message: `${fieldName(path)} lists ${show(duplicate)} twice.`, start: range[0], end: range[1], path: [...path, later] };
    }
    case 'minimum':
    case 'exclusiveMinimum':
      return make(`${fieldName(path)} must be at least ${String(params.limit)}; got ${show(value)}.`, valueRange());
    case 'maximum':
    case 'exclusiveMaximum':
      return make(`${fieldName(path)} must be at most ${String(params.limit)}; got ${show(value)}.`, valueRange());
    case 'minLength':
      return make(`${fieldName(path)} must not be empty.`, valueRange());
    default:
      return make(`${fieldName(path)} ${error.message ?? 'is not valid'}.`, valueRange());
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
