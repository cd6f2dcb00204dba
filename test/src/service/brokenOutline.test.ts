import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { carriedOver, outlineOfParsed, outlineOfPrefix, outlineWhileBroken } from '../../../server/out/service/language/brokenOutline';
import type { OutlineSymbol } from '../../../server/out/service/language/symbols';
import { parseDocument } from '../../../server/out/service/parse/parseDocument';
import { ProjectHost, settingsKey, type ProjectFileSystem } from '../../../server/out/service/project/host';
import { SAMPLES } from '../lsp/client';
import { TODAY } from '../helpers/ruleTester';

/**
 * The outline of a document that does not parse (issue 16): what can still be
 * known, from the last text that parsed or from the text before the slip.
 */

const REFERENCE = fs.readFileSync(path.join(SAMPLES, 'reference-department.roles.yaml'), 'utf8');
const SYNTAX = fs.readFileSync(path.join(SAMPLES, 'broken', 'syntax.roles.yaml'), 'utf8');

/** Sections with their entries' names, as the outline shows them. */
const shape = (symbols: readonly OutlineSymbol[]) => symbols.map((s) => `${s.name}: ${s.children.map((c) => c.name).join(', ')}`);

/** Every symbol's selection holds its name (or its section's key) in `text`. */
function assertSelectionsHoldNames(symbols: readonly OutlineSymbol[], text: string): void {
  for (const section of symbols) {
    assert.equal(text.slice(section.selectionStart, section.selectionEnd), section.name.toLowerCase(), `section ${section.name}`);
    assert.ok(section.start <= section.selectionStart && section.selectionEnd <= section.end, `${section.name}: the selection lies in the range`);
    for (const child of section.children) {
      assert.equal(text.slice(child.selectionStart, child.selectionEnd), child.name, `${section.name} > ${child.name}`);
      assert.ok(child.start <= child.selectionStart && child.selectionEnd <= child.end, `${child.name}: the selection lies in the range`);
    }
  }
}

const slipOf = (text: string) => parseDocument(text, 'yaml').problems.find((p) => p.ruleId === 'syntax')!.start;

