import type { RegisterTableId } from '../../../shared/requests';
import { REGISTER_TABLE_IDS, type RegisterAbout, type TableData, type TableSet } from '../types';
import { peopleOf, type RegisterTablesInput } from './common';
import { buildDueTable } from './due';
import { buildEntitlementsTable } from './entitlements';
import { buildTrainingStatusTable } from './trainingStatus';

export type { RegisterTablesInput } from './common';
export { standingText } from './common';
export { buildEntitlementsTable, entitlementText } from './entitlements';
export { buildTrainingStatusTable, trainedSkills } from './trainingStatus';
export { buildDueTable } from './due';

/** The builder of each register table. */
export const registerBuilders: Readonly<Record<RegisterTableId, (input: RegisterTablesInput) => TableData>> = {
  entitlements: buildEntitlementsTable,
  'training-status': buildTrainingStatusTable,
  due: buildDueTable,
};

/** What an export of a register says about itself: what it holds and the day it was computed for. */
export function registerAbout(input: RegisterTablesInput): RegisterAbout {
  const { info, protocols } = input.register;
  return {
    ...(info.department !== undefined ? { department: info.department } : {}),
    ...(info.owner !== undefined ? { owner: info.owner } : {}),
    ...(info.updated !== undefined ? { updated: info.updated } : {}),
    protocols: protocols.map((p) => p.path),
    asOf: input.today,
    people: peopleOf(input.register).length,
    dueSoonDays: input.settings.dueSoonDays,
  };
}

/**
 * The register tables asked for, in the order asked, with what the export
 * says about itself. The tables show people by id (staff number or
 * initials), never by the `name` the register may hold.
 */
export function registerTableSet(input: RegisterTablesInput, ids: readonly RegisterTableId[] = REGISTER_TABLE_IDS): TableSet {
  return {
    document: { present: false, approvals: [], references: [] },
    tables: ids.map((id) => registerBuilders[id](input)),
    register: registerAbout(input),
  };
}
