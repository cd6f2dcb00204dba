import type { Method, Protocol, Role, Site, Skill, Step, StepPart, TrainingRow } from '../model/protocol';
import { MPE_RECOGNITION, STATUTORY_REGISTER } from '../model/staffGroups';
import type { Entitlement, Person, Register, RegistrationHeld, Supervision, TrainingRecord } from './model';
import { addDays, addMonths, realDate } from './dates';

/**
 * What the protocols ask of people, and where each person stands against it
 * on a given day. One place for the rules, the hover, the tables and the
 * CLI's `who` and `status`, so that they never disagree about who is
 * entitled and current.
 */

/** How a register is checked; from the project's configuration (`register:`). */
export interface RegisterSettings {
  /** A reassessment due within this many days is "due soon". */
  dueSoonDays: number;
  /** The fewest entitled, current people each role of an online step needs at each site. */
  minimumCover: number;
}

export const DEFAULT_REGISTER_SETTINGS: RegisterSettings = { dueSoonDays: 60, minimumCover: 2 };

/** The protocols a register is checked against, merged: ids are looked up in each in turn. */
export interface Basis {
  protocols: Protocol[];
  roleById: Map<string, Role>;
  skillById: Map<string, Skill>;
  methodById: Map<string, Method>;
  siteById: Map<string, Site>;
  stepById: Map<string, Step>;
  /** Training rows by the roles they name. */
  rowsByRole: Map<string, TrainingRow[]>;
  /** Training rows by skill. */
  rowsBySkill: Map<string, TrainingRow[]>;
  /** Every site of the protocols, in order. */
  sites: Site[];
  /** Every step of the protocols, in order. */
  steps: Step[];
}