describe('outline of a document that does not parse', () => {
  it('reads the sections and ids before the slip (syntax.roles.yaml: a list never closed at 51:18)', () => {
    const symbols = outlineWhileBroken(SYNTAX, 'yaml', slipOf(SYNTAX));
    assert.deepEqual(shape(symbols), ['Sites: bladder', 'Roles: adapter, advanced-adapter, physicist']);
    assertSelectionsHoldNames(symbols, SYNTAX);
    // The entries read are placed as in the mended document.
    const mended = SYNTAX.replace('[clinical scientist', '[clinical scientist]');
    const full = outlineOfParsed(parseDocument(mended, 'yaml'));
    const adapter = (s: OutlineSymbol[]) => s[1]!.children[0]!;
    assert.deepEqual(adapter(symbols), adapter(full));
  });

  it('reads further back when the slip’s own line is not where the text stops parsing', () => {
    // A flow list opened on one line and never closed: js-yaml fails on a later line.
    const text = REFERENCE.replace('staffGroups: [therapeutic radiographer]', 'staffGroups: [therapeutic radiographer');
    assert.notEqual(text, REFERENCE);
    const symbols = outlineOfPrefix(text, slipOf(text));
    assert.ok(symbols.length >= 2, `sections read: ${shape(symbols).join(' | ')}`);
    assertSelectionsHoldNames(symbols, text);
  });

  it('gives nothing when nothing before the slip parses', () => {
    assert.deepEqual(outlineOfPrefix('format: [role-protocol/1\nroles:\n  - id: a\n', 0), []);
    assert.deepEqual(outlineWhileBroken('{ "format": ', 'json', 10), []);
  });

  describe('carried over from the last text that parsed', () => {
    const clean = parseDocument(REFERENCE, 'yaml');
    const before = outlineOfParsed(clean);

    it('keeps every entry the edit left whole, before and after it, placed on the new text', () => {
      // Break the file in the middle of the workflow: a list opened and not closed.
      const at = REFERENCE.indexOf('approves: [', REFERENCE.indexOf('id: oar-approval'));
      const broken = `${REFERENCE.slice(0, at)}approves: [advanced-adapter,\n${REFERENCE.slice(at + 'approves: ['.length)}`;
      assert.ok(parseDocument(broken, 'yaml').root === undefined, 'the edit breaks the document');
      const symbols = outlineWhileBroken(broken, 'yaml', slipOf(broken), { lastClean: clean });
      assert.deepEqual(
        symbols.map((s) => s.name),
        before.map((s) => s.name),
      );
      assertSelectionsHoldNames(symbols, broken);
      // The step holding the edit spans it and keeps its id; the last training row moved with the text after it.
      const names = (s: OutlineSymbol[]) => s.flatMap((x) => x.children.map((c) => c.name));
      assert.deepEqual(names(symbols), names(before));
      const lastBefore = before.at(-1)!.children.at(-1)!;
      const lastAfter = symbols.at(-1)!.children.at(-1)!;
      assert.equal(lastAfter.start - lastBefore.start, broken.length - REFERENCE.length);
      // More than the text before the slip can tell.
      assert.ok(shape(outlineOfPrefix(broken, slipOf(broken))).length < symbols.length);
    });

    it('leaves out an entry whose id the edit touched', () => {
      const at = REFERENCE.indexOf('id: physicist') + 'id: phys'.length;
      const broken = `${REFERENCE.slice(0, at)}[${REFERENCE.slice(at)}`;
      const symbols = carriedOver(before, REFERENCE, broken);
      const roles = symbols.find((s) => s.name === 'Roles')!;
      assert.ok(!roles.children.some((c) => c.name.startsWith('phys')), shape(symbols).join(' | '));
      assert.equal(roles.children.length, before.find((s) => s.name === 'Roles')!.children.length - 1);
      assertSelectionsHoldNames(symbols, broken);
    });

    it('keeps a section whose end lies between two edits far apart, ending it with the last entry kept', () => {
      const twice = REFERENCE.replace('id: physicist', 'id: physi[cist').replace('approves: [advanced-adapter]', 'approves: [advanced-adapter');
      const symbols = carriedOver(before, REFERENCE, twice);
      // The workflow's key lies between the two edits: not known to be there any more.
      assert.deepEqual(
        symbols.map((s) => s.name),
        before.map((s) => s.name).filter((name) => name !== 'Workflow'),
      );
      const roles = symbols.find((s) => s.name === 'Roles')!;
      assert.deepEqual(
        roles.children.map((c) => c.name),
        ['adapter', 'advanced-adapter'],
      );
      assert.equal(roles.end, roles.children.at(-1)!.end);
      assertSelectionsHoldNames(symbols, twice);
      // Carried edit by edit, only what each edit touched is lost.
      const once = REFERENCE.replace('approves: [advanced-adapter]', 'approves: [advanced-adapter');
      const first = outlineWhileBroken(once, 'yaml', slipOf(once), { lastClean: clean });
      const second = outlineWhileBroken(twice, 'yaml', slipOf(twice), { lastClean: clean, lastBroken: { text: once, symbols: first } });
      assert.deepEqual(
        shape(second),
        shape(before).map((line) => line.replace('physicist, ', '')),
      );
      assertSelectionsHoldNames(second, twice);
    });

    it('moves nothing for an insertion after every entry, and everything for one before them all', () => {
      assert.deepEqual(carriedOver(before, REFERENCE, `${REFERENCE}\n[`), before);
      const moved = carriedOver(before, REFERENCE, `# a comment\n${REFERENCE}`);
      assert.equal(moved[0]!.start, before[0]!.start + '# a comment\n'.length);
      assertSelectionsHoldNames(moved, `# a comment\n${REFERENCE}`);
    });

    it('works for JSON, where nothing before the slip parses', () => {
      const json = JSON.stringify({ format: 'role-protocol/1', roles: [{ id: 'a', title: 'A' }], skills: [{ id: 's', name: 'S' }] }, null, 2);
      const cleanJson = parseDocument(json, 'json');
      const broken = json.replace('"S"', '"S",');
      assert.equal(parseDocument(broken, 'json').root, undefined);
      assert.deepEqual(shape(outlineWhileBroken(broken, 'json', broken.indexOf('",') + 1, { lastClean: cleanJson })), ['Roles: a', 'Skills: s']);
    });
  });

  it('the host keeps the last text that parsed for it, and forgets it when the document closes', () => {
    const files: ProjectFileSystem = { readFile: () => ({ problem: 'missing', message: 'missing' }) };
    const host = new ProjectHost(files);
    const config = { rules: new Map() };
    const settings = { config, today: TODAY, key: settingsKey(config) };
    const document = { id: 'a', file: '/w/a.roles.yaml', name: 'a.roles.yaml' };
    host.setDocument({ ...document, text: REFERENCE });
    const clean = host.analysis('a', settings)!;
    assert.deepEqual(host.outlineWhileBroken('a', clean), [], 'a text that parses has its own outline');
    const broken = REFERENCE.replace('approves: [advanced-adapter]', 'approves: [advanced-adapter');
    assert.notEqual(broken, REFERENCE);
    host.setDocument({ ...document, text: broken });
    const analysis = host.analysis('a', settings)!;
    assert.equal(analysis.result.parsed.root, undefined);
    const symbols = host.outlineWhileBroken('a', analysis);
    assert.equal(symbols.length, 7, shape(symbols).join(' | '));
    assert.equal(host.outlineWhileBroken('a', analysis), symbols, 'kept for the same text');
    host.closeDocument('a');
    host.setDocument({ ...document, text: broken });
    const reopened = host.outlineWhileBroken('a', host.analysis('a', settings)!);
    assert.ok(reopened.length < 7, `only what comes before the slip once the clean text is forgotten: ${shape(reopened).join(' | ')}`);
  });
});
