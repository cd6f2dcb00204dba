import * as path from 'node:path';
import { lintText, type LintResult } from '../service/engine/lint';
import { diffVersions, versionBumpFinding, type DiffResult } from '../service/diff/index';
import type { Finding } from '../service/engine/lint';
import { gitIncludeReader, pathAtRevision, repositoryPath, repositoryRoot, resolveRevision, showFile } from './git';
import { realPath } from './includes';

/**
 * A document as it was at a revision: its text from git, checked as the
 * working copy is, its includes read from the same commit.
 */
export function checkAtRevision(root: string, commit: string, repoPath: string, today?: string, revisionShown = commit): LintResult {
  const text = showFile(root, commit, repoPath, revisionShown);
  // Named by where it would be in the working tree: its kind by name, its language, and its includes relative to it.
  const fileName = path.join(root, ...repoPath.split('/'));
  return lintText(text, { fileName, readInclude: gitIncludeReader(root, commit), ...(today ? { today } : {}) });
}

/** Repositories and revisions resolved once per run: many files share a repository. */
export class BaseRevision {
  private readonly roots = new Map<string, string | Error>();
  private readonly commits = new Map<string, string>();

  constructor(readonly revision: string) {}

  /** The repository of a folder, or the error saying it is not in one (thrown). */
  rootOf(folder: string): string {
    let root = this.roots.get(folder);
    if (root === undefined) {
      try {
        root = repositoryRoot(folder);
      } catch (error) {
        root = error as Error;
      }
      this.roots.set(folder, root);
    }
    if (root instanceof Error) throw root;
    return root;
  }

  /** The commit the revision names in a repository (thrown GitError when none). */
  commitIn(root: string): string {
    let commit = this.commits.get(root);
    if (commit === undefined) this.commits.set(root, (commit = resolveRevision(root, this.revision)));
    return commit;
  }

  /**
   * The comparison of a file's current check with its version at the
   * revision, following a rename git reports; undefined when the file did not
   * exist then (a new file has nothing to compare with).
   */
  diff(file: string, shownAs: string, current: LintResult, today?: string): { diff: DiffResult; basePath: string } | undefined {
    const real = realPath(file);
    const root = this.rootOf(path.dirname(real));
    const commit = this.commitIn(root);
    const repoPath = repositoryPath(root, real);
    const basePath = pathAtRevision(root, commit, repoPath);
    if (basePath === undefined) return undefined;
    const base = checkAtRevision(root, commit, basePath, today);
    return { diff: diffVersions({ label: `${this.revision}:${basePath}`, result: base }, { label: shownAs, result: current }), basePath };
  }

  /** The version-bump finding for a file against the revision, if it needs one. */
  versionBump(file: string, shownAs: string, current: LintResult, today?: string): Finding | undefined {
    const compared = this.diff(file, shownAs, current, today);
    if (!compared) return undefined;
    return versionBumpFinding(compared.diff, current, `${this.revision}:${compared.basePath}`);
  }
}
