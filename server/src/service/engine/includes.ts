import { languageOf, parseDocument } from '../parse/parseDocument';
import { baseName } from '../util/text';
import { toValue } from '../parse/toValue';
import { buildProtocol, type Protocol } from '../model/protocol';
import { collectIds, type IdOccurrence } from '../model/ids';
import { decideKind } from './documentKind';
import type { DocumentKind } from '../schema/schema';

/** What the host hands back for an include: the file's text, or why it cannot. */
export type IncludeRead = { file: string; text: string } | { error: string };

/**
 * Reads an included file. The host (CLI, language server) decides where a
 * relative path points and what may be read; the service never touches disk.
 */
export type IncludeReader = (includePath: string, fromFile: string | undefined) => IncludeRead;

/** A catalogue brought in by `includes`, directly or through another catalogue. */
export interface IncludedFile {
  file: string;
  text: string;
  kind: DocumentKind;
  protocol: Protocol;
  /** Its id definitions and references, each marked with `file`. */
  ids: IdOccurrence[];
}

/** A problem with the document's include number `index`, said on that line. */
export interface IncludeProblem {
  index: number;
  message: string;
  /** Where to say it when not on `includes[index]`: a register's `protocol`. */
  path?: (string | number)[];
}

/** Catalogues may include catalogues; past this depth something is wrong. */
const MAX_DEPTH = 16;

/**
 * Follows a document's includes, depth first, reading each file once. A
 * missing file, a file that does not parse or is not a catalogue, and a
 * circle back to a file already on the way are problems of the top-level
 * include that led there.
 */
export function resolveIncludes(
  mainFile: string | undefined,
  includes: readonly string[],
  read: IncludeReader,
  cache?: IncludeCache,
): { files: IncludedFile[]; problems: IncludeProblem[] } {
  const files: IncludedFile[] = [];
  const problems: IncludeProblem[] = [];
  const loaded = new Set<string>();
  const visit = (includePath: string, fromFile: string | undefined, chain: string[], index: number, depth: number): void => {
    const result = read(includePath, fromFile);
    const via =
      chain.length > 1
        ? ` (through ${chain
            .slice(1)
            .map((f) => `\`${baseName(f)}\``)
            .join(' → ')})`
        : '';
    if ('error' in result) {
      problems.push({ index, message: `Cannot include \`${includePath}\`${via}: ${result.error}` });
      return;
    }
    const file = result.file;
    if (chain.includes(file)) {
      const circle = [...chain.slice(chain.indexOf(file)), file].map((f) => `\`${baseName(f)}\``).join(' → ');
      problems.push({ index, message: `Circular include: ${circle}. A catalogue must not include, directly or not, a file that includes it.` });
      return;
    }
    if (loaded.has(file)) return;
    loaded.add(file);
    if (depth > MAX_DEPTH) {
      problems.push({ index, message: `Includes are nested more than ${MAX_DEPTH} deep at \`${baseName(file)}\`; flatten the catalogues.` });
      return;
    }
    const catalogue = readIncluded(file, result.text, cache);
    if (catalogue.outcome === 'syntax') {
      problems.push({ index, message: `The included file \`${baseName(file)}\`${via} cannot be read: line ${catalogue.line}: ${catalogue.message}` });
      return;
    }
    const kind = catalogue.outcome === 'read' ? catalogue.included.kind : catalogue.outcome === 'too-large' ? catalogue.kind : undefined;
    if (catalogue.outcome === 'not-ours' || (kind !== undefined && kind !== 'catalogue')) {
      problems.push({
        index,
        message: `\`${baseName(file)}\`${via} is not a department catalogue: give it \`format: role-catalogue/1\` and only roles, skills, methods, records and sites.`,
      });
      return;
    }
    if (catalogue.outcome === 'too-large') {
      problems.push({
        index,
        message: `The included file \`${baseName(file)}\`${via} expands beyond the size or nesting limit through its aliases, so it is not read.`,
      });
      return;
    }
    const { protocol } = catalogue.included;
    files.push(catalogue.included);
    for (const nested of protocol.includes) visit(nested, file, [...chain, file], index, depth + 1);
  };
  includes.forEach((includePath, index) => visit(includePath, mainFile, mainFile ? [mainFile] : [], index, 1));
  return { files, problems };
}

