import { lintText, type LintResult } from '../engine/lint';
import { allRules } from '../rules/index';
import { IncludeCache, type IncludeReader } from '../engine/includes';
import type { ProjectConfig } from '../config/config';
import { knowledgeFrom, type Knowledge } from '../language/knowledge';
import { createScanMemo, type ScanMemo } from '../language/cursorContext';
import type { Located } from '../language/navigate';
import { outlineWhileBroken } from '../language/brokenOutline';
import type { OutlineSymbol } from '../language/symbols';
import type { Protocol } from '../model/protocol';
import type { ParsedDocument, SourceLanguage } from '../parse/parseDocument';
import { LineIndex } from '../text/lineIndex';
import { documentKindOfText, isDataFile, type FileKind } from '../../shared/documentKinds';

/**
 * The project as the tool sees it: documents by id, their texts (from open
 * editors, or read through the file system the caller gives), what each one
 * read (its includes, found or not), and each one's last analysis. It does no
 * I/O of its own and knows nothing of LSP or the command line: the adapters
 * feed it changes and ask it questions, in ids, paths and offsets (the shape
 * of rust-analyzer's analysis host).
 *
 * An analysis is reused only while everything it was made from is the same:
 * the document's text, the settings (as a key), and the text of every file it
 * read, or the reason a file could not be read. Nothing is keyed by an
 * editor's version number, so a document re-opened or changed with the same
 * version is checked afresh when its text differs.
 */

/** Why a file could not be read. */
export type FileProblem = 'missing' | 'not-a-file' | 'too-large' | 'unreadable';

/** A file's text, or why there is none. */
export type FileRead = { text: string } | { problem: FileProblem; message: string };

/** The file system as the host needs it; the adapters give a disk one (`node/fileSystem.ts`). */
export interface ProjectFileSystem {
  /** A file's text as the tool reads documents: regular files only, within the size cap; never blocks on a pipe or a device. */
  readFile(file: string): FileRead;
  /**
   * A cheap mark of a file's state on disk (size and modification time):
   * when it differs from the mark of the last read, the file is read again,
   * so a client that sends no file events still sees changes. Optional: with
   * none, a read is kept until `filesChanged`.
   */
  stamp?(file: string): string;
  /**
   * The YAML and JSON files of the project's folders, for references and
   * rename from a catalogue into documents that are not open. Optional: the
   * CLI has no such question.
   */
  dataFiles?(): { files: string[]; truncated: boolean };
}

/** A document an adapter hands the host. */
export interface SourceDocument {
  /** The adapter's name for it: the language server uses the URI, the CLI the path. */
  id: string;
  /** Its file (absolute path), when it has one: includes are found relative to it. */
  file?: string;
  /** The name the kind is decided by (the file's base name, an untitled document's URI). */
  name: string;
  /** The editor's language, for a document whose name says nothing (untitled). */
  languageId?: string;
  text: string;
}

/** How a document is checked. */
export interface CheckSettings {
  config: ProjectConfig;
  /** Pins the date the review checks compare against. */
  today?: string;
  /**
   * Makes the include reader for a document, given the host's own reader
   * (open documents first, then the disk; every read is recorded, so a change
   * to any file read re-checks the document). Without it includes are not
   * followed.
   */
  includes?: (read: (file: string) => FileRead, from: SourceDocument) => IncludeReader;
  /** Everything above as a key: an analysis is reused only under the same key (see `settingsKey`). */
  key: string;
}

/** One pass over one text of a document, and what the features need from it. */
export interface Analysis {
  document: SourceDocument;
  /** The text analysed. */
  text: string;
  language: SourceLanguage;
  /** What the document was decided to be (`shared/documentKinds.ts`). */
  kind: FileKind | undefined;
  result: LintResult;
  /** The document's own ids and those of every catalogue it includes (marked with `file`). */
  located: Located[];
  /** The included catalogues' typed views, for hovers on ids defined there. */
  includedProtocols: Protocol[];
  /** Line index of an included file's text, to turn its offsets into positions. */
  linesOf(file: string): LineIndex | undefined;
}

/** A file read while checking a document: its text, or the reason it was not read. */
type Recorded = string | { problem: FileProblem; message: string };

interface CacheEntry {
  text: string;
  settingsKey: string;
  /** Every file the check read, in the order read. */
  reads: Map<string, Recorded>;
  /**
   * What the include reader answered for each include: whether a file may be
   * used depends on more than its text (where a link points), so the answers
   * are asked again before the analysis is reused.
   */
  includes: { includePath: string; fromFile: string | undefined; answer: string }[];
  analysis: Analysis;
}

