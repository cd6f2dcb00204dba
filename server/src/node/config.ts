import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_FILE_NAMES, emptyConfig, parseConfig, type ConfigProblem, type ProjectConfig } from '../service/config/config';
import { knownRuleIds } from '../service/rules/index';
import { describeFsError, FileTooLarge, MAX_CONFIG_BYTES, readTextFile, stripBom } from './read';

export { describeFsError, MAX_CONFIG_BYTES, stripBom };

/** A configuration file as read from disk: its settings, its text and what is wrong in it. */
export interface LoadedConfig {
  file: string;
  text: string;
  config: ProjectConfig;
  problems: ConfigProblem[];
}

/** A configuration file that could not be read at all (missing, a folder, no permission). */
export class ConfigReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: cannot read the configuration: ${reason}`);
  }
}

/**
 * The nearest configuration file for a folder: `.roleprotocols.yaml`, `.yml`
 * or `.json` in the folder itself or the closest folder above it, up to the
 * filesystem root. Within one folder the names are tried in
 * CONFIG_FILE_NAMES order.
 */
export function findConfigFile(startDir: string, cache?: Map<string, string | undefined>): string | undefined {
  const visited: string[] = [];
  let dir = path.resolve(startDir);
  let found: string | undefined;
  for (;;) {
    if (cache?.has(dir)) {
      found = cache.get(dir);
      break;
    }
    visited.push(dir);
    found = CONFIG_FILE_NAMES.map((name) => path.join(dir, name)).find(isFile);
    if (found) break;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (cache) for (const d of visited) cache.set(d, found);
  return found;
}

/** Reads and checks one configuration file. Throws ConfigReadError when it cannot be read. */
export function loadConfig(file: string): LoadedConfig {
  let text: string;
  try {
    text = stripBom(readTextFile(file, MAX_CONFIG_BYTES));
  } catch (error) {
    if (error instanceof FileTooLarge) throw new ConfigReadError(file, 'it is larger than 1 MB, which no configuration file needs');
    throw new ConfigReadError(file, describeFsError(error));
  }
  const { config, problems } = parseConfig(text, file, knownRuleIds);
  return { file, text, config, problems };
}

/**
 * Finds and loads configurations for many files, reading each folder and each
 * configuration file once. An explicit file (`--config`) replaces discovery.
 * With `revalidate` (the language server, whose session outlives edits to the
 * files), folders are looked at again on every call and a file is read again
 * when its size or time changes, so a client that sends no file events still
 * sees a configuration appear, change or go.
 */
export class ConfigResolver {
  private readonly dirs = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, LoadedConfig & { stamp?: string }>();

  constructor(
    private readonly explicitFile?: string,
    private readonly options: { revalidate?: boolean } = {},
  ) {}

  /** The configuration that applies to files in `dir`, or undefined when there is none. */
  forDirectory(dir: string): LoadedConfig | undefined {
    const revalidate = this.options.revalidate === true;
    const file = this.explicitFile ? path.resolve(this.explicitFile) : findConfigFile(dir, revalidate ? undefined : this.dirs);
    if (!file) return undefined;
    const stamp = revalidate ? stampOf(file) : undefined;
    let config = this.loaded.get(file);
    if (!config || config.stamp !== stamp) {
      config = { ...loadConfig(file), ...(stamp !== undefined ? { stamp } : {}) };
      this.loaded.set(file, config);
    }
    return config;
  }

  /** The settings for files in `dir`: the loaded configuration, or the defaults. */
  settingsFor(dir: string): ProjectConfig {
    return this.forDirectory(dir)?.config ?? emptyConfig();
  }
  /** Every configuration file read so far, in the order first used. */
  get used(): LoadedConfig[] {
    return [...this.loaded.values()];
  }
}

/** A file's size and times: when they move, the file is read again. */
function stampOf(file: string): string | undefined {
  try {
    const stat = fs.statSync(file, { bigint: true });
    return `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
  } catch {
    return undefined;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
