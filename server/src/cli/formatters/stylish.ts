import { colors, type Colors } from '../colors';
import { displayName } from '../../node/paths';
import type { Formatter, LintMessage } from './types';
import { visible } from './visible';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The width when the output is not a terminal and COLUMNS is not set, as `ls` and Python's get_terminal_size assume. */
export const DEFAULT_COLUMNS = 80;
/** Below this the wrapped message lines are indented by 4 rather than under the message column. */
const NARROW_MESSAGE = 30;

interface Row {
  m: LintMessage;
  line: string;
  column: string;
  rule: string;
  text: string;
  /** The message's width in terminal columns. */
  width: number;
}

/**
 * ESLint-like output for people: the file's name, then one aligned line per
 * finding (`line:column  severity  message  rule-id`), then a summary. A
 * finding whose line would not fit in the terminal's width gets the location,
 * severity and rule id on one line and its message wrapped below, so the rule
 * id is never pushed off the screen. Text from the protocols (file names,
 * messages, rule ids) has its control and format characters shown as escapes.
 * Clean results give one line saying how many files were checked.
 */
export const stylish: Formatter = (results, options) => {
  const c = colors(options.color);
  const columns = options.columns && options.columns > 0 ? options.columns : DEFAULT_COLUMNS;
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  const out: string[] = [''];
  for (const result of results) {
    if (result.messages.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    infos += result.infoCount;
    out.push(c.underline(visible(displayName(result.filePath, options.cwd))));
    const rows: Row[] = result.messages.map((m) => {
      const text = visible(oneLine(m.message));
      return { m, line: String(m.line), column: String(m.column), rule: visible(m.ruleId), text, width: displayWidth(text) };
    });
    // Loops, not Math.max(...rows): a spread of 120,000 arguments overflows the stack.
    const lineWidth = widest(rows, (r) => r.line.length);
    const columnWidth = widest(rows, (r) => r.column.length);
    const severityWidth = widest(rows, (r) => r.m.severity.length);
    const ruleWidth = widest(rows, (r) => displayWidth(r.rule));
    const messageColumn = 2 + lineWidth + 1 + columnWidth + 2 + severityWidth + 2;
    const fits = (r: Row) => messageColumn + r.width + 2 + ruleWidth <= columns;
    const messageWidth = widest(rows, (r) => (fits(r) ? r.width : 0));
    const indent = columns - messageColumn >= NARROW_MESSAGE ? messageColumn : 4;
    for (const row of rows) {
      const { m } = row;
      const place = c.dim(`${row.line.padStart(lineWidth)}:${row.column.padEnd(columnWidth)}`);
      const severity = severityColor(m, c)(m.severity.padEnd(severityWidth));
      if (fits(row)) {
        out.push(`  ${place}  ${severity}  ${row.text}${' '.repeat(messageWidth - row.width)}  ${c.dim(row.rule)}`);
      } else {
        out.push(`  ${place}  ${severity}  ${c.dim(row.rule)}`);
        for (const part of wrap(row.text, Math.max(columns - indent, 20))) out.push(' '.repeat(indent) + part);
      }
    }
    out.push('');
  }
  const total = errors + warnings + infos;
  if (total === 0) return `${plural(results.length, 'file')} checked, no ${options.quiet ? 'errors' : 'problems'}.\n`;
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}${infos > 0 ? `, ${infos} info` : ''}`;
  const summaryColor = errors > 0 ? c.red : warnings > 0 ? c.yellow : c.cyan;
  out.push(c.bold(summaryColor(`\u2716 ${plural(total, 'problem')} (${counts})`)));
  return out.join('\n') + '\n';
};

function widest<T>(items: readonly T[], width: (item: T) => number): number {
  let max = 0;
  for (const item of items) max = Math.max(max, width(item));
  return max;
}

function severityColor(message: LintMessage, c: Colors): (text: string) => string {
  return message.severity === 'error' ? c.red : message.severity === 'warning' ? c.yellow : c.cyan;
}

const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ');

/** Characters a terminal shows two columns wide (CJK, Hangul, full-width forms, most emoji). */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]/u;
/** Characters that take no column of their own (combining marks). */
const ZERO = /\p{M}/u;

/** How many terminal columns text takes: ASCII at once, other text character by character. */
export function displayWidth(text: string): number {
  if (/^[\x00-\x7e]*$/.test(text)) return text.length;
  let width = 0;
  for (const character of text) width += ZERO.test(character) ? 0 : WIDE.test(character) ? 2 : 1;
  return width;
}

/** Words into lines of at most `width` columns; a word longer than a line is cut. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const word of text.split(' ')) {
    const wordWidth = displayWidth(word);
    if (line !== '' && lineWidth + 1 + wordWidth <= width) {
      line += ` ${word}`;
      lineWidth += 1 + wordWidth;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    lineWidth = 0;
    for (const character of wordWidth <= width ? [word] : word) {
      const characterWidth = displayWidth(character);
      if (lineWidth + characterWidth > width && line !== '') {
        lines.push(line);
        line = '';
        lineWidth = 0;
      }
      line += character;
      lineWidth += characterWidth;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
