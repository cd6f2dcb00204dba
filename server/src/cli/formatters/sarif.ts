import * as path from 'path';
import { pathToFileURL } from 'url';
import { allRules } from '../../service/rules/index';
import type { Severity } from '../../service/rules/types';
import { ruleDocsUrl, TOOL_INFORMATION_URI } from '../../service/rules/docs';
import type { Formatter } from './types';
import { jsonVisible } from './visible';

/** The tool's home page and the rule documentation base live with the rules, shared with the language server. */
export { ruleDocsUrl, TOOL_INFORMATION_URI } from '../../service/rules/docs';

/** SARIF's name for the folder paths are relative to (the working folder). */
export const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF 2.1.0 for code-scanning services: one run, every rule described in
 * the driver, one result per finding with a region (1-based, end column just
 * past the end, in UTF-16 code units). Files under the working folder are
 * given relative to `%SRCROOT%`; others by absolute `file:` URI.
 */
export const sarif: Formatter = (results, options) => {
  const rules = options.rules ?? allRules;
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const srcRoot = pathToFileURL(options.cwd).href.replace(/\/?$/, '/');
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'role-protocols',
            version: options.version,
            semanticVersion: options.version,
            informationUri: TOOL_INFORMATION_URI,
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              fullDescription: { text: rule.rationale },
              helpUri: ruleDocsUrl(rule.id),
              // The rule's own words travel with the report: a dashboard shows them without following the link.
              help: {
                text: `${rule.description} ${rule.rationale}`,
                markdown: `**${rule.id}**: ${rule.description}\n\n${rule.rationale}\n\n[Documentation](${ruleDocsUrl(rule.id)})`,
              },
              defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
              properties: { category: rule.category },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: srcRoot } },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((file) => {
          const artifactLocation = artifactFor(file.filePath, options.cwd);
          return file.messages.map((m) => ({
            ruleId: m.ruleId,
            ...(ruleIndex.has(m.ruleId) ? { ruleIndex: ruleIndex.get(m.ruleId) } : {}),
            level: LEVEL[m.severity],
            message: { text: m.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation,
                  region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
                },
              },
            ],
          }));
        }),
      },
    ],
  };
  return jsonVisible(JSON.stringify(log, null, 2)) + '\n';
};

/** A relative URI under %SRCROOT% with forward slashes, or an absolute file URI for files elsewhere. */
function artifactFor(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  if (filePath.startsWith('<')) return { uri: encodeURIComponent(filePath), uriBaseId: SRCROOT };
  const relative = path.relative(cwd, filePath);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return { uri: pathToFileURL(filePath).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}
