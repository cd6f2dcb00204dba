import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintText, type LintResult } from '../service/engine/lint';
import { allRules } from '../service/rules/index';
import { IncludeCache, type IncludeReader } from '../service/engine/includes';
import { knowledgeFrom, type Knowledge } from '../service/language/knowledge';
import { createScanMemo, type ScanMemo } from '../service/language/cursorContext';
import type { Located } from '../service/language/navigate';
import type { Protocol } from '../service/model/protocol';
import type { ParsedDocument, SourceLanguage } from '../service/parse/parseDocument';
import { LineIndex } from '../service/text/lineIndex';
import { CONFIG_FILE_NAMES, emptyConfig, type ProjectConfig } from '../service/config/config';
import { ConfigResolver } from '../node/config';
import { fileIncludeReader } from '../node/includes';
import { dataFilesUnder, FORMAT_HINT, PROTOCOL_FILE_NAME } from '../node/walk';
import { readTextFile } from '../node/read';
import { effectiveConfig, type Settings } from './settings';
import { uriBaseName, uriToPath, pathToUri } from './uris';

/** One pass over one version of an open document, and what the features need from it. */
export interface Analysis {
  uri: string;
  version: number;
  /** The text analysed (the open document may have moved on since). */
  text: string;
  /** The file on disk, for `file:` documents. */
  file?: string;
  language: SourceLanguage;
  result: LintResult;
  /** The document's own ids and those of every catalogue it includes (marked with `file`). */
  located: Located[];
  /** The included catalogues' typed views, for hovers on ids defined there. */
  includedProtocols: Protocol[];
  /** Line index of an included file's text, to turn its offsets into positions. */
  linesOf(file: string): LineIndex | undefined;
}

/** Where the server gets a document's editor settings (the client's configuration, or the defaults). */
export interface SettingsSource {
  settingsFor(uri: string): Promise<Settings>;
}

