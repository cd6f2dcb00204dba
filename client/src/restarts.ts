/**
 * What the client does when the language server stops unexpectedly: the same
 * policy as vscode-languageclient's default (restart, at most 4 times in 3
 * minutes), with a message that names the document the server was checking.
 * The server writes `role-protocols: checking <uri> (version N)` to standard
 * error before each analysis, and `... stopped on an unexpected error while
 * checking <uri>: ...` when it fails; the client reads both from the server's
 * standard error. Pure (no vscode import), so it is tested outside VS Code.
 */

export const MAX_RESTARTS = 4;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

const CHECKING = /^role-protocols: checking (\S+) \(version \d+\)$/;
const STOPPED = /^role-protocols: the server stopped on an unexpected error while checking (\S+):/;

/** What one line of the server's standard error says about the document it is working on. */
export function readTrail(line: string): { checking: string } | { stoppedWhile: string } | undefined {
  const [, stoppedWhile] = STOPPED.exec(line) ?? [];
  if (stoppedWhile !== undefined) return { stoppedWhile };
  const [, checking] = CHECKING.exec(line) ?? [];
  return checking !== undefined ? { checking } : undefined;
}

/** A URI as a person reads it in a message: the file name, e.g. `oart.roles.yaml`. */
export function documentName(uri: string): string {
  const withoutQuery = uri.replace(/[?#].*$/, '');
  const last = withoutQuery.slice(withoutQuery.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last) || uri;
  } catch {
    return last || uri;
  }
}

export interface CloseDecision {
  restart: boolean;
  /** For the notification and the log. */
  message: string;
}

/** Counts restarts in the window and words the message. */
export class RestartPolicy {
  private readonly restarts: number[] = [];
  /** The document the server last said it was checking, and whether it said it failed on it. */
  private last: { uri: string; failed: boolean } | undefined;

  constructor(
    private readonly now: () => number = Date.now,
    readonly max = MAX_RESTARTS,
    readonly windowMs = RESTART_WINDOW_MS,
  ) {}

  /** A line of the server's standard error. */
  heard(line: string): void {
    const trail = readTrail(line.trim());
    if (!trail) return;
    this.last = 'checking' in trail ? { uri: trail.checking, failed: false } : { uri: trail.stoppedWhile, failed: true };
  }

  /** The document to name in a message, if the server named one. */
  get lastDocument(): string | undefined {
    return this.last?.uri;
  }

  /** The connection to the server closed without the client asking. */
  closed(): CloseDecision {
    const now = this.now();
    this.restarts.push(now);
    // Forget the restarts older than the window (the list is in time order, and ends with this one).
    const recent = this.restarts.findIndex((at) => now - at <= this.windowMs);
    this.restarts.splice(0, recent === -1 ? this.restarts.length : recent);
    const where = this.last
      ? this.last.failed
        ? ` while checking ${documentName(this.last.uri)}`
        : ` (it was last checking ${documentName(this.last.uri)})`
      : '';
    this.last = undefined;
    const minutes = Math.round(this.windowMs / 60_000);
    if (this.restarts.length <= this.max) {
      return {
        restart: true,
        message: `The Role Protocols server stopped unexpectedly${where} and has been restarted (${this.restarts.length} of at most ${this.max} restarts in ${minutes} minutes). The Role Protocols output has the details.`,
      };
    }
    return {
      restart: false,
      message: `The Role Protocols server stopped unexpectedly${where}, ${this.restarts.length} times in ${minutes} minutes, so it will not be restarted. Close or correct the document, then reload the window; the Role Protocols output has the details.`,
    };
  }
}
