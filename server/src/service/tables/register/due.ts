import { addDays, realDate } from '../../register/dates';
import { personNeeds, STATE_TEXT } from '../../register/standing';
import type { TableCell, TableData } from '../types';
import { joinAsWritten } from '../training';
import { peopleOf, plural, roleTitle, siteName, skillName, statusOf, type RegisterTablesInput } from './common';

interface DueItem {
  due: string;
  order: number;
  cells: TableCell[];
}

/**
 * What is due: every reassessment of a skill a person's roles need that is
 * due within the register's window (`dueSoonDays`) or overdue, and every
 * registration a person holds that expires within the window or has expired,
 * earliest first (then in register order). States are `register/standing.ts`'s.
 */
export function buildDueTable(input: RegisterTablesInput): TableData {
  const { register, basis, today, settings } = input;
  const until = addDays(today, settings.dueSoonDays) ?? today;
  const items: DueItem[] = [];
  let reassessments = 0;
  let overdue = 0;
  let registrations = 0;
  peopleOf(register).forEach((person, order) => {
    const personCell: TableCell = { text: person.id, source: [...person.path, 'id'] };
    for (const need of personNeeds(register, basis, person.id, today, settings)) {
      const { standing } = need;
      if ((standing.state !== 'due-soon' && standing.state !== 'overdue') || !standing.due) continue;
      reassessments++;
      if (standing.state === 'overdue') overdue++;
      const site = standing.requirement.site;
      const record = standing.record;
      items.push({
        due: standing.due,
        order,
        cells: [
          { text: standing.due, status: statusOf(standing.state), ...(record ? { source: [...record.path, 'completed'] } : {}) },
          personCell,
          {
            text: joinAsWritten(need.roles.map((r) => roleTitle(input, r))),
            ...(need.entitlements[0] ? { source: [...need.entitlements[0].path, 'role'] } : {}),
          },
          {
            text: `${skillName(input, standing.requirement.skill)}${site === undefined ? '' : ` (${siteName(input, site)})`}`,
            ...(record ? { source: [...record.path, 'skill'] } : {}),
          },
          { text: record?.completed ?? '', ...(record ? { source: [...record.path, 'completed'] } : {}) },
          { text: STATE_TEXT[standing.state], status: statusOf(standing.state) },
        ],
      });
    }
    for (const registration of person.registrations) {
      const expires = realDate(registration.expires);
      if (expires === undefined || expires > until) continue;
      registrations++;
      const expired = expires < today;
      const source = [...registration.path, 'expires'];
      items.push({
        due: expires,
        order,
        cells: [
          { text: expires, status: expired ? 'overdue' : 'due-soon', source },
          personCell,
          { text: '' },
          {
            text: `Registration: ${registration.register ?? 'not named'}`,
            source: [...registration.path, registration.register === undefined ? 'expires' : 'register'],
          },
          { text: '' },
          { text: expired ? 'Expired' : 'Expires soon', status: expired ? 'overdue' : 'due-soon' },
        ],
      });
    }
  });
  items.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.order - b.order));
  return {
    id: 'due',
    title: 'Due and overdue',
    columns: ['Due', 'Person', 'Role', 'Skill or registration', 'Last completed', 'State'],
    rows: items.map((i) => i.cells),
    keyColumns: 1,
    description: `Every reassessment due by ${until} (within ${settings.dueSoonDays} days of ${today}) or overdue, and every registration expiring by then, earliest first: ${plural(reassessments, 'reassessment')} (${overdue} overdue), ${plural(registrations, 'registration')}.`,
    empty: `Nothing is due or overdue by ${until}.`,
    legend: [
      `Due soon: due by ${until}`,
      'Overdue: the reassessment was due on that date and is not recorded',
      'Expires soon, Expired: the registration’s expiry date as the register records it',
    ],
  };
}
