import { ended, inForce, personNeeds, supervisionOn, type PersonNeed } from '../../register/standing';
import type { TableCell, TableData } from '../types';
import { joinAsWritten } from '../training';
import { peopleCount, peopleOf, roleTitle, siteName, skillName, standingText, statusOf, worstState, type RegisterTablesInput } from './common';

/** The skills the protocols train someone in, in the order they define them (a skill no training row names is needed by nobody). */
export function trainedSkills(input: RegisterTablesInput): string[] {
  const skills = [...input.basis.skillById.keys()].filter((id) => input.basis.rowsBySkill.has(id));
  for (const id of input.basis.rowsBySkill.keys()) if (!skills.includes(id)) skills.push(id);
  return skills;
}

/** One need in words, with who supervises a trainee in it. */
function needText(input: RegisterTablesInput, person: string, need: PersonNeed): string {
  const text = standingText(need.standing);
  if (need.standing.state !== 'in-training') return text;
  const supervision = supervisionOn(input.register, person, input.today, need.standing.requirement.skill);
  return supervision ? `${text}\nsupervised by ${supervision.supervisor}` : text;
}

/** Where a need's cell points: the training record it stands on, else the entitlement that needs it. */
function needSource(input: RegisterTablesInput, person: string, need: PersonNeed): (string | number)[] | undefined {
  const record = need.standing.record;
  if (record) return [...record.path, 'completed'];
  const started = (input.register.trainingByPerson.get(person) ?? []).find((t) => t.skill === need.standing.requirement.skill);
  if (started) return [...started.path, 'skill'];
  const entitlement = need.entitlements[0];
  return entitlement ? [...entitlement.path, 'role'] : undefined;
}

/** The cell of one skill: blank when no role of the person needs it; one line per site where the protocol trains it per site. */
function skillCell(input: RegisterTablesInput, person: string, needs: PersonNeed[]): TableCell {
  if (needs.length === 0) return { text: '' };
  const perSite = needs.length > 1 || needs[0]?.standing.requirement.site !== undefined;
  // Every site the same way, all sites first: a cell reads in the protocols' site order.
  const order = (site: string | undefined): number => (site === undefined ? -1 : input.basis.sites.findIndex((s) => s.id === site));
  const sorted = [...needs].sort((a, b) => order(a.standing.requirement.site) - order(b.standing.requirement.site));
  const text = sorted
    .map((need) => {
      const site = need.standing.requirement.site;
      const words = needText(input, person, need);
      return perSite ? `${site === undefined ? 'All sites' : siteName(input, site)}: ${words}` : words;
    })
    .join('\n');
  const worst = worstState(needs.map((n) => n.standing.state));
  const shown = sorted.find((n) => n.standing.state === worst) ?? sorted[0]!;
  const source = needSource(input, person, shown);
  return { text, ...(worst ? { status: statusOf(worst) } : {}), ...(source ? { source } : {}) };
}

/** The roles a person holds on the day (not ended), each once, "(supervised)" where under supervision. */
function rolesCell(input: RegisterTablesInput, person: string): TableCell {
  const held = (input.register.entitlementsByPerson.get(person) ?? []).filter((e) => e.role && !ended(e, input.today));
  if (held.length === 0) {
    // Someone training towards a role holds none yet: say who supervises them, where the register records it.
    const supervision = supervisionOn(input.register, person, input.today);
    return supervision
      ? { text: `No entitlement; in training, supervised by ${supervision.supervisor}`, source: [...supervision.path, 'trainee'] }
      : { text: 'No entitlement' };
  }
  const names: string[] = [];
  for (const e of held) {
    const name = `${roleTitle(input, e.role!)}${e.supervised ? ' (supervised)' : ''}${inForce(e, input.today) ? '' : ' (not yet)'}`;
    if (!names.includes(name)) names.push(name);
  }
  return { text: joinAsWritten(names), source: [...held[0]!.path, 'role'] };
}

/**
 * Training status: one row per person (register order), the person's roles,
 * then one column per skill the protocols train. A cell says where the person
 * stands in a skill one of their roles needs (`personNeeds`, from
 * `register/standing.ts`): Current, Due soon with the date, Overdue since the
 * date, In training (with the supervisor), Missing; blank where no role of
 * theirs needs it. Where the protocol trains a skill per site the cell has a
 * line per site ("Prostate: Current").
 */
export function buildTrainingStatusTable(input: RegisterTablesInput): TableData {
  const { register, today, settings } = input;
  const skills = trainedSkills(input);
  const people = peopleOf(register);
  const counts = { overdue: 0, 'due-soon': 0, missing: 0, 'in-training': 0, current: 0 };
  const rows = people.map((person): TableCell[] => {
    const needs = personNeeds(register, input.basis, person.id, today, settings);
    for (const need of needs) counts[need.standing.state]++;
    return [
      { text: person.id, source: [...person.path, 'id'] },
      rolesCell(input, person.id),
      ...skills.map((skill) =>
        skillCell(
          input,
          person.id,
          needs.filter((n) => n.standing.requirement.skill === skill),
        ),
      ),
    ];
  });
  const summary = [`${counts.overdue} overdue`, `${counts['due-soon']} due soon`, `${counts.missing} missing`, `${counts['in-training']} in training`].join(
    ', ',
  );
  return {
    id: 'training-status',
    title: 'Training status',
    columns: ['Person', 'Roles', ...skills.map((s) => skillName(input, s))],
    rows,
    keyColumns: 2,
    description: `People (rows, by staff number) by skills (columns), as on ${today}: where each person stands in each skill their roles need; blank where none of their roles needs it. ${peopleCount(people.length)}; ${summary}.`,
    empty: 'The register lists nobody yet.',
    legend: [
      `Current: trained, and not due for reassessment within ${settings.dueSoonDays} days`,
      `Due soon (date): reassessment due on that date, within ${settings.dueSoonDays} days`,
      'Overdue since (date): reassessment was due on that date and is not recorded',
      'In training: training started and not completed (with the supervisor, where one is recorded)',
      'Missing: a role of the person needs the skill and no training in it is recorded',
      'Blank: none of the person’s roles needs the skill',
      'Site: state: the protocol trains the skill per site',
    ],
  };
}
