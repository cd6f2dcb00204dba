import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAll, COMMANDS, EXTENSION_ID, firstDiagnostics, ruleOf, sample, show, workspaceFolder } from '../helpers';
import * as fs from 'fs';
import * as path from 'path';
import { nth } from '../nth';

describe('commands', () => {
  before(activateExtension);
  afterEach(closeAll);

  it('are in the command palette under Role Protocols', async () => {
    const registered = await vscode.commands.getCommands(true);
    const contributed = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string; category: string }[] } })
      .contributes.commands;
    for (const command of COMMANDS) {
      assert.ok(registered.includes(command), command);
      assert.equal(contributed.find((c) => c.command === command)?.category, 'Role Protocols');
    }
  });

  it('New role protocol opens the reference department as an untitled YAML document', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('roleProtocols.newProtocol', 'reference');
    assert.ok(document);
    assert.equal(document.isUntitled, true);
    assert.equal(document.languageId, 'yaml');
    assert.equal(vscode.window.activeTextEditor?.document, document);
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    // In development mode the extension is the repository, so the sample is at hand to compare.
    assert.equal(document.getText(), fs.readFileSync(path.join(extension.extensionPath, 'samples', 'reference-department.roles.yaml'), 'utf8'));
  });

  it('New role protocol: the blank template is checked like any protocol', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('roleProtocols.newProtocol', 'blank');
    assert.ok(document?.isUntitled);
    assert.match(document.getText(), /^format: role-protocol\/1$/m);
    // A new draft has no review date yet: the one thing the checks ask for.
    const diagnostics = await firstDiagnostics(document.uri);
    assert.deepEqual(diagnostics.map(ruleOf), ['document-control']);
  });

  it('Export tables writes the chosen tables in the chosen format', async () => {
    const { document } = await show(sample('reference-department.roles.yaml'));
    const csv = vscode.Uri.joinPath(workspaceFolder(), 'exports', 'training.csv');
    const written = await vscode.commands.executeCommand<vscode.Uri>('roleProtocols.exportTables', document.uri, {
      tables: ['training'],
      format: 'csv',
      target: csv,
    });
    assert.equal(written?.toString(), csv.toString());
    const csvText = new TextDecoder().decode(await vscode.workspace.fs.readFile(csv));
    assert.match(nth(csvText.split(/\r?\n/), 0), /^Role,Skill,Method,Record$/);
    assert.match(csvText, /ProKnow Contouring Tool/);
    assert.doesNotMatch(csvText, /Responsibility matrix/);

    const md = vscode.Uri.joinPath(workspaceFolder(), 'exports', 'all.md');
    await vscode.commands.executeCommand('roleProtocols.exportTables', document.uri, {
      tables: ['training', 'roles', 'matrix', 'coverage', 'sites', 'governance'],
      format: 'md',
      target: md,
    });
    const mdText = new TextDecoder().decode(await vscode.workspace.fs.readFile(md));
    for (const title of ['Training matrix', 'Roles and responsibilities', 'Responsibility matrix', 'Training coverage by site', 'Sites', 'Training governance'])
      assert.ok(mdText.includes(title), title);
  });

  it('Export tables writes Word (bytes from the server, base64 on the wire) and HTML', async () => {
    const { document } = await show(sample('reference-department.roles.yaml'));
    const docx = vscode.Uri.joinPath(workspaceFolder(), 'exports', 'all.docx');
    assert.equal(
      (
        await vscode.commands.executeCommand<vscode.Uri>('roleProtocols.exportTables', document.uri, {
          tables: ['training', 'matrix'],
          format: 'docx',
          target: docx,
        })
      )?.toString(),
      docx.toString(),
    );
    const bytes = await vscode.workspace.fs.readFile(docx);
    // A zip (PK\x03\x04) holding the Word document part, written byte for byte.
    assert.deepEqual([...bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
    assert.ok(Buffer.from(bytes).includes('word/document.xml'), 'no word/document.xml in the zip');

    const html = vscode.Uri.joinPath(workspaceFolder(), 'exports', 'training.html');
    await vscode.commands.executeCommand('roleProtocols.exportTables', document.uri, { tables: ['training'], format: 'html', target: html });
    const htmlText = new TextDecoder().decode(await vscode.workspace.fs.readFile(html));
    assert.match(htmlText, /^<!DOCTYPE html>/i);
    assert.match(htmlText, /<td>ProKnow Contouring Tool<\/td>/);
    assert.doesNotMatch(htmlText, /<script/i);
  });

  it('Export tables leaves the existing file as it was when the write fails, and no temporary file', async () => {
    const disk = new SmallDisk(4096);
    const registration = vscode.workspace.registerFileSystemProvider('rp-small-disk', disk);
    try {
      const old = new TextEncoder().encode('the approved tables, version 1\n');
      disk.files.set('/exports/tables.docx', old);
      const target = vscode.Uri.from({ scheme: 'rp-small-disk', path: '/exports/tables.docx' });
      const { document } = await show(sample('reference-department.roles.yaml'));
      // The Word file (about 20 KB) does not fit the 4 KB disk.
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('roleProtocols.exportTables', document.uri, {
        tables: ['training', 'roles', 'matrix', 'coverage'],
        format: 'docx',
        target,
      });
      assert.equal(written, undefined);
      assert.deepEqual([...disk.files.keys()], ['/exports/tables.docx']);
      assert.deepEqual(disk.files.get('/exports/tables.docx'), old);
      // A file that fits is written whole, and only the target remains.
      const csv = vscode.Uri.from({ scheme: 'rp-small-disk', path: '/exports/training.csv' });
      await vscode.commands.executeCommand('roleProtocols.exportTables', document.uri, { tables: ['training'], format: 'csv', target: csv });
      assert.deepEqual([...disk.files.keys()].sort(), ['/exports/tables.docx', '/exports/training.csv']);
      assert.match(new TextDecoder().decode(disk.files.get('/exports/training.csv')), /^Role,Skill,Method,Record\r\n/);
    } finally {
      registration.dispose();
    }
  });
});

/**
 * A file system in memory whose disk holds `capacity` bytes per file: a
 * larger write keeps the part that fitted and then fails, as a full disk
 * does, so a writer that writes over its target loses the old file.
 */
class SmallDisk implements vscode.FileSystemProvider {
  readonly files = new Map<string, Uint8Array>();
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  constructor(private readonly capacity: number) {}

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  stat(uri: vscode.Uri): vscode.FileStat {
    const file = this.files.get(uri.path);
    if (file) return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: file.length };
    if ([...this.files.keys()].some((p) => p.startsWith(`${uri.path.replace(/\/$/, '')}/`)) || uri.path === '/')
      return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    throw vscode.FileSystemError.FileNotFound(uri);
  }
  readDirectory(): [string, vscode.FileType][] {
    return [];
  }
  createDirectory(): void {}
  readFile(uri: vscode.Uri): Uint8Array {
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file;
  }
  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    this.files.set(uri.path, content.slice(0, this.capacity));
    if (content.length > this.capacity) throw vscode.FileSystemError.Unavailable('no space left on the device');
  }
  delete(uri: vscode.Uri): void {
    if (!this.files.delete(uri.path)) throw vscode.FileSystemError.FileNotFound(uri);
  }
  rename(from: vscode.Uri, to: vscode.Uri, options: { overwrite: boolean }): void {
    const file = this.files.get(from.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(from);
    if (this.files.has(to.path) && !options.overwrite) throw vscode.FileSystemError.FileExists(to);
    this.files.delete(from.path);
    this.files.set(to.path, file);
  }
}
