import type { Register } from './model';
import { addDays, daysBetween, realDate } from './dates';
import { inForce, requirementsOf, standingIn, type Basis, type RegisterSettings } from './standing';

/**
 * What the CLI's `status` reports of a register on a day: what is overdue or
 * expired, and what falls due within the project's `register.dueSoonDays`.
 * Where each person stands is decided by `standing.ts`; this gathers and
 * orders it. People are named by id, never by name.
 */

/** A reassessment overdue or due soon: a person's training in a skill (at a site) for the roles they are entitled to. */
export interface Reassessment {
  person: string;
  roles: string[];
  skill: string;
  site?: string;
  /** When the training that is due again was completed. */
  completed: string;
  due: string;
  /** Days from today to the due date (negative: overdue by that many). */
  days: number;
}

/** Training a person entitled today needs and does not have. */
export interface TrainingGap {
  person: string;
  roles: string[];
  skill: string;
  site?: string;
  state: 'missing' | 'in-training';
  /** Works in the role under supervision (the entitlement says `supervised: true`): expected while training. */
  supervised: boolean;
  /** The supervisors named for this skill today, by id. */
  supervisors: string[];
}

export interface RegistrationDue {
  person: string;
  register: string;
  expires: string;
  state: 'expired' | 'expiring';
  days: number;
}

export interface EntitlementEnding {
  person: string;
  role: string;
  until: string;
  days: number;
}

export interface RegisterStatus {
  on: string;
  dueSoonDays: number;
  /** The last day of the due-soon window. */
  windowEnds: string;
  overdue: Reassessment[];
  dueSoon: Reassessment[];
  training: TrainingGap[];
  registrations: RegistrationDue[];
  entitlementsEnding: EntitlementEnding[];
  /**
   * Something that needs acting on now: a reassessment overdue, a registration
   * expired, or someone entitled without supervision who is not trained in a
   * skill their role needs. `status` then exits with 1.
   */
  failing: boolean;
}

/** The status of a register on a day. */
export function registerStatus(register: Register, basis: Basis, on: string, settings: RegisterSettings): RegisterStatus {
  const windowEnds = addDays(on, settings.dueSoonDays) ?? on;
  const days = (date: string) => daysBetween(on, date) ?? 0;
  const reassessments = new Map<string, Reassessment>();
  const gaps = new Map<string, TrainingGap>();
  const entitlementsEnding: EntitlementEnding[] = [];
  for (const person of register.people) {
    if (!person.id || register.personById.get(person.id) !== person) continue;
    for (const entitlement of register.entitlementsByPerson.get(person.id) ?? []) {
      if (!entitlement.role || !inForce(entitlement, on)) continue;
      const until = realDate(entitlement.until);
      if (until !== undefined && until <= windowEnds) entitlementsEnding.push({ person: person.id, role: entitlement.role, until, days: days(until) });
      for (const requirement of requirementsOf(basis, entitlement.role, entitlement.sites)) {
        const standing = standingIn(register, person.id, requirement, on, settings);
        const key = `${person.id}\u0000${requirement.skill}\u0000${requirement.site ?? ''}`;
        const where = requirement.site !== undefined ? { site: requirement.site } : {};
        if ((standing.state === 'overdue' || standing.state === 'due-soon') && standing.due && standing.record?.completed) {
          const known = reassessments.get(key);
          if (known) addRole(known.roles, entitlement.role);
          else
            reassessments.set(key, {
              person: person.id,
              roles: [entitlement.role],
              skill: requirement.skill,
              ...where,
              completed: standing.record.completed,
              due: standing.due,
              days: days(standing.due),
            });
        } else if (standing.state === 'missing' || standing.state === 'in-training') {
          const known = gaps.get(key);
          if (known) {
            addRole(known.roles, entitlement.role);
            // Supervised only when every entitlement that needs the skill is.
            known.supervised &&= entitlement.supervised;
          } else
            gaps.set(key, {
              person: person.id,
              roles: [entitlement.role],
              skill: requirement.skill,
              ...where,
              state: standing.state,
              supervised: entitlement.supervised,
              supervisors: supervisorsOf(register, person.id, requirement.skill, on),
            });
        }
      }
    }
  }
  const registrations: RegistrationDue[] = [];
  for (const person of register.people) {
    if (!person.id || register.personById.get(person.id) !== person) continue;
    for (const held of person.registrations) {
      const expires = realDate(held.expires);
      if (!held.register || expires === undefined || expires > windowEnds) continue;
      registrations.push({ person: person.id, register: held.register, expires, state: expires < on ? 'expired' : 'expiring', days: days(expires) });
    }
  }
  const all = [...reassessments.values()].sort(byDue);
  const overdue = all.filter((r) => r.due < on);
  const training = [...gaps.values()].sort(
    (a, b) => Number(a.supervised) - Number(b.supervised) || a.person.localeCompare(b.person) || a.skill.localeCompare(b.skill),
  );
  registrations.sort((a, b) => compare(a.expires, b.expires) || a.person.localeCompare(b.person));
  entitlementsEnding.sort((a, b) => compare(a.until, b.until) || a.person.localeCompare(b.person));
  return {
    on,
    dueSoonDays: settings.dueSoonDays,
    windowEnds,
    overdue,
    dueSoon: all.filter((r) => r.due >= on),
    training,
    registrations,
    entitlementsEnding,
    failing: overdue.length > 0 || registrations.some((r) => r.state === 'expired') || training.some((t) => !t.supervised),
  };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byDue = (a: Reassessment, b: Reassessment): number => compare(a.due, b.due) || a.person.localeCompare(b.person) || a.skill.localeCompare(b.skill);

function addRole(roles: string[], role: string): void {
  if (!roles.includes(role)) roles.push(role);
}

/** The people named as supervising a trainee in a skill on a day, by id. */
function supervisorsOf(register: Register, trainee: string, skill: string, on: string): string[] {
  const found: string[] = [];
  for (const s of register.supervisionByTrainee.get(trainee) ?? []) {
    const from = realDate(s.from);
    const until = realDate(s.until);
    if (!s.supervisor || !s.skills.includes(skill) || from === undefined || from > on || (until !== undefined && until < on)) continue;
    if (!found.includes(s.supervisor)) found.push(s.supervisor);
  }
  return found;
}
