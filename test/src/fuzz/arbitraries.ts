/**
 * fast-check arbitraries for hostile and half-typed documents:
 * - documents built from the schema's vocabulary (mostly right, sometimes wrong),
 *   written as YAML in varied styles, or as JSON;
 * - the samples mutated: lines deleted, duplicated, swapped or re-indented,
 *   random characters and bytes, hostile fragments spliced in;
 * - prefixes of the samples, which is what typing produces;
 * - arbitrary text and bytes.
 * Each case carries the offsets at which completion, hover and navigation are asked.
 */
import fc from 'fast-check';
import { HOSTILE_FRAGMENTS, HOSTILE_TEXT, IDS, KEYS, resolve, SAMPLES, SCHEMA, VOCABULARY, type SchemaNode } from './corpus';
import { nth } from '../helpers/nth';

export interface FuzzCase {
  /** How the case was made, for the failure report. */
  kind: string;
  text: string;
  /** File name the document is linted as (decides YAML or JSON). */
  fileName: string;
  /** Offsets at which completion, hover and navigation are asked (the end of a prefix among them). */
  offsets: number[];
}

/* ----------------------------------------------------------------------------
 * Documents from the schema
 * ------------------------------------------------------------------------- */

const word = fc.constantFrom('Adapter', 'Physicist', 'Review and edit OARs', 'Training records', 'Bladder', 'ProKnow', 'x', 'MPE', 'Consultant Radiographer');
const idLike = fc.oneof(
  { arbitrary: fc.constantFrom(...IDS), weight: 6 },
  { arbitrary: fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,5}){0,2}$/), weight: 2 },
  { arbitrary: fc.constantFrom(...HOSTILE_TEXT), weight: 1 },
);
const hostile = fc.constantFrom(...HOSTILE_TEXT);
const anyScalar = fc.oneof(
  hostile,
  word,
  fc.integer({ min: -5, max: 2000 }),
  fc.boolean(),
  fc.constant(null),
  fc.double({ noNaN: false }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  anyScalar,
  fc.array(anyScalar, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom(...KEYS, '__proto__', 'constructor'), anyScalar, { maxKeys: 3 }),
);

const cache = new Map<SchemaNode, fc.Arbitrary<unknown>>();

/** A value for a schema node: usually one the schema allows, sometimes not. */
function valueFor(node: SchemaNode | undefined, depth: number): fc.Arbitrary<unknown> {
  const schema = resolve(node);
  if (!schema || depth > 7) return anyScalar;
  const cached = cache.get(schema);
  if (cached) return cached;
  const right = rightValueFor(schema, depth);
  const arbitrary = fc.oneof({ arbitrary: right, weight: 12 }, { arbitrary: wrongValue, weight: 1 });
  cache.set(schema, arbitrary);
  return arbitrary;
}

function rightValueFor(schema: SchemaNode, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.oneof({ arbitrary: fc.constantFrom(...schema.enum), weight: 8 }, { arbitrary: fc.constantFrom(...VOCABULARY), weight: 1 });
  if (schema['x-idKind'] || schema['x-refKind']) return idLike;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const properties = schema.properties ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, child] of Object.entries(properties)) model[key] = valueFor(child, depth + 1);
      const required = (schema.required ?? []).filter((k) => k in model);
      const record = fc.record(model, { requiredKeys: required });
      // Sometimes drop a required key or add one the schema does not know.
      return fc
        .tuple(
          record,
          fc.option(fc.constantFrom(...required, '__none__'), { nil: undefined }),
          fc.option(fc.tuple(fc.constantFrom(...KEYS, '__proto__', 'constructor', 'polluted'), anyScalar), { freq: 6, nil: undefined }),
        )
        .map(([value, drop, extra]) => {
          const object: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(value)) if (k !== drop) object[k] = v;
          if (extra) Object.defineProperty(object, extra[0], { value: extra[1], enumerable: true, writable: true, configurable: true });
          return object;
        });
    }
    case 'array':
      return fc.array(valueFor(schema.items, depth + 1), { maxLength: depth < 2 ? 5 : 3 });
    case 'integer':
      return fc.integer({ min: (schema.minimum ?? 0) - 2, max: (schema.maximum ?? 40) + 2 });
    case 'number':
      return fc.oneof(fc.integer({ min: -1, max: 120 }), fc.double({ min: -1, max: 120, noNaN: true }));
    case 'boolean':
      return fc.boolean();
    case 'string':
      if (schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$')
        return fc.oneof(
          fc.constantFrom('2026-02-01', '2028-01-31', '2024-12-31', '2026-11-26'),
          fc.date({ noInvalidDate: true, min: new Date('1990-01-01'), max: new Date('2100-01-01') }).map((d) => d.toISOString().slice(0, 10)),
          hostile,
        );
      return fc.oneof({ arbitrary: word, weight: 5 }, { arbitrary: hostile, weight: 2 }, { arbitrary: fc.string({ maxLength: 20 }), weight: 1 });
    default:
      return anyScalar;
  }
}

