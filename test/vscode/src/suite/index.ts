import { runFolder } from '../mochaRunner';

/** The full extension suites, run against the extension in development mode (the repository itself). */
export function run(): Promise<void> {
  return runFolder(__dirname);
}
