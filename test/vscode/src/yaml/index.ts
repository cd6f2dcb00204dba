import { runFolder } from '../mochaRunner';

/** The coexistence suite: the extension in development mode, with a YAML extension installed during the run (ROLE_PROTOCOLS_YAML_VSIX). */
export function run(): Promise<void> {
  return runFolder(__dirname);
}
