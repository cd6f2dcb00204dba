/**
 * Where the tool and its rules are documented. The repository holds every
 * rule's page (`docs/rules/<id>.md`), which also ships in the .vsix and the npm
 * package: the language server links a diagnostic to the copy installed beside
 * it where there is one (`lsp/diagnostics.ts`), and to the repository's otherwise.
 */

/** The project's repository: the same address as `repository.url` in package.json (a test holds them together). */
export const REPOSITORY_URL = 'https://github.com/role-protocols/role-protocols';

/** The tool's home page. */
export const TOOL_INFORMATION_URI = REPOSITORY_URL;

/** The documentation page of one rule in the repository, as SARIF's `helpUri` gives it. */
export function ruleDocsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}
