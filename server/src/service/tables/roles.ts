import { capacitiesText, rolesInUse, type Band, type Protocol, type Role } from '../model/protocol';
import { PROFILE_BANDS } from '../rules/national-profile-band';
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

/** A national job profile by name ("Healthcare Science Practitioner Advanced", an IPEM level marked as proposed); an unknown id as written. */
export function profileText(id: string): string {
  const profile = PROFILE_BANDS[id];
  if (!profile) return id;
  return profile.source === 'IPEM proposal' ? `${profile.name} (IPEM proposal)` : profile.name;
}

/** The career level and the national profile where stated: "Advanced; Healthcare Science Practitioner Advanced". */
function levelCell(role: Role): TableCell {
  const parts: string[] = [];
  if (role.careerLevel !== undefined) parts.push(capitalised(role.careerLevel));
  if (role.nationalProfile !== undefined) parts.push(profileText(role.nationalProfile));
  const key = role.careerLevel !== undefined ? 'careerLevel' : role.nationalProfile !== undefined ? 'nationalProfile' : undefined;
  return { text: parts.join('; '), source: key ? [...role.path, key] : role.path };
}

/** A list of ids shown by name (a reference's title, a record's name), with the list as its source; the role where it is empty. */
function namesCell(role: Role, key: 'procedures' | 'coreTraining', nameOf: (id: string) => string): TableCell {
  const ids = role[key];
  return { text: ids.map(nameOf).join('; '), source: ids.length > 0 ? listSource(role.path, key, ids) : role.path };
}

/**
 * Roles and responsibilities: Role | Staff group | Band | National level |
 * Registration | Capacity | Employer's procedures | Core training record |
 * Responsibilities. The capacity shows a practitioner's scope: "practitioner
 * (therapeutic)"; the procedures that entitle the role and the records of its
 * core IR(ME)R training are shown by their titles and names.
 */
export function buildRolesTable(protocol: Protocol): TableData {
  const rows = rolesInUse(protocol).map((role): TableCell[] => {
    const cells: TableCell[] = [
      { text: role.title, source: [...role.path, 'title'] },
      { text: role.staffGroups.map(capitalised).join(', '), source: listSource(role.path, 'staffGroups', role.staffGroups) },
      bandCell(role),
      levelCell(role),
      { text: role.registrations.join(', '), source: role.registrations.length > 0 ? listSource(role.path, 'registrations', role.registrations) : role.path },
      { text: capacitiesText(role), source: listSource(role.path, 'capacities', role.capacities) },
      namesCell(role, 'procedures', (id) => protocol.referenceById.get(id)?.title ?? id),
      namesCell(role, 'coreTraining', (id) => protocol.recordById.get(id)?.name ?? id),
      { text: role.responsibilities.join('; '), source: listSource(role.path, 'responsibilities', role.responsibilities) },
    ];
    return role.file === undefined ? cells : cells.map((cell) => ({ ...cell, sourceFile: role.file }));
  });
  return {
    id: 'roles',
    title: 'Roles and responsibilities',
    columns: ['Role', 'Staff group', 'Band', 'National level', 'Registration', 'Capacity', "Employer's procedures", 'Core training record', 'Responsibilities'],
    rows,
  };
}