export interface Logger {
  /** The lowest level: the trail of what the server is doing (the output channel keeps it). */
  log?(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** File names that make a document a protocol or catalogue whatever it says. */
const PROTOCOL_NAME = /\.(roles|catalogue)\.(ya?ml|json)$/i;
/** Cheap test before parsing a YAML file that might declare the format. */
const MENTIONS_FORMAT = /role-(protocol|catalogue)\//;
/** The declaration on a line of its own, for a document that does not parse right now. */
const FORMAT_LINE = /^[ \t{]*["']?format["']?[ \t]*:[ \t]*["']?role-(protocol|catalogue)\//m;
const YAML_OR_JSON_NAME = /\.(ya?ml|json|jsonc)$/i;
const YAML_OR_JSON_LANGUAGE = new Set(['yaml', 'json', 'jsonc']);
/** A configuration with every rule off: for reading a document's ids and includes only. */
const NO_RULES: ProjectConfig = { rules: new Map(allRules.map((rule) => [rule.id, 'off'] as const)) };
/** Files larger than this are passed over when looking on disk for protocols that include a catalogue. */
const MAX_SCANNED_FILE_BYTES = 2 * 1024 * 1024;
/** An analysis slower than this is logged as a warning, with the document. */
const SLOW_ANALYSIS_MS = 2000;

interface CacheEntry {
  version: number;
  generation: number;
  /** null: the document is not a protocol (or its analysis failed); it gets nothing. */
  analysis: Analysis | null;
}

/**
 * The server's state: the open documents, each one's analysis cached by
 * version, the last knowledge that parsed (so completion works mid-edit), the
 * include graph (which open documents read which catalogue files), and the
 * project configuration per folder.
 */
export class ProtocolWorkspace {
  readonly documents = new TextDocuments(TextDocument);
  private folders: string[] = [];
  private readonly cache = new Map<string, CacheEntry>();
  private readonly knowledge = new Map<string, Knowledge>();
  /** Catalogues parsed once per version of their text, for every open document that includes them. */
  private readonly includeCache = new IncludeCache();
  /** Completion's saved scan states, per document (see `cursorContext`). */
  private readonly scanMemos = new Map<string, ScanMemo>();
  /** The last parse of each document that read cleanly: the next check re-reads only what an edit changed. */
  private readonly lastParse = new Map<string, ParsedDocument>();
  /** Document URI to the files (absolute paths) it includes, directly or not, with the text read, as of its last analysis. */
  private readonly includeGraph = new Map<string, Map<string, string>>();
  private configs = new ConfigResolver();
  /** Bumped when settings or configuration change: every cached analysis is then stale. */
  private generation = 0;
  private readonly today: string | undefined;

  constructor(
    private readonly settings: SettingsSource,
    private readonly log: Logger,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    // As in the CLI, ROLE_PROTOCOLS_TODAY pins the date the review checks use (tests, demos).
    this.documents.onDidOpen(() => (this.openPaths = undefined));
    this.documents.onDidClose(() => (this.openPaths = undefined));
    const pinned = env.ROLE_PROTOCOLS_TODAY;
    this.today = pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned) ? pinned : undefined;
  }

  /** The document being analysed right now, if any: named if the process fails during it. */
  get workingOn(): string | undefined {
    return this.current;
  }

  private current: string | undefined;

  /** The workspace folders (absolute paths): includes may only come from inside them. */
  setFolders(folders: string[]): void {
    this.folders = folders.map((f) => path.resolve(f));
    this.invalidateAll();
  }

  get workspaceFolders(): readonly string[] {
    return this.folders;
  }

  /** Forget every analysis (settings or configuration changed). */
  invalidateAll(): void {
    this.generation++;
    this.cache.clear();
    this.realPaths.clear();
  }

  invalidate(uri: string): void {
    this.cache.delete(uri);
  }

  /** A configuration file changed, appeared or went: read them afresh. */
  configurationChanged(): void {
    this.configs = new ConfigResolver();
    this.invalidateAll();
  }

  /** A document was closed: drop what was kept for it. */
  forget(uri: string): void {
    this.cache.delete(uri);
    this.knowledge.delete(uri);
    this.includeGraph.delete(uri);
    this.lastParse.delete(uri);
    this.scanMemos.delete(uri);
  }

  /**
   * Open documents that include `file`, directly or through another
   * catalogue. Given the file's new text, only those that read something else.
   */
  dependentsOf(file: string, text?: string): string[] {
    const target = path.resolve(file);
    return [...this.includeGraph].filter(([, files]) => files.has(target) && (text === undefined || files.get(target) !== text)).map(([uri]) => uri);
  }

  /**
   * Protocols and catalogues on disk in the workspace folders, not open in
   * the editor, whose includes reach `file`: what references and rename from
   * a catalogue must cover besides the open documents. Read and checked when
   * asked (a user's request, not every keystroke), with the shared include
   * cache, so the catalogue itself is read once.
   */
  async closedDependentsOf(file: string, uri: string): Promise<{ file: string; uri: string; result: LintResult }[]> {
    const target = path.resolve(file);
    const settings = await this.settings.settingsFor(uri);
    const seen = new Set<string>();
    const found: { file: string; uri: string; result: LintResult }[] = [];
    for (const folder of this.folders) {
      const { files, truncated } = dataFilesUnder(folder);
      if (truncated)
        this.log.warn(
          `role-protocols: ${folder} holds more than ${files.length} YAML and JSON files; references and rename from ${path.basename(file)} looked only in the first ${files.length} (in name order).`,
        );
      for (const at of files) {
        if (at === target || seen.has(at) || this.openDocumentAt(at)) continue;
        seen.add(at);
        let text: string;
        try {
          text = readTextFile(at, MAX_SCANNED_FILE_BYTES);
        } catch {
          continue; // too large or unreadable: not a protocol anyone includes from
        }
        if (!PROTOCOL_FILE_NAME.test(at) && !FORMAT_HINT.test(text)) continue;
        // Only a document that says `includes` can include anything (anywhere on a line: JSON may be minified).
        if (!text.includes('includes')) continue;
        // Only its ids and includes are wanted: no rule is run.
        const result = lintText(text, { fileName: at, config: NO_RULES, readInclude: this.includeReader(at, settings), includeCache: this.includeCache });
        if (result.includes.some((f) => path.resolve(f.file) === target)) found.push({ file: at, uri: pathToUri(at), result });
      }
    }
    return found;
  }

  /** Open documents that have an `includes` list: a file appearing or going may change them. */
  documentsWithIncludes(): string[] {
    const uris: string[] = [];
    for (const [uri, entry] of this.cache) if (entry.analysis?.result.protocol?.includes.length) uris.push(uri);
    for (const uri of this.includeGraph.keys()) if (!uris.includes(uri)) uris.push(uri);
    return uris;
  }

  /** The open document at a path, if any. */
  openDocumentAt(file: string): TextDocument | undefined {
    if (!this.openPaths) {
      // Built once per set of open documents, not once per include read: a workspace may have hundreds open.
      this.openPaths = new Map();
      for (const uri of this.documents.keys()) {
        const p = uriToPath(uri);
        if (p) this.openPaths.set(p, uri);
      }
    }
    const uri = this.openPaths.get(path.resolve(file));
    return uri ? this.documents.get(uri) : undefined;
  }

  /** Open documents by path; dropped when a document opens or closes. */
  private openPaths: Map<string, string> | undefined;

  /** The URI to give the client for a file: the open document's own URI where there is one. */
  uriFor(file: string): string {
    return this.openDocumentAt(file)?.uri ?? pathToUri(file);
  }

  /**
   * What completion needs, without waiting for a check of the text being
   * typed: the document's current text, if an earlier version was a protocol.
   * Completion reads the cursor's place from the text and the ids from the
   * last version that parsed, so it never needs the new version's findings.
   */
  async completionSource(uri: string): Promise<{ document: TextDocument; language: SourceLanguage; memo: ScanMemo } | undefined> {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const known = this.cache.get(uri);
    const analysis = known?.analysis && known.generation === this.generation ? known.analysis : await this.analysis(uri);
    if (!analysis) return undefined;
    let memo = this.scanMemos.get(uri);
    if (!memo) this.scanMemos.set(uri, (memo = createScanMemo()));
    // The document as it is now (it may have changed while an analysis ran).
    const current = this.documents.get(uri);
    return current ? { document: current, language: analysis.language, memo } : undefined;
  }

  /** The last ids and names known for a document, from the last text of it that parsed. */
  knowledgeOf(uri: string): Knowledge {
    return this.knowledge.get(uri) ?? { entities: [] };
  }

  /**
   * The analysis of the open document's current version, computed on first
   * ask and cached. Undefined for a document that is not a protocol, is not
   * open, or whose analysis failed (that is logged; the others carry on).
   */
  async analysis(uri: string): Promise<Analysis | undefined> {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const cached = this.cache.get(uri);
    if (cached && cached.version === document.version && cached.generation === this.generation) return cached.analysis ?? undefined;
    const generation = this.generation;
    const settings = await this.settings.settingsFor(uri);
    // The document may have changed or closed while the settings were fetched: analyse what is there now.
    const current = this.documents.get(uri);
    if (!current) return undefined;
    const again = this.cache.get(uri);
    if (again && again.version === current.version && again.generation === this.generation) return again.analysis ?? undefined;
    let analysis: Analysis | null = null;
    const started = Date.now();
    try {
      analysis = this.analyse(current, settings);
    } catch (error) {
      this.log.error(`role-protocols: analysing ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } finally {
      this.current = undefined;
    }
    const took = Date.now() - started;
    if (took > SLOW_ANALYSIS_MS) this.log.warn(`role-protocols: checking ${uri} (version ${current.version}) took ${took} ms.`);
    if (generation === this.generation) this.cache.set(uri, { version: current.version, generation, analysis });
    return analysis ?? undefined;
  }

  private analyse(document: TextDocument, settings: Settings): Analysis | null {
    const uri = document.uri;
    const text = document.getText();
    const file = uriToPath(uri);
    const name = file ? path.basename(file) : uriBaseName(uri);
    const named = PROTOCOL_NAME.test(name);
    if (!named) {
      // A plain YAML or JSON file is left alone unless it says it is a protocol.
      const yamlOrJson = YAML_OR_JSON_LANGUAGE.has(document.languageId) || YAML_OR_JSON_NAME.test(name);
      if (!yamlOrJson || !MENTIONS_FORMAT.test(text)) {
        this.includeGraph.delete(uri);
        return null;
      }
    }
    const language: SourceLanguage =
      /\.json$/i.test(name) || (!/\.ya?ml$/i.test(name) && (document.languageId === 'json' || document.languageId === 'jsonc')) ? 'json' : 'yaml';
    const project = this.projectConfig(file);
    // Said before the work starts: if the process dies during it (out of memory, a crash the
    // client restarts), the last line of the log names the document that did it.
    this.current = uri;
    this.log.log?.(`role-protocols: checking ${uri} (version ${document.version})`);
    const result = lintText(text, {
      fileName: file ?? name,
      language,
      // The size limit is the project's (`maxFileSizeKb` in .roleprotocols.yaml), as on the command line.
      config: { ...effectiveConfig(project, settings), ...(project.maxFileSizeKb !== undefined ? { maxFileSizeKb: project.maxFileSizeKb } : {}) },
      ...(this.today ? { today: this.today } : {}),
      readInclude: this.includeReader(file, settings),
      previous: this.lastParse.get(uri),
      includeCache: this.includeCache,
    });
    if (result.parsed.root && result.parsed.problems.every((p) => p.ruleId === 'duplicate-key')) this.lastParse.set(uri, result.parsed);
    // Mid-edit a document may not parse: it stays a protocol if its format line is still there.
    if (!named && !result.isProtocol && !(result.parsed.root === undefined && FORMAT_LINE.test(text))) {
      this.includeGraph.delete(uri);
      return null;
    }
    const located: Located[] = [...result.ids, ...result.includes.flatMap((f) => f.ids)];
    const includedLines = new Map<string, LineIndex>();
    const analysis: Analysis = {
      uri,
      version: document.version,
      text,
      ...(file ? { file } : {}),
      language,
      result,
      located,
      includedProtocols: result.includes.map((f) => f.protocol),
      linesOf: (includedFile) => {
        let lines = includedLines.get(includedFile);
        if (!lines) {
          const included = result.includes.find((f) => f.file === includedFile);
          if (!included) return undefined;
          lines = new LineIndex(included.text);
          includedLines.set(includedFile, lines);
        }
        return lines;
      },
    };
    if (result.parsed.root && result.protocol) {
      // Only a text that parsed replaces what completion knows.
      this.includeGraph.set(uri, new Map(result.includes.map((f) => [path.resolve(f.file), f.text])));
      const own = knowledgeFrom(result.protocol, result.ids);
      const fromIncludes = result.includes.map((f) =>
        knowledgeFrom(f.protocol, f.ids, file ? path.relative(path.dirname(file), f.file) : path.basename(f.file)),
      );
      this.knowledge.set(uri, { protocol: result.protocol, entities: [...own.entities, ...fromIncludes.flatMap((k) => k.entities)], kind: result.kind });
    }
    return analysis;
  }

  /** The project configuration for a document's folder; a file that cannot be read is logged and skipped. */
  private projectConfig(file: string | undefined): ProjectConfig {
    const dir = file ? path.dirname(file) : this.folders[0];
    if (!dir) return emptyConfig();
    try {
      const loaded = this.configs.forDirectory(dir);
      if (!loaded) return emptyConfig();
      for (const problem of loaded.problems) this.log.warn(`role-protocols: ${loaded.file}: ${problem.message}`);
      loaded.problems.length = 0; // said once per reading
      return loaded.config;
    } catch (error) {
      this.log.warn(`role-protocols: ${error instanceof Error ? error.message : String(error)}`);
      return emptyConfig();
    }
  }

  /**
   * Reads includes relative to the document, then along `roleProtocols.includePath`
   * (relative entries are taken from the document's workspace folder). Open
   * documents' text wins over the disk. Only files inside the workspace
   * folders, the search path and (for a document outside every folder) the
   * document's own folder may be read.
   */
  private includeReader(file: string | undefined, settings: Settings): IncludeReader {
    if (!file) return () => ({ error: 'the document is not saved yet, so there is no folder to find its includes in; save it first.' });
    const inside = this.folders.filter((f) => file.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0];
    const folder = inside ?? this.folders[0] ?? path.dirname(file);
    const searchPath = settings.includePath.map((p) => path.resolve(folder, p));
    // A document opened from outside every folder may still read the catalogues beside it.
    // Real paths: the reader compares the include's real path, and a folder may be reached through a link.
    const roots = [...this.folders, ...(inside ? [] : [path.dirname(file)]), ...searchPath].map((dir) => this.realPath(dir));
    return fileIncludeReader({ searchPath, roots, overlay: (f) => this.openDocumentAt(f)?.getText() });
  }

  /** Folders' real paths, asked of the file system once per folder until the folders or settings change. */
  private readonly realPaths = new Map<string, string>();

  private realPath(dir: string): string {
    let real = this.realPaths.get(dir);
    if (real === undefined) {
      real = realPath(dir);
      // A folder that cannot be resolved yet (not there) is asked again next time.
      if (real !== dir || fs.existsSync(dir)) this.realPaths.set(dir, real);
    }
    return real;
  }
}

function realPath(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return dir;
  }
}

/** Is this (base) file name one of the project configuration files? */
export function isConfigFile(file: string): boolean {
  return CONFIG_FILE_NAMES.includes(path.basename(file));
}
