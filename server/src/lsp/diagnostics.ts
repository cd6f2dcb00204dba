import { DocumentDiagnosticReportKind, type Connection, type Diagnostic, type DocumentDiagnosticReport } from 'vscode-languageserver/node';
import type { Finding } from '../service/engine/lint';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocsUrl } from '../service/rules/docs';
import { packageRoot } from '../node/packageInfo';
import { SEVERITIES, toRange } from './convert';
import { logError } from './safe';
import type { Analysis, ProtocolWorkspace } from './workspace';
import type { LineIndex } from '../service/text/lineIndex';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseConfig } from '../service/config/config';
import { isConfigFileName } from '../shared/documentKinds';
import { MAX_CONFIG_BYTES } from '../node/read';
import { knownRuleIds } from '../service/rules/index';
import { uriBaseName } from './uris';

/** The `source` of every diagnostic this server gives. */
export const DIAGNOSTIC_SOURCE = 'role-protocols';

/** What a diagnostic carries for the code actions: the finding's fix hints. */
export interface DiagnosticData {
  replacement?: string;
  data?: Record<string, string>;
}

/** Rule pages installed beside the server (the .vsix and the npm package ship `docs/rules/`), by rule id. */
const installedDocs = new Map<string, string>();

/**
 * Where a diagnostic's rule link goes: the page installed with the server,
 * which opens without a network, or the repository's page.
 */
export function ruleDocsLink(ruleId: string): string {
  let link = installedDocs.get(ruleId);
  if (link === undefined) {
    const page = path.join(packageRoot(), 'docs', 'rules', `${ruleId}.md`);
    link = /^[a-z0-9-]+$/.test(ruleId) && fs.existsSync(page) ? pathToFileURL(page).href : ruleDocsUrl(ruleId);
    installedDocs.set(ruleId, link);
  }
  return link;
}

export function toDiagnostic(finding: Finding, lines: LineIndex): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(lines, finding.range.start.offset, finding.range.end.offset),
    severity: SEVERITIES[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: { href: ruleDocsLink(finding.ruleId) },
    message: finding.message,
  };
  const data: DiagnosticData = {};
  if (finding.replacement !== undefined) data.replacement = finding.replacement;
  if (finding.data) data.data = finding.data;
  if (data.replacement !== undefined || data.data) diagnostic.data = data;
  return diagnostic;
}

export function diagnosticsOf(analysis: Analysis | undefined): Diagnostic[] {
  return analysis ? analysis.result.findings.map((f) => toDiagnostic(f, analysis.result.lines)) : [];
}

/**
 * A document whose check failed (a bug: the server log has the details) is
 * never shown as clean: one error at its start says so.
 */
export function failedDiagnostics(reason: string): Diagnostic[] {
  return [
    {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: SEVERITIES.error,
      source: DIAGNOSTIC_SOURCE,
      message: `This document could not be checked (${reason}); its problems are not shown. The Role Protocols output has the details: please report it.`,
    },
  ];
}

/** What to show for a document: its findings, or the failure of its check. */
function findingsOf(workspace: ProtocolWorkspace, uri: string, analysis: Analysis | undefined): Diagnostic[] {
  const failure = analysis ? undefined : workspace.failureOf(uri);
  return failure ? failedDiagnostics(failure) : diagnosticsOf(analysis);
}

/**
 * A project configuration file (`.roleprotocols.yaml`) open in the editor:
 * its own problems (an unknown rule, a wrong severity, a bad size), where
 * they are written. Undefined for any other document.
 */
export function configDiagnostics(document: TextDocument | undefined): Diagnostic[] | undefined {
  if (!document || !isConfigFileName(uriBaseName(document.uri))) return undefined;
  const text = document.getText();
  if (Buffer.byteLength(text, 'utf8') > MAX_CONFIG_BYTES) {
    // Loading it refuses the same file (node/config.ts): say so here rather than parse it.
    return [
      {
        range: { start: document.positionAt(0), end: document.positionAt(0) },
        severity: SEVERITIES.error,
        source: DIAGNOSTIC_SOURCE,
        code: 'schema',
        codeDescription: { href: ruleDocsLink('schema') },
        message: 'This configuration is larger than 1 MB, which no configuration file needs, so it is not read: the defaults apply.',
      },
    ];
  }
  const { problems } = parseConfig(text, uriBaseName(document.uri), knownRuleIds);
  return problems.map((p) => ({
    range: { start: document.positionAt(p.start), end: document.positionAt(Math.max(p.start, p.end)) },
    severity: SEVERITIES[p.severity],
    source: DIAGNOSTIC_SOURCE,
    code: p.ruleId,
    codeDescription: { href: ruleDocsLink(p.ruleId) },
    message: p.message,
  }));
}

