import { ResponseError, type Connection } from 'vscode-languageserver/node';

/**
 * Runs a handler so that nothing escapes it: a bug in one feature or one
 * document is logged (with the document's URI) and the client gets the
 * neutral answer, so the server keeps serving every other request.
 * ResponseErrors are answers meant for the user (a refused rename) and pass through.
 */
export async function guarded<T>(
  connection: Connection,
  what: string,
  uri: string | undefined,
  fallback: T,
  run: () => T | Promise<T>,
): Promise<T | ResponseError<void>> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ResponseError) return error;
    logError(connection, `${what}${uri ? ` for ${uri}` : ''}`, error);
    return fallback;
  }
}

export function logError(connection: Connection, what: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  connection.console.error(`role-protocols: ${what} failed: ${detail}`);
}
