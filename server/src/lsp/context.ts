import type { ClientCapabilities, Connection } from 'vscode-languageserver/node';
import type { DiagnosticsController } from './diagnostics';
import type { ProtocolWorkspace } from './workspace';

/** What every feature module is given: the connection, the state and what the client can do. */
export interface ServerContext {
  connection: Connection;
  workspace: ProtocolWorkspace;
  capabilities: ClientCapabilities;
  diagnostics: DiagnosticsController;
}
