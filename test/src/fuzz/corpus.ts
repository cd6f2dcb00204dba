/**
 * What the fuzzers build documents from: the samples (good and broken), the
 * schema's vocabulary, the ids the samples use, and values chosen to hurt
 * (markup, formulas, control characters, YAML syntax inside text).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');
export const SAMPLES_DIR = path.join(ROOT, 'samples');

export interface Sample {
  /** Path relative to samples/. */
  name: string;
  file: string;
  text: string;
}

function sampleFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? sampleFiles(path.join(dir, entry.name)) : /\.(ya?ml|json)$/.test(entry.name) ? [path.join(dir, entry.name)] : [],
    )
    .sort();
}

/** Every sample protocol and catalogue, YAML and JSON. */
export const SAMPLES: readonly Sample[] = sampleFiles(SAMPLES_DIR).map((file) => ({
  name: path.relative(SAMPLES_DIR, file),
  file,
  text: fs.readFileSync(file, 'utf8'),
}));

/** A JSON Schema node, as much of it as the generator reads. */
export interface SchemaNode {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  'x-idKind'?: string;
  'x-refKind'?: string;
  $defs?: Record<string, SchemaNode>;
}

export const SCHEMA: SchemaNode = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/role-protocol.schema.json'), 'utf8'));

/** Follows `$ref`s to the node that says what a value is. */
export function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  for (let guard = 0; current?.$ref && guard < 20; guard++) {
    const name = current.$ref.replace('#/$defs/', '');
    const target = SCHEMA.$defs?.[name];
    // Keep the annotations of the referring node (x-refKind sits beside the $ref).
    current = target ? { ...target, ...withoutRef(current) } : undefined;
  }
  return current;
}

function withoutRef(node: SchemaNode): SchemaNode {
  const { $ref: _ref, ...rest } = node;
  return rest;
}

/** Ids written in the samples, by what they name: a generated reference often hits one. */
export const IDS: readonly string[] = [
  ...new Set(
    SAMPLES.flatMap((s) =>
      [...s.text.matchAll(/\b(?:id|skill|signOff|approvedBy|role):\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*$/gm)].flatMap((m) => (m[1] === undefined ? [] : [m[1]])),
    ),
  ),
].sort();

/** Every key the schema names, for keys in the wrong place. */
export const KEYS: readonly string[] = (() => {
  const keys = new Set<string>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.properties && typeof n.properties === 'object') for (const k of Object.keys(n.properties)) keys.add(k);
    for (const v of Object.values(n)) walk(v);
  };
  walk(SCHEMA);
  return [...keys].sort();
})();

/** Every enumerated value of the schema (activities, staff groups, bands, ...). */
export const VOCABULARY: readonly unknown[] = (() => {
  const values: unknown[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (Array.isArray(n.enum)) values.push(...n.enum);
    for (const v of Object.values(n)) walk(v);
  };
  walk(SCHEMA);
  return [...new Set(values)];
})();

/** Text values meant to break something downstream: markup, formulas, YAML and JSON syntax, odd characters. */
export const HOSTILE_TEXT: readonly string[] = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  '"><svg onload=alert(3)>',
  "'; DROP TABLE roles; --",
  '=SUM(A1:A9)',
  '+cmd|" /C calc"!A0',
  '-1+1',
  '@SUM(1)',
  '\t=1',
  'a | b | c',
  'line one\nline two',
  'back\\slash\\|pipe',
  '{{constructor.constructor("return this")()}}',
  '${process.exit(1)}',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  '[1, 2',
  '{a: b',
  '*alias',
  '&anchor',
  '!!js/function "function(){}"',
  '--- ',
  '...',
  '# not a comment',
  'key: value',
  '- item',
  '%YAML 1.2',
  '?',
  ':',
  '|',
  '>',
  '"unterminated',
  "'unterminated",
  'naïve café – Ü 😀 \u{1F9EA}',
  '\u200b\u200e\u202e reversed',
  // Hidden characters (bidi-control, invisible-character) and look-alike ids.
  'Physicist \u2067\u202eRLO\u2069 \u00adsoft \u2060 \ufe0f\ufe0f',
  'adap\u200dter',
  '\u0430dapter',
  'Adapter\u{E0041}\u{E0042} \u{1F3F4}\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}',
  // Markdown that would fetch an image or run a command where a hover renders it.
  '![t](https://example.invalid/track.png)',
  '[x](command:workbench.action.terminal.new) <https://example.invalid> `',
  '\u0007bell\u001b[31mred',
  // What a terminal would obey in a report: an OSC retitle, C1 CSI and NEL, DEL, isolates, a tag character.
  '\u001b]0;all clear\u0007\u009b2J\u0085\u007f',
  '\u2066isolate\u2069 \u061c\u200f \u{E0041}',
  '\ufffd',
  '\ud800',
  '\ufeff',
  ' leading and trailing ',
  '',
  'x'.repeat(300),
  'role-protocol/1',
  'role-catalogue/1',
  '1.2',
  '0x1F',
  '1e3',
  '.inf',
  'NaN',
  'null',
  '~',
  'yes',
  'off',
  '2026-02-30',
  '9999-99-99',
  '8a',
  '-0',
];

