/** The few ANSI styles the CLI uses; identity functions when colour is off. */
export interface Colors {
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

const style =
  (open: number, close: number) =>
  (text: string): string =>
    `\u001b[${open}m${text}\u001b[${close}m`;

const ON: Colors = {
  red: style(31, 39),
  yellow: style(33, 39),
  cyan: style(36, 39),
  dim: style(2, 22),
  bold: style(1, 22),
  underline: style(4, 24),
};
const identity = (text: string) => text;
const OFF: Colors = { red: identity, yellow: identity, cyan: identity, dim: identity, bold: identity, underline: identity };

export function colors(enabled: boolean): Colors {
  return enabled ? ON : OFF;
}

/**
 * Whether to colour output: `--no-color` and `--color` win; then NO_COLOR
 * (any non-empty value) turns colour off and FORCE_COLOR (anything but `0` or
 * `false`) turns it on; otherwise colour when writing to a terminal that is
 * not `TERM=dumb`.
 */
export function useColor(flags: { color?: boolean; noColor?: boolean }, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (flags.noColor) return false;
  if (flags.color) return true;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY && env.TERM !== 'dumb';
}
