import type { Role } from './protocol';

/**
 * Facts about staff groups that several rules share, kept in one place so
 * that the rules agree (one definition of a medical role, one map of
 * registers).
 */

/** Staff groups of medical staff: employed on medical terms, not Agenda for Change, registered with the GMC. */
export const MEDICAL_STAFF_GROUPS: ReadonlySet<string> = new Set(['clinical oncologist']);

/**
 * A role is medical only if every staff group that may hold it is medical. A
 * role open to clinical oncologists and radiographers is not: a radiographer
 * holding it works at extended scope and is paid on an AfC band.
 */
export const isMedicalRole = (role: Role): boolean => role.staffGroups.length > 0 && role.staffGroups.every((group) => MEDICAL_STAFF_GROUPS.has(group));

/**
 * The statutory register behind each staff group. Dosimetrists, clinical
 * technologists and assistant practitioners have none (RCT and AHCS are
 * voluntary registers), which is why they cannot act as practitioner or
 * referrer, nor enter the national framework's registered tiers.
 */
export const STATUTORY_REGISTER: Readonly<Record<string, string>> = {
  'therapeutic radiographer': 'HCPC (radiographer)',
  'clinical scientist': 'HCPC (clinical scientist)',
  'clinical oncologist': 'GMC',
};

/** The staff groups of a role that have no statutory register. */
export const unregisteredGroups = (role: Role): string[] => role.staffGroups.filter((group) => STATUTORY_REGISTER[group] === undefined);

/** MPE recognition: the RPA2000 certificate of competence (or an equivalent the employer states). */
export const MPE_RECOGNITION = 'MPE certificate (RPA2000)';

/**
 * A medical role entitled as practitioner for therapeutic exposures (scope
 * therapeutic, both, or not stated): the consultant whose approval of work
 * they performed or edited is their own clinical decision, as in a
 * clinician-present service.
 */
export const isMedicalPractitioner = (role: Role): boolean =>
  isMedicalRole(role) && role.capacities.includes('practitioner') && role.practitionerScope !== 'imaging';
