import * as path from 'path';
import type { ProjectConfig } from '../service/config/config';
import { ProjectHost, settingsKey, type Analysis } from '../service/project/host';
import { ConfigResolver } from '../node/config';
import { diskFileSystem } from '../node/fileSystem';
import type { InputFile } from '../node/files';
import { cliIncludeResolver, realPath } from '../node/includes';

/**
 * One CLI run's view of the project: the same project host as the language
 * server, over the disk. Each file given is checked with the configuration
 * of its folder (or `--config`), its includes read from its own folder or the
 * working folder, and catalogues read once for the whole run.
 */
export class CliProject {
  readonly host = new ProjectHost(diskFileSystem(), { editorState: false });
  readonly configs: ConfigResolver;
  /** Folders' real paths, asked once per folder for the run. */
  private readonly realFolders = new Map<string, string>();

  constructor(
    private readonly cwd: string,
    configFile: string | undefined,
    private readonly today: string | undefined,
  ) {
    this.configs = new ConfigResolver(configFile ? path.resolve(cwd, configFile) : undefined);
  }

  /** The configuration for a file (its folder's, or the working folder's for standard input). Throws ConfigReadError. */
  configFor(input: Pick<InputFile, 'path'>): ProjectConfig {
    return this.configs.settingsFor(input.path ? path.dirname(input.path) : this.cwd);
  }

  /**
   * Checks one file given on the command line, whatever it turns out to be
   * (the caller says what it is not). The host keeps nothing of it
   * afterwards but the catalogues it read.
   */
  check(input: InputFile): Analysis {
    const config = this.configFor(input);
    const id = input.stdin ? (input.path ?? '<stdin>') : input.path!;
    this.host.setDocument({ id, ...(input.path ? { file: input.path } : {}), name: input.path ?? input.name, text: input.text });
    try {
      const includes = cliIncludeResolver(input.path, this.cwd, (dir) => {
        let real = this.realFolders.get(dir);
        if (real === undefined) this.realFolders.set(dir, (real = realPath(dir)));
        return real;
      });
      const analysis = this.host.analysis(
        id,
        { config, ...(this.today ? { today: this.today } : {}), includes, key: settingsKey(config, input.path, this.today) },
        { whatever: true },
      );
      if (!analysis) throw new Error(`${input.name}: not checked`); // `whatever` always checks
      return analysis;
    } finally {
      this.host.closeDocument(id);
    }
  }
}
