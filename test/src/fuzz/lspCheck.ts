/**
 * The same properties over the language server: a real server process
 * (server/out/lsp/server.js --stdio) driven by the LSP test client. Each case
 * replaces the text of one open document and asks for its diagnostics,
 * completion, hovers, navigation, outline and code actions; every answer's
 * ranges must lie inside the document, and after every case the server must
 * still answer a hover on another open document (the reference sample).
 */
import * as path from 'node:path';
import type { CodeAction, CompletionList, Diagnostic, DocumentSymbol, Hover, Location, Position, Range } from 'vscode-languageserver-protocol/node';
import { knownRuleIds } from '../../../server/out/service/rules/index';
import { LineIndex } from '../../../server/out/service/text/lineIndex';
import { SAMPLES, TestClient, uriOf } from '../lsp/client';
import { checkInertMarkdown, checkMessage, fail, lint, Violation } from './check';
import type { FuzzCase } from './arbitraries';

/** The most one case (a change and every request about it) may take over LSP; generous, like the service bound. */
export const LSP_BOUND_MS = Number(process.env.FUZZ_LSP_BOUND_MS ?? 5000);

const SENTINEL = path.join(SAMPLES, 'reference-department.roles.yaml');

export class LspFuzzer {
  private readonly versions = new Map<string, number>();
  private sentinelUri = '';
  private sentinelPosition: Position = { line: 0, character: 0 };
  cases = 0;

  private constructor(readonly client: TestClient) {}

  static async start(): Promise<LspFuzzer> {
    const client = await TestClient.start({
      diagnostics: 'pull',
      folders: [SAMPLES],
      initializationOptions: { roleProtocols: { diagnostics: { debounceMs: 0 } } },
    });
    const fuzzer = new LspFuzzer(client);
    fuzzer.sentinelUri = await client.open(SENTINEL);
    fuzzer.sentinelPosition = client.at(fuzzer.sentinelUri, 'advanced-adapter', 2, 'performs: [');
    await fuzzer.ping();
    return fuzzer;
  }

  stop(): Promise<void> {
    return this.client.stop();
  }

  /** The server still answers, correctly, about another open document. */
  async ping(): Promise<void> {
    if (this.client.child.exitCode !== null) fail(`the server exited (code ${this.client.child.exitCode})`);
    const answer = await this.client.request<Hover | null>('textDocument/hover', { textDocument: { uri: this.sentinelUri }, position: this.sentinelPosition });
    if (!answer || !JSON.stringify(answer.contents).includes('Advanced'))
      fail(`the server no longer answers a hover on the reference sample: ${JSON.stringify(answer)}`);
  }

