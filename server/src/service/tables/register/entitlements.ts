import type { Entitlement } from '../../register/model';
import { realDate } from '../../register/dates';
import type { TableCell, TableData } from '../types';
import { peopleCount, peopleOf, plural, roleTitle, siteName, undefinedPeople, type RegisterTablesInput } from './common';

/** The lines of one entitlement's cell: from, until, supervised, sites; each with what it means on the day. */
export function entitlementText(input: RegisterTablesInput, entitlement: Entitlement): string {
  const { today } = input;
  const from = realDate(entitlement.from);
  const until = realDate(entitlement.until);
  const lines = [entitlement.from === undefined ? 'From: not stated' : `From ${entitlement.from}${from !== undefined && from > today ? ' (not yet)' : ''}`];
  if (entitlement.until !== undefined) lines.push(`Until ${entitlement.until}${until !== undefined && until < today ? ' (ended)' : ''}`);
  if (entitlement.supervised) lines.push('Supervised');
  if (entitlement.sites !== undefined) lines.push(`Sites: ${entitlement.sites.map((s) => siteName(input, s)).join(', ')}`);
  return lines.join('\n');
}

/**
 * The entitlement matrix: one row per person (register order; then any
 * person an entitlement names but the register does not define), one column
 * per role of the protocols (then any role an entitlement names that they do
 * not define, headed by its id). A cell gives when the entitlement starts and
 * ends, whether it is under supervision and the sites it is limited to; a
 * person with two entitlements to a role has both, one after the other.
 */
export function buildEntitlementsTable(input: RegisterTablesInput): TableData {
  const { register, basis } = input;
  const roles = [...basis.roleById.keys()];
  for (const e of register.entitlements) if (e.role && !roles.includes(e.role)) roles.push(e.role);
  const people: { id: string; source?: (string | number)[] }[] = [
    ...peopleOf(register).map((p) => ({ id: p.id, source: [...p.path, 'id'] })),
    ...undefinedPeople(register).map((id) => ({ id })),
  ];
  const rows = people.map(({ id, source }): TableCell[] => {
    const held = register.entitlementsByPerson.get(id) ?? [];
    return [
      source ? { text: id, source } : { text: id },
      ...roles.map((role): TableCell => {
        const these = held.filter((e) => e.role === role);
        const [first] = these;
        if (!first) return { text: '' };
        return { text: these.map((e) => entitlementText(input, e)).join('\n'), source: [...first.path, first.from === undefined ? 'role' : 'from'] };
      }),
    ];
  });
  const counted = register.entitlements.filter((e) => e.person && e.role).length;
  return {
    id: 'entitlements',
    title: 'Entitlement matrix',
    columns: ['Person', ...roles.map((r) => roleTitle(input, r))],
    rows,
    keyColumns: 1,
    description: `People (rows, by staff number) by roles (columns), as on ${input.today}: when each entitlement starts and ends, whether the person works under supervision, and the sites it is limited to (all sites where none are given). ${peopleCount(people.length)}, ${plural(counted, 'entitlement')}.`,
    empty: 'The register lists nobody yet.',
    legend: [
      '(not yet): the entitlement starts after that day',
      '(ended): the entitlement ended before that day',
      'Supervised: works in the role under supervision until signed off',
    ],
  };
}
