import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver/node';
import { outline, type OutlineSymbol } from '../service/language/symbols';
import { registerOutline } from '../service/language/registerOutline';
import type { LineIndex } from '../service/text/lineIndex';
import { toRange } from './convert';
import type { ServerContext } from './context';
import { guarded } from './safe';

const KINDS: Record<OutlineSymbol['kind'], SymbolKind> = {
  section: SymbolKind.Namespace,
  site: SymbolKind.Module,
  role: SymbolKind.Class,
  step: SymbolKind.Event,
  skill: SymbolKind.Interface,
  method: SymbolKind.Method,
  record: SymbolKind.File,
  training: SymbolKind.Struct,
  person: SymbolKind.Object,
  entitlement: SymbolKind.Key,
  supervision: SymbolKind.Event,
};

/**
 * The outline: each section, with its roles, steps, skills, methods, records,
 * sites or training rows. While the text does not parse, what can still be
 * known: the entries of the last text that parsed that the edits left whole,
 * or those before the slip (the host decides).
 */
export function registerDocumentSymbols({ connection, workspace, capabilities }: ServerContext): void {
  const hierarchical = capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
  connection.onDocumentSymbol((params) =>
    guarded(connection, 'document symbols', params.textDocument.uri, [], async (): Promise<DocumentSymbol[] | SymbolInformation[]> => {
      const analysis = await workspace.analysis(params.textDocument.uri);
      if (!analysis) return [];
      const root = analysis.result.parsed.root;
      const protocol = analysis.result.protocol;
      const register = analysis.result.register;
      const found =
        root && protocol
          ? register
            ? registerOutline(root, register.model)
            : outline(root, protocol)
          : workspace.host.outlineWhileBroken(params.textDocument.uri, analysis);
      const symbols = found.map((s) => toSymbol(s, analysis.result.lines));
      if (hierarchical) return symbols;
      // An old client: a flat list, each entry naming its section.
      return symbols.flatMap((section) => [
        { name: section.name, kind: section.kind, location: { uri: analysis.uri, range: section.range } },
        ...(section.children ?? []).map((child) => ({
          name: child.name,
          kind: child.kind,
          containerName: section.name,
          location: { uri: analysis.uri, range: child.range },
        })),
      ]);
    }),
  );
}

function toSymbol(symbol: OutlineSymbol, lines: LineIndex): DocumentSymbol {
  return {
    name: symbol.name,
    ...(symbol.detail ? { detail: symbol.detail } : {}),
    kind: KINDS[symbol.kind],
    range: toRange(lines, symbol.start, symbol.end),
    selectionRange: toRange(lines, symbol.selectionStart, symbol.selectionEnd),
    children: symbol.children.map((child) => toSymbol(child, lines)),
  };
}
