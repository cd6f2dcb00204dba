import { capacitiesText, rolesInUse, type Band, type Protocol, type Role } from '../model/protocol';
import { listSource } from './training';
import type { TableCell, TableData } from './types';

const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** "7", "7-8b", "7 or above" (minimum only), "up to 6" (maximum only), "" (none). */
export function bandText(min: Band | undefined, max: Band | undefined): string {
  if (min !== undefined && max !== undefined) return String(min) === String(max) ? String(min) : `${min}-${max}`;
  if (min !== undefined) return `${min} or above`;
  if (max !== undefined) return `up to ${max}`;
  return '';
}

function bandCell(role: Role): TableCell {
  const text = bandText(role.minBand, role.maxBand);
  const key = role.minBand !== undefined ? 'minBand' : role.maxBand !== undefined ? 'maxBand' : undefined;
  return { text, source: key ? [...role.path, key] : role.path };
}

/** Roles and responsibilities: Role | Staff group | Band | Capacity | Responsibilities. */
export function buildRolesTable(protocol: Protocol): TableData {
  const rows = rolesInUse(protocol).map((role): TableCell[] => {
    const cells: TableCell[] = [
      { text: role.title, source: [...role.path, 'title'] },
      { text: role.staffGroups.map(capitalised).join(', '), source: listSource(role.path, 'staffGroups', role.staffGroups) },
      bandCell(role),
      { text: capacitiesText(role), source: listSource(role.path, 'capacities', role.capacities) },
      { text: role.responsibilities.join('; '), source: listSource(role.path, 'responsibilities', role.responsibilities) },
    ];
    return role.file === undefined ? cells : cells.map((cell) => ({ ...cell, sourceFile: role.file }));
  });
  return { id: 'roles', title: 'Roles and responsibilities', columns: ['Role', 'Staff group', 'Band', 'Capacity', 'Responsibilities'], rows };
}
