import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol/node';
import { applyEdits, at, FIXTURES, SAMPLES, TestClient } from './client';
import { protocolText, SECTIONS } from '../helpers/protocolText';
import { nth } from '../helpers/nth';

const broken = (name: string) => fs.readFileSync(path.join(SAMPLES, 'broken', name), 'utf8');

describe('lsp: code actions', () => {
  let client: TestClient;
  let count = 0;

  before(async () => {
    client = await TestClient.start({ initializationOptions: { roleProtocols: { diagnostics: { debounceMs: 0 } } } });
  });
  after(() => client.stop());

  /** Opens `text` as a new document and gives its diagnostics. */
  async function open(text: string, extension = 'yaml'): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = await client.open(path.join(FIXTURES, `actions-${++count}.roles.${extension}`), text);
    return { uri, diagnostics: await client.pushed(uri) };
  }

  async function actionsFor(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], triggerKind: 1 },
    });
  }

  const editsOf = (action: CodeAction): TextEdit[] => {
    const changes = action.edit!.documentChanges as TextDocumentEdit[];
    assert.equal(changes.length, 1);
    return nth(changes, 0).edits as TextEdit[];
  };

  /** Applies the action and gives the findings of the result. */
  async function apply(uri: string, action: CodeAction): Promise<{ text: string; diagnostics: Diagnostic[] }> {
    const text = applyEdits(client.texts.get(uri)!, editsOf(action));
    await client.change(uri, text);
    return { text, diagnostics: await client.pushed(uri) };
  }

  it('replaces an unknown key with the "did you mean" suggestion, as the preferred fix', async () => {
    const { uri, diagnostics } = await open(broken('schema-unknown-key.roles.yaml'));
    const diagnostic = nth(diagnostics, 0);
    const actions = await actionsFor(uri, diagnostic);
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]),
      [
        ['Replace with `maxBand`', 'quickfix', true],
        ['Suppress `schema` on this line', 'quickfix', false],
      ],
    );
    assert.deepEqual(nth(actions, 0).diagnostics, [diagnostic]);
    assert.deepEqual(editsOf(nth(actions, 0)), [{ range: { start: { line: 42, character: 4 }, end: { line: 42, character: 11 } }, newText: 'maxBand' }]);
    assert.deepEqual((await apply(uri, nth(actions, 0))).diagnostics, []);
  });

  it('replaces an unknown role reference and a misspelt rule id in a suppression comment', async () => {
    const reference = await open(broken('unknown-reference.roles.yaml'));
    const replace = nth(await actionsFor(reference.uri, nth(reference.diagnostics, 0)), 0);
    assert.deepEqual(editsOf(replace), [{ range: { start: { line: 110, character: 15 }, end: { line: 110, character: 31 } }, newText: 'advanced-adapter' }]);
    assert.deepEqual((await apply(reference.uri, replace)).diagnostics, []);

    const rule = await open(broken('unknown-rule.roles.yaml'));
    const actions = await actionsFor(rule.uri, nth(rule.diagnostics, 0));
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Replace with `mpe-involvement`'],
      'a misspelt id in a suppression comment is mended, not suppressed',
    );
    assert.deepEqual(editsOf(nth(actions, 0)), [
      { range: { start: { line: 109, character: 39 }, end: { line: 109, character: 53 } }, newText: 'mpe-involvement' },
    ]);
    assert.deepEqual((await apply(rule.uri, nth(actions, 0))).diagnostics, []);
  });

  it('adds a training row stub for a responsibility with no training, after the last row', async () => {
    const { uri, diagnostics } = await open(broken('entitlement-needs-training.roles.yaml'));
    const diagnostic = diagnostics.find((d) => d.code === 'entitlement-needs-training')!;
    assert.equal(at(diagnostic.range), '94:16-94:32');
    const actions = await actionsFor(uri, diagnostic);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Add a training row for `advanced-adapter` in `oar-outlining`', 'Suppress `entitlement-needs-training` on this line'],
    );
    assert.deepEqual(editsOf(nth(actions, 0)), [
      {
        range: { start: { line: 189, character: 27 }, end: { line: 189, character: 27 } },
        newText: '\n  - skill: oar-outlining\n    roles: [advanced-adapter]\n    methods: []\n    records: []\n    reassessEveryMonths: 12',
      },
    ]);
    const after = await apply(uri, nth(actions, 0));
    assert.ok(
      after.text.includes(
        '    reassessEveryMonths: 12\n  - skill: oar-outlining\n    roles: [advanced-adapter]\n    methods: []\n    records: []\n    reassessEveryMonths: 12\ncontingencies:\n',
      ),
    );
    // The stub is for the author to fill in: only its empty method and record lists are left to report.
    assert.deepEqual(
      after.diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`),
      ['training-has-method-and-record@193', 'training-has-method-and-record@194'],
    );
  });

  it('adds a training row with a blank line before it where the rows are spaced out', async () => {
    const text = fs
      .readFileSync(path.join(SAMPLES, 'reference-department.roles.yaml'), 'utf8')
      .replace('    roles: [adapter]\n    methods: [proknow]', '    roles: [advanced-adapter]\n    methods: [proknow]');
    const { uri, diagnostics } = await open(text);
    const diagnostic = diagnostics.find((d) => d.code === 'entitlement-needs-training')!;
    const stub = nth(await actionsFor(uri, diagnostic), 0);
    assert.equal(stub.title, 'Add a training row for `adapter` in `oar-outlining`');
    assert.deepEqual(editsOf(stub), [
      {
        range: { start: { line: 286, character: 27 }, end: { line: 286, character: 27 } },
        newText: '\n\n  - skill: oar-outlining\n    roles: [adapter]\n    methods: []\n    records: []\n    reassessEveryMonths: 12',
      },
    ]);
  });

  it('adds a missing method to `methods`', async () => {
    const text = protocolText().replace('    methods: [proknow]', '    methods: [proknow, e-learning]');
    const { uri, diagnostics } = await open(text);
    assert.deepEqual(
      diagnostics.map((d) => `${d.code}@${at(d.range)}`),
      ['unknown-reference@105:24-105:34'],
    );
    const actions = await actionsFor(uri, nth(diagnostics, 0));
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Add method `e-learning` to `methods`', 'Suppress `unknown-reference` on this line'],
    );
    // After `    type: training-programme`, the last line of the last method (line 94).
    assert.deepEqual(editsOf(nth(actions, 0)), [
      { range: { start: { line: 93, character: 28 }, end: { line: 93, character: 28 } }, newText: '\n  - id: e-learning\n    name: e-learning' },
    ]);
    const after = await apply(uri, nth(actions, 0));
    assert.ok(after.text.includes('    type: training-programme\n  - id: e-learning\n    name: e-learning\nrecords:'));
    assert.deepEqual(after.diagnostics, []);
  });

  it('adds a missing record, creating the `records` section at the end when there is none', async () => {
    const text = protocolText({ records: '' });
    const { uri, diagnostics } = await open(text);
    const diagnostic = diagnostics.find((d) => d.code === 'unknown-reference' && String(d.message).includes('`proknow-log`'))!;
    const add = nth(await actionsFor(uri, diagnostic), 0);
    assert.equal(add.title, 'Add record `proknow-log` to `records`');
    const end = text.split('\n').length - 1;
    assert.deepEqual(editsOf(add), [
      { range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, newText: '\nrecords:\n  - id: proknow-log\n    name: proknow-log\n' },
    ]);
    const after = await apply(uri, add);
    assert.ok(after.text.endsWith('    then: Treat with the scheduled plan.\n\nrecords:\n  - id: proknow-log\n    name: proknow-log\n'));
    // The roles' core training record is missing too (from the roles above, so first).
    assert.deepEqual(
      after.diagnostics.map((d) => d.message),
      [...Array<string>(3).fill('No record has the id `irmer-training`.'), 'No record has the id `training-records`.'],
    );
    // The second record now goes into the section the first fix made.
    const second = nth(await actionsFor(uri, nth(after.diagnostics, 3)), 0);
    assert.deepEqual(nth(editsOf(second), 0).newText, '\n  - id: training-records\n    name: training-records');
    const third = await apply(uri, second);
    assert.equal(third.diagnostics.length, 3);
    const fix = nth(await actionsFor(uri, nth(third.diagnostics, 0)), 0);
    assert.deepEqual(nth(editsOf(fix), 0).newText, '\n  - id: irmer-training\n    name: irmer-training');
    assert.deepEqual((await apply(uri, fix)).diagnostics, []);
  });

  it('suppresses a finding with a comment above its line, at its indentation', async () => {
    const text = protocolText({ training: SECTIONS.training.replace('    reassessEveryMonths: 12\n  - skill: plan-selection', '  - skill: plan-selection') });
    const { uri, diagnostics } = await open(text);
    const diagnostic = diagnostics.find((d) => d.code === 'reassessment-interval')!;
    const actions = await actionsFor(uri, diagnostic);
    const suppress = actions.find((a) => a.title === 'Suppress `reassessment-interval` on this line')!;
    const line = diagnostic.range.start.line;
    assert.deepEqual(editsOf(suppress), [
      { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: '  # role-protocols-disable-next-line reassessment-interval\n' },
    ]);
    assert.deepEqual((await apply(uri, suppress)).diagnostics, []);
  });

  it('adds the rule to a suppression comment already above the line', async () => {
    const text = protocolText({
      roles: SECTIONS.roles.replace(
        '    minBand: 6\n    maxBand: 7\n',
        '    minBand: 6\n    # role-protocols-disable-next-line medical-role-band -- not a medical role\n    maxBand: 5\n',
      ),
    });
    const { uri, diagnostics } = await open(text);
    const diagnostic = diagnostics.find((d) => d.code === 'band-range')!;
    assert.equal(at(diagnostic.range), '31:14-31:15');
    const suppress = (await actionsFor(uri, diagnostic)).find((a) => a.title.startsWith('Suppress'))!;
    const comment = client.at(uri, ' medical-role-band', 18);
    assert.deepEqual(editsOf(suppress), [{ range: { start: comment, end: comment }, newText: ', band-range' }]);
    const after = await apply(uri, suppress);
    assert.ok(after.text.includes('    # role-protocols-disable-next-line medical-role-band, band-range -- not a medical role\n    maxBand: 5\n'));
    assert.deepEqual(after.diagnostics, []);
  });

  it('mends JSON as JSON: quotes kept, a stub written as an object, and no comment to suppress with', async () => {
    const json = broken('schema-json.roles.json')
      .replace('"maxBand": 7', '"maxBnad": 7')
      .replace(
        '"adapter",\n        "advanced-adapter"\n      ],\n      "methods": [\n        "proknow"',
        '"adapter"\n      ],\n      "methods": [\n        "proknow"',
      );
    const { uri, diagnostics } = await open(json, 'json');
    const key = diagnostics.find((d) => String(d.message).startsWith('Unknown key `maxBnad`'))!;
    const keyActions = await actionsFor(uri, key);
    assert.deepEqual(
      keyActions.map((a) => a.title),
      ['Replace with `maxBand`'],
    );
    const keyEdit = nth(editsOf(nth(keyActions, 0)), 0);
    assert.equal(keyEdit.newText, 'maxBand');
    assert.equal(keyEdit.range.end.character - keyEdit.range.start.character, 7, 'inside the quotes');
    const band = diagnostics.find((d) => String(d.message).includes('got `7`. Write it without quotes'))!;
    const unquote = nth(await actionsFor(uri, band), 0);
    assert.equal(nth(editsOf(unquote), 0).newText, '7');
    assert.equal(nth(editsOf(unquote), 0).range.end.character - nth(editsOf(unquote), 0).range.start.character, 3, 'the quotes go');
    const entitlement = diagnostics.find((d) => d.code === 'entitlement-needs-training')!;
    const stub = nth(await actionsFor(uri, entitlement), 0);
    assert.deepEqual(
      nth(editsOf(stub), 0).newText,
      ',\n    {"skill": "oar-outlining", "roles": ["advanced-adapter"], "methods": [], "records": [], "reassessEveryMonths": 12}',
    );
    let text = client.texts.get(uri)!;
    for (const action of [nth(keyActions, 0), unquote, stub]) text = applyEdits(text, editsOf(action));
    JSON.parse(text);
    await client.change(uri, text);
    assert.deepEqual(
      (await client.pushed(uri)).map((d) => d.code),
      ['training-has-method-and-record', 'training-has-method-and-record'],
    );
  });

  it('gives no actions outside a finding or when only other kinds are asked for', async () => {
    const { uri, diagnostics } = await open(broken('schema-unknown-key.roles.yaml'));
    const elsewhere = { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } };
    assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri }, range: elsewhere, context: { diagnostics: [] } }), []);
    assert.deepEqual(
      await client.request('textDocument/codeAction', {
        textDocument: { uri },
        range: nth(diagnostics, 0).range,
        context: { diagnostics, only: ['refactor'] },
      }),
      [],
    );
    assert.equal(
      (
        await client.request<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri },
          range: nth(diagnostics, 0).range,
          context: { diagnostics, only: ['quickfix'] },
        })
      ).length,
      2,
    );
  });
});
