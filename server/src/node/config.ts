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
 */
export class ConfigResolver {
  private readonly dirs = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, LoadedConfig>();

  constructor(private readonly explicitFile?: string) {}

  /** The configuration that applies to files in `dir`, or undefined when there is none. */
  forDirectory(dir: string): LoadedConfig | undefined {
    const file = this.explicitFile ? path.resolve(this.explicitFile) : findConfigFile(dir, this.dirs);
    if (!file) return undefined;
    let config = this.loaded.get(file);
    if (!config) {
      config = loadConfig(file);
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

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
