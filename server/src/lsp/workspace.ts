import * as path from 'node:path';
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ProjectHost,
  navigationScope,
  settingsKey,
  type Analysis as HostAnalysis,
  type CheckSettings,
  type NavigationScope,
  type SourceDocument,
} from '../service/project/host';
import type { ScanMemo } from '../service/language/cursorContext';
import type { Knowledge } from '../service/language/knowledge';
import type { SourceLanguage } from '../service/parse/parseDocument';
import { emptyConfig, type ProjectConfig } from '../service/config/config';
import { isDataFile } from '../shared/documentKinds';
import { ConfigResolver } from '../node/config';
import { diskFileSystem } from '../node/fileSystem';
import { includeResolver, isInside, realPath } from '../node/includes';
import { effectiveConfig, type Settings } from './settings';
import { uriBaseName, uriToPath, pathToUri } from './uris';

/** One pass over one text of an open document, with the editor's URI and version it was asked for. */
export interface Analysis extends HostAnalysis {
  uri: string;
  version: number;
  /** The file on disk, for `file:` documents. */
  file?: string;
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

/** An analysis slower than this is logged as a warning, with the document. */
const SLOW_ANALYSIS_MS = 2000;

/**
 * The language server's side of the project host: it feeds the host the open
 * documents (by URI) and the disk (by path), turns editor settings and
 * `.roleprotocols.yaml` into check settings, and asks. Every decision about
 * documents, includes, caching and dependents is the host's
 * (`service/project/host.ts`); this class only translates.
 */
export class ProtocolWorkspace {
  readonly documents = new TextDocuments(TextDocument);
  readonly host: ProjectHost;
  private folders: string[] = [];
  /** The folders' real paths: includes are compared by real path, so a folder reached through a link is itself. */
  private realFolders: string[] = [];
  private configs = new ConfigResolver(undefined, { revalidate: true });
  private readonly today: string | undefined;

  constructor(
    private readonly settings: SettingsSource,
    private readonly log: Logger,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.host = new ProjectHost(diskFileSystem({ folders: () => this.folders }), {
      checking: (document) => this.log.log?.(`role-protocols: checking ${document.id} (version ${this.documents.get(document.id)?.version ?? 'on disk'})`),
    });
    // As in the CLI, ROLE_PROTOCOLS_TODAY pins the date the review checks use (tests, demos).
    const pinned = env.ROLE_PROTOCOLS_TODAY;
    this.today = pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned) ? pinned : undefined;
  }

  /** The day the checks compare dates with (ROLE_PROTOCOLS_TODAY, else the real date): a register's tables are computed for it. */
  currentDay(): string {
    return this.today ?? new Date().toISOString().slice(0, 10);
  }

  /** The document being analysed right now, if any: named if the process fails during it. */
  get workingOn(): string | undefined {
    return this.host.workingOn;
  }

  /** The workspace folders (absolute paths): includes may only come from inside them. */
  setFolders(folders: string[]): void {
    this.folders = folders.map((f) => path.resolve(f));
    this.realPaths.clear();
    this.realFolders = this.folders.map((f) => this.realPath(f));
  }

  get workspaceFolders(): readonly string[] {
    return this.folders;
  }

  // ---- changes, fed to the host; each returns the open documents to check again ----

  /** An open document's text changed (or it opened). */
  documentChanged(document: TextDocument): string[] {
    return this.host.setDocument(this.sourceOf(document));
  }

  /** A document closed: what was kept for it goes; documents that read it read the disk again. */
  documentClosed(uri: string): string[] {
    this.failures.delete(uri);
    return this.host.closeDocument(uri);
  }

  /** Files changed on disk (watched files). */
  filesChanged(files: string[]): string[] {
    return this.host.filesChanged(files.filter((file) => !this.host.openDocumentAt(file)));
  }

  /** A configuration file changed, appeared or went: read them afresh (analyses are keyed by the settings they used). */
  configurationChanged(): void {
    this.configs = new ConfigResolver(undefined, { revalidate: true });
    this.realPaths.clear();
  }

  // ---- queries ----

