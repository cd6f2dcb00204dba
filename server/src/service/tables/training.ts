import type { Path } from '../parse/tree';
import type { Prerequisites, Protocol, TrainingRow } from '../model/protocol';
import type { TableCell, TableData } from './types';

/**
 * Joins names the way a person writes them: "A", "A and B", "A, B and C"
 * (no serial comma, as in UK usage).
 */
export function joinAsWritten(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The path a cell showing a list points at: the single entry when there is one, else the list itself. */
export function listSource(owner: Path, key: string, list: readonly unknown[]): Path {
  return list.length === 1 ? [...owner, key, 0] : [...owner, key];
}

/** "1 year", "2 years", "1.5 years": the number as written. */
export function years(n: number): string {
  return `${n} year${n === 1 ? '' : 's'}`;
}

/**
 * The prerequisites as a phrase to fold into the method cell:
 * "experience of at least 2 years and HCPC (radiographer) registration".
 * Free-text notes are not folded in (they are prose; the experience-as-data
 * rule keeps experience out of them).
 */
function prerequisitePhrase(pre: Prerequisites | undefined): string {
  if (!pre) return '';
  const parts: string[] = [];
  if (pre.experienceYears !== undefined && pre.experienceYears > 0) parts.push(`experience of at least ${years(pre.experienceYears)}`);
  if (pre.registrations.length > 0) parts.push(`${joinAsWritten(pre.registrations)} registration`);
  return joinAsWritten(parts);
}

function roleCell(protocol: Protocol, row: TrainingRow): TableCell {
  if (row.roleLabel !== undefined) return { text: row.roleLabel, source: [...row.path, 'roleLabel'] };
  const titles = row.roles.map((id) => protocol.roleById.get(id)?.title ?? id);
  return { text: joinAsWritten(titles), source: listSource(row.path, 'roles', row.roles) };
}

function methodCell(protocol: Protocol, row: TrainingRow): TableCell {
  const methods = row.methods.map((id) => protocol.methodById.get(id)?.name ?? id).join(', ');
  const pre = prerequisitePhrase(row.prerequisites);
  let text = methods;
  if (pre) text = methods ? `${methods} plus ${pre}` : pre.charAt(0).toUpperCase() + pre.slice(1);
  return { text, source: listSource(row.path, 'methods', row.methods) };
}

/** The training matrix: Role | Skill | Method | Record, one row per training row in document order. */
export function buildTrainingTable(protocol: Protocol): TableData {
  const rows = protocol.training.map((row): TableCell[] => [
    roleCell(protocol, row),
    { text: row.skill === undefined ? '' : (protocol.skillById.get(row.skill)?.name ?? row.skill), source: [...row.path, 'skill'] },
    methodCell(protocol, row),
    { text: row.records.map((id) => protocol.recordById.get(id)?.name ?? id).join(', '), source: listSource(row.path, 'records', row.records) },
  ]);
  return { id: 'training', title: 'Training matrix', columns: ['Role', 'Skill', 'Method', 'Record'], rows };
}