/** The ids and places navigation works over, in offsets; the LSP layer turns them into URIs and ranges. */
export interface NavigationScope {
  located: Located[];
  /** Line indexes of the other files in scope, by path. */
  lines: Map<string, LineIndex>;
  /** The document (id) each other file in scope is, where it is one the host holds. */
  documents: Map<string, string>;
}

/** The settings key of a check with every rule off: for reading a document's ids and includes only. */
const STRUCTURE_ONLY = 'structure';
/** Disk reads kept; a read of a file dropped here is simply read again. */
const MAX_DISK_READS = 2000;
/** Closed documents' analyses kept (those asked for by tables, references and rename); the oldest go first. */
const MAX_CLOSED_ANALYSES = 200;

export class ProjectHost {
  /** Documents open in an editor (or given on standard input), by id. */
  private readonly open = new Map<string, SourceDocument>();
  /** Open documents by file, for reads of a file an editor has open. */
  private readonly openByFile = new Map<string, string[]>();
  /** Disk reads, kept until the adapter says the file changed or its stamp moves. */
  private readonly disk = new Map<string, { read: FileRead; stamp: string | undefined }>();
  private readonly analyses = new Map<string, CacheEntry>();
  /** The last parse of each document that read cleanly: the next check re-reads only what an edit changed. */
  private readonly lastParse = new Map<string, ParsedDocument>();
  /** What completion knows of each document: the ids of its last text that parsed. */
  private readonly knowledge = new Map<string, Knowledge>();
  private readonly scanMemos = new Map<string, ScanMemo>();
  /** The outline of each open document's last text that did not parse, kept for that text. */
  private readonly brokenOutlines = new Map<string, { text: string; symbols: OutlineSymbol[] }>();
  /** Catalogues parsed once per text, for every document that includes them. */
  private readonly includeCache = new IncludeCache();
  /** The document being checked right now: named if the process dies during it. */
  workingOn: string | undefined;

  constructor(
    private readonly fs: ProjectFileSystem,
    private readonly hooks: {
      checking?(document: SourceDocument): void;
      /** Keep what an editor needs between checks (the last parse, completion's knowledge); the CLI checks each file once and needs neither. */
      editorState?: boolean;
    } = {},
  ) {}

  // ---- changes ----

  /**
   * A document opened or changed in an editor. Returns the other documents
   * whose last check read this file with a different text: they need a
   * re-check (opening a catalogue with the text on disk changes nothing).
   */
  setDocument(document: SourceDocument): string[] {
    const before = this.open.get(document.id);
    if (before?.file && before.file !== document.file) this.unlinkFile(before.file, document.id);
    this.open.set(document.id, document);
    if (document.file) {
      // Two editors may hold one file under different URIs: the file is read from the last one opened that is still open.
      const ids = this.openByFile.get(document.file) ?? [];
      if (!ids.includes(document.id)) this.openByFile.set(document.file, [...ids, document.id]);
    }
    const file = document.file;
    if (!file) return [];
    // Only the documents that read another text of the file: opening a catalogue as it is on disk changes nothing.
    return this.dependentsOf(file, document.id).filter((id) => this.analyses.get(id)?.reads.get(file) !== document.text);
  }

  /** A document closed: its file is read from disk again. Returns the documents that read it. */
  closeDocument(id: string): string[] {
    const document = this.open.get(id);
    this.open.delete(id);
    this.analyses.delete(id);
    this.lastParse.delete(id);
    this.knowledge.delete(id);
    this.scanMemos.delete(id);
    this.brokenOutlines.delete(id);
    if (!document?.file) return [];
    this.unlinkFile(document.file, id);
    return this.readersOf([document.file], id);
  }

  /**
   * Files changed, appeared or went on disk. Returns the open documents whose
   * last check read (or looked for) any of them: they need a re-check.
   */
  filesChanged(files: readonly string[]): string[] {
    for (const file of files) this.disk.delete(file);
    return this.readersOf(files);
  }

  /** The open document with this id, if it is open. */
  openDocument(id: string): SourceDocument | undefined {
    return this.open.get(id);
  }

  /** The open document holding a file, if any. */
  openDocumentAt(file: string): SourceDocument | undefined {
    const id = this.openByFile.get(file)?.at(-1);
    return id === undefined ? undefined : this.open.get(id);
  }

  // ---- queries ----

