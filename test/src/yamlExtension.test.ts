import * as assert from 'node:assert/strict';
import { leftToYamlExtension } from '../../client/out/yamlExtension';

describe('with Red Hat’s YAML extension installed', () => {
  it('leaves YAML syntax errors and duplicate keys to it, and nothing else', () => {
    assert.equal(leftToYamlExtension({ value: 'syntax', target: 'x' }, 'role-protocols', '/w/a.roles.yaml', true), true);
    assert.equal(leftToYamlExtension('duplicate-key', 'role-protocols', '/w/a.roles.yaml', true), true);
    assert.equal(leftToYamlExtension({ value: 'schema' }, 'role-protocols', '/w/a.roles.yaml', true), false);
    assert.equal(leftToYamlExtension({ value: 'unknown-reference' }, 'role-protocols', '/w/a.roles.yaml', true), false);
  });
  it('keeps everything for JSON, for other sources, and when the YAML extension does not validate', () => {
    assert.equal(leftToYamlExtension('syntax', 'role-protocols', '/w/a.roles.json', true), false);
    assert.equal(leftToYamlExtension('syntax', 'yaml-schema', '/w/a.roles.yaml', true), false);
    assert.equal(leftToYamlExtension('syntax', 'role-protocols', '/w/a.roles.yaml', false), false);
  });
});
