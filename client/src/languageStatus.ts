import * as vscode from 'vscode';
import { kindOf } from './protocolFiles';

/** The `source` the server gives its diagnostics (`server/src/lsp/diagnostics.ts`). */
const SOURCE = 'role-protocols';

/** What the language status item says, for the tests (development builds read it through the extension's API). */
export interface LanguageStatusReport {
  uri: string;
  text: string;
  detail: string | undefined;
  severity: vscode.LanguageStatusSeverity;
}

/**
 * The language status item of a protocol, catalogue or configuration file:
 * what the file was recognised as, its problem counts, and the way to its
 * tables. Shown for the active editor's document only when it is one of the
 * tool's (the item's selector is that file), so a plain YAML file shows
 * nothing of ours.
 */
export class ProtocolLanguageStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('roleProtocols.document', { language: 'role-protocols-none' });
  private readonly subscriptions: vscode.Disposable[];
  /** The last state shown, for the tests. */
  current: LanguageStatusReport | undefined;

  constructor() {
    this.item.name = 'Role Protocols';
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.update();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.update();
      }),
    ];
    this.update();
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const kind = document ? kindOf(document) : undefined;
    if (!document || !kind) {
      // A selector no document matches: the item is not shown.
      this.item.selector = { language: 'role-protocols-none' };
      this.current = undefined;
      return;
    }
    this.item.selector =
      document.uri.scheme === 'file'
        ? { scheme: 'file', pattern: document.uri.fsPath, language: document.languageId }
        : { scheme: document.uri.scheme, language: document.languageId };
    const diagnostics = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === SOURCE);
    const count = (severity: vscode.DiagnosticSeverity) => diagnostics.filter((d) => d.severity === severity).length;
    const errors = count(vscode.DiagnosticSeverity.Error);
    const warnings = count(vscode.DiagnosticSeverity.Warning);
    const text =
      kind === 'configuration'
        ? 'Role Protocols configuration'
        : kind === 'catalogue'
          ? 'Role catalogue'
          : kind === 'register'
            ? 'Role register'
            : 'Role protocol';
    const detail =
      errors + warnings === 0
        ? 'no problems'
        : [errors ? `${errors} ${errors === 1 ? 'error' : 'errors'}` : '', warnings ? `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : '']
            .filter(Boolean)
            .join(', ');
    this.item.text = text;
    this.item.detail = detail;
    this.item.severity = errors
      ? vscode.LanguageStatusSeverity.Error
      : warnings
        ? vscode.LanguageStatusSeverity.Warning
        : vscode.LanguageStatusSeverity.Information;
    this.item.command = kind === 'configuration' ? undefined : { title: 'Show tables', command: 'roleProtocols.showTables', arguments: [document.uri] };
    this.current = { uri: document.uri.toString(), text, detail, severity: this.item.severity };
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
