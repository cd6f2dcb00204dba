import { PART_LETTERS, STEP_PARTS, rolesInUse, type Protocol } from '../model/protocol';
import type { Path } from '../parse/tree';
import type { TableCell, TableData } from './types';

/**
 * The responsibility matrix: one row per workflow step (in order), one column
 * per role (in document order; a role id a step names but nobody defines gets
 * a column of its own, headed by the id, after the defined ones). Each cell
 * holds the letters of the parts the role plays, in the order P E A G S R O
 * (O, operating the console, is listed in the legend only where a step uses it).
 * A column is headed by the role's short name where it has one (the legend
 * then gives its title, the name every other table uses), else by its title.
 */
export function buildMatrixTable(protocol: Protocol): TableData {
  // A role is named by its title everywhere; only this narrow header uses the short name, and the legend maps it back.
  const columns: { id: string; header: string; title?: string }[] = rolesInUse(protocol).map((r) =>
    r.shortName !== undefined && r.shortName !== r.title ? { id: r.id, header: r.shortName, title: r.title } : { id: r.id, header: r.title },
  );
  const seen = new Set(columns.map((c) => c.id));
  for (const step of protocol.workflow) {
    for (const part of STEP_PARTS) {
      for (const id of step[part]) {
        if (seen.has(id)) continue;
        seen.add(id);
        columns.push({ id, header: id });
      }
    }
  }
  const rows = protocol.workflow.map((step): TableCell[] => {
    // "Approved by A or B" is a different safety case from "A and B": the matrix says so where a step allows either.
    const name = step.approval === 'any' && step.approves.length > 1 ? `${step.name} (any one approver)` : step.name;
    const cells: TableCell[] = [{ text: name, source: [...step.path, 'name'] }];
    for (const column of columns) {
      let text = '';
      let source: Path | undefined;
      for (const part of STEP_PARTS) {
        const index = step[part].indexOf(column.id);
        if (index < 0) continue;
        text += PART_LETTERS[part];
        source ??= [...step.path, part, index];
      }
      cells.push(source ? { text, source } : { text });
    }
    return cells;
  });
  return {
    id: 'matrix',
    title: 'Responsibility matrix',
    columns: ['Step', ...columns.map((c) => c.header)],
    rows,
    legend: [
      ...STEP_PARTS.filter((part) => part !== 'operates' || protocol.workflow.some((step) => step.operates.length > 0)).map((part) =>
        part === 'operates'
          ? 'O: operates the console (not clinically responsible)'
          : part === 'approves' && protocol.workflow.some((step) => step.approval === 'any' && step.approves.length > 1)
            ? 'A: approves (every approver must approve, unless the step says any one approver)'
            : `${PART_LETTERS[part]}: ${part}`,
      ),
      ...columns.flatMap((c) => (c.title === undefined ? [] : [`${c.header}: ${c.title}`])),
    ],
  };
}
