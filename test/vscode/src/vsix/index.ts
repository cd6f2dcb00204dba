import { runFolder } from '../mochaRunner';

/** The smaller suite run against the extension installed from the packaged .vsix. */
export function run(): Promise<void> {
  return runFolder(__dirname);
}
