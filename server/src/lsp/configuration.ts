import type { ClientCapabilities, Connection } from 'vscode-languageserver/node';
import { readSettings, SETTINGS_SECTION, defaultSettings, type Settings } from './settings';
import type { SettingsSource } from './workspace';

/**
 * The editor settings, from wherever the client keeps them. Layers, lowest
 * first: the server's defaults; `initializationOptions.roleProtocols` (for
 * clients configured by hand, e.g. Neovim); the `roleProtocols` object of the
 * last `workspace/didChangeConfiguration`; and, for a client that answers
 * `workspace/configuration`, its answer for the document's scope.
 */
export class ClientSettings implements SettingsSource {
  /** Defaults with the initialization options over them. */
  private readonly initial: Settings;
  /** `initial` with the last pushed settings over it. */
  private base: Settings;
  private readonly perDocument = new Map<string, Promise<Settings>>();
  private readonly pullSupport: boolean;

  constructor(
    private readonly connection: Connection,
    capabilities: ClientCapabilities,
    initializationOptions: unknown,
  ) {
    this.pullSupport = capabilities.workspace?.configuration === true;
    this.initial = readSettings(sectionOf(initializationOptions), defaultSettings(), (m) => connection.console.warn(m));
    this.base = this.initial;
  }

  settingsFor(uri: string): Promise<Settings> {
    if (!this.pullSupport) return Promise.resolve(this.base);
    let settings = this.perDocument.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(
        (raw: unknown) => readSettings(raw, this.base, (m) => this.connection.console.warn(m)),
        (error: unknown) => {
          this.connection.console.warn(
            `role-protocols: could not read the settings for ${uri}: ${error instanceof Error ? error.message : String(error)}; using the defaults.`,
          );
          return this.base;
        },
      );
      this.perDocument.set(uri, settings);
    }
    return settings;
  }

  /** `workspace/didChangeConfiguration`: take what was sent, forget what was asked for. */
  changed(settings: unknown): void {
    const section = sectionOf(settings);
    if (section !== undefined) this.base = readSettings(section, this.initial, (m) => this.connection.console.warn(m));
    this.perDocument.clear();
  }

  forget(uri: string): void {
    this.perDocument.delete(uri);
  }
}

/** `{ roleProtocols: {...} }` as clients send it; undefined when it is not there. */
function sectionOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null && SETTINGS_SECTION in value ? (value as Record<string, unknown>)[SETTINGS_SECTION] : undefined;
}
