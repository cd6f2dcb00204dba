/** A mistake on the command line: exit code 2, with the command's usage line. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}