  async check(c: FuzzCase): Promise<void> {
    const started = performance.now();
    this.cases++;
    const file = path.join(SAMPLES, c.fileName);
    const uri = uriOf(file);
    const last = this.versions.get(uri) ?? 0;
    // Every fourth change keeps the version number: the server must follow the text, not the number.
    const sameVersion = last > 0 && this.cases % 4 === 0;
    const version = sameVersion ? last : last + 1;
    this.versions.set(uri, version);
    if (version === 1 && !sameVersion) await this.client.open(file, c.text);
    else if (sameVersion)
      await this.client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: c.text }] });
    else await this.client.change(uri, c.text);
    const text = c.text;
    const lines = new LineIndex(text);
    const inside = (what: string, range: Range) => checkLspRange(what, lines, range);
    const doc = { textDocument: { uri } };

    const diagnostics = await this.client.pull(uri);
    for (const d of diagnostics) checkDiagnostic(d, lines);
    if (sameVersion && !/\bincludes\b/.test(text)) {
      // What the service finds for this text, whatever the version said (includes aside: the server reads the disk).
      const expected = lint(c)
        .findings.map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.character}`)
        .sort();
      const shown = diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`).sort();
      if (JSON.stringify(shown) !== JSON.stringify(expected))
        fail(
          `after a change that kept version ${version}, the server shows ${JSON.stringify(shown.slice(0, 5))}… where the text gives ${JSON.stringify(expected.slice(0, 5))}…`,
        );
    }
    for (const offset of c.offsets) {
      const position = lines.positionAt(offset);
      const completion = await this.client.request<CompletionList | null>('textDocument/completion', { ...doc, position });
      for (const item of completion?.items ?? []) {
        if (!item.label) fail(`completion at ${offset}: empty label`);
        if (item.textEdit && 'range' in item.textEdit) inside(`completion \`${item.label}\``, item.textEdit.range);
        const documentation = item.documentation;
        if (documentation && typeof documentation !== 'string' && documentation.kind === 'markdown')
          checkInertMarkdown(`completion \`${item.label}\` documentation`, documentation.value);
      }
      const hover = await this.client.request<Hover | null>('textDocument/hover', { ...doc, position });
      if (hover?.range) inside(`hover at ${offset}`, hover.range);
      const contents = hover?.contents;
      if (contents && typeof contents === 'object' && 'kind' in contents && contents.kind === 'markdown')
        checkInertMarkdown(`hover at ${offset}`, contents.value);
      const definitions = await this.client.request<Location[] | null>('textDocument/definition', { ...doc, position });
      const references = await this.client.request<Location[] | null>('textDocument/references', { ...doc, position, context: { includeDeclaration: true } });
      for (const l of [...(definitions ?? []), ...(references ?? [])]) if (l.uri === uri) inside(`location at ${offset}`, l.range);
    }
    const symbols = await this.client.request<DocumentSymbol[] | null>('textDocument/documentSymbol', doc);
    const walk = (list: DocumentSymbol[]) => {
      for (const s of list) {
        if (!s.name) fail('outline: a symbol with an empty name');
        inside(`symbol ${s.name}`, s.range);
        inside(`symbol ${s.name} selection`, s.selectionRange);
        if (before(s.selectionRange.start, s.range.start) || before(s.range.end, s.selectionRange.end))
          fail(`symbol ${s.name}: selection range outside its range`);
        walk(s.children ?? []);
      }
    };
    walk(symbols ?? []);
    for (const d of diagnostics.slice(0, 5)) {
      const actions = await this.client.request<CodeAction[] | null>('textDocument/codeAction', {
        ...doc,
        range: d.range,
        context: { diagnostics: [d], only: ['quickfix'] },
      });
      for (const a of actions ?? []) {
        if (!a.title || a.title.trim() === '') fail('code action: empty title');
        for (const change of a.edit?.documentChanges ?? []) {
          if (!('edits' in change) || change.textDocument.uri !== uri) continue;
          for (const e of change.edits) inside(`code action \`${a.title}\``, e.range);
        }
      }
    }
    await this.ping();
    const failed = this.client.log.filter((line) => /failed:|stopped on an unexpected error/.test(line));
    if (failed.length > 0) fail(`the server logged a failure:\n${failed.join('\n')}`);
    this.client.log.length = 0;
    const took = performance.now() - started;
    if (took > LSP_BOUND_MS) fail(`the case took ${Math.round(took)} ms over LSP, over the ${LSP_BOUND_MS} ms bound`);
  }
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** A range lies inside the document: lines that exist, characters within their line, start before end. */
export function checkLspRange(what: string, lines: LineIndex, range: Range): void {
  for (const p of [range.start, range.end]) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0)
      fail(`${what}: position ${JSON.stringify(p)} is not a position`);
    if (p.line >= lines.lineCount) fail(`${what}: line ${p.line} is past the last line (${lines.lineCount - 1})`);
    const length = lines.lineEnd(p.line) - lines.lineStart(p.line);
    if (p.character > length) fail(`${what}: character ${p.character} is past the end of line ${p.line} (${length} characters)`);
  }
  if (before(range.end, range.start)) fail(`${what}: the range ends before it starts`);
}

function checkDiagnostic(d: Diagnostic, lines: LineIndex): void {
  const what = `diagnostic ${String(d.code)} at ${d.range.start.line + 1}:${d.range.start.character + 1}`;
  if (typeof d.code !== 'string' || !knownRuleIds.has(d.code)) fail(`${what}: unknown rule id`);
  if (d.source !== 'role-protocols') fail(`${what}: source ${String(d.source)}`);
  checkMessage(what, d.message);
  checkLspRange(what, lines, d.range);
}

export { Violation };