  /**
   * A file's text as the checks see it: an open editor's, else the disk's
   * (read once until it changes).
   */
  read(file: string): FileRead {
    const open = this.openDocumentAt(file);
    if (open) return { text: open.text };
    const stamp = this.fs.stamp?.(file);
    const kept = this.disk.get(file);
    if (kept && kept.stamp === stamp) return kept.read;
    return this.keepDiskRead(file, this.fs.readFile(file), stamp);
  }

  /** Keeps a disk read for the next asker; the oldest read goes first (a long session reads many files once). */
  private keepDiskRead(file: string, read: FileRead, stamp: string | undefined): FileRead {
    this.disk.delete(file);
    if (this.disk.size >= MAX_DISK_READS) this.disk.delete(this.disk.keys().next().value as string);
    this.disk.set(file, { read, stamp });
    return read;
  }

  /**
   * The analysis of a document: an open one, or a file read through the file
   * system. Undefined when it is not one of the tool's documents (unless
   * `whatever` is set: the CLI checks a file it was given by name, to say
   * what it is not), or when a closed file cannot be read.
   */
  analysis(id: string, settings: CheckSettings, options: { whatever?: boolean } = {}): Analysis | undefined {
    const document = this.open.get(id) ?? this.closedDocument(id);
    if (!document) return undefined;
    const cached = this.analyses.get(id);
    if (
      cached &&
      cached.text === document.text &&
      cached.settingsKey === settings.key &&
      this.stillReads(cached.reads) &&
      this.stillIncludes(cached, settings, document)
    ) {
      if (!this.open.has(id)) this.touch(id, cached);
      return cached.analysis;
    }
    const early = documentKindOfText(document.name, document.text, document.languageId);
    if (!options.whatever && (early === undefined || early === 'configuration')) {
      // A plain YAML or JSON file is left alone unless it says it is a document; nothing is kept.
      this.analyses.delete(id);
      return undefined;
    }
    const reads = new Map<string, Recorded>();
    const recordingRead = (file: string): FileRead => {
      const read = this.read(file);
      if (!reads.has(file)) reads.set(file, 'text' in read ? read.text : { problem: read.problem, message: read.message });
      return read;
    };
    const includes: CacheEntry['includes'] = [];
    const inner = settings.includes?.(recordingRead, document);
    const readInclude: IncludeReader | undefined = inner
      ? (includePath, fromFile) => {
          const answer = inner(includePath, fromFile);
          includes.push({ includePath, fromFile, answer: includeAnswer(answer) });
          return answer;
        }
      : undefined;
    const language: SourceLanguage = languageOfDocument(document);
    this.workingOn = id;
    // Said before the work starts: if the process dies during it, the last line of the log names the document.
    this.hooks.checking?.(document);
    let result: LintResult;
    try {
      result = lintText(document.text, {
        fileName: document.file ?? document.name,
        language,
        config: settings.config,
        ...(settings.today ? { today: settings.today } : {}),
        ...(readInclude ? { readInclude } : {}),
        previous: this.lastParse.get(id),
        includeCache: this.includeCache,
      });
    } finally {
      this.workingOn = undefined;
    }
    const analysis = this.analysisOf(document, language, result);
    if (!options.whatever && !result.isProtocol) {
      this.analyses.delete(id);
      return undefined;
    }
    this.remember(id, { text: document.text, settingsKey: settings.key, reads, includes, analysis });
    return analysis;
  }

  /** The analysis kept for a document, whatever its settings: for features that need only its ids and includes. */
  lastAnalysis(id: string): Analysis | undefined {
    return this.analyses.get(id)?.analysis;
  }

  /** What completion knows of a document: the ids of its last text that parsed. */
  knowledgeOf(id: string): Knowledge {
    return this.knowledge.get(id) ?? { entities: [] };
  }

  /**
   * The outline of an analysed text that does not parse: the entries of the
   * document's last clean parse, or of the last such outline, that the edits
   * since left whole, or those read before the slip, whichever are more
   * (`language/brokenOutline.ts`).
   * Empty for a text that parsed (its outline comes from the analysis) or was
   * never parsed (too large, binary).
   */
  outlineWhileBroken(id: string, analysis: Analysis): OutlineSymbol[] {
    const { parsed } = analysis.result;
    const slip = parsed.problems.find((p) => p.ruleId === 'syntax');
    if (parsed.root || !slip) return [];
    const kept = this.brokenOutlines.get(id);
    if (kept?.text === analysis.text) return kept.symbols;
    const symbols = outlineWhileBroken(analysis.text, analysis.language, slip.start, { lastClean: this.lastParse.get(id), lastBroken: kept });
    if (this.open.has(id)) this.brokenOutlines.set(id, { text: analysis.text, symbols });
    return symbols;
  }

