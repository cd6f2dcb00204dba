import * as assert from 'node:assert/strict';
import { contributedSchema, isYamlExtensionApi, leftToYamlExtension, schemaUriFor } from '../../client/out/yamlExtension';

describe('with Red Hat’s YAML extension installed', () => {
  it('leaves duplicate keys to it while it validates YAML, and nothing else', () => {
    assert.equal(leftToYamlExtension('duplicate-key', 'role-protocols', '/w/a.roles.yaml', true), true);
    assert.equal(leftToYamlExtension({ value: 'duplicate-key', target: 'x' }, 'role-protocols', '/w/a.roles.yaml', true), true);
    assert.equal(leftToYamlExtension({ value: 'schema' }, 'role-protocols', '/w/a.roles.yaml', true), false);
    assert.equal(leftToYamlExtension({ value: 'unknown-reference' }, 'role-protocols', '/w/a.roles.yaml', true), false);
  });
  it('always keeps our syntax finding: it says where the slip is and how to mend it', () => {
    assert.equal(leftToYamlExtension({ value: 'syntax', target: 'x' }, 'role-protocols', '/w/a.roles.yaml', true), false);
    assert.equal(leftToYamlExtension('syntax', 'role-protocols', '/w/a.roles.yaml', true), false);
  });
  it('keeps everything for JSON, for other sources, and when the YAML extension does not validate', () => {
    assert.equal(leftToYamlExtension('duplicate-key', 'role-protocols', '/w/a.roles.json', true), false);
    assert.equal(leftToYamlExtension('duplicate-key', 'yaml-schema', '/w/a.roles.yaml', true), false);
    assert.equal(leftToYamlExtension('duplicate-key', 'role-protocols', '/w/a.roles.yaml', false), false);
  });
  it('contributes a schema that names the document and accepts every document', () => {
    for (const kind of ['protocol', 'catalogue', 'register', 'configuration'] as const) {
      const text = contributedSchema(schemaUriFor(kind));
      assert.ok(text, kind);
      const schema = JSON.parse(text) as Record<string, unknown>;
      assert.match(String(schema.title), kind === 'configuration' ? /Role Protocols configuration/ : new RegExp(`^Role ${kind} `));
      // Nothing that constrains a document (no type, properties, required, enum...): Red Hat's extension must add no findings.
      assert.deepEqual(Object.keys(schema).sort(), ['$comment', '$schema', 'title']);
    }
    assert.equal(contributedSchema('role-protocols://schemas/other.json'), undefined);
    assert.equal(contributedSchema('https://example.org/schemas/protocol.json'), undefined);
  });
  it('recognises the extension API by its registerContributor', () => {
    assert.equal(isYamlExtensionApi({ registerContributor: () => true }), true);
    assert.equal(isYamlExtensionApi({}), false);
    assert.equal(isYamlExtensionApi(undefined), false);
  });
});
