import * as path from 'node:path';
import { ErrorCodes, LSPErrorCodes, RequestType, ResponseError } from 'vscode-languageserver/node';
import { lintText } from '../service/engine/lint';
import { fileIncludeReader } from '../node/includes';
import { FileTooLarge, readTextFile } from '../node/read';
import { isBinaryFormat, renderTables, renderTablesToBytes, TABLE_IDS, tableSetFor, type TableData, type TableId } from '../service/tables/index';
import { registerLocate } from './locate';
import type { ServerContext } from './context';
import { guarded } from './safe';
import { uriToPath } from './uris';

/** Parameters of `roleProtocols/tables`: which document, which tables (default all), and how. */
export interface TablesParams {
  uri: string;
  tables?: string[];
  /**
   * `md`, `csv` (or another text format the service renders, e.g. `html`) give the text; `data` gives TableData[].
   * A format that gives bytes (`docx`) needs `encoding: 'base64'` and gives the file base64-encoded.
   */
  format: 'md' | 'csv' | 'html' | 'docx' | 'data' | string;
  encoding?: 'base64';
}

export type TablesResult = string | TableData[];

/** The summary tables of a document, for the client's preview and export commands. */
export const TablesRequest = new RequestType<TablesParams, TablesResult | null, void>('roleProtocols/tables');

export function registerTables(context: ServerContext): void {
  const { connection, workspace } = context;
  registerLocate(context);
  connection.onRequest(TablesRequest, (params) =>
    guarded(connection, 'tables', params?.uri, null, async (): Promise<TablesResult | null> => {
      if (!params || typeof params.uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'roleProtocols/tables needs the `uri` of a document.');
      const format = params.format ?? 'md';
      if (typeof format !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'The table `format` must be md, csv or data.');
      const wanted = params.tables && params.tables.length > 0 ? params.tables : [...TABLE_IDS];
      const unknown = wanted.filter((id) => !(TABLE_IDS as readonly string[]).includes(id));
      if (unknown.length)
        throw new ResponseError(
          ErrorCodes.InvalidParams,
          `Unknown table ${unknown.map((t) => `\`${t}\``).join(', ')}; the tables are ${TABLE_IDS.join(', ')}.`,
        );
      const protocol = await protocolOf(params.uri);
      const set = tableSetFor(protocol, wanted as TableId[]);
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

  /** The open document's analysis, or (not open) the file as it is on disk. */
  async function protocolOf(uri: string) {
    if (workspace.documents.get(uri)) {
      const analysis = await workspace.analysis(uri);
      if (!analysis)
        throw new ResponseError(
          LSPErrorCodes.RequestFailed,
          'This document is not a role protocol: it has no `format: role-protocol/1` and its name does not end in `.roles.yaml`.',
        );
      if (!analysis.result.protocol)
        throw new ResponseError(LSPErrorCodes.RequestFailed, 'The document cannot be read as it stands; fix the syntax error first.');
      return analysis.result.protocol;
    }
    const file = uriToPath(uri);
    if (!file) throw new ResponseError(LSPErrorCodes.RequestFailed, `Cannot read ${uri}: open it in the editor first.`);
    let text: string;
    try {
      // Capped as everywhere else the tool reads a protocol: a path to a device or a huge file is refused, not read.
      text = readTextFile(file);
    } catch (error) {
      throw new ResponseError(
        LSPErrorCodes.RequestFailed,
        `Cannot read ${file}: ${error instanceof FileTooLarge ? error.message : ((error as NodeJS.ErrnoException).code ?? String(error))}.`,
      );
    }
    const roots = workspace.workspaceFolders.length > 0 ? [...workspace.workspaceFolders] : [path.dirname(file)];
    const result = lintText(text, { fileName: file, readInclude: fileIncludeReader({ roots }) });
    if (!result.protocol) throw new ResponseError(LSPErrorCodes.RequestFailed, `${file} cannot be read as it stands; fix the syntax error first.`);
    return result.protocol;
  }
}
