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
import { TABLE_IDS, type AnyTableRenderer, type BinaryTableRenderer, type TableBuilder, type TableData, type TableId, type TableSet } from './types';

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

/** The builder of each table. */
export const builders: Readonly<Record<TableId, TableBuilder>> = {
  training: buildTrainingTable,
  roles: buildRolesTable,
  matrix: buildMatrixTable,
  coverage: buildCoverageTable,
  sites: buildSitesTable,
  governance: buildGovernanceTable,
};

export function buildTable(id: TableId, protocol: Protocol): TableData {
  return builders[id](protocol);
}

/** The tables asked for, in the order asked. */
export function buildTables(protocol: Protocol, ids: readonly TableId[] = TABLE_IDS): TableData[] {
  return ids.map((id) => buildTable(id, protocol));
}

/** The tables asked for, with the document-control block and the role titles its approvals name. */
export function tableSetFor(protocol: Protocol, ids: readonly TableId[] = TABLE_IDS): TableSet {
  return { document: protocol.document, tables: buildTables(protocol, ids), roleTitles: new Map([...protocol.roleById.values()].map((r) => [r.id, r.title])) };
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