  /**
   * The analysis of the open document's current text: the host's, reused
   * while the text, the settings and every file it read are unchanged.
   * Undefined for a document that is not a protocol or is not open. A check
   * that fails is logged and said as a diagnostic (`failed`), never shown as
   * a clean document.
   */
  async analysis(uri: string): Promise<Analysis | undefined> {
    if (!this.documents.get(uri)) return undefined;
    const settings = await this.settings.settingsFor(uri);
    // The document may have changed or closed while the settings were fetched: analyse what is there now.
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const source = this.sourceOf(document);
    if (this.host.openDocument(uri)?.text !== source.text) this.host.setDocument(source);
    const started = Date.now();
    let found: HostAnalysis | undefined;
    try {
      found = this.host.analysis(uri, this.checkSettings(source, settings));
      this.failures.delete(uri);
    } catch (error) {
      this.log.error(`role-protocols: analysing ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      this.failures.set(uri, error instanceof Error ? error.message : String(error));
      return undefined;
    }
    const took = Date.now() - started;
    if (took > SLOW_ANALYSIS_MS) this.log.warn(`role-protocols: checking ${uri} (version ${document.version}) took ${took} ms.`);
    return found && this.withUri(found, uri, document.version);
  }

  /** Why the last check of a document failed, if it did: said as a diagnostic, so the document never looks clean. */
  failureOf(uri: string): string | undefined {
    return this.failures.get(uri);
  }

  private readonly failures = new Map<string, string>();

  /**
   * What completion needs, without waiting for a check of the text being
   * typed: the document's current text and language, if an earlier text was
   * a protocol. Completion reads the cursor's place from the text and the ids
   * from the last text that parsed, so it never needs the new findings.
   */
  async completionSource(uri: string): Promise<{ document: TextDocument; language: SourceLanguage; memo: ScanMemo } | undefined> {
    const known = this.host.lastAnalysis(uri) ?? (await this.analysis(uri));
    if (!known) return undefined;
    // The document as it is now (it may have changed while an analysis ran).
    const document = this.documents.get(uri);
    return document ? { document, language: known.language, memo: this.host.scanMemoOf(uri) } : undefined;
  }

  /** The last ids and names known for a document, from the last text of it that parsed. */
  knowledgeOf(uri: string): Knowledge {
    return this.host.knowledgeOf(uri);
  }

  /**
   * The ids navigation works over for an open document; with `dependents`,
   * also those of the documents that include it: open ones, and for a
   * catalogue or a protocol those on disk in the workspace (read when asked: a user's
   * request, not every keystroke).
   */
  async navigationScope(analysis: Analysis, dependents: boolean): Promise<NavigationScope> {
    const found: HostAnalysis[] = [];
    const file = analysis.file;
    if (dependents && file) {
      for (const uri of this.host.dependentsOf(file, analysis.uri)) {
        const dependent = await this.analysis(uri);
        if (dependent) found.push(dependent);
      }
      // A catalogue is read by protocols and registers, a protocol by registers: those not open are searched too.
      if (analysis.kind === 'catalogue' || analysis.kind === 'protocol') {
        const settings = await this.settings.settingsFor(analysis.uri);
        const closed = this.host.closedDependentsOf(file, (document) => this.checkSettings(document, settings));
        if (closed.truncated)
          this.log.warn(
            `role-protocols: the workspace holds more YAML and JSON files than are searched; references and rename from ${path.basename(file)} looked only in the first ones (in name order).`,
          );
        for (const dependent of closed.analyses) found.push(dependent);
      }
    }
    return navigationScope(analysis, found);
  }

  /**
   * The analysis of a file that is not open, for the tables request: only a
   * YAML or JSON file inside the workspace folders, and only a protocol or
   * catalogue. Anything else is refused with the reason.
   */
  async closedAnalysis(file: string, uri: string): Promise<HostAnalysis | { refused: string }> {
    if (!isDataFile(file)) return { refused: `${file} is not a YAML or JSON file, so it holds no role protocol.` };
    const real = realPath(file);
    if (!this.realFolders.some((folder) => isInside(folder, real)))
      return { refused: `${file} is outside the workspace folders; open it in the editor to see its tables.` };
    const read = this.host.read(file);
    if (!('text' in read)) return { refused: `Cannot read ${file}: ${read.message}.` };
    const settings = await this.settings.settingsFor(uri);
    const analysis = this.host.analysis(file, this.checkSettings({ id: file, file, name: file, text: read.text }, settings));
    return analysis ?? { refused: `${file} is not a role protocol: it has no \`format: role-protocol/1\` and its name does not end in \`.roles.yaml\`.` };
  }

  /** The URI to give the client for a file: the open document's own URI where there is one. */
  uriFor(file: string): string {
    return this.host.openDocumentAt(file)?.id ?? pathToUri(file);
  }

  // ---- inside ----

  private withUri(analysis: HostAnalysis, uri: string, version: number): Analysis {
    const file = analysis.document.file;
    return { ...analysis, uri, version, ...(file ? { file } : {}) };
  }

  private sourceOf(document: TextDocument): SourceDocument {
    const file = uriToPath(document.uri);
    return { id: document.uri, ...(file ? { file } : {}), name: file ?? uriBaseName(document.uri), languageId: document.languageId, text: document.getText() };
  }

  /** The check settings of a document: the project's configuration over the editor's, and where its includes come from. */
  private checkSettings(document: SourceDocument, settings: Settings): CheckSettings {
    const project = this.projectConfig(document.file);
    // The size limit is the project's (`maxFileSizeKb` in .roleprotocols.yaml), as on the command line.
    const config: ProjectConfig = {
      ...effectiveConfig(project, settings),
      ...(project.maxFileSizeKb !== undefined ? { maxFileSizeKb: project.maxFileSizeKb } : {}),
    };
    // The date the review checks compare against is part of the key: a document left open over midnight is checked again.
    const today = this.today ?? new Date().toISOString().slice(0, 10);
    const file = document.file;
    if (!file) {
      const unsaved = () => () => ({ error: 'the document is not saved yet, so there is no folder to find its includes in; save it first.' });
      return { config, today, includes: unsaved, key: settingsKey(config, 'unsaved', today) };
    }
    // Includes are read relative to the document, then along `roleProtocols.includePath` (relative
    // entries from the document's workspace folder), and only from inside the workspace folders, the
    // search path and (for a document outside every folder) the document's own folder.
    const inside = this.folders.filter((f) => isInside(f, file)).sort((a, b) => b.length - a.length)[0];
    const folder = inside ?? this.folders[0] ?? path.dirname(file);
    const searchPath = settings.includePath.map((p) => path.resolve(folder, p));
    const roots = [...this.realFolders, ...(inside ? [] : [this.realPath(path.dirname(file))]), ...searchPath.map((p) => this.realPath(p))];
    return {
      config,
      today,
      includes: includeResolver({ searchPath, roots, cwd: folder }),
      key: settingsKey(config, searchPath, roots, today),
    };
  }

  /** Folders' real paths, asked of the file system once per folder until the folders or the configuration change. */
  private readonly realPaths = new Map<string, string>();

  private realPath(dir: string): string {
    let real = this.realPaths.get(dir);
    if (real === undefined) this.realPaths.set(dir, (real = realPath(dir)));
    return real;
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
}
