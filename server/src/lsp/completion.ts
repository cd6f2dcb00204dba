import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem, type CompletionList } from 'vscode-languageserver/node';
import { complete, completeJson, type Completion } from '../service/language/complete';
import { markdownToPlain } from '../service/util/markdown';
import { toRange, type Positions } from './convert';
import type { ServerContext } from './context';
import { guarded } from './safe';

/** Typing these opens completion: after `key:`, a space, a list dash, `[` and `,` in a flow list. */
export const COMPLETION_TRIGGERS = [':', ' ', '-', '[', ','];

const KINDS: Record<Completion['kind'], CompletionItemKind> = {
  key: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  reference: CompletionItemKind.Reference,
  snippet: CompletionItemKind.Snippet,
};

/**
 * Completion works on the text as it is, parsed or not: the service reads the
 * cursor's place from indentation (YAML) or brackets (JSON), and the ids come
 * from the last version of the document that parsed.
 */
export function registerCompletion({ connection, workspace, capabilities }: ServerContext): void {
  const item = capabilities.textDocument?.completion?.completionItem;
  const snippets = item?.snippetSupport === true;
  const markdown = item?.documentationFormat?.includes(MarkupKind.Markdown) ?? false;
  const asIs = item?.insertTextModeSupport?.valueSet.includes(InsertTextMode.asIs) ?? false;
  connection.onCompletion((params) =>
    guarded(connection, 'completion', params.textDocument.uri, null, async (): Promise<CompletionList | null> => {
      const source = await workspace.completionSource(params.textDocument.uri);
      if (!source) return null;
      // The open document keeps its own line offsets from one edit to the next: no index to build per request.
      const { document, memo } = source;
      const text = document.getText();
      const offset = document.offsetAt(params.position);
      const knowledge = workspace.knowledgeOf(params.textDocument.uri);
      // YAML places the cursor by indentation; JSON by its brackets, and is written back as JSON.
      const completions = source.language === 'json' ? completeJson(text, offset, knowledge) : complete(text, offset, knowledge, memo);
      return { isIncomplete: false, items: completions.map((c) => toItem(c, document, { snippets, markdown, asIs })) };
    }),
  );
}

function toItem(c: Completion, lines: Positions, options: { snippets: boolean; markdown: boolean; asIs: boolean }): CompletionItem {
  const snippet = c.snippet && options.snippets;
  const newText = c.snippet && !options.snippets ? snippetToPlain(c.insertText) : c.insertText;
  const item: CompletionItem = {
    label: c.label,
    kind: KINDS[c.kind],
    textEdit: { range: toRange(lines, c.start, c.end), newText },
    insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  };
  // The service writes every line of a multi-line insert at its final indentation.
  if (options.asIs && newText.includes('\n')) item.insertTextMode = InsertTextMode.asIs;
  if (c.detail) item.detail = c.detail;
  if (c.documentation) item.documentation = options.markdown ? { kind: MarkupKind.Markdown, value: c.documentation } : markdownToPlain(c.documentation);
  if (c.sortText) item.sortText = c.sortText;
  if (c.filterText !== undefined) item.filterText = c.filterText;
  else if (c.label !== newText.trim()) item.filterText = c.label;
  return item;
}

/** A snippet for a client without snippets: placeholders become their default text, tab stops vanish. */
export function snippetToPlain(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([$}\\,|])/g, '$1');
}
