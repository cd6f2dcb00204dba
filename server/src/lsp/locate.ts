import * as path from 'node:path';
import { ErrorCodes, RequestType, ResponseError } from 'vscode-languageserver/node';
import { LOCATE_METHOD, type LocateParams, type LocateResult } from '../shared/requests';
import { languageOf, parseDocument } from '../service/parse/parseDocument';
import { sourceSpan } from '../service/tables/sourceRange';
import { LineIndex } from '../service/text/lineIndex';
import { toRange } from './convert';
import type { ServerContext } from './context';
import { guarded } from './safe';

export type { LocateParams, LocateResult };

/** Turns a table cell's source into a place in the editor (the preview's click-to-reveal). */
export const LocateRequest = new RequestType<LocateParams, LocateResult | null, void>(LOCATE_METHOD);

const isPath = (value: unknown): value is (string | number)[] =>
  Array.isArray(value) && value.every((s) => typeof s === 'string' || (typeof s === 'number' && Number.isInteger(s)));

/**
 * Answers `roleProtocols/locate` for open documents; null when the document is
 * not open, not a protocol, or `file` is not one of the catalogues it includes
 * (so the request cannot be used to read other files).
 */
export function registerLocate({ connection, workspace }: ServerContext): void {
  connection.onRequest(LocateRequest, (params) =>
    guarded(connection, 'locate', params?.uri, null, async (): Promise<LocateResult | null> => {
      if (!params || typeof params.uri !== 'string' || !isPath(params.path))
        throw new ResponseError(ErrorCodes.InvalidParams, 'roleProtocols/locate needs the `uri` of a document and a `path` of keys and list indexes.');
      if (params.file !== undefined && typeof params.file !== 'string')
        throw new ResponseError(ErrorCodes.InvalidParams, 'The `file` of roleProtocols/locate must be a path.');
      const analysis = await workspace.analysis(params.uri);
      if (!analysis) return null;
      if (params.file === undefined) {
        const { start, end } = sourceSpan(analysis.result.parsed.root, params.path);
        return { uri: analysis.uri, range: toRange(analysis.result.lines, start, end) };
      }
      const wanted = path.resolve(params.file);
      const included = analysis.result.includes.find((f) => path.resolve(f.file) === wanted);
      if (!included) return null;
      const { start, end } = sourceSpan(parseDocument(included.text, languageOf(included.file)).root, params.path);
      const lines = analysis.linesOf(included.file) ?? new LineIndex(included.text);
      return { uri: workspace.uriFor(included.file), range: toRange(lines, start, end) };
    }),
  );
}
