import * as fs from 'fs';
import * as path from 'path';

export interface PackageInfo {
  name: string;
  version: string;
}

let cached: (PackageInfo & { root?: string }) | undefined;

/**
 * The tool's name and version from its package.json, found relative to this
 * file (server/out/node/ in a build, so three folders up) rather than the
 * working folder, so it is right wherever the tool is run from.
 */
export function packageInfo(): PackageInfo {
  if (cached) return cached;
  for (let dir = __dirname, i = 0; i < 5; i++, dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    try {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<PackageInfo>;
      if (data.name === 'role-protocols' && typeof data.version === 'string') {
        cached = { name: data.name, version: data.version, root: dir };
        return cached;
      }
    } catch {
      // not here; try the folder above
    }
  }
  return (cached = { name: 'role-protocols', version: '0.0.0' });
}

/** The folder the tool is installed in (where its package.json is): templates and samples are found from there. */
export function packageRoot(): string {
  return packageInfo() && cached?.root ? cached.root : path.resolve(__dirname, '..', '..', '..');
}
