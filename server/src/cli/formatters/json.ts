import type { Formatter } from './types';

/**
 * For programs: an array with one entry per file, `{filePath, messages,
 * errorCount, warningCount, infoCount}`, each message `{ruleId, severity,
 * message, line, column, endLine, endColumn}` (1-based; end column just past
 * the end). `filePath` is absolute, as ESLint's is.
 */
export const json: Formatter = (results) =>
  JSON.stringify(
    results.map((r) => ({
      filePath: r.filePath,
      messages: r.messages.map((m) => ({
        ruleId: m.ruleId,
        severity: m.severity,
        message: m.message,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
      })),
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      infoCount: r.infoCount,
    })),
    null,
    2,
  ) + '\n';
