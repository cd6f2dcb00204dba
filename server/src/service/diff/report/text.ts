import { escapeCell } from '../../tables/render/markdown';
import type { Change, DiffResult, Place } from '../types';
import { CHANGE_TABLE_COLUMNS, changeCells, comparedLine, controlComparison, controlHeading, headline, placeText, reportTitle, valueText } from './common';

/** Plain text for a terminal or a CI log: the headline, then the significant changes and the minor ones, each with where it is. */
export function renderText(diff: DiffResult): string {
  if (diff.changes.length === 0) return `No changes between ${diff.old.label} and ${diff.new.label}.\n`;
  const lines = [comparedLine(diff), `${headline(diff)}.`];
  for (const significance of ['significant', 'minor'] as const) {
    const changes = diff.changes.filter((c) => c.significance === significance);
    if (changes.length === 0) continue;
    lines.push('', significance === 'significant' ? 'Significant' : 'Minor');
    const places = changes.map(placeText);
    const width = Math.max(...places.map((p) => p.length));
    changes.forEach((change, i) => {
      lines.push(`  ${places[i]!.padEnd(width)}  ${change.message}`);
      // The values, unless the sentence already gives both.
      const said = change.old !== undefined && change.new !== undefined && change.message.includes(change.old) && change.message.includes(change.new);
      if (change.old !== undefined && change.new !== undefined && !said)
        lines.push(`  ${''.padEnd(width)}  ${valueText(change.old)} → ${valueText(change.new)}`);
    });
  }
  return `${lines.join('\n')}\n`;
}

/** GitHub-flavoured Markdown: for a pull request or a change record. */
export function renderMarkdown(diff: DiffResult): string {
  const row = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  const lines = [
    `# ${escapeCell(reportTitle(diff))}`,
    '',
    escapeCell(comparedLine(diff)),
    '',
    `${escapeCell(headline(diff))}.`,
    '',
    `## ${controlHeading(diff)}`,
    '',
  ];
  lines.push(row(['', 'Previous version', 'This version']), '|---|---|---|');
  for (const r of controlComparison(diff)) lines.push(row([r.label, r.old, r.new]));
  lines.push('', '## Changes', '');
  if (diff.changes.length === 0) {
    lines.push('No changes: the two versions say the same.');
  } else {
    lines.push(row(['#', ...CHANGE_TABLE_COLUMNS]), `|${['#', ...CHANGE_TABLE_COLUMNS].map(() => '---').join('|')}|`);
    diff.changes.forEach((change, i) => lines.push(row([String(i + 1), ...changeCells(change)])));
  }
  return `${lines.join('\n')}\n`;
}

/** A place as JSON gives it: lines and columns from 1, as the lint JSON does. */
function position(place: Place | undefined): object | undefined {
  if (!place) return undefined;
  const { start, end } = place.range;
  return {
    ...(place.file ? { file: place.file } : {}),
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
  };
}

/** The changes as data, for scripts and CI. */
export function renderJson(diff: DiffResult): string {
  const version = (v: DiffResult['old']) => ({
    label: v.label,
    id: v.document.id,
    title: v.document.title,
    version: v.document.version,
    status: v.document.status,
    effectiveDate: v.document.effectiveDate,
    ...(v.register ? { register: v.register } : {}),
  });
  const significant = diff.changes.filter((c) => c.significance === 'significant').length;
  const change = (c: Change) => ({
    kind: c.kind,
    area: c.area,
    significance: c.significance,
    subject: c.subject,
    message: c.message,
    old: c.old,
    new: c.new,
    oldPosition: position(c.oldPlace),
    newPosition: position(c.newPlace),
  });
  return `${JSON.stringify(
    {
      kind: diff.kind,
      old: version(diff.old),
      new: version(diff.new),
      summary: { changes: diff.changes.length, significant, minor: diff.changes.length - significant },
      changes: diff.changes.map(change),
    },
    null,
    2,
  )}\n`;
}
