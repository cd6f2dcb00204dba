/** The tool's home page. */
export const TOOL_INFORMATION_URI = 'https://role-protocols.dev';

/** Where each rule's documentation lives: `<base><rule-id>`. */
export const RULE_DOCS_BASE = `${TOOL_INFORMATION_URI}/docs/rules/`;

/** The documentation page of one rule, as SARIF's `helpUri` and the editor's diagnostic link give it. */
export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE}${ruleId}`;
}
