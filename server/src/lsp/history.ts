import * as path from 'node:path';
import { ErrorCodes, LSPErrorCodes, RequestType, ResponseError } from 'vscode-languageserver/node';
import { DiffError, diffVersions, type Change } from '../service/diff/index';
import { headline, renderHtml } from '../service/diff/report/index';
import { GitError, repositoryPath, repositoryRoot, resolveRevision, revisionsOf } from '../node/git';
import { checkAtRevision } from '../node/history';
import { realPath } from '../node/includes';
import {
  COMPARE_METHOD,
  REVISIONS_METHOD,
  type CompareChange,
  type CompareParams,
  type CompareResult,
  type RevisionsParams,
  type RevisionsResult,
} from '../shared/requests';
import type { ServerContext } from './context';
import { guarded } from './safe';
import { uriToPath } from './uris';

export const RevisionsRequest = new RequestType<RevisionsParams, RevisionsResult | null, void>(REVISIONS_METHOD);
export const CompareRequest = new RequestType<CompareParams, CompareResult | null, void>(COMPARE_METHOD);

/**
 * Change control in the editor: the commits that changed an open protocol's
 * file, and the comparison of its open text with the file at one of them.
 * Git is run (node/git.ts) only for a document open in the editor that is a
 * file in a repository; the client asks only in a trusted workspace, since a
 * repository's own configuration is git's to obey.
 */
export function registerHistory({ connection, workspace }: ServerContext): void {
  const fileOf = (uri: string): string => {
    const file = uriToPath(uri);
    if (!file) throw new ResponseError(LSPErrorCodes.RequestFailed, 'Only a file on disk has a git history; save the protocol first.');
    return realPath(file);
  };
  const refused = (error: unknown): never => {
    if (error instanceof GitError || error instanceof DiffError) throw new ResponseError(LSPErrorCodes.RequestFailed, error.message);
    throw error;
  };

  connection.onRequest(RevisionsRequest, (params) =>
    guarded(connection, 'revisions', params?.uri, null, (): RevisionsResult => {
      if (!params || typeof params.uri !== 'string')
        throw new ResponseError(ErrorCodes.InvalidParams, 'roleProtocols/revisions needs the `uri` of a document.');
      const file = fileOf(params.uri);
      try {
        const root = repositoryRoot(path.dirname(file));
        return { revisions: revisionsOf(root, repositoryPath(root, file)) };
      } catch (error) {
        return refused(error);
      }
    }),
  );

  connection.onRequest(CompareRequest, (params) =>
    guarded(connection, 'compare', params?.uri, null, async (): Promise<CompareResult> => {
      if (!params || typeof params.uri !== 'string' || typeof params.revision !== 'string' || (params.path !== undefined && typeof params.path !== 'string'))
        throw new ResponseError(ErrorCodes.InvalidParams, 'roleProtocols/compare needs the `uri` of a document and a `revision`.');
      const analysis = await workspace.analysis(params.uri);
      if (!analysis) throw new ResponseError(LSPErrorCodes.RequestFailed, 'This document is not a role protocol, catalogue or register.');
      const file = fileOf(params.uri);
      try {
        const root = repositoryRoot(path.dirname(file));
        const commit = resolveRevision(root, params.revision);
        const repoPath = params.path ?? repositoryPath(root, file);
        const base = `${commit.slice(0, 8)}:${repoPath}`;
        const old = checkAtRevision(root, commit, repoPath, undefined, params.revision);
        const diff = diffVersions({ label: base, result: old }, { label: path.basename(file), result: analysis.result });
        const html = renderHtml(diff, { link: (change, i) => (change.newPlace ? `#change-${i}` : undefined) });
        return { headline: headline(diff), base, changes: diff.changes.map((c) => wire(c, analysis.uri, workspace.uriFor.bind(workspace))), html };
      } catch (error) {
        return refused(error);
      }
    }),
  );
}

function wire(change: Change, documentUri: string, uriFor: (file: string) => string): CompareChange {
  const out: CompareChange = { kind: change.kind, significance: change.significance, subject: change.subject, message: change.message };
  if (change.old !== undefined) out.old = change.old;
  if (change.new !== undefined) out.new = change.new;
  if (change.newPlace) {
    const { start, end } = change.newPlace.range;
    out.location = {
      uri: change.newPlace.file === undefined ? documentUri : uriFor(change.newPlace.file),
      range: { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } },
      path: change.newPlace.path,
      ...(change.newPlace.file !== undefined ? { file: change.newPlace.file } : {}),
    };
  } else if (change.oldPlace) {
    out.oldLine = change.oldPlace.range.start.line;
  }
  return out;
}