/** How a value is written out. */
interface Style {
  flow: number;
  quote: 'plain' | 'double' | 'single';
  indent: number;
  comments: boolean;
  crlf: boolean;
  bom: boolean;
}

const style: fc.Arbitrary<Style> = fc.record({
  flow: fc.constantFrom(0, 0, 0.2, 0.6, 1),
  quote: fc.constantFrom('plain', 'plain', 'double', 'single'),
  indent: fc.constantFrom(2, 2, 2, 4, 1),
  comments: fc.boolean(),
  crlf: fc.oneof({ arbitrary: fc.constant(false), weight: 6 }, { arbitrary: fc.constant(true), weight: 1 }),
  bom: fc.oneof({ arbitrary: fc.constant(false), weight: 8 }, { arbitrary: fc.constant(true), weight: 1 }),
});

const PLAIN_SAFE = /^[A-Za-z][\w .()/'–-]*$/;
const RESOLVES =
  /^(true|false|yes|no|on|off|null|~|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$/;

function scalarText(value: unknown, s: Style, position: number): string {
  if (value === null || value === undefined) return position % 3 === 0 ? '' : 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = String(value);
  const quote =
    s.quote === 'plain' && PLAIN_SAFE.test(text) && !RESOLVES.test(text) && !/ #|: |\s$/.test(text)
      ? 'plain'
      : s.quote === 'single' && !/[\n\r\\\u0000-\u001f]/.test(text)
        ? 'single'
        : 'double';
  if (quote === 'plain') return text;
  if (quote === 'single') return `'${text.replace(/'/g, "''")}'`;
  return JSON.stringify(text);
}

/** YAML text for a value, block or flow style by the style's flow share; sometimes not quite valid. */
function toYaml(value: unknown, s: Style, indent: number, counter: { n: number }): string {
  const pad = ' '.repeat(indent);
  const flow = (v: unknown): string => {
    if (Array.isArray(v)) return `[${v.map(flow).join(', ')}]`;
    if (v && typeof v === 'object')
      return `{${Object.entries(v)
        .map(([k, x]) => `${scalarText(k, s, 1)}: ${flow(x)}`)
        .join(', ')}}`;
    return scalarText(v, s, counter.n++) || 'null';
  };
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if ((counter.n++ % 10) / 10 < s.flow) return flow(value);
    return (
      '\n' +
      value
        .map((item) => {
          const inner = toYaml(item, s, indent + s.indent, counter);
          if (inner.startsWith('\n')) {
            // A mapping item starts on the dash line: `- key: value`.
            const lines = inner.slice(1).split('\n');
            return `${pad}- ${nth(lines, 0).trimStart()}${lines.length > 1 ? '\n' + lines.slice(1).join('\n') : ''}`;
          }
          return `${pad}- ${inner}`;
        })
        .join('\n')
    );
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    if ((counter.n++ % 10) / 10 < s.flow) return flow(value);
    return (
      '\n' +
      entries
        .map(([k, v]) => {
          const inner = toYaml(v, s, indent + s.indent, counter);
          const comment = s.comments && counter.n++ % 7 === 0 ? `${pad}# ${k}\n` : '';
          return `${comment}${pad}${scalarText(k, s, 1)}:${inner.startsWith('\n') || inner === '' ? '' : ' '}${inner}`;
        })
        .join('\n')
    );
  }
  return scalarText(value, s, counter.n++);
}

function writeDocument(value: unknown, s: Style, json: boolean): string {
  let text = json ? JSON.stringify(value, null, s.indent) : toYaml(value, s, 0, { n: 0 }).replace(/^\n/, '') + '\n';
  if (s.crlf) text = text.replace(/\n/g, '\r\n');
  if (s.bom) text = '\ufeff' + text;
  return text;
}

const protocolValue = valueFor(SCHEMA, 0);

/** Offsets into a text: a few anywhere, plus the end. */
const offsetsFor = (text: string, picks: number[]): number[] => [
  ...new Set([...picks.map((p) => p % (text.length + 1)), text.length].map((o) => outsideCrlf(text, o))),
];

/** An editor has no position between the CR and the LF of a line break: ask where it could. */
function outsideCrlf(text: string, offset: number): number {
  return offset > 0 && text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10 ? offset - 1 : offset;
}
const picks = fc.array(fc.nat(), { minLength: 1, maxLength: 4 });

export const schemaDocument: fc.Arbitrary<FuzzCase> = fc
  .tuple(protocolValue, style, fc.oneof({ arbitrary: fc.constant(false), weight: 5 }, { arbitrary: fc.constant(true), weight: 1 }), picks)
  .map(([value, s, json, p]) => {
    const text = writeDocument(value, s, json);
    return {
      kind: json ? 'schema document (JSON)' : 'schema document (YAML)',
      text,
      fileName: json ? 'fuzz.roles.json' : 'fuzz.roles.yaml',
      offsets: offsetsFor(text, p),
    };
  });

/* ----------------------------------------------------------------------------
 * Mutated samples
 * ------------------------------------------------------------------------- */

type Mutation =
  | { op: 'delete' | 'duplicate'; line: number }
  | { op: 'swap'; line: number; other: number }
  | { op: 'indent'; line: number; by: number; tab: boolean }
  | { op: 'insert'; at: number; text: string }
  | { op: 'remove'; at: number; length: number }
  | { op: 'fragment'; line: number; fragment: string; indent: number }
  | { op: 'value'; line: number; value: string }
  | { op: 'crlf' | 'cr' | 'bom' | 'tabs' }
  | { op: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const), line: fc.nat() }), weight: 4 },
  { arbitrary: fc.record({ op: fc.constant('swap' as const), line: fc.nat(), other: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }), tab: fc.boolean() }), weight: 3 },
  {
    arbitrary: fc.record({
      op: fc.constant('insert' as const),
      at: fc.nat(),
      text: fc.oneof(
        fc.string({ unit: 'binary', maxLength: 8 }),
        fc.constantFrom(
          ':',
          '-',
          '[',
          ']',
          '{',
          '}',
          '"',
          "'",
          '#',
          '&a',
          '*a',
          '!',
          '|',
          '>',
          '\t',
          '\r',
          '\n',
          '\u0000',
          '\ufffd',
          '\ud800',
          '---\n',
          '  ',
          ', ',
        ),
      ),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ op: fc.constant('remove' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }), weight: 3 },
  {
    arbitrary: fc.record({
      op: fc.constant('fragment' as const),
      line: fc.nat(),
      fragment: fc.constantFrom(...HOSTILE_FRAGMENTS),
      indent: fc.constantFrom(0, 0, 2, 4),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('value' as const),
      line: fc.nat(),
      value: fc.oneof(hostile, fc.constantFrom(...IDS), fc.constantFrom(...VOCABULARY.map(String))),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ op: fc.constantFrom('crlf' as const, 'cr' as const, 'bom' as const, 'tabs' as const) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }), weight: 1 },
);

