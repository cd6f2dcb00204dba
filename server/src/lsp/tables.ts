import { ErrorCodes, LSPErrorCodes, RequestType, ResponseError } from 'vscode-languageserver/node';
import {
  documentTableSet,
  isBinaryFormat,
  NoTables,
  renderTables,
  renderTablesToBytes,
  tableIdsFor,
  unknownTables,
  type TableId,
  type TablesSource,
} from '../service/tables/index';
import { TABLES_METHOD, type TablesParams, type TablesResult } from '../shared/requests';
import { registerLocate } from './locate';
import type { ServerContext } from './context';
import { guarded } from './safe';
import { uriToPath } from './uris';

export type { TablesParams, TablesResult };

/** The summary tables of a document, for the client's preview and export commands. */
export const TablesRequest = new RequestType<TablesParams, TablesResult | null, void>(TABLES_METHOD);

export function registerTables(context: ServerContext): void {
  const { connection, workspace } = context;
  registerLocate(context);
  connection.onRequest(TablesRequest, (params) =>
    guarded(connection, 'tables', params?.uri, null, async (): Promise<TablesResult | null> => {
      if (!params || typeof params.uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'roleProtocols/tables needs the `uri` of a document.');
      const format = params.format ?? 'md';
      if (typeof format !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'The table `format` must be md, csv or data.');
      const source = await sourceOf(params.uri);
      // A register has its own tables: the ids asked for are checked against the document's kind.
      const wanted = params.tables && params.tables.length > 0 ? params.tables : undefined;
      const unknown = unknownTables(source, wanted ?? []);
      if (unknown.length)
        throw new ResponseError(
          ErrorCodes.InvalidParams,
          `Unknown table ${unknown.map((t) => `\`${t}\``).join(', ')}; the tables${source.register ? ' of a register' : ''} are ${tableIdsFor(source.register ? 'register' : 'protocol').join(', ')}.`,
        );
      let set;
      try {
        set = documentTableSet(source, wanted as TableId[] | undefined, workspace.currentDay());
      } catch (error) {
        if (error instanceof NoTables) throw new ResponseError(LSPErrorCodes.RequestFailed, `No tables: ${error.message}`);
        throw error;
      }
      if (format === 'data') return set.tables;
      try {
        // Bytes cannot travel as JSON text: the client asks for them base64-encoded.
        if (params.encoding === 'base64') return Buffer.from(await renderTablesToBytes(set, format)).toString('base64');
        if (isBinaryFormat(format)) throw new Error(`Table format \`${format}\` gives bytes; ask with \`encoding: 'base64'\`.`);
        return renderTables(set, format);
      } catch (error) {
        // An unknown format, or one that gives bytes (Word) rather than text.
        throw new ResponseError(ErrorCodes.InvalidParams, error instanceof Error ? error.message : String(error));
      }
    }),
  );

  /**
   * The open document's protocol or register (its unsaved text, its settings
   * and includes, as the diagnostics see it), or one on disk inside the
   * workspace folders. Any other file is refused: the request reads nothing else.
   */
  async function sourceOf(uri: string): Promise<TablesSource> {
    if (workspace.documents.get(uri)) {
      const analysis = await workspace.analysis(uri);
      if (!analysis)
        throw new ResponseError(
          LSPErrorCodes.RequestFailed,
          'This document is not a role protocol: it has no `format: role-protocol/1` and its name does not end in `.roles.yaml`.',
        );
      if (!analysis.result.protocol)
        throw new ResponseError(LSPErrorCodes.RequestFailed, 'The document cannot be read as it stands; fix the syntax error first.');
      return analysis.result;
    }
    const file = uriToPath(uri);
    if (!file) throw new ResponseError(LSPErrorCodes.RequestFailed, `Cannot read ${uri}: open it in the editor first.`);
    const found = await workspace.closedAnalysis(file, uri);
    if ('refused' in found) throw new ResponseError(LSPErrorCodes.RequestFailed, found.refused);
    if (!found.result.protocol) throw new ResponseError(LSPErrorCodes.RequestFailed, `${file} cannot be read as it stands; fix the syntax error first.`);
    return found.result;
  }
}
