import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import { hover } from '../service/language/hover';
import { markdownToPlain } from '../service/util/markdown';
import { toOffset, toRange } from './convert';
import type { ServerContext } from './context';
import { guarded } from './safe';

/** Hovers: a summary of what an id names (in the document or its catalogues), or the schema's words on a key or value. */
export function registerHover({ connection, workspace, capabilities }: ServerContext): void {
  const markdown = capabilities.textDocument?.hover?.contentFormat?.includes(MarkupKind.Markdown) ?? true;
  connection.onHover((params) =>
    guarded(connection, 'hover', params.textDocument.uri, null, async (): Promise<Hover | null> => {
      const analysis = await workspace.analysis(params.textDocument.uri);
      const root = analysis?.result.parsed.root;
      const protocol = analysis?.result.protocol;
      if (!analysis || !root || !protocol) return null;
      const lines = analysis.result.lines;
      const found = hover(root, protocol, analysis.located, toOffset(lines, params.position), analysis.includedProtocols, {
        kind: analysis.result.kind,
        ...(analysis.result.register ? { register: analysis.result.register } : {}),
      });
      if (!found || found.contents.trim() === '') return null;
      return {
        contents: markdown ? { kind: MarkupKind.Markdown, value: found.contents } : { kind: MarkupKind.PlainText, value: markdownToPlain(found.contents) },
        range: toRange(lines, found.start, found.end),
      };
    }),
  );
}
