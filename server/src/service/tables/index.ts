import type { Protocol } from '../model/protocol';
import { buildCoverageTable } from './coverage';
import { buildMatrixTable } from './matrix';
import { csvRenderer } from './render/csv';
import type * as DocxRender from './render/docx';
import { htmlRenderer } from './render/html';
import { markdownRenderer } from './render/markdown';
import { buildRolesTable } from './roles';
import { buildSitesTable } from './sites';
import { buildGovernanceTable, buildTrainingTable } from './training';
import type { Register } from '../register/model';
import type { Basis, RegisterSettings } from '../register/standing';
import { registerTableSet } from './register/index';
import {
  TABLE_IDS,
  tableIdsFor,
  type AnyTableRenderer,
  type BinaryTableRenderer,
  type ProtocolTableId,
  type RegisterTableId,
  type TableBuilder,
  type TableData,
  type TableId,
  type TableSet,
} from './types';

export * from './types';
export { buildTrainingTable, buildGovernanceTable, joinAsWritten, reassessmentText } from './training';
export { buildRolesTable, bandText, capacityText } from './roles';
export { sentenceCase, vocabularyValue, vocabularyValues, vocabularyWords, type Vocabulary } from './words';
export { buildMatrixTable } from './matrix';
export { buildCoverageTable, ALL_SITES } from './coverage';
export { buildSitesTable, fractionationText, timingText } from './sites';
export { markdownRenderer, escapeCell } from './render/markdown';
export { csvRenderer, csvField } from './render/csv';
export { htmlRenderer, escapeHtml } from './render/html';
export { privacyStatement, splitWide } from './render/document';
export {
  registerBuilders,
  registerTableSet,
  registerAbout,
  buildEntitlementsTable,
  buildTrainingStatusTable,
  buildDueTable,
  standingText,
  trainedSkills,
  type RegisterTablesInput,
} from './register/index';

/** The builder of each of a protocol's tables (a register's are `registerBuilders`). */
export const builders: Readonly<Record<ProtocolTableId, TableBuilder>> = {
  training: buildTrainingTable,
  roles: buildRolesTable,
  matrix: buildMatrixTable,
  coverage: buildCoverageTable,
  sites: buildSitesTable,
  governance: buildGovernanceTable,
};

export function buildTable(id: ProtocolTableId, protocol: Protocol): TableData {
  return builders[id](protocol);
}

/** The tables asked for, in the order asked. */
export function buildTables(protocol: Protocol, ids: readonly ProtocolTableId[] = TABLE_IDS): TableData[] {
  return ids.map((id) => buildTable(id, protocol));
}

/** The tables asked for, with the document-control block and the role titles its approvals name. */
export function tableSetFor(protocol: Protocol, ids: readonly ProtocolTableId[] = TABLE_IDS): TableSet {
  return { document: protocol.document, tables: buildTables(protocol, ids), roleTitles: new Map([...protocol.roleById.values()].map((r) => [r.id, r.title])) };
}

/** An analysed document, as the tables need it: its protocol view and, for a register, the register and what its protocols ask. */
export interface TablesSource {
  protocol?: Protocol;
  register?: { model: Register; basis: Basis; settings: RegisterSettings; complete: boolean };
}

/** Why a document has no tables: it did not parse, or a register's protocol could not be read. */
export class NoTables extends Error {}

/** The table ids a request names that the document's kind does not have ("all" is not an id). */
export function unknownTables(source: TablesSource, ids: readonly string[]): string[] {
  const known: readonly string[] = tableIdsFor(source.register ? 'register' : 'protocol');
  return ids.filter((id) => !known.includes(id));
}

/**
 * The tables of an analysed document: a register's (the people's states
 * computed for `today`) or a protocol's, in the order asked (default: all of
 * its kind). Throws `NoTables` when there is nothing to build them from;
 * check the ids with `unknownTables` first.
 */
export function documentTableSet(source: TablesSource, ids: readonly TableId[] | undefined, today: string): TableSet {
  if (source.register) {
    const { model, basis, settings, complete } = source.register;
    // Without the protocol nobody needs anything: an empty training status would look like a clean one.
    if (!complete)
      throw new NoTables('the protocol it names could not be read, and the tables need what the protocol asks; fix the problems the register shows first.');
    return registerTableSet({ register: model, basis, settings, today }, (ids ?? tableIdsFor('register')) as RegisterTableId[]);
  }
  if (!source.protocol) throw new NoTables('the document cannot be read as it stands; fix the syntax error first.');
  return tableSetFor(source.protocol, (ids ?? TABLE_IDS) as ProtocolTableId[]);
}

/**
 * The output formats, by `--format` name: Markdown (`md`), CSV (`csv`) and
 * HTML (`html`) give text; Word (`docx`) gives bytes.
 */
export const renderers = new Map<string, AnyTableRenderer>();

/** Adds (or replaces) the renderer for its format. */
export function registerRenderer(renderer: AnyTableRenderer): void {
  renderers.set(renderer.format, renderer);
}

/**
 * Word, loaded on first use: the docx package is only needed when someone
 * exports to Word, so linting and the other formats do not load it.
 */
const docxRenderer: BinaryTableRenderer = {
  format: 'docx',
  extension: 'docx',
  binary: true,
  // A plain require on first use: `import()` in these CommonJS modules would go through Node's ES module loader.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  render: (set) => (require('./render/docx') as typeof DocxRender).docxRenderer.render(set),
};

registerRenderer(markdownRenderer);
registerRenderer(csvRenderer);
registerRenderer(htmlRenderer);
registerRenderer(docxRenderer);

function rendererFor(format: string): AnyTableRenderer {
  const renderer = renderers.get(format);
  if (!renderer) throw new Error(`Unknown table format \`${format}\`; use one of ${[...renderers.keys()].join(', ')}.`);
  return renderer;
}

/** Whether a format gives bytes rather than text (Word). */
export function isBinaryFormat(format: string): boolean {
  return rendererFor(format).binary === true;
}

/** Renders a set of tables in a registered text format; throws on an unknown or a binary format (use `renderTablesToBytes`). */
export function renderTables(set: TableSet, format: string): string {
  const renderer = rendererFor(format);
  if (renderer.binary) throw new Error(`Table format \`${format}\` gives bytes, not text; use renderTablesToBytes.`);
  return renderer.render(set);
}

/** Renders a set of tables in any registered format, as bytes (text formats as UTF-8). */
export async function renderTablesToBytes(set: TableSet, format: string): Promise<Uint8Array> {
  const renderer = rendererFor(format);
  if (renderer.binary) return renderer.render(set);
  return new TextEncoder().encode(renderer.render(set));
}
