import type { Person, Register } from '../../register/model';
import { STATE_TEXT, type Basis, type RegisterSettings, type SkillState, type Standing } from '../../register/standing';
import type { StandingStatus } from '../../../shared/requests';

/** What the register's tables are made from: the register, what its protocols ask, and the day they are computed for. */
export interface RegisterTablesInput {
  register: Register;
  basis: Basis;
  settings: RegisterSettings;
  /** The day the states are computed for (YYYY-MM-DD): a reassessment due tomorrow is overdue the day after. */
  today: string;
}

// The shared status names are the standing states, one for one.
const sameStates: Record<SkillState, StandingStatus> = {
  current: 'current',
  'due-soon': 'due-soon',
  overdue: 'overdue',
  'in-training': 'in-training',
  missing: 'missing',
};
export const statusOf = (state: SkillState): StandingStatus => sameStates[state];

/** The people of the register, each once (the first definition of an id), in register order. */
export function peopleOf(register: Register): Person[] {
  return register.people.filter((p) => p.id !== '' && register.personById.get(p.id) === p);
}

/**
 * A person's entitlements' person ids that the register does not define, in
 * the order first named: the tables still show what the register says.
 */
export function undefinedPeople(register: Register): string[] {
  return [...register.entitlementsByPerson.keys()].filter((id) => id !== '' && !register.personById.has(id));
}

export const roleTitle = (input: RegisterTablesInput, id: string): string => input.basis.roleById.get(id)?.title ?? id;
export const skillName = (input: RegisterTablesInput, id: string): string => input.basis.skillById.get(id)?.name ?? id;
export const siteName = (input: RegisterTablesInput, id: string): string => input.basis.siteById.get(id)?.name ?? id;

/**
 * A standing in words, readable without colour: "Current", "Due soon
 * 2026-12-10", "Overdue since 2026-10-01", "In training", "Missing".
 */
export function standingText(standing: Standing): string {
  switch (standing.state) {
    case 'due-soon':
      return standing.due ? `${STATE_TEXT['due-soon']} ${standing.due}` : STATE_TEXT['due-soon'];
    case 'overdue':
      return standing.due ? `${STATE_TEXT.overdue} since ${standing.due}` : STATE_TEXT.overdue;
    default:
      return STATE_TEXT[standing.state];
  }
}

/** Worst first: the state a cell showing several sites takes for its colour. */
const SEVERITY: readonly SkillState[] = ['overdue', 'missing', 'in-training', 'due-soon', 'current'];
export function worstState(states: readonly SkillState[]): SkillState | undefined {
  return SEVERITY.find((s) => states.includes(s));
}

/** "1 person", "25 people". */
export const peopleCount = (n: number): string => `${n} ${n === 1 ? 'person' : 'people'}`;
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
