import type { Protocol } from '../model/protocol';
import { buildCoverageTable } from './coverage';
import { buildMatrixTable } from './matrix';
import { csvRenderer } from './render/csv';
import { markdownRenderer } from './render/markdown';
import { buildRolesTable } from './roles';
import { buildTrainingTable } from './training';
import { TABLE_IDS, type TableBuilder, type TableData, type TableId, type TableRenderer, type TableSet } from './types';

export * from './types';
export { buildTrainingTable, joinAsWritten } from './training';
export { buildRolesTable, bandText } from './roles';
export { buildMatrixTable } from './matrix';
export { buildCoverageTable, ALL_SITES } from './coverage';
export { markdownRenderer, escapeCell } from './render/markdown';
export { csvRenderer, csvField } from './render/csv';

/** The builder of each table. */
export const builders: Readonly<Record<TableId, TableBuilder>> = {
  training: buildTrainingTable,
  roles: buildRolesTable,
  matrix: buildMatrixTable,
  coverage: buildCoverageTable,
};

export function buildTable(id: TableId, protocol: Protocol): TableData {
  return builders[id](protocol);
}

/** The tables asked for, in the order asked. */
export function buildTables(protocol: Protocol, ids: readonly TableId[] = TABLE_IDS): TableData[] {
  return ids.map((id) => buildTable(id, protocol));
}

/** The output formats, by `--format` name. Markdown (`md`) and CSV (`csv`) are built in. */
export const renderers = new Map<string, TableRenderer>();

/** Adds (or replaces) the renderer for its format. */
export function registerRenderer(renderer: TableRenderer): void {
  renderers.set(renderer.format, renderer);
}

registerRenderer(markdownRenderer);
registerRenderer(csvRenderer);

/** Renders a set of tables in a registered format; throws on an unknown format. */
export function renderTables(set: TableSet, format: string): string {
  const renderer = renderers.get(format);
  if (!renderer) throw new Error(`Unknown table format \`${format}\`; use one of ${[...renderers.keys()].join(', ')}.`);
  return renderer.render(set);
}
