import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../server/out/service/rules/index';
import { REPOSITORY_URL, ruleDocsUrl } from '../../server/out/service/rules/docs';
import { DEFAULT_DEBOUNCE_MS } from '../../server/out/lsp/settings';

/** The VS Code extension manifest is the repository's package.json. */
const REPO = path.resolve(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));

interface Setting {
  type?: string;
  default?: unknown;
  enum?: string[];
  description?: string;
  markdownDescription?: string;
  properties?: Record<string, Setting>;
  additionalProperties?: Setting | boolean;
  items?: Setting;
}

const settings: Record<string, Setting> = manifest.contributes.configuration.properties;
const SEVERITIES = ['error', 'warning', 'info', 'off'];

/** The entry `name` of a settings object, which the test needs there. */
function entryOf(properties: Record<string, Setting> | undefined, name: string): Setting {
  const entry = properties?.[name];
  assert.ok(entry, `no entry ${name}`);
  return entry;
}

describe('extension manifest (package.json)', () => {
  it('lists every rule under roleProtocols.rules, in order, with its default severity', () => {
    const rules = entryOf(settings, 'roleProtocols.rules');
    assert.equal(rules.type, 'object');
    assert.deepEqual(rules.default, {}, "rules not set keep the project file's or their default severity");
    const listed = Object.keys(rules.properties ?? {});
    // When a rule is added or removed, add or remove its entry under
    // contributes.configuration.properties["roleProtocols.rules"].properties.
    assert.deepEqual(
      listed,
      allRules.map((r) => r.id),
    );
    for (const rule of allRules) {
      const entry = entryOf(rules.properties, rule.id);
      assert.deepEqual(entry.enum, SEVERITIES, rule.id);
      assert.equal(entry.default, rule.defaultSeverity, `${rule.id}: default severity`);
      assert.ok(entry.markdownDescription && entry.markdownDescription.length > 20, `${rule.id}: description`);
    }
    assert.deepEqual((rules.additionalProperties as Setting).enum, SEVERITIES);
  });

  it('has the include path, debounce and trace settings, each described', () => {
    assert.equal(entryOf(settings, 'roleProtocols.includePath').type, 'array');
    assert.equal(entryOf(settings, 'roleProtocols.includePath').items?.type, 'string');
    assert.equal(entryOf(settings, 'roleProtocols.diagnostics.debounceMs').default, DEFAULT_DEBOUNCE_MS);
    assert.deepEqual(entryOf(settings, 'roleProtocols.trace.server').enum, ['off', 'messages', 'verbose']);
    assert.deepEqual(Object.keys(settings).sort(), [
      'roleProtocols.diagnostics.debounceMs',
      'roleProtocols.includePath',
      'roleProtocols.rules',
      'roleProtocols.trace.server',
    ]);
    for (const [key, setting] of Object.entries(settings)) assert.ok(setting.markdownDescription || setting.description, `${key} has no description`);
  });

  it('contributes the commands under Role Protocols, with the tables in the editor title of protocol files', () => {
    const commands: { command: string; title: string; category: string }[] = manifest.contributes.commands;
    assert.deepEqual(
      commands.map((c) => [c.command, c.category, c.title]),
      [
        ['roleProtocols.newProtocol', 'Role Protocols', 'New role protocol'],
        ['roleProtocols.showTables', 'Role Protocols', 'Show summary tables'],
        ['roleProtocols.exportTables', 'Role Protocols', 'Export tables'],
        ['roleProtocols.compareWithPrevious', 'Role Protocols', 'Compare with a previous version'],
        ['roleProtocols.revealChange', 'Role Protocols', 'Show a change in the editor'],
      ],
    );
    // Comparing runs git, which obeys the repository's configuration: never in an untrusted workspace.
    const compare = commands.find((c) => c.command === 'roleProtocols.compareWithPrevious') as { enablement?: string } | undefined;
    assert.equal(compare?.enablement, 'isWorkspaceTrusted');
    const palette: { command: string; when: string }[] = manifest.contributes.menus.commandPalette;
    assert.equal(palette.find((m) => m.command === 'roleProtocols.revealChange')?.when, 'false', 'the link command is not in the palette');
    const title: { command: string; when: string; group: string }[] = manifest.contributes.menus['editor/title'];
    const show = title.find((m) => m.command === 'roleProtocols.showTables');
    assert.ok(show && show.group.startsWith('navigation'), 'Show summary tables is a title-bar button');
    assert.ok(show.when.includes('resourceFilename =~ /\\.(roles|catalogue|register)\\.(ya?ml|json)$/'), show.when);
  });

  it('keeps YAML and JSON highlighting and hands no schema to other validators', () => {
    for (const key of ['languages', 'grammars', 'yamlValidation', 'jsonValidation']) assert.equal(manifest.contributes[key], undefined, `contributes.${key}`);
    assert.deepEqual(manifest.activationEvents, [
      'onLanguage:yaml',
      'onLanguage:json',
      'workspaceContains:**/*.{roles,catalogue,register}.{yaml,yml,json}',
      'onWebviewPanel:roleProtocols.tables',
    ]);
  });

  it('is packaged from the bundles for VS Code 1.100', () => {
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.engines.vscode, '^1.100.0');
    // vsce refuses @types/vscode newer than the engine.
    assert.match(manifest.devDependencies['@types/vscode'], /^[~^]?1\.100\./);
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['roleProtocols.includePath']);
    const ignore = fs.readFileSync(path.join(REPO, '.vscodeignore'), 'utf8');
    for (const shipped of ['!dist/extension.js', '!dist/server.js', '!LICENSE']) assert.ok(ignore.includes(shipped), shipped);
  });
});

describe('documentation links', () => {
  it('point at the repository the manifest names, where every rule has its page', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { repository: { url: string } };
    assert.equal(manifest.repository.url.replace(/\.git$/, ''), REPOSITORY_URL);
    assert.equal(ruleDocsUrl('schema'), `${REPOSITORY_URL}/blob/main/docs/rules/schema.md`);
  });
});