  /** Completion's saved scan states for a document (see `cursorContext`). */
  scanMemoOf(id: string): ScanMemo {
    let memo = this.scanMemos.get(id);
    if (!memo) this.scanMemos.set(id, (memo = createScanMemo()));
    return memo;
  }

  /** The documents (open or kept) whose last check read `file`, other than `except`. */
  dependentsOf(file: string, except?: string): string[] {
    const found: string[] = [];
    for (const [id, entry] of this.analyses) if (id !== except && entry.reads.has(file) && this.open.has(id)) found.push(id);
    return found;
  }

  /**
   * Documents on disk, not open, whose includes reach `file` (a register
   * reaches its protocols and their catalogues): what references and rename
   * from a catalogue or a protocol cover besides the open documents. Each is read and checked with every rule off (only its ids
   * and includes are wanted), with the shared include cache.
   */
  closedDependentsOf(file: string, settings: (document: SourceDocument) => CheckSettings): { analyses: Analysis[]; truncated: boolean } {
    const listed = this.fs.dataFiles?.() ?? { files: [], truncated: false };
    const analyses: Analysis[] = [];
    for (const candidate of listed.files) {
      if (candidate === file || this.openByFile.has(candidate)) continue;
      // Read past the cache: most files of a workspace include nothing, and none of them is kept.
      const stamp = this.fs.stamp?.(candidate);
      const read = this.fs.readFile(candidate);
      // Only a document that says `includes` can include anything (anywhere on a line: JSON may be minified),
      // and only a register reads a protocol.
      if (!('text' in read) || !(read.text.includes('includes') || documentKindOfText(candidate, read.text) === 'register')) continue;
      // This one is checked next: kept, so that the check does not read it again.
      this.keepDiskRead(candidate, read, stamp);
      const document = { id: candidate, file: candidate, name: candidate, text: read.text };
      const checked = settings(document);
      const analysis = this.analysis(candidate, { ...checked, config: structureOnly(checked.config), key: `${checked.key}\u0000${STRUCTURE_ONLY}` });
      if (analysis?.result.includes.some((f) => f.file === file)) analyses.push(analysis);
    }
    return { analyses, truncated: listed.truncated };
  }

  // ---- inside ----

  private unlinkFile(file: string, id: string): void {
    const ids = (this.openByFile.get(file) ?? []).filter((other) => other !== id);
    if (ids.length > 0) this.openByFile.set(file, ids);
    else this.openByFile.delete(file);
  }

  private closedDocument(id: string): SourceDocument | undefined {
    // A closed document's id is its path (the adapters name files that way).
    if (!isDataFile(id)) return undefined;
    const read = this.read(id);
    return 'text' in read ? { id, file: id, name: id, text: read.text } : undefined;
  }

  /** The include reader still gives every answer it gave (a file may be used, or not, for reasons beyond its text). */
  private stillIncludes(entry: CacheEntry, settings: CheckSettings, document: SourceDocument): boolean {
    if (entry.includes.length === 0) return true;
    const reader = settings.includes?.((file) => this.read(file), document);
    if (!reader) return false;
    return entry.includes.every(({ includePath, fromFile, answer }) => includeAnswer(reader(includePath, fromFile)) === answer);
  }

  private stillReads(reads: Map<string, Recorded>): boolean {
    for (const [file, recorded] of reads) {
      const now = this.read(file);
      if ('text' in now ? now.text !== recorded : typeof recorded === 'string' || recorded.message !== now.message) return false;
    }
    return true;
  }

  /** Open documents whose last check read any of `files`. */
  private readersOf(files: readonly string[], except?: string): string[] {
    const found = new Set<string>();
    for (const file of files) for (const id of this.dependentsOf(file, except)) found.add(id);
    return [...found];
  }

  private remember(id: string, entry: CacheEntry): void {
    const { result } = entry.analysis;
    if (this.open.has(id)) {
      if (this.hooks.editorState === false) {
        this.analyses.set(id, entry);
        return;
      }
      if (result.parsed.root && result.parsed.problems.every((p) => p.ruleId === 'duplicate-key')) this.lastParse.set(id, result.parsed);
      if (result.parsed.root && result.protocol) {
        // Only a text that parsed replaces what completion knows.
        const document = entry.analysis.document;
        const own = knowledgeFrom(result.protocol, result.ids);
        const fromIncludes = result.includes.map((f) => knowledgeFrom(f.protocol, f.ids, relativeName(document.file, f.file)));
        this.knowledge.set(id, { protocol: result.protocol, entities: [...own.entities, ...fromIncludes.flatMap((k) => k.entities)], kind: result.kind });
      }
      this.analyses.set(id, entry);
      return;
    }
    this.touch(id, entry);
    let closed = 0;
    for (const key of this.analyses.keys()) if (!this.open.has(key)) closed++;
    for (const key of this.analyses.keys()) {
      if (closed <= MAX_CLOSED_ANALYSES) break;
      if (!this.open.has(key)) {
        this.analyses.delete(key);
        closed--;
      }
    }
  }

