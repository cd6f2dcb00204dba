import { LSPErrorCodes, ResponseError, type Location, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import { definitionOf, idAt, idRange, referencesOf, rename, type Located, type TextEdit as OffsetEdit } from '../service/language/navigate';
import { LineIndex } from '../service/text/lineIndex';
import { toOffset, toRange } from './convert';
import type { ServerContext } from './context';
import { guarded } from './safe';
import type { Analysis, ProtocolWorkspace } from './workspace';
import type { LintResult } from '../service/engine/lint';
import type { IncludedFile } from '../service/engine/includes';

/**
 * The ids navigation works over, and how to place each one. The document's
 * own ids, those of the catalogues it includes, and, for references and
 * rename in a catalogue, those of the documents that include it, open or on
 * disk in the workspace (so renaming a catalogue role also renames it in the
 * protocols that use it).
 */
interface Scope {
  located: Located[];
  /** The URI and range of a span of the document (`file` undefined) or of another file in scope. */
  place(file: string | undefined, start: number, end: number): { uri: string; range: Range } | undefined;
}

async function scopeOf(workspace: ProtocolWorkspace, analysis: Analysis, withDependents: boolean): Promise<Scope> {
  const located = [...analysis.located];
  const lines = new Map<string, LineIndex>();
  const uris = new Map<string, string>();
  for (const included of analysis.result.includes) {
    const index = analysis.linesOf(included.file);
    if (index) lines.set(included.file, index);
  }
  if (withDependents && analysis.file) {
    const covered = new Set([analysis.file, ...lines.keys()]);
    /** A document that includes this one: its ids, and those of the other catalogues it includes. */
    const addDependent = (file: string, uri: string, result: LintResult, linesOf: (included: IncludedFile) => LineIndex) => {
      if (covered.has(file)) return;
      covered.add(file);
      lines.set(file, result.lines);
      uris.set(file, uri);
      for (const o of result.ids) located.push({ ...o, file });
      for (const included of result.includes) {
        if (covered.has(included.file)) continue;
        covered.add(included.file);
        lines.set(included.file, linesOf(included));
        located.push(...included.ids);
      }
    };
    for (const uri of workspace.dependentsOf(analysis.file)) {
      if (uri === analysis.uri) continue;
      const dependent = await workspace.analysis(uri);
      if (dependent?.file)
        addDependent(dependent.file, dependent.uri, dependent.result, (included) => dependent.linesOf(included.file) ?? new LineIndex(included.text));
    }
    // Protocols that include a catalogue need not be open: those on disk in the workspace count too.
    if (analysis.result.kind === 'catalogue') {
      for (const closed of await workspace.closedDependentsOf(analysis.file, analysis.uri))
        addDependent(closed.file, closed.uri, closed.result, (included) => new LineIndex(included.text));
    }
  }
  return {
    located,
    place(file, start, end) {
      if (file === undefined) return { uri: analysis.uri, range: toRange(analysis.result.lines, start, end) };
      const index = lines.get(file);
      return index ? { uri: uris.get(file) ?? workspace.uriFor(file), range: toRange(index, start, end) } : undefined;
    },
  };
}

/** Locations of ids: the id's text, inside its quotes if it has them (as rename edits it). */
const toLocations = (scope: Scope, found: Located[]): Location[] =>
  found.flatMap((o) => {
    const { start, end } = idRange(o.node);
    return scope.place(o.file, start, end) ?? [];
  });

/** Go to definition, find references, and rename for every kind of id, across included catalogues. */
export function registerNavigation({ connection, workspace, capabilities }: ServerContext): void {
  const documentChanges = capabilities.workspace?.workspaceEdit?.documentChanges === true;

  connection.onDefinition((params) =>
    guarded(connection, 'definition', params.textDocument.uri, null, async () => {
      const analysis = await workspace.analysis(params.textDocument.uri);
      if (!analysis) return null;
      const scope = await scopeOf(workspace, analysis, false);
      const found = toLocations(scope, definitionOf(scope.located, toOffset(analysis.result.lines, params.position)));
      return found.length ? found : null;
    }),
  );

  connection.onReferences((params) =>
    guarded(connection, 'references', params.textDocument.uri, [], async () => {
      const analysis = await workspace.analysis(params.textDocument.uri);
      if (!analysis) return [];
      const scope = await scopeOf(workspace, analysis, true);
      return toLocations(scope, referencesOf(scope.located, toOffset(analysis.result.lines, params.position), params.context.includeDeclaration));
    }),
  );

  connection.onPrepareRename((params) =>
    guarded(connection, 'prepare rename', params.textDocument.uri, null, async () => {
      const analysis = await workspace.analysis(params.textDocument.uri);
      if (!analysis) return null;
      const at = idAt(analysis.located, toOffset(analysis.result.lines, params.position));
      if (!at) throw new ResponseError(LSPErrorCodes.RequestFailed, 'There is no role, step, skill, method, record or site id here to rename.');
      const { start, end } = idRange(at.node);
      return { range: toRange(analysis.result.lines, start, end), placeholder: at.id };
    }),
  );

  connection.onRenameRequest((params) =>
    guarded(connection, 'rename', params.textDocument.uri, null, async (): Promise<WorkspaceEdit | null> => {
      const analysis = await workspace.analysis(params.textDocument.uri);
      if (!analysis) return null;
      const scope = await scopeOf(workspace, analysis, true);
      const result = rename(scope.located, toOffset(analysis.result.lines, params.position), params.newName);
      if ('error' in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
      return toWorkspaceEdit(workspace, result.edits, (edit) => scope.place(edit.file, edit.start, edit.end), documentChanges);
    }),
  );
}

/** Edits grouped by document: `documentChanges` (versioned) where the client takes them, else `changes`. */
export function toWorkspaceEdit(
  workspace: ProtocolWorkspace,
  edits: OffsetEdit[],
  place: (edit: OffsetEdit) => { uri: string; range: Range } | undefined,
  documentChanges: boolean,
): WorkspaceEdit {
  const byUri = new Map<string, TextEdit[]>();
  for (const edit of edits) {
    const where = place(edit);
    if (!where) continue;
    const list = byUri.get(where.uri) ?? [];
    list.push({ range: where.range, newText: edit.newText });
    byUri.set(where.uri, list);
  }
  if (documentChanges) {
    return {
      documentChanges: [...byUri].map(([uri, textEdits]) => ({
        textDocument: { uri, version: workspace.documents.get(uri)?.version ?? null },
        edits: textEdits,
      })),
    };
  }
  return { changes: Object.fromEntries(byUri) };
}
