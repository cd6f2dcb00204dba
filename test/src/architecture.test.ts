import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DOCUMENT_NAME_PATTERN, documentKind, documentKindOfText } from '../../server/out/shared/documentKinds';

/**
 * The invariants ARCHITECTURE.md states, checked on the sources: what each
 * layer may import, and that what a document is gets decided in one place.
 */

const ROOT = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  const found: string[] = [];
  const visit = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(full);
    }
  };
  visit(path.join(ROOT, dir));
  return found;
}

/** Every module a source file imports or requires, as written. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(
    /(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s*['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  )) {
    found.push((match[1] ?? match[2] ?? match[3])!);
  }
  return found;
}

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

describe('architecture invariants', () => {
  it('the service is pure: no file system, no network, no editor or LSP, no adapter code', () => {
    const forbidden = /^(node:)?(fs|fs\/promises|child_process|net|http|https|worker_threads)$|^vscode|^vscode-languageserver|^vscode-jsonrpc/;
    const offences: string[] = [];
    for (const file of sources('server/src/service')) {
      for (const spec of importsOf(file)) {
        const resolved = spec.startsWith('.') ? rel(path.resolve(path.dirname(file), spec)) : spec;
        if (forbidden.test(spec) || /^server\/src\/(lsp|node|cli)\//.test(resolved)) offences.push(`${rel(file)} imports ${spec}`);
      }
    }
    assert.deepEqual(offences, []);
  });

  it('the shared module imports nothing: the client and the server both build on it', () => {
    const offences = sources('server/src/shared').flatMap((file) => importsOf(file).map((spec) => `${rel(file)} imports ${spec}`));
    assert.deepEqual(offences, []);
  });

  it('the client imports nothing of the server but the shared module', () => {
    const offences: string[] = [];
    for (const file of sources('client/src')) {
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const resolved = rel(path.resolve(path.dirname(file), spec));
        if (resolved.startsWith('server/') && !resolved.startsWith('server/src/shared/')) offences.push(`${rel(file)} imports ${spec}`);
      }
    }
    assert.deepEqual(offences, []);
  });

  it('what a document is gets decided in one place (shared/documentKinds.ts)', () => {
    // A pattern on document names, or a test of a `format` value, anywhere else is a second decision.
    const decision =
      /\/[^/\n]*\\\.\(?(roles|catalogue)|\\\.roleprotocols|startsWith\(\s*['"`]role-|role-\(protocol|FORMAT_HINT|MENTIONS_FORMAT|startsWith\((CATALOGUE_)?FORMAT_NAME/;
    const offences: string[] = [];
    for (const file of [...sources('server/src'), ...sources('client/src')]) {
      if (rel(file) === 'server/src/shared/documentKinds.ts') continue;
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (decision.test(line)) offences.push(`${rel(file)}:${i + 1}: ${line.trim()}`);
        });
    }
    assert.deepEqual(offences, []);
    // The manifest cannot import code: its name patterns must be the shared one.
    const manifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const patterns = [...manifest.matchAll(/resourceFilename =~ \/((?:[^/\\]|\\\\.)+)\//g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
    assert.ok(patterns.length > 0);
    for (const pattern of patterns) assert.equal(pattern, DOCUMENT_NAME_PATTERN.source);
  });

  it('decides as documented: format first, then the name, configuration by name only', () => {
    assert.equal(documentKind('a.roles.yaml', undefined), 'protocol');
    assert.equal(documentKind('a.roles.yaml', 'role-catalogue/1'), 'catalogue');
    assert.equal(documentKind('a.catalogue.yaml', undefined), 'catalogue');
    assert.equal(documentKind('a.yaml', 'role-protocol/1'), 'protocol');
    assert.equal(documentKind('a.yaml', 'something/1'), undefined);
    assert.equal(documentKind('.roleprotocols.yaml', 'role-protocol/1'), 'configuration');
    assert.equal(documentKindOfText('a.json', '{"format":"role-catalogue/1"}'), 'catalogue');
    assert.equal(documentKindOfText('untitled:Untitled-1', 'format: role-protocol/1\n', 'yaml'), 'protocol');
    assert.equal(documentKindOfText('untitled:Untitled-1', 'format: role-protocol/1\n', 'markdown'), undefined);
    assert.equal(documentKindOfText('notes.md', 'format: role-protocol/1\n'), undefined);
  });
});
