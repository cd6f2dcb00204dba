import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'yaml-language-server/out/server/src/languageservice/yamlLanguageService';
import { contributedSchema, schemaUriFor } from '../../client/out/yamlExtension';
import { SAMPLES } from './lsp/client';

/**
 * What Red Hat's YAML extension does with the schema this extension
 * contributes to it, asked of its language service (yaml-language-server from
 * npm, the one its extension bundles): the reasons of docs/EDITORS.md, as tests.
 */

const ROLE_SCHEMA = fs.readFileSync(path.join(SAMPLES, '..', 'schemas', 'role-protocol.schema.json'), 'utf8');

/** The language service with `schema` for protocols, or with no schema at all. */
function service(schema?: string) {
  const ls = getLanguageService({
    schemaRequestService: () => (schema === undefined ? Promise.reject(new Error('no schema')) : Promise.resolve(schema)),
    workspaceContext: { resolveRelativePath: (relative: string) => relative },
  });
  const schemas = schema === undefined ? [] : [{ uri: 'role-protocols://schemas/protocol.json', fileMatch: ['*.roles.yaml'] }];
  ls.configure({ validate: true, hover: true, completion: true, schemas });
  return ls;
}

function sampleDocument(relative: string): TextDocument {
  return TextDocument.create(`file:///w/${path.basename(relative)}`, 'yaml', 1, fs.readFileSync(path.join(SAMPLES, relative), 'utf8'));
}

describe('Red Hat’s YAML language service with the schema we contribute', () => {
  const contributed = service(contributedSchema(schemaUriFor('protocol'))!);
  const broken = fs.readdirSync(path.join(SAMPLES, 'broken')).filter((f) => f.endsWith('.roles.yaml'));

  it('reports nothing from the schema on any sample: only syntax errors and duplicate keys, which it reports without one', async () => {
    const none = service();
    for (const name of ['reference-department.roles.yaml', ...broken.map((f) => `broken/${f}`)]) {
      const document = sampleDocument(name);
      const withOurs = (await contributed.doValidation(document, false)).map((d) => d.message);
      const without = (await none.doValidation(document, false)).map((d) => d.message);
      assert.deepEqual(withOurs, without, name);
      for (const message of withOurs)
        assert.doesNotMatch(message, /^Property .* is not allowed|Missing property|Incorrect type|Value is not accepted/, `${name}: ${message}`);
    }
  });

  it('offers no completion and no hover text on a protocol', async () => {
    const document = sampleDocument('reference-department.roles.yaml');
    const text = document.getText();
    for (const at of [text.indexOf('staffGroups'), text.indexOf('roles:') + 7, text.indexOf('careerLevel: ') + 13]) {
      const completion = await contributed.doComplete(document, document.positionAt(at), false);
      assert.deepEqual(
        completion.items.map((i) => i.label),
        [],
      );
      const hover = await contributed.doHover(document, document.positionAt(at + 1));
      const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
      assert.equal(value, '', `hover at ${at}`);
    }
  });

  it('would repeat every schema finding in its own words with our real schema (why it is not contributed)', async () => {
    const real = service(ROLE_SCHEMA);
    const found = await real.doValidation(sampleDocument('broken/schema-unknown-key.roles.yaml'), false);
    assert.ok(
      found.some((d) => /maxBnad is not allowed/.test(d.message)),
      found.map((d) => d.message).join('\n'),
    );
    const document = sampleDocument('reference-department.roles.yaml');
    const completion = await real.doComplete(document, document.positionAt(document.getText().indexOf('staffGroups')), false);
    assert.ok(completion.items.length > 0, 'and complete keys beside ours');
  });
});