export function buildBasis(protocols: readonly Protocol[]): Basis {
  const basis: Basis = {
    protocols: [...protocols],
    roleById: new Map(),
    skillById: new Map(),
    methodById: new Map(),
    siteById: new Map(),
    stepById: new Map(),
    rowsByRole: new Map(),
    rowsBySkill: new Map(),
    sites: [],
    steps: [],
  };
  for (const protocol of protocols) {
    for (const [target, source] of [
      [basis.roleById, protocol.roleById],
      [basis.skillById, protocol.skillById],
      [basis.methodById, protocol.methodById],
      [basis.siteById, protocol.siteById],
      [basis.stepById, protocol.stepById],
    ] as [Map<string, unknown>, Map<string, unknown>][])
      for (const [id, entry] of source) if (!target.has(id)) target.set(id, entry);
    for (const row of protocol.training) {
      for (const role of row.roles) push(basis.rowsByRole, role, row);
      if (row.skill) push(basis.rowsBySkill, row.skill, row);
    }
    basis.steps.push(...protocol.workflow);
  }
  basis.sites = [...basis.siteById.values()];
  return basis;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** One thing an entitlement needs: training in a skill, at a site where the protocol trains it per site. */
export interface Requirement {
  skill: string;
  /** Undefined: the training covers every site. */
  site?: string;
  rows: TrainingRow[];
  /** The shortest reassessment interval of its rows, in months. */
  reassessEveryMonths?: number;
}

/** Requirements worked out, by basis: every rule, the hover and the tables ask the same few questions many times. */
const requirementMemo = new WeakMap<Basis, Map<string, Requirement[]>>();

/** The training a role needs at the sites an entitlement covers, from the protocols' training rows. */
export function requirementsOf(basis: Basis, role: string | undefined, sites: readonly string[] | undefined): Requirement[] {
  if (!role) return [];
  let memo = requirementMemo.get(basis);
  if (!memo) requirementMemo.set(basis, (memo = new Map()));
  const key = `${role}\u0000${sites ? sites.join('\u0000') : '*'}`;
  const known = memo.get(key);
  if (known) return known;
  const found = new Map<string, Requirement>();
  for (const row of basis.rowsByRole.get(role) ?? []) {
    if (!row.skill) continue;
    const rowSites = row.sites ? row.sites.filter((s) => !sites || sites.includes(s)) : [undefined];
    for (const site of rowSites) {
      const key = `${row.skill}\u0000${site ?? ''}`;
      const known = found.get(key);
      const months = row.reassessEveryMonths;
      if (known) {
        known.rows.push(row);
        if (months !== undefined && (known.reassessEveryMonths === undefined || months < known.reassessEveryMonths)) known.reassessEveryMonths = months;
      } else found.set(key, { skill: row.skill, site, rows: [row], reassessEveryMonths: months });
    }
  }
  const requirements = [...found.values()];
  memo.set(key, requirements);
  return requirements;
}

export type SkillState = 'current' | 'due-soon' | 'overdue' | 'in-training' | 'missing';

/** The words each state is shown with: tables and reports never rely on colour alone. */
export const STATE_TEXT: Record<SkillState, string> = {
  current: 'Current',
  'due-soon': 'Due soon',
  overdue: 'Overdue',
  'in-training': 'In training',
  missing: 'Missing',
};

/** Where a person stands in one requirement today. */
export interface Standing {
  requirement: Requirement;
  state: SkillState;
  /** The latest completed training that covers it. */
  record?: TrainingRecord;
  /** When reassessment is due, where the protocol sets an interval. */
  due?: string;
}

/** The answers worked out for one day and warning window. */
interface DayMemo {
  today: string;
  dueSoonDays: number;
  /** When "due soon" ends. */
  soon: string;
  /** Completed training by person, then skill and site, latest first. */
  completed: Map<string, Map<string, TrainingRecord[]>>;
  /** Standings by person, then requirement (requirements are memoised objects). */
  standings: Map<string, Map<Requirement, Standing>>;
}

/** Per register: training records by person and skill, the people entitled to each role, and the last day's answers. */
interface Memo {
  bySkill: Map<string, TrainingRecord[]>;
  holders: Map<string, Person[]>;
  days: DayMemo[];
}
const memos = new WeakMap<Register, Memo>();

function memoOf(register: Register): Memo {
  let memo = memos.get(register);
  if (!memo) {
    const bySkill = new Map<string, TrainingRecord[]>();
    for (const t of register.training) if (t.person && t.skill) push(bySkill, `${t.person}\u0000${t.skill}`, t);
    const holders = new Map<string, Person[]>();
    for (const person of register.people) {
      if (!person.id || register.personById.get(person.id) !== person) continue;
      const roles = new Set((register.entitlementsByPerson.get(person.id) ?? []).flatMap((e) => (e.role ? [e.role] : [])));
      for (const role of roles) push(holders, role, person);
    }
    memos.set(register, (memo = { bySkill, holders, days: [] }));
  }
  return memo;
}

/** The answers for a day: the tables and the CLI may ask about a day other than the check's, so a few days are kept. */
function dayOf(memo: Memo, today: string, dueSoonDays: number): DayMemo {
  for (const day of memo.days) if (day.today === today && day.dueSoonDays === dueSoonDays) return day;
  const day: DayMemo = { today, dueSoonDays, soon: addDays(today, dueSoonDays) ?? today, completed: new Map(), standings: new Map() };
  if (memo.days.length >= 4) memo.days.shift();
  memo.days.push(day);
  return day;
}

/** A person's completed training in a skill (at a site), latest first, completed by `today`. */
export function completedTraining(register: Register, person: string, skill: string, site: string | undefined, today: string): TrainingRecord[] {
  const memo = memoOf(register);
  // The warning window plays no part here: any day memo of this date will do.
  const day = memo.days.find((d) => d.today === today) ?? dayOf(memo, today, DEFAULT_REGISTER_SETTINGS.dueSoonDays);
  let byPerson = day.completed.get(person);
  if (!byPerson) day.completed.set(person, (byPerson = new Map()));
  const key = site === undefined ? skill : `${skill}\u0000${site}`;
  const known = byPerson.get(key);
  if (known) return known;
  const found = (memo.bySkill.get(`${person}\u0000${skill}`) ?? [])
    .filter((t) => (site === undefined || !t.sites || t.sites.includes(site)) && realDate(t.completed) !== undefined && t.completed! <= today)
    .sort((a, b) => (a.completed! < b.completed! ? 1 : a.completed! > b.completed! ? -1 : 0));
  byPerson.set(key, found);
  return found;
}

export function standingIn(register: Register, person: string, requirement: Requirement, today: string, settings: RegisterSettings): Standing {
  const memo = memoOf(register);
  const day = dayOf(memo, today, settings.dueSoonDays);
  let byRequirement = day.standings.get(person);
  if (!byRequirement) day.standings.set(person, (byRequirement = new Map()));
  let standing = byRequirement.get(requirement);
  if (!standing) byRequirement.set(requirement, (standing = standingUncached(register, memo, day, person, requirement, today)));
  return standing;
}

/** The people entitled (at some time) to a role, each once, in register order. */
export function holdersOf(register: Register, role: string): readonly Person[] {
  return memoOf(register).holders.get(role) ?? [];
}

function standingUncached(register: Register, memo: Memo, day: DayMemo, person: string, requirement: Requirement, today: string): Standing {
  const [latest] = completedTraining(register, person, requirement.skill, requirement.site, today);
  if (!latest) {
    const started = (memo.bySkill.get(`${person}\u0000${requirement.skill}`) ?? []).some(
      (t) => requirement.site === undefined || !t.sites || t.sites.includes(requirement.site),
    );
    return { requirement, state: started ? 'in-training' : 'missing' };
  }
  const months = requirement.reassessEveryMonths;
  const due = months !== undefined && months > 0 ? addMonths(latest.completed!, months) : undefined;
  if (due === undefined) return { requirement, state: 'current', record: latest };
  const state: SkillState = due < today ? 'overdue' : due <= day.soon ? 'due-soon' : 'current';
  return { requirement, state, record: latest, due };
}

/** Is the entitlement in force on `today`? Only real dates count. */
export function inForce(entitlement: Entitlement, today: string): boolean {
  const from = realDate(entitlement.from);
  const until = realDate(entitlement.until);
  return from !== undefined && from <= today && (until === undefined || until >= today);
}

/** Does the entitlement cover a site (undefined: the step is at every site)? */
export const coversSite = (entitlement: Entitlement, site: string | undefined): boolean =>
  site === undefined || entitlement.sites === undefined || entitlement.sites.includes(site);

/**
 * The registrations a role asks of this person (MPE recognition aside, which
 * goes with the MPE capacity): a statutory register only where it is their
 * staff group's (a role open to radiographers and clinical scientists lists
 * both registers, and each person needs their own); a voluntary register (RCT,
 * AHCS) only of a person whose staff group has no statutory register.
 */
export function registrationsAskedOf(role: Role, person: Person): string[] {
  const statutory = new Set(Object.values(STATUTORY_REGISTER));
  const own = person.staffGroup === undefined ? undefined : STATUTORY_REGISTER[person.staffGroup];
  return role.registrations.filter((r) => r !== MPE_RECOGNITION && (statutory.has(r) ? r === own : own === undefined));
}

/** The entries of a register the person holds, and whether one is in date on `today` (no expiry: in date). */
export function heldRegistration(person: Person, register: string, today: string): { held: RegistrationHeld[]; current: boolean } {
  const held = person.registrations.filter((r) => r.register === register);
  return { held, current: held.some((r) => realDate(r.expires) === undefined || r.expires! >= today) };
}

/** Does the person meet what the role itself asks today: its staff groups, its registrations, MPE recognition for the MPE capacity? */
export function qualifiedFor(person: Person, role: Role | undefined, today: string): boolean {
  if (!role) return true;
  if (role.staffGroups.length > 0 && (!person.staffGroup || !role.staffGroups.includes(person.staffGroup))) return false;
  if (!registrationsAskedOf(role, person).every((r) => heldRegistration(person, r, today).current)) return false;
  return !role.capacities.includes('MPE') || heldRegistration(person, MPE_RECOGNITION, today).current;
}

/**
 * A person able to act in a role today: entitled, not under supervision, of a
 * staff group and with the registrations the role asks, and current (and
 * passed) in every skill it needs there.
 */
export function ableToAct(
  register: Register,
  basis: Basis,
  person: Person,
  role: string,
  site: string | undefined,
  today: string,
  settings: RegisterSettings,
): boolean {
  return ableToActBy(register, basis, person, role, site, today, settings) !== undefined;
}

/** Why a person is able to act in a role: the entitlement, and where they stand in each skill it needs there. */
export interface AbleBy {
  entitlement: Entitlement;
  standings: Standing[];
}

/**
 * `ableToAct` with its reason: the first entitlement that makes the person
 * able (in force, not supervised, covering the site, of a staff group and
 * with the registrations the role asks, current or due soon and passed in
 * every skill the role needs there) with those standings, or undefined when
 * none does. The CLI's `who` shows the entitlement and the next reassessment.
 */
export function ableToActBy(
  register: Register,
  basis: Basis,
  person: Person,
  role: string,
  site: string | undefined,
  today: string,
  settings: RegisterSettings,
): AbleBy | undefined {
  let qualified: boolean | undefined;
  for (const e of register.entitlementsByPerson.get(person.id) ?? []) {
    if (e.role !== role || e.supervised || !inForce(e, today) || !coversSite(e, site)) continue;
    // Asked once a matching entitlement is found: most people hold other roles.
    if (!(qualified ??= qualifiedFor(person, basis.roleById.get(role), today))) return undefined;
    const requirements = requirementsOf(basis, role, site === undefined ? e.sites : [site]);
    if (!currentIn(register, basis, person.id, requirements, today, settings)) continue;
    return { entitlement: e, standings: requirements.map((r) => standingIn(register, person.id, r, today, settings)) };
  }
  return undefined;
}

/**
 * Current (or due soon, not yet lapsed) in each of the requirements, by a
 * latest training that passed where its method is scored: a failed
 * assessment recorded as completed is `pass-mark-met`'s finding, and does not
 * make the person able to act.
 */
export const currentIn = (register: Register, basis: Basis, person: string, requirements: Requirement[], today: string, settings: RegisterSettings): boolean =>
  requirements.every((r) => {
    const { state, record } = standingIn(register, person, r, today, settings);
    return (state === 'current' || state === 'due-soon') && record !== undefined && passed(basis, record);
  });

/** A training meets its method's pass mark, or its method has none. */
export function passed(basis: Basis, record: TrainingRecord): boolean {
  const passMark = record.method === undefined ? undefined : basis.methodById.get(record.method)?.passMark;
  return passMark === undefined || (record.result !== undefined && record.result >= passMark);
}

/** One need of an online step: a person in one of these roles, at a site. */
export interface CoverNeed {
  /** The online steps that need it (the first is where it was first needed). */
  steps: Step[];
  part: StepPart | 'approves (any)';
  roles: string[];
  site?: string;
}

/** The parts of an online step someone must be there for. */
const PRESENT_PARTS: readonly StepPart[] = ['performs', 'edits', 'operates'];

/**
 * What each online step needs present at each site: one person for each role
 * that performs, edits or operates it, and for its approvers one of each
 * (`approval: all`) or one of any (`approval: any`).
 */
export function coverNeeds(basis: Basis): CoverNeed[] {
  const needs = new Map<string, CoverNeed>();
  const allSites: (string | undefined)[] = basis.sites.length ? basis.sites.map((s) => s.id) : [undefined];
  for (const step of basis.steps) {
    if (step.phase !== 'online') continue;
    const sites = step.sites ?? allSites;
    const groups: { part: CoverNeed['part']; roles: string[] }[] = [];
    for (const part of PRESENT_PARTS) for (const role of step[part]) groups.push({ part, roles: [role] });
    if (step.approval === 'any' && step.approves.length > 1) groups.push({ part: 'approves (any)', roles: [...step.approves] });
    else for (const role of step.approves) groups.push({ part: 'approves', roles: [role] });
    for (const site of sites)
      for (const { part, roles } of groups) {
        const key = `${[...roles].sort().join(',')}\u0000${site ?? ''}`;
        const known = needs.get(key);
        if (!known) needs.set(key, { steps: [step], part, roles, site });
        else if (!known.steps.includes(step)) known.steps.push(step);
      }
  }
  return [...needs.values()];
}

/** The people able to act in any of these roles at a site today, in register order. */
export function peopleAbleToAct(
  register: Register,
  basis: Basis,
  roles: readonly string[],
  site: string | undefined,
  today: string,
  settings: RegisterSettings,
): Person[] {
  // Only those entitled to one of the roles can act in it: the others are not asked about.
  const candidates = new Set(roles.flatMap((role) => holdersOf(register, role)));
  return register.people.filter((p) => candidates.has(p) && roles.some((role) => ableToAct(register, basis, p, role, site, today, settings)));
}

/** One skill (at one site) a person needs for the roles they hold, and where they stand in it. */
export interface PersonNeed {
  /** The requirement of all the person's entitlements that need it, merged: their training rows, the shortest reassessment interval. */
  standing: Standing;
  /** The roles that need it, in the order of the person's entitlements. */
  roles: string[];
  /** The entitlements that need it. */
  entitlements: Entitlement[];
}

/**
 * Each entitlement not ended by `today`, with its person and the protocols'
 * role, where both are known (an unknown id is `unknown-reference`'s
 * finding): what the rules about a person fitting their role read. One not
 * yet in force counts: the person must fit before they start.
 */
export function heldRoles(register: Register, basis: Basis, today: string): { entitlement: Entitlement; person: Person; role: Role }[] {
  const held: { entitlement: Entitlement; person: Person; role: Role }[] = [];
  for (const entitlement of register.entitlements) {
    const person = entitlement.person ? register.personById.get(entitlement.person) : undefined;
    const role = entitlement.role ? basis.roleById.get(entitlement.role) : undefined;
    if (person && role && !ended(entitlement, today)) held.push({ entitlement, person, role });
  }
  return held;
}

/** Has the entitlement ended by `today` (an `until` that is a real date before it)? */
export function ended(entitlement: Entitlement, today: string): boolean {
  const until = realDate(entitlement.until);
  return until !== undefined && until < today;
}

/**
 * What a person needs for every entitlement not ended on `today` (one not yet
 * in force counts: the training comes first; one under supervision counts),
 * each skill and site once, and where they stand in it, by `standingIn`.
 * Where two roles need the same skill at the same site, it is one need: the
 * shortest reassessment interval of their rows applies. For the tables and
 * reports that list a person's training.
 */
export function personNeeds(register: Register, basis: Basis, person: string, today: string, settings: RegisterSettings): PersonNeed[] {
  const merged = new Map<string, { requirement: Requirement; roles: string[]; entitlements: Entitlement[] }>();
  for (const entitlement of register.entitlementsByPerson.get(person) ?? []) {
    if (ended(entitlement, today) || !entitlement.role) continue;
    for (const requirement of requirementsOf(basis, entitlement.role, entitlement.sites)) {
      const key = `${requirement.skill}\u0000${requirement.site ?? ''}`;
      const known = merged.get(key);
      if (!known) {
        merged.set(key, { requirement: { ...requirement, rows: [...requirement.rows] }, roles: [entitlement.role], entitlements: [entitlement] });
        continue;
      }
      if (!known.roles.includes(entitlement.role)) known.roles.push(entitlement.role);
      known.entitlements.push(entitlement);
      for (const row of requirement.rows) if (!known.requirement.rows.includes(row)) known.requirement.rows.push(row);
      const months = requirement.reassessEveryMonths;
      if (months !== undefined && (known.requirement.reassessEveryMonths === undefined || months < known.requirement.reassessEveryMonths))
        known.requirement.reassessEveryMonths = months;
    }
  }
  return [...merged.values()].map(({ requirement, roles, entitlements }) => ({
    standing: standingIn(register, person, requirement, today, settings),
    roles,
    entitlements,
  }));
}

/**
 * The supervision a trainee is under on `today` (its dates, where real, around
 * the day), for a skill when one is given; the first the register records.
 */
export function supervisionOn(register: Register, trainee: string, today: string, skill?: string): Supervision | undefined {
  return (register.supervisionByTrainee.get(trainee) ?? []).find((s) => {
    const from = realDate(s.from);
    const until = realDate(s.until);
    return (
      s.supervisor !== undefined &&
      (skill === undefined || s.skills.includes(skill)) &&
      (from === undefined || from <= today) &&
      (until === undefined || until >= today)
    );
  });
}
