import type { Severity } from '../../service/rules/types';
import type { Formatter } from './types';
import { jsonVisible } from './visible';

/** ESLint's numbers: 2 for an error, 1 for a warning; our info is a 1 too, told apart by `severityName`. */
const ESLINT_SEVERITY: Record<Severity, 1 | 2> = { error: 2, warning: 1, info: 1 };

/**
 * ESLint's JSON, so that tools reading ESLint reports (CI annotations, code
 * quality converters, editors) read ours: an array with one entry per file,
 * `{filePath, messages, suppressedMessages, errorCount, fatalErrorCount,
 * warningCount, fixableErrorCount, fixableWarningCount, usedDeprecatedRules}`,
 * each message `{ruleId, severity (2 or 1), message, line, column, endLine,
 * endColumn}` (1-based; end column just past the end), and `fatal: true` on
 * a syntax error, as ESLint marks a file it could not parse. Beside them:
 * `severityName` (error, warning or info) on each message and `infoCount` on
 * each file. `filePath` is absolute, as ESLint's is. `warningCount` counts
 * warnings only, as `--max-warnings` and the stylish summary do; the info
 * messages (severity 1, `severityName: "info"`) are counted in `infoCount`.
 */
export const json: Formatter = (results) =>
  jsonVisible(
    JSON.stringify(
      results.map((r) => {
        let fatalErrorCount = 0;
        const messages = r.messages.map((m) => {
          const fatal = m.ruleId === 'syntax' && m.severity === 'error';
          if (fatal) fatalErrorCount++;
          return {
            ruleId: m.ruleId,
            severity: ESLINT_SEVERITY[m.severity],
            ...(fatal ? { fatal: true } : {}),
            message: m.message,
            line: m.line,
            column: m.column,
            endLine: m.endLine,
            endColumn: m.endColumn,
            severityName: m.severity,
          };
        });
        return {
          filePath: r.filePath,
          messages,
          suppressedMessages: [],
          errorCount: r.errorCount,
          fatalErrorCount,
          warningCount: r.warningCount,
          fixableErrorCount: 0,
          fixableWarningCount: 0,
          usedDeprecatedRules: [],
          infoCount: r.infoCount,
        };
      }),
      null,
      2,
    ),
  ) + '\n';
