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
