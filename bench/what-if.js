'use strict';
/**
 * What-if: two server changes docs/PERFORMANCE.md proposes, prototyped by
 * patching the compiled server in memory when it starts (nothing under
 * server/ is edited), so their gain can be measured before they are made for
 * real. Delete this file once they are.
 *
 *   BENCH_SERVER_NODE_ARGS="-r $PWD/bench/what-if.js" npm run bench -- --quick
 *
 * WHAT_IF picks the changes (default: both):
 *   completion  answer completion from the document's current text and the
 *               last knowledge that parsed, instead of waiting for a full lint
 *               of the current version (lsp/completion.ts);
 *   ajvwarm     compile the ajv validators soon after start-up, before the
 *               first document arrives, instead of during its first lint.
 *
 * (The three service changes first prototyped here, memoised schema lookups,
 * step-order in one pass and training rows indexed by skill and role, are in
 * the service since commit 1be0525.)
 */
const path = require('path');

const SERVICE = path.join(__dirname, '..', 'server', 'out', 'service');
const LSP = path.join(__dirname, '..', 'server', 'out', 'lsp');
const which = (process.env.WHAT_IF ?? 'completion,ajvwarm').split(',').filter(Boolean);

if (which.includes('completion')) {
  const lspCompletion = require(path.join(LSP, 'completion'));
  const { complete } = require(path.join(SERVICE, 'language', 'complete'));
  const KINDS = { key: 10, value: 20, reference: 18, snippet: 15 };
  const register = lspCompletion.registerCompletion;
  lspCompletion.registerCompletion = (context) => {
    register(context);
    const { connection, workspace } = context;
    // Replaces the handler just registered: no `await workspace.analysis(uri)`.
    connection.onCompletion((params) => {
      const uri = params.textDocument.uri;
      const document = workspace.documents.get(uri);
      if (!document) return null;
      const text = document.getText();
      const completions = complete(text, document.offsetAt(params.position), workspace.knowledgeOf(uri));
      return {
        isIncomplete: false,
        items: completions.map((c) => ({
          label: c.label,
          kind: KINDS[c.kind],
          textEdit: { range: { start: document.positionAt(c.start), end: document.positionAt(c.end) }, newText: c.insertText },
          insertTextFormat: c.snippet ? 2 : 1,
          ...(c.detail ? { detail: c.detail } : {}),
          ...(c.sortText ? { sortText: c.sortText } : {}),
        })),
      };
    });
  };
}

if (which.includes('ajvwarm')) {
  // In the server this belongs in onInitialized (setImmediate); here, a moment after start-up.
  const schema = require(path.join(SERVICE, 'schema', 'schema'));
  setTimeout(() => {
    schema.schemaValidator('protocol');
    schema.schemaValidator('catalogue');
  }, 250).unref();
}