/**
 * Gets diagnostics to the client: by pull (`textDocument/diagnostic`) where
 * the client supports it, otherwise by push, debounced after edits. When
 * something outside the document changes (configuration, an included
 * catalogue) `refresh` asks a pull client to pull again, or re-pushes.
 */
export class DiagnosticsController {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Documents this server has pushed diagnostics for (push mode). */
  private readonly published = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly workspace: ProtocolWorkspace,
    readonly mode: 'pull' | 'push',
    private readonly refreshSupport: boolean,
    private readonly debounceFor: (uri: string) => Promise<number>,
  ) {
    if (mode === 'pull') {
      connection.languages.diagnostics.on(async (params): Promise<DocumentDiagnosticReport> => {
        const uri = params.textDocument.uri;
        try {
          const config = configDiagnostics(workspace.documents.get(uri));
          return { kind: DocumentDiagnosticReportKind.Full, items: config ?? findingsOf(workspace, uri, await workspace.analysis(uri)) };
        } catch (error) {
          logError(connection, `diagnostics for ${uri}`, error);
          return { kind: DocumentDiagnosticReportKind.Full, items: failedDiagnostics(error instanceof Error ? error.message : String(error)) };
        }
      });
    }
  }

  /** A document was just opened: push at once, the author is waiting to see its state. */
  opened(uri: string): void {
    if (this.mode === 'push') this.schedule(uri, 0);
  }

  /** The document was edited: push after the debounce. */
  changed(uri: string): void {
    if (this.mode === 'push') {
      this.debounceFor(uri)
        .then((ms) => this.schedule(uri, ms))
        .catch((error) => logError(this.connection, `scheduling diagnostics for ${uri}`, error));
    }
  }

  closed(uri: string): void {
    this.cancel(uri);
    if (this.mode === 'push' && this.published.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
  }

  /**
   * Other documents' diagnostics may have changed (a catalogue they include,
   * the configuration): re-push them after `delayMs`, or ask a pull client to pull.
   */
  refresh(uris: readonly string[], delayMs = 0): void {
    if (uris.length === 0) return;
    if (this.mode === 'push') {
      for (const uri of uris) this.schedule(uri, delayMs);
      return;
    }
    if (!this.refreshSupport) return;
    const key = '\u0000refresh';
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.connection.languages.diagnostics.refresh().catch((error) => logError(this.connection, 'asking the client to refresh diagnostics', error));
      }, delayMs),
    );
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  private schedule(uri: string, delayMs: number): void {
    this.cancel(uri);
    const run = () => {
      this.timers.delete(uri);
      void this.push(uri);
    };
    this.timers.set(uri, setTimeout(run, delayMs));
  }

  private async push(uri: string): Promise<void> {
    try {
      const document = this.workspace.documents.get(uri);
      if (!document) return;
      const config = configDiagnostics(document);
      if (config) {
        this.published.add(uri);
        await this.connection.sendDiagnostics({ uri, version: document.version, diagnostics: config });
        return;
      }
      const analysis = await this.workspace.analysis(uri);
      const failure = analysis ? undefined : this.workspace.failureOf(uri);
      if (failure) {
        this.published.add(uri);
        await this.connection.sendDiagnostics({ uri, version: document.version, diagnostics: failedDiagnostics(failure) });
        return;
      }
      if (!analysis) {
        // Not a protocol (any more): nothing to say, unless earlier diagnostics must be cleared.
        if (this.published.delete(uri)) await this.connection.sendDiagnostics({ uri, diagnostics: [] });
        return;
      }
      // A later edit has its own push coming; this one would be stale.
      if (this.workspace.documents.get(uri)?.version !== analysis.version) return;
      this.published.add(uri);
      await this.connection.sendDiagnostics({ uri, version: analysis.version, diagnostics: diagnosticsOf(analysis) });
    } catch (error) {
      logError(this.connection, `diagnostics for ${uri}`, error);
    }
  }
}
