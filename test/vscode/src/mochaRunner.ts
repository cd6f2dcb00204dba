import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/**
 * Runs the `*.test.js` files of one folder with mocha inside the extension
 * host, the layout VS Code's test runners expect: the suite's index module
 * exports run(), which resolves when every test passed and rejects otherwise.
 */
export function runFolder(folder: string): Promise<void> {
  // No colour: the output travels through the browser console (code-server) or a pipe.
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.ROLE_PROTOCOLS_VSCODE_GREP;
  if (grep) mocha.grep(grep);
  for (const file of fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.test.js'))
    .sort())
    mocha.addFile(path.join(folder, file));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension test${failures === 1 ? '' : 's'} failed.`)) : resolve()));
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
