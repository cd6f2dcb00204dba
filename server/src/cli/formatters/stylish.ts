import { colors } from '../colors';
import { displayName } from '../../node/paths';
import type { Formatter, LintMessage } from './types';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * ESLint-like output for people: the file's name, then one aligned line per
 * finding (`line:column  severity  message  rule-id`), then a summary. Clean
 * results give an empty string.
 */
export const stylish: Formatter = (results, options) => {
  const c = colors(options.color);
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let output = '\n';
  for (const result of results) {
    if (result.messages.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    infos += result.infoCount;
    output += `${c.underline(displayName(result.filePath, options.cwd))}\n`;
    const rows = result.messages.map((m) => ({ m, line: String(m.line), column: String(m.column), text: oneLine(m.message) }));
    const width = (pick: (row: (typeof rows)[number]) => string) => Math.max(...rows.map((r) => pick(r).length));
    const lineWidth = width((r) => r.line);
    const columnWidth = width((r) => r.column);
    const severityWidth = width((r) => r.m.severity);
    const messageWidth = width((r) => r.text);
    for (const { m, line, column, text } of rows) {
      const place = c.dim(`${line.padStart(lineWidth)}:${column.padEnd(columnWidth)}`);
      const severity = severityColor(m, c)(m.severity.padEnd(severityWidth));
      output += `  ${place}  ${severity}  ${text.padEnd(messageWidth)}  ${c.dim(m.ruleId)}\n`;
    }
    output += '\n';
  }
  const total = errors + warnings + infos;
  if (total === 0) return '';
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}${infos > 0 ? `, ${infos} info` : ''}`;
  const summaryColor = errors > 0 ? c.red : warnings > 0 ? c.yellow : c.cyan;
  output += c.bold(summaryColor(`\u2716 ${plural(total, 'problem')} (${counts})`)) + '\n';
  return output;
};

function severityColor(message: LintMessage, c: ReturnType<typeof colors>): (text: string) => string {
  return message.severity === 'error' ? c.red : message.severity === 'warning' ? c.yellow : c.cyan;
}

const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ');
