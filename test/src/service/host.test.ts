import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ProjectHost, navigationScope, settingsKey, type CheckSettings, type FileRead, type ProjectFileSystem } from '../../../server/out/service/project/host';
import type { IncludeReader } from '../../../server/out/service/engine/includes';
import { SAMPLES } from '../lsp/client';
import { TODAY } from '../helpers/ruleTester';

/**
 * The project host on its own, over a file system held in memory (the disk
 * one is exercised by the CLI and server tests): what it reuses, what it
 * says to re-check, and when.
 */

const CATALOGUE = fs.readFileSync(path.join(SAMPLES, 'shared-catalogue', 'department.catalogue.yaml'), 'utf8');
const PROTOCOL = fs.readFileSync(path.join(SAMPLES, 'shared-catalogue', 'prostate.roles.yaml'), 'utf8');

/** Files by path, each with a stamp that moves when it is written; counts the reads. */
class MemoryFiles implements ProjectFileSystem {
  readonly files = new Map<string, { text: string; stamp: number }>();
  reads = 0;
  private clock = 0;

  write(file: string, text: string): void {
    this.files.set(file, { text, stamp: ++this.clock });
  }

  remove(file: string): void {
    this.files.delete(file);
  }

  readFile(file: string): FileRead {
    this.reads++;
    const found = this.files.get(file);
    return found ? { text: found.text } : { problem: 'missing', message: 'there is no such file' };
  }

  stamp(file: string): string {
    return String(this.files.get(file)?.stamp ?? 'missing');
  }

  dataFiles() {
    return { files: [...this.files.keys()].filter((f) => /\.(ya?ml|json)$/.test(f)).sort(), truncated: false };
  }
}

/** Includes relative to the including file, in the same folder (enough for these tests). */
const includes =
  (read: (file: string) => FileRead): IncludeReader =>
  (includePath, fromFile) => {
    const file = path.posix.join(path.posix.dirname(fromFile ?? '/w/x'), includePath);
    const got = read(file);
    return 'text' in got ? { file, text: got.text } : { error: `${got.message}.` };
  };

const settings = (extra: Partial<CheckSettings> = {}): CheckSettings => {
  const config = extra.config ?? { rules: new Map() };
  return { config, today: TODAY, includes, key: settingsKey(config), ...extra };
};

const codes = (host: ProjectHost, id: string) => host.analysis(id, settings())!.result.findings.map((f) => f.ruleId);