/** Fragments spliced into documents: each is a known way to hurt a YAML reader. */
export const HOSTILE_FRAGMENTS: readonly string[] = [
  // billion laughs, bounded so the case is quick when the budget works
  billionLaughs(9, 9),
  billionLaughs(10, 7),
  'a: &a [' + Array(50).fill('x').join(',') + ']\nb: &b [' + Array(50).fill('*a').join(',') + ']\nc: [' + Array(50).fill('*b').join(',') + ']\n',
  // aliases nested through each other
  Array.from({ length: 60 }, (_, i) => (i === 0 ? 'k0: &a0 x' : `k${i}: &a${i} ${'['.repeat(40)}*a${i - 1}${']'.repeat(40)}`)).join('\n') + '\n',
  // recursive alias, alias to nothing, anchor redefined
  'a: &a\n  b: *a\n',
  'x: *nothing\n',
  'a: &a 1\nb: &a [*a]\nc: *a\n',
  // nesting
  'deep: ' + '['.repeat(150) + ']'.repeat(150) + '\n',
  'deep: ' + '{a: '.repeat(150) + '1' + '}'.repeat(150) + '\n',
  Array.from({ length: 130 }, (_, i) => ' '.repeat(i) + 'k:').join('\n') + '\n',
  Array.from({ length: 130 }, (_, i) => ' '.repeat(i * 2) + '-').join('\n') + '\n',
  // documents and directives
  '---\nformat: role-protocol/1\n---\nroles: []\n',
  '...\n',
  '%YAML 1.2\n---\n',
  '%TAG ! tag:example.org,2000:\n---\n',
  // tags
  'document: !!js/function "function () { globalThis.__fuzzPwned = true }"\n',
  'roles: !!js/regexp /x/\n',
  'roles: !!python/object:os.system ["echo pwned"]\n',
  'workflow: !custom\n  - id: x\n',
  'skills: !!binary aGVsbG8=\n',
  'x: !<tag:yaml.org,2002:str> 1\n',
  // keys that name prototypes
  '__proto__: {polluted: true}\n',
  'constructor: {prototype: {polluted: true}}\n',
  'roles:\n  - __proto__: {polluted: true}\n    id: proto\n',
  '"__proto__": [1]\n',
  'hasOwnProperty: 1\ntoString: 2\nvalueOf: 3\n',
  // keys that are not text
  '? [a, b]\n: c\n',
  '? {a: 1}\n: c\n',
  '*a : b\n',
  '1: one\ntrue: yes\nnull: nothing\n',
  // merge key, complex keys, long keys
  'base: &base {id: x}\nderived:\n  <<: *base\n',
  '? ' + 'k'.repeat(2000) + '\n: v\n',
  // whitespace
  '\tid: tab\n',
  'roles:\n\t- id: tab\n',
  'a: b\r\nc: d\r\n',
  'a: b\rc: d\r',
  '\ufeffformat: role-protocol/1\n',
  'a: \u00a0b\n',
  // characters
  'a: \u0000\n',
  'a: \u0001\u0002\u007f\n',
  'a: "\\u0000"\n',
  'a: \ufffd\ufffd\n',
  'a: \ud800\n',
  'a: "\\ud800"\n',
  'x: ' + '\u{1F600}'.repeat(200) + '\n',
  // hidden characters by the thousand: in a comment, as tags, as escapes (each rule reports 100, counting the rest)
  '# ' + 'a #\u200b\u202e'.repeat(5000) + '\n',
  'x: "a' + '\u{E0041}'.repeat(5000) + '"\n',
  'x: "' + '\\u202E\\uDB40\\uDC41'.repeat(3000) + '"\n',
  // block scalars
  'notes: |\n  one\n   two\n  three\n',
  'notes: >-\n\n\n',
  'notes: |9\n x\n',
  'notes: |\n',
  // flow collections left open or broken
  'roles: [',
  'roles: [{id: x, title: ',
  'roles: {',
  'a: "\\x',
  "a: 'it''s",
  // a very long line and a very long scalar
  'long: ' + 'word '.repeat(4000) + '\n',
  'x'.repeat(10_000) + '\n',
  // comments and directives for the linter itself
  '# role-protocols-disable-next-line\n',
  '# role-protocols-disable-next-line no-such-rule, syntax -- reason\n',
  '#role-protocols-disable-next-line ' + 'r,'.repeat(500) + '\n',
  // includes pointing anywhere
  'includes: [../../../../etc/passwd, /etc/hosts, "C:\\\\Windows\\\\win.ini", "\\\\\\\\server\\\\share\\\\x.yaml", "file:///etc/passwd", "https://example.org/x.yaml", ""]\n',
  // JSON in YAML
  '{"format": "role-protocol/1", "roles": [{"id": "a"}],}\n',
];

/** A document whose aliases expand to `width^levels` values. */
export function billionLaughs(width: number, levels: number): string {
  const lines = [`l0: &l0 [${Array(width).fill('"lol"').join(', ')}]`];
  for (let i = 1; i < levels; i++)
    lines.push(
      `l${i}: &l${i} [${Array(width)
        .fill(`*l${i - 1}`)
        .join(', ')}]`,
    );
  lines.push(`bomb: *l${levels - 1}`);
  return lines.join('\n') + '\n';
}
