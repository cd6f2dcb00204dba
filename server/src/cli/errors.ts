/** A mistake on the command line: exit code 2, with the command's usage line. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

/** What every command is given by main.ts: where it runs and how it reads and shows things. */
export interface CommandEnvironment {
  /** Replaces the discovery of `.roleprotocols.*` files. */
  config?: string;
  stdinFilename?: string;
  cwd: string;
  /** Colour for findings shown to a terminal. */
  color: boolean;
  version: string;
  readStdin: () => string;
  /** YYYY-MM-DD (ROLE_PROTOCOLS_TODAY); defaults to the real date. */
  today?: string;
}