export function applyMutation(text: string, m: Mutation): string {
  const lines = text.split('\n'); // never empty: a text without a line break is one line
  const lineAt = (n: number) => n % lines.length;
  switch (m.op) {
    case 'delete':
      lines.splice(lineAt(m.line), 1);
      return lines.join('\n');
    case 'duplicate': {
      const i = lineAt(m.line);
      lines.splice(i, 0, nth(lines, i));
      return lines.join('\n');
    }
    case 'swap': {
      const [i, j] = [lineAt(m.line), lineAt(m.other)];
      [lines[i], lines[j]] = [nth(lines, j), nth(lines, i)];
      return lines.join('\n');
    }
    case 'indent': {
      const i = lineAt(m.line);
      const line = nth(lines, i);
      lines[i] = m.by >= 0 ? (m.tab ? '\t' : ' '.repeat(m.by)) + line : line.replace(new RegExp(`^ {0,${-m.by}}`), '');
      return lines.join('\n');
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'remove': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'fragment': {
      const i = lineAt(m.line);
      const pad = ' '.repeat(m.indent);
      lines.splice(
        i,
        0,
        ...m.fragment
          .replace(/\n$/, '')
          .split('\n')
          .map((l) => pad + l),
      );
      return lines.join('\n');
    }
    case 'value': {
      const i = lineAt(m.line);
      const line = nth(lines, i);
      const written = /^(\s*(?:-\s+)?[^:#]+:\s)/.exec(line);
      lines[i] = written ? nth(written, 1) + m.value : line + m.value;
      return lines.join('\n');
    }
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'cr':
      return text.replace(/\r?\n/g, '\r');
    case 'bom':
      return '\ufeff' + text;
    case 'tabs':
      return text.replace(/^( {2})+/gm, (s) => '\t'.repeat(s.length / 2));
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
  }
}

const sampleIndex = fc.nat({ max: SAMPLES.length - 1 });

export const mutatedSample: fc.Arbitrary<FuzzCase> = fc
  .tuple(sampleIndex, fc.array(mutation, { minLength: 1, maxLength: 4 }), picks)
  .map(([i, mutations, p]) => {
    const sample = nth(SAMPLES, i);
    const text = mutations.reduce(applyMutation, sample.text);
    return {
      kind: `mutated ${sample.name}: ${mutations.map((m) => m.op).join(', ')}`,
      text,
      fileName: /\.json$/.test(sample.name) ? 'fuzz.roles.json' : 'fuzz.roles.yaml',
      offsets: offsetsFor(text, p),
    };
  });

/* ----------------------------------------------------------------------------
 * Typing: prefixes of the samples
 * ------------------------------------------------------------------------- */

/** The text a person has typed so far: a prefix of a sample, completion asked at its end. */
export function prefixCase(sampleNumber: number, length: number, extra: number[] = []): FuzzCase {
  const sample = nth(SAMPLES, sampleNumber);
  const text = sample.text.slice(0, length);
  return {
    kind: `prefix of ${sample.name} (${length} of ${sample.text.length} characters)`,
    text,
    fileName: /\.json$/.test(sample.name) ? 'fuzz.roles.json' : 'fuzz.roles.yaml',
    offsets: offsetsFor(text, extra),
  };
}

export const samplePrefix: fc.Arbitrary<FuzzCase> = fc
  .tuple(sampleIndex, fc.nat(), fc.array(fc.nat(), { maxLength: 2 }))
  .map(([i, n, p]) => prefixCase(i, n % (nth(SAMPLES, i).text.length + 1), p));

/** How many prefixes there are in all: every prefix of every sample, the empty one once per sample. */
export const PREFIX_COUNT = SAMPLES.reduce((n, s) => n + s.text.length + 1, 0);

/* ----------------------------------------------------------------------------
 * Arbitrary text and bytes
 * ------------------------------------------------------------------------- */

export const randomText: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc.string({ unit: fc.constantFrom(...'abc:-[]{}"\'#&*!|> \t\n\r,?%@`\\'), maxLength: 400 }),
      fc.uint8Array({ maxLength: 600 }).map((bytes) => new TextDecoder('utf-8').decode(bytes)),
    ),
    fc.boolean(),
    picks,
  )
  .map(([body, header, p]) => {
    const text = header ? `format: role-protocol/1\n${body}` : body;
    return { kind: 'random text', text, fileName: 'fuzz.roles.yaml', offsets: offsetsFor(text, p) };
  });

/** Everything at once, weighted towards the cases closest to real editing. */
export const anyCase: fc.Arbitrary<FuzzCase> = fc.oneof(
  { arbitrary: mutatedSample, weight: 4 },
  { arbitrary: schemaDocument, weight: 3 },
  { arbitrary: samplePrefix, weight: 3 },
  { arbitrary: randomText, weight: 1 },
);