  /** Moves a closed document's entry to the end: the oldest asked for goes first. */
  private touch(id: string, entry: CacheEntry): void {
    this.analyses.delete(id);
    this.analyses.set(id, entry);
  }

  private analysisOf(document: SourceDocument, language: SourceLanguage, result: LintResult): Analysis {
    const includedLines = new Map<string, LineIndex>();
    return {
      document,
      text: document.text,
      language,
      kind: result.fileKind,
      result,
      located: [...result.ids, ...result.includes.flatMap((f) => f.ids)],
      includedProtocols: result.includes.map((f) => f.protocol),
      linesOf: (file) => {
        let lines = includedLines.get(file);
        if (!lines) {
          const included = result.includes.find((f) => f.file === file);
          if (!included) return undefined;
          includedLines.set(file, (lines = new LineIndex(included.text)));
        }
        return lines;
      },
    };
  }
}

/**
 * The ids navigation works over: the document's own, those of the catalogues
 * it includes, and, for references and rename in a catalogue, those of the
 * documents that include it (`dependents`, open or on disk), with the
 * catalogues they include in turn.
 */
export function navigationScope(analysis: Analysis, dependents: readonly Analysis[] = []): NavigationScope {
  const located = [...analysis.located];
  const lines = new Map<string, LineIndex>();
  const documents = new Map<string, string>();
  for (const included of analysis.result.includes) {
    const index = analysis.linesOf(included.file);
    if (index) lines.set(included.file, index);
  }
  const covered = new Set([...(analysis.document.file ? [analysis.document.file] : []), ...lines.keys()]);
  for (const dependent of dependents) {
    const file = dependent.document.file;
    if (!file || covered.has(file)) continue;
    covered.add(file);
    lines.set(file, dependent.result.lines);
    documents.set(file, dependent.document.id);
    for (const o of dependent.result.ids) located.push({ ...o, file });
    for (const included of dependent.result.includes) {
      if (covered.has(included.file)) continue;
      covered.add(included.file);
      lines.set(included.file, dependent.linesOf(included.file) ?? new LineIndex(included.text));
      for (const o of included.ids) located.push(o);
    }
  }
  return { located, lines, documents };
}

/** An include reader's answer as one comparable string: the file used and a mark of its text, or why none. */
function includeAnswer(answer: ReturnType<IncludeReader>): string {
  return 'error' in answer ? `!${answer.error}` : `${answer.file}\u0000${answer.text.length}\u0000${answer.text.slice(0, 64)}`;
}

/** The settings as a cache key: two settings with the same key check a document the same way. */
export function settingsKey(config: ProjectConfig, ...more: unknown[]): string {
  const rules = [...config.rules].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([rules, config.maxFileSizeKb ?? null, config.register ?? null, ...more]);
}

/** JSON by name, or by language for a document without one; YAML otherwise. */
function languageOfDocument(document: SourceDocument): SourceLanguage {
  const name = document.file ?? document.name;
  if (/\.jsonc?$/i.test(name)) return 'json';
  if (/\.ya?ml$/i.test(name)) return 'yaml';
  return document.languageId === 'json' || document.languageId === 'jsonc' ? 'json' : 'yaml';
}

/** Every rule off, the size limit kept: a check for ids and includes only. */
function structureOnly(config: ProjectConfig): ProjectConfig {
  return { rules: new Map([...ALL_OFF]), ...(config.maxFileSizeKb !== undefined ? { maxFileSizeKb: config.maxFileSizeKb } : {}) };
}

const ALL_OFF: ReadonlyMap<string, 'off'> = new Map(allRules.map((rule) => [rule.id, 'off'] as const));

/** An included file's name as completion shows it: relative to the including document where both are files. */
function relativeName(from: string | undefined, file: string): string {
  if (!from) return baseName(file);
  const a = from.split(/[\\/]/).slice(0, -1);
  const b = file.split(/[\\/]/);
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
