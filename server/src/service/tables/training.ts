import type { Path } from '../parse/tree';
import { roleName, type Prerequisites, type Protocol, type TrainingRow } from '../model/protocol';
import { ALL_SITES } from './coverage';
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

function skillCell(protocol: Protocol, row: TrainingRow): TableCell {
  return { text: row.skill === undefined ? '' : (protocol.skillById.get(row.skill)?.name ?? row.skill), source: [...row.path, 'skill'] };
}

/** The training matrix: Role | Skill | Method | Record, one row per training row in document order. */
export function buildTrainingTable(protocol: Protocol): TableData {
  const rows = protocol.training.map((row): TableCell[] => [
    roleCell(protocol, row),
    skillCell(protocol, row),
    methodCell(protocol, row),
    { text: row.records.map((id) => protocol.recordById.get(id)?.name ?? id).join(', '), source: listSource(row.path, 'records', row.records) },
  ]);
  return { id: 'training', title: 'Training matrix', columns: ['Role', 'Skill', 'Method', 'Record'], rows };
}

/** "Every 12 months", "Every month", "" (not stated). */
export function reassessmentText(months: number | undefined): string {
  if (months === undefined) return '';
  return months === 1 ? 'Every month' : `Every ${months} months`;
}

/**
 * Training governance: the same rows as the training matrix, in the same
 * order, with who signs the training off, how often it is reassessed and the
 * sites it covers. A view of its own so the training matrix stays the four
 * columns departments already file (Role | Skill | Method | Record).
 */
export function buildGovernanceTable(protocol: Protocol): TableData {
  const rows = protocol.training.map((row): TableCell[] => [
    roleCell(protocol, row),
    skillCell(protocol, row),
    row.signOff === undefined ? { text: '', source: row.path } : { text: roleName(protocol, row.signOff), source: [...row.path, 'signOff'] },
    { text: reassessmentText(row.reassessEveryMonths), source: row.reassessEveryMonths === undefined ? row.path : [...row.path, 'reassessEveryMonths'] },
    row.sites === undefined
      ? { text: ALL_SITES, source: row.path }
      : { text: row.sites.map((id) => protocol.siteById.get(id)?.name ?? id).join(', '), source: listSource(row.path, 'sites', row.sites) },
  ]);
  return { id: 'governance', title: 'Training governance', columns: ['Role', 'Skill', 'Signed off by', 'Reassessment', 'Sites'], rows };
}
