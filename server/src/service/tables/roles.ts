import { rolesInUse, type Band, type Protocol, type Role } from '../model/protocol';
import { PROFILE_BANDS } from '../rules/national-profile-band';
import { listSource } from './training';
import type { TableCell, TableData } from './types';
import { vocabularyValue, vocabularyWords } from './words';

/** "7", "7-8b", "7 or above" (minimum only), "Up to 6" (maximum only), "" (none). */
export function bandText(min: Band | undefined, max: Band | undefined): string {
  if (min !== undefined && max !== undefined) return String(min) === String(max) ? String(min) : `${min}-${max}`;
  if (min !== undefined) return `${min} or above`;
  if (max !== undefined) return `Up to ${max}`;
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
  if (role.careerLevel !== undefined) parts.push(vocabularyValue('careerLevel', role.careerLevel));
  if (role.nationalProfile !== undefined) parts.push(profileText(role.nationalProfile));
  const key = role.careerLevel !== undefined ? 'careerLevel' : role.nationalProfile !== undefined ? 'nationalProfile' : undefined;
  return { text: parts.join('; '), source: key ? [...role.path, key] : role.path };
}

/** The IR(ME)R capacities, each on its own, a practitioner with its scope: "Practitioner (therapeutic), Referrer". */
export function capacityText(role: Role): string {
  return role.capacities
    .map((c) => {
      const capacity = vocabularyValue('capacity', c);
      return c === 'practitioner' && role.practitionerScope !== undefined
        ? `${capacity} (${vocabularyWords('practitionerScope', role.practitionerScope)})`
        : capacity;
    })
    .join(', ');
}

/**
 * What entitles the role and where its core training is recorded, by title and name: "Entitled under: Employer's
 * procedures. Core training: ESR statutory training". One column, not two: the roles table is printed on a
 * landscape page beside eight other columns. Its source is the procedures, else the core training, else the role.
 */
function entitlementCell(protocol: Protocol, role: Role): TableCell {
  const procedures = role.procedures.map((id) => protocol.referenceById.get(id)?.title ?? id);
  const records = role.coreTraining.map((id) => protocol.recordById.get(id)?.name ?? id);
  const parts = [procedures.length ? `Entitled under: ${procedures.join('; ')}` : '', records.length ? `Core training: ${records.join('; ')}` : ''];
  const source =
    role.procedures.length > 0
      ? listSource(role.path, 'procedures', role.procedures)
      : role.coreTraining.length > 0
        ? listSource(role.path, 'coreTraining', role.coreTraining)
        : role.path;
  return { text: parts.filter(Boolean).join('. '), source };
}

/**
 * Roles and responsibilities: Role | Staff group | Band | National level |
 * Registration | Capacity | IR(ME)R entitlement and core training |
 * Responsibilities. The capacity shows a practitioner's scope: "Practitioner
 * (therapeutic)"; the employer's procedures that entitle the role and the
 * records of its core IR(ME)R training are shown by their titles and names.
 */
export function buildRolesTable(protocol: Protocol): TableData {
  const rows = rolesInUse(protocol).map((role): TableCell[] => {
    const cells: TableCell[] = [
      { text: role.title, source: [...role.path, 'title'] },
      { text: role.staffGroups.map((g) => vocabularyValue('staffGroup', g)).join(', '), source: listSource(role.path, 'staffGroups', role.staffGroups) },
      bandCell(role),
      levelCell(role),
      {
        text: role.registrations.map((r) => vocabularyValue('registration', r)).join(', '),
        source: role.registrations.length > 0 ? listSource(role.path, 'registrations', role.registrations) : role.path,
      },
      { text: capacityText(role), source: listSource(role.path, 'capacities', role.capacities) },
      entitlementCell(protocol, role),
      { text: role.responsibilities.join('; '), source: listSource(role.path, 'responsibilities', role.responsibilities) },
    ];
    return role.file === undefined ? cells : cells.map((cell) => ({ ...cell, sourceFile: role.file }));
  });
  return {
    id: 'roles',
    title: 'Roles and responsibilities',
    columns: ['Role', 'Staff group', 'Band', 'National level', 'Registration', 'Capacity', 'IR(ME)R entitlement and core training', 'Responsibilities'],
    rows,
  };
}
