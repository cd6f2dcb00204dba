import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol/node';
import { applyEdits, FIXTURES, TestClient } from './client';
import { protocolText } from '../helpers/protocolText';
import { nth } from '../helpers/nth';

// Written as escapes so that this file shows what it holds.
const CYRILLIC_A = '\u0430';
const ZWJ = '\u200D';
/** `physicist` spelt with Cyrillic р, һ, у, ѕ, і, с: eight of its nine letters are not Latin. */
const ALL_LOOKALIKE = '\u0440\u04BB\u0443\u0455\u0456\u0441\u0456\u0455t';

describe('lsp: look-alike ids ("did you mean" by what the id looks like)', () => {
  let client: TestClient;
  let count = 0;

  before(async () => {
    client = await TestClient.start({ initializationOptions: { roleProtocols: { diagnostics: { debounceMs: 0 } } } });
  });
  after(() => client.stop());

  /**
   * Opens the test protocol with one reference replaced, and gives the
   * replacements the server offers for the findings on it, and the text once
   * the preferred one is applied.
   */
  async function fixesFor(original: string, written: string, after: string): Promise<{ titles: string[]; fixed: string; diagnostics: Diagnostic[] }> {
    const base = protocolText();
    const start = base.indexOf(original, base.indexOf(after));
    const text = base.slice(0, start) + written + base.slice(start + original.length);
    const uri = await client.open(path.join(FIXTURES, `lookalike-${++count}.roles.yaml`), text);
    const diagnostics = (await client.pushed(uri)).filter((d) => d.code === 'schema' || d.code === 'unknown-reference');
    assert.ok(diagnostics.length > 0, 'no finding on the look-alike id');
    const actions: CodeAction[] = [];
    for (const diagnostic of diagnostics) {
      actions.push(
        ...(await client.request<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri },
          range: diagnostic.range,
          context: { diagnostics: [diagnostic], triggerKind: 1 },
        })),
      );
    }
    const replacements = actions.filter((a) => a.title.startsWith('Replace with'));
    const preferred = replacements.find((a) => a.isPreferred);
    assert.ok(preferred, `no preferred fix among ${actions.map((a) => a.title).join(', ')}`);
    const edits = nth(preferred.edit!.documentChanges as TextDocumentEdit[], 0).edits as TextEdit[];
    const fixed = applyEdits(text, edits);
    await client.change(uri, fixed);
    return { titles: [...new Set(replacements.map((a) => a.title))], fixed, diagnostics: await client.pushed(uri) };
  }

  it('offers `adapter` for `аdapter` written with a Cyrillic а (not `dapter`), and the fix leaves the protocol clean', async () => {
    const { titles, fixed, diagnostics } = await fixesFor('adapter', `${CYRILLIC_A}dapter`, 'id: oar-edit');
    assert.deepEqual(titles, ['Replace with `adapter`']);
    assert.equal(fixed, protocolText());
    assert.deepEqual(diagnostics, []);
  });

  it('offers the replacement once when two findings on the id suggest it, linked to both', async () => {
    const text = protocolText().replace(
      '    performs: [adapter]\n    skills: [oar-outlining]\n',
      `    performs: [${CYRILLIC_A}dapter]\n    skills: [oar-outlining]\n`,
    );
    const uri = await client.open(path.join(FIXTURES, `lookalike-${++count}.roles.yaml`), text);
    const diagnostics = (await client.pushed(uri)).filter((d) => d.code === 'schema' || d.code === 'unknown-reference');
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['schema', 'unknown-reference']);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: nth(diagnostics, 0).range,
      context: { diagnostics, triggerKind: 1 },
    });
    const replacements = actions.filter((a) => a.title.startsWith('Replace with'));
    assert.deepEqual(
      replacements.map((a) => [a.title, a.isPreferred, a.diagnostics?.length]),
      [['Replace with `adapter`', true, 2]],
    );
  });

  it('offers `adapter` for `adap‍ter` written with a zero-width joiner (not `adap-ter`)', async () => {
    const { titles, fixed, diagnostics } = await fixesFor('adapter', `adap${ZWJ}ter`, 'id: delivery');
    assert.deepEqual(titles, ['Replace with `adapter`']);
    assert.equal(fixed, protocolText());
    assert.deepEqual(diagnostics, []);
  });

  it('offers `physicist` for an id written almost wholly in Cyrillic look-alikes, which edit distance alone misses', async () => {
    const { titles, fixed, diagnostics } = await fixesFor('physicist', ALL_LOOKALIKE, 'id: plan-selection');
    assert.deepEqual(titles, ['Replace with `physicist`']);
    assert.equal(fixed, protocolText());
    assert.deepEqual(diagnostics, []);
  });
});
