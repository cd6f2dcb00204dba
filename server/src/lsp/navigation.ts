import { LSPErrorCodes, ResponseError, type Location, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import { definitionOf, idAt, idRange, NOTHING_TO_RENAME, referencesOf, rename, type Located, type TextEdit as OffsetEdit } from '../service/language/navigate';
import { toOffset, toRange } from './convert';
import type { ServerContext } from './context';
import { guarded } from './safe';
import type { Analysis, ProtocolWorkspace } from './workspace';

/**
 * The ids navigation works over (the host's `navigationScope`), and how to
 * place each one: the document's own spans, and other files by URI.
 */
interface Scope {
  located: Located[];
  /** The URI and range of a span of the document (`file` undefined) or of another file in scope. */
  place(file: string | undefined, start: number, end: number): { uri: string; range: Range } | undefined;
}

async function scopeOf(workspace: ProtocolWorkspace, analysis: Analysis, withDependents: boolean): Promise<Scope> {
  const { located, lines, documents } = await workspace.navigationScope(analysis, withDependents);
  return {
    located,
    place(file, start, end) {
      if (file === undefined) return { uri: analysis.uri, range: toRange(analysis.result.lines, start, end) };
      const index = lines.get(file);
      const document = documents.get(file);
      // An open dependent is named by its URI; any other file by its path.
      const uri = document && workspace.documents.get(document) ? document : workspace.uriFor(file);
      return index ? { uri, range: toRange(index, start, end) } : undefined;
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
      if (!at) throw new ResponseError(LSPErrorCodes.RequestFailed, NOTHING_TO_RENAME);
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
