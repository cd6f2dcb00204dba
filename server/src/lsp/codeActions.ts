import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import { quickFixes } from '../service/language/codeActions';
import { rangesTouch, toRange, type Positions } from './convert';
import type { TextEdit } from '../service/language/navigate';
import type { ServerContext } from './context';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from './diagnostics';
import { toWorkspaceEdit } from './navigation';
import { guarded } from './safe';

/**
 * Quick fixes for the findings in the requested range: the "did you mean"
 * replacement (preferred), a training row stub, a missing method or record,
 * and the suppression comment. They are worked out from the server's own
 * findings, so a client need not send diagnostics' `data` back.
 */
export function registerCodeActions({ connection, workspace, capabilities }: ServerContext): void {
  const documentChanges = capabilities.workspace?.workspaceEdit?.documentChanges === true;
  connection.onCodeAction((params) =>
    guarded(connection, 'code actions', params.textDocument.uri, [], async (): Promise<CodeAction[]> => {
      const only = params.context.only;
      if (only && !only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === CodeActionKind.Empty))
        return [];
      const analysis = await workspace.analysis(params.textDocument.uri);
      if (!analysis) return [];
      const lines = analysis.result.lines;
      const actions: CodeAction[] = [];
      for (const finding of analysis.result.findings) {
        const diagnostic = toDiagnostic(finding, lines);
        if (!rangesTouch(diagnostic.range, params.range)) continue;
        // Attach the client's own diagnostic object where it sent it, so the editor links the two.
        const sent = params.context.diagnostics.find((d) => sameDiagnostic(d, diagnostic));
        const fixes = quickFixes(analysis.text, analysis.result.parsed.root, analysis.language, {
          ruleId: finding.ruleId,
          start: finding.range.start.offset,
          end: finding.range.end.offset,
          ...(finding.replacement !== undefined ? { replacement: finding.replacement } : {}),
          ...(finding.data ? { data: finding.data } : {}),
        });
        for (const fix of fixes) {
          // Two findings on one id (its form, and the reference) may suggest the same replacement: offer it once, for both.
          const same = fix.isPreferred ? actions.find((a) => a.isPreferred && a.title === fix.title && sameEdits(a, fix.edits, lines)) : undefined;
          if (same) {
            same.diagnostics!.push(sent ?? diagnostic);
            continue;
          }
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [sent ?? diagnostic],
            ...(fix.isPreferred ? { isPreferred: true } : {}),
            edit: toWorkspaceEdit(workspace, fix.edits, (edit) => ({ uri: analysis.uri, range: toRange(lines, edit.start, edit.end) }), documentChanges),
          });
        }
      }
      return actions;
    }),
  );
}

/** Whether an action already makes exactly these edits to the document. */
function sameEdits(action: CodeAction, edits: TextEdit[], lines: Positions): boolean {
  const made = (action.edit?.documentChanges?.flatMap((c) => ('edits' in c ? c.edits : [])) ?? Object.values(action.edit?.changes ?? {}).flat()).map((e) =>
    'newText' in e ? `${JSON.stringify(e.range)}${e.newText}` : '',
  );
  return made.length === edits.length && edits.every((e, i) => made[i] === `${JSON.stringify(toRange(lines, e.start, e.end))}${e.newText}`);
}

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return (
    a.source === DIAGNOSTIC_SOURCE &&
    a.code === b.code &&
    a.range.start.line === b.range.start.line &&
    a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line &&
    a.range.end.character === b.range.end.character
  );
}