describe('project host', () => {
  let disk: MemoryFiles;
  let host: ProjectHost;

  beforeEach(() => {
    disk = new MemoryFiles();
    disk.write('/w/department.catalogue.yaml', CATALOGUE);
    disk.write('/w/prostate.roles.yaml', PROTOCOL);
    host = new ProjectHost(disk);
  });

  it('reuses an analysis while the text, the settings and the files read are the same, whatever the version', () => {
    host.setDocument({ id: 'a', file: '/w/prostate.roles.yaml', name: 'prostate.roles.yaml', text: PROTOCOL });
    const first = host.analysis('a', settings());
    assert.ok(first);
    assert.equal(host.analysis('a', settings()), first);
    // The same text set again (a re-open): still the same analysis.
    host.setDocument({ id: 'a', file: '/w/prostate.roles.yaml', name: 'prostate.roles.yaml', text: PROTOCOL });
    assert.equal(host.analysis('a', settings()), first);
    // Other settings: checked again.
    const strict = { rules: new Map([['unused-definition', 'error' as const]]) };
    assert.notEqual(host.analysis('a', settings({ config: strict, key: settingsKey(strict) })), first);
    // Another text: checked again.
    host.setDocument({ id: 'a', file: '/w/prostate.roles.yaml', name: 'prostate.roles.yaml', text: PROTOCOL + '# note\n' });
    assert.notEqual(host.analysis('a', settings()), first);
  });

  it('says which open documents read a catalogue when its text changes, and only when it does', () => {
    host.setDocument({ id: 'p', file: '/w/prostate.roles.yaml', name: 'prostate.roles.yaml', text: PROTOCOL });
    assert.deepEqual(codes(host, 'p'), []);
    // Opening the catalogue as it is on disk changes nothing.
    assert.deepEqual(host.setDocument({ id: 'c', file: '/w/department.catalogue.yaml', name: 'department.catalogue.yaml', text: CATALOGUE }), []);
    const renamed = CATALOGUE.replace('  - id: physicist', '  - id: medical-physicist');
    assert.deepEqual(host.setDocument({ id: 'c', file: '/w/department.catalogue.yaml', name: 'department.catalogue.yaml', text: renamed }), ['p']);
    assert.ok(codes(host, 'p').includes('unknown-reference'));
    // Closed, the catalogue is read from disk again: the protocol is to be checked again, and is clean.
    assert.deepEqual(host.closeDocument('c'), ['p']);
    assert.deepEqual(codes(host, 'p'), []);
  });

  it('re-reads a file whose stamp moved, and says who read a file that changed, appeared or went', () => {
    host.setDocument({ id: 'p', file: '/w/prostate.roles.yaml', name: 'prostate.roles.yaml', text: PROTOCOL });
    assert.deepEqual(codes(host, 'p'), []);
    disk.write('/w/department.catalogue.yaml', CATALOGUE.replace('  - id: physicist', '  - id: mpe'));
    // No event: the stamp says the file moved on.
    assert.ok(codes(host, 'p').includes('unknown-reference'));
    assert.deepEqual(host.filesChanged(['/w/department.catalogue.yaml']), ['p']);
    disk.remove('/w/department.catalogue.yaml');
    assert.equal(codes(host, 'p')[0], 'unresolved-include');
    // A file that was looked for and not found is recorded too: its appearance re-checks the document.
    disk.write('/w/department.catalogue.yaml', CATALOGUE);
    assert.deepEqual(host.filesChanged(['/w/department.catalogue.yaml']), ['p']);
    assert.deepEqual(codes(host, 'p'), []);
    assert.deepEqual(host.filesChanged(['/w/unrelated.yaml']), []);
  });

  it('keeps reading an open file from the editor while another editor of the same file is closed', () => {
    host.setDocument({ id: 'a', file: '/w/department.catalogue.yaml', name: 'department.catalogue.yaml', text: CATALOGUE + '# a\n' });
    host.setDocument({ id: 'b', file: '/w/department.catalogue.yaml', name: 'department.catalogue.yaml', text: CATALOGUE + '# b\n' });
    host.closeDocument('b');
    assert.deepEqual(host.read('/w/department.catalogue.yaml'), { text: CATALOGUE + '# a\n' });
    host.closeDocument('a');
    assert.deepEqual(host.read('/w/department.catalogue.yaml'), { text: CATALOGUE });
  });

  it('reads a file once for every document that includes it, until it changes', () => {
    for (const name of ['a', 'b', 'c']) disk.write(`/w/${name}.roles.yaml`, PROTOCOL);
    const before = disk.reads;
    for (const name of ['a', 'b', 'c']) host.analysis(`/w/${name}.roles.yaml`, settings());
    // Three protocols and one catalogue.
    assert.equal(disk.reads - before, 4);
  });

  it('leaves alone a document that is not one of the tool’s, unless asked to check it whatever it is', () => {
    host.setDocument({ id: 'x', file: '/w/compose.yaml', name: 'compose.yaml', text: 'services: {}\n' });
    assert.equal(host.analysis('x', settings()), undefined);
    assert.equal(host.analysis('x', settings(), { whatever: true })?.result.isProtocol, false);
    // A document mid-edit that does not parse keeps its kind by its `format` line.
    host.setDocument({ id: 'y', name: 'untitled:1', languageId: 'yaml', text: 'format: role-protocol/1\nroles: [\n' });
    assert.equal(host.analysis('y', settings())?.kind, 'protocol');
  });

  it('finds the documents on disk that include a catalogue, for references and rename', () => {
    disk.write('/w/bladder.roles.yaml', PROTOCOL.replace(/prostate/g, 'bladder'));
    disk.write('/w/compose.yaml', 'services: {}\n');
    host.setDocument({ id: 'c', file: '/w/department.catalogue.yaml', name: 'department.catalogue.yaml', text: CATALOGUE });
    const catalogue = host.analysis('c', settings())!;
    const { analyses } = host.closedDependentsOf('/w/department.catalogue.yaml', () => settings());
    assert.deepEqual(analyses.map((a) => a.document.file).sort(), ['/w/bladder.roles.yaml', '/w/prostate.roles.yaml']);
    // Navigation then spans the catalogue and both protocols.
    const scope = navigationScope(catalogue, analyses);
    assert.deepEqual([...scope.lines.keys()].sort(), ['/w/bladder.roles.yaml', '/w/prostate.roles.yaml']);
    assert.ok(scope.located.some((o) => o.file === '/w/bladder.roles.yaml' && o.id === 'physicist'));
  });
});