/**
 * What reading one included file's text gave, whoever reads it: a
 * catalogue included by protocols, or a protocol a register names. The kind
 * is the file's own (its name and `format`), so one read serves both.
 */
export type IncludedRead =
  | { outcome: 'read'; included: IncludedFile }
  | { outcome: 'syntax'; line: number; message: string }
  | { outcome: 'not-ours' }
  | { outcome: 'too-large'; kind: DocumentKind };

/**
 * Catalogues read, by file, with the text they were read from. Many
 * protocols include one catalogue: with a cache shared between their checks
 * (the language server's workspace, one CLI run) it is parsed once per
 * version of its text instead of once per protocol. What is kept is never
 * changed by a check, so every protocol can share it.
 */
export class IncludeCache {
  private readonly entries = new Map<string, { text: string; read: IncludedRead }>();

  constructor(private readonly maxFiles = 1000) {}

  get(file: string, text: string): IncludedRead | undefined {
    const entry = this.entries.get(file);
    return entry && entry.text === text ? entry.read : undefined;
  }

  set(file: string, text: string, read: IncludedRead): void {
    this.entries.delete(file);
    // The oldest file goes first; a workspace rarely has more catalogues than this.
    if (this.entries.size >= this.maxFiles) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(file, { text, read });
  }
}

/** An included file's text read (parsed, its kind decided, its model built), once per text with a cache. What it gives is never changed by a check. */
export function readIncluded(file: string, text: string, cache: IncludeCache | undefined): IncludedRead {
  const known = cache?.get(file, text);
  if (known) return known;
  const read = readIncludedText(file, text);
  cache?.set(file, text, read);
  return read;
}

function readIncludedText(file: string, text: string): IncludedRead {
  const parsed = parseDocument(text, languageOf(file));
  const syntax = parsed.problems.find((p) => p.ruleId === 'syntax');
  if (!parsed.root || syntax) {
    const line = syntax ? text.slice(0, syntax.start).split('\n').length : 1;
    return { outcome: 'syntax', line, message: syntax?.message ?? 'it is empty.' };
  }
  const kind = decideKind(file, parsed.root, text);
  if (kind !== 'catalogue' && kind !== 'protocol') return { outcome: 'not-ours' };
  let data: unknown;
  try {
    data = toValue(parsed.root, parsed.anchors);
  } catch {
    return { outcome: 'too-large', kind };
  }
  const protocol = buildProtocol(data);
  for (const entry of [
    ...protocol.roles,
    ...protocol.skills,
    ...protocol.methods,
    ...protocol.records,
    ...protocol.sites,
    ...protocol.document.references,
    ...protocol.workflow,
  ])
    entry.file = file;
  return { outcome: 'read', included: { file, text, kind, protocol, ids: collectIds(parsed.root, kind, file) } };
}

/** Adds the included catalogues' entries to the document's indexes, where the document does not define them itself. */
export function mergeIncluded(protocol: Protocol, files: readonly IncludedFile[]): void {
  for (const { protocol: included } of files) {
    for (const [target, source] of [
      [protocol.roleById, included.roleById],
      [protocol.skillById, included.skillById],
      [protocol.methodById, included.methodById],
      [protocol.recordById, included.recordById],
      [protocol.siteById, included.siteById],
      [protocol.referenceById, included.referenceById],
    ] as [Map<string, unknown>, Map<string, unknown>][]) {
      for (const [id, entry] of source) if (!target.has(id)) target.set(id, entry);
    }
  }
}
