import { DiagnosticSeverity, type Position, type Range } from 'vscode-languageserver/node';
import type { LineIndex } from '../service/text/lineIndex';
import type { Severity } from '../service/rules/types';

/**
 * Offsets (what the service speaks) to LSP positions and back. Both count
 * UTF-16 code units, as JavaScript strings and LSP's default encoding do, so
 * the service's LineIndex is all that is needed.
 */
/** Offsets to positions and back: the service's LineIndex, or an open TextDocument. */
export interface Positions {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

export function toRange(lines: Positions, start: number, end: number): Range {
  return { start: lines.positionAt(start), end: lines.positionAt(Math.max(start, end)) };
}

export function toOffset(lines: LineIndex, position: Position): number {
  return lines.offsetAt(position);
}

export const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Do two ranges share a position (touching counts, so a cursor at a finding's edge finds it)? */
export function rangesTouch(a: Range, b: Range): boolean {
  return !(before(a.end, b.start) || before(b.end, a.start));
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
