import type { Role, Step, StepPart } from '../model/protocol';
import { didYouMean } from '../util/suggest';
import type { Register } from './model';
import { ableToActBy, type Basis, type RegisterSettings, type SkillState } from './standing';

/**
 * What the CLI's `who --can` answers: the people able to act in a role, or in
 * each responsible part of a workflow step, on a day and optionally at one
 * site. Who is able is decided by `standing.ts` (`ableToActBy`) alone; this
 * only asks it and lays the answer out. People are named by id, never by name.
 */

/** What `--can` names: a role, or a step of the register's protocols. */
export type WhoTarget = { kind: 'role'; role: Role } | { kind: 'step'; step: Step };

/** The `--can` text read against the protocols: a target, or why not (with a guess). */
export function resolveTarget(basis: Basis, text: string): WhoTarget | { error: string } {
  const prefixed = /^(role|step):(.*)$/.exec(text);
  const wanted = prefixed ? prefixed[2]! : text;
  const role = prefixed?.[1] === 'step' ? undefined : basis.roleById.get(wanted);
  const step = prefixed?.[1] === 'role' ? undefined : basis.stepById.get(wanted);
  if (role && step) return { error: `\`${wanted}\` is both a role and a step; write \`role:${wanted}\` or \`step:${wanted}\`` };
  if (role) return { kind: 'role', role };
  if (step) return { kind: 'step', step };
  const candidates = [...(prefixed?.[1] === 'step' ? [] : basis.roleById.keys()), ...(prefixed?.[1] === 'role' ? [] : basis.stepById.keys())];
  const guess = didYouMean(wanted, candidates);
  const what = prefixed ? `${prefixed[1]}` : 'role or step';
  return {
    error: `no ${what} \`${wanted}\` in the register's protocol${guess ? `; did you mean \`${guess}\`?` : `; the roles are ${list(basis.roleById.keys())} and the steps ${list(basis.stepById.keys())}`}`,
  };
}

/** The `--site` text read against the protocols' sites (and the step's, when it names them). */
export function resolveSite(basis: Basis, text: string, target?: WhoTarget): { site: string } | { error: string } {
  if (!basis.siteById.has(text)) {
    const guess = didYouMean(text, basis.siteById.keys());
    return {
      error:
        basis.siteById.size === 0
          ? `the register's protocol names no sites, so there is no site \`${text}\``
          : `no site \`${text}\` in the register's protocol; ${guess ? `did you mean \`${guess}\`?` : `the sites are ${list(basis.siteById.keys())}`}`,
    };
  }
  if (target?.kind === 'step' && target.step.sites && !target.step.sites.includes(text))
    return { error: `step \`${target.step.id}\` is not done at site \`${text}\`; it is done at ${list(target.step.sites)}` };
  return { site: text };
}

const list = (ids: Iterable<string>): string => [...ids].map((id) => `\`${id}\``).join(', ') || 'none';

/** A person able to act, as `who` lists them. */
export interface AblePerson {
  id: string;
  role: string;
  /** The sites the entitlement covers; undefined: every site. */
  sites?: string[];
  entitledFrom: string;
  /** The worst standing in the skills the role needs (`current` also when it needs none). */
  training: Extract<SkillState, 'current' | 'due-soon'>;
  /** The earliest reassessment due in those skills, with its skill. */
  nextReassessment?: { due: string; skill: string };
}

/** One need of the answer: a role (for `--can ROLE`), or a part of a step with the roles that can fill it. */
export interface WhoGroup {
  /** For a step: performs, edits, operates, approves (any role of several may approve when `approval` is `any`). */
  part?: StepPart;
  approval?: 'all' | 'any';
  roles: string[];
  people: AblePerson[];
}

export interface WhoAnswer {
  target: WhoTarget;
  site?: string;
  on: string;
  groups: WhoGroup[];
  /** True when some group has nobody able: the step (or role) cannot be staffed. */
  nobody: boolean;
}

/** The parts of a step someone is responsible for, in the order a session runs them. */
const PARTS: readonly StepPart[] = ['performs', 'edits', 'operates', 'approves'];

/**
 * Who is able, on `on`, to act in a role or to fill each responsible part of
 * a step, at `site` or (without one) anywhere the step is done: for a step
 * with `approval: any` one group lists the able people of all its approving
 * roles; otherwise each role of a part is a group of its own, as each must be
 * there.
 */
export function whoCan(register: Register, basis: Basis, target: WhoTarget, options: { site?: string; on: string; settings: RegisterSettings }): WhoAnswer {
  const { site, on, settings } = options;
  let groups: WhoGroup[];
  if (target.kind === 'role') {
    groups = [{ roles: [target.role.id], people: able(register, basis, [target.role.id], [site], on, settings) }];
  } else {
    const step = target.step;
    const sites = site !== undefined ? [site] : (step.sites ?? [undefined]);
    groups = [];
    for (const part of PARTS) {
      const roles = step[part];
      if (roles.length === 0) continue;
      if (part === 'approves' && step.approval === 'any' && roles.length > 1)
        groups.push({ part, approval: 'any', roles: [...roles], people: able(register, basis, roles, sites, on, settings) });
      else
        for (const role of roles)
          groups.push({
            part,
            ...(part === 'approves' ? { approval: step.approval } : {}),
            roles: [role],
            people: able(register, basis, [role], sites, on, settings),
          });
    }
  }
  return { target, ...(site !== undefined ? { site } : {}), on, groups, nobody: groups.length === 0 || groups.some((g) => g.people.length === 0) };
}

const RANK: Record<AblePerson['training'], number> = { current: 0, 'due-soon': 1 };

/** The people able in any of the roles at any of the sites (undefined: anywhere), in register order, once per person and role. */
function able(
  register: Register,
  basis: Basis,
  roles: readonly string[],
  sites: readonly (string | undefined)[],
  on: string,
  settings: RegisterSettings,
): AblePerson[] {
  const found: AblePerson[] = [];
  for (const person of register.people) {
    // The first definition of an id is the person (a duplicate is the rules' finding).
    if (!person.id || register.personById.get(person.id) !== person) continue;
    for (const role of roles) {
      let line: AblePerson | undefined;
      for (const site of sites) {
        const by = ableToActBy(register, basis, person, role, site, on, settings);
        if (!by) continue;
        line ??= {
          id: person.id,
          role,
          ...(by.entitlement.sites ? { sites: [...by.entitlement.sites] } : {}),
          entitledFrom: by.entitlement.from!,
          training: 'current',
        };
        for (const standing of by.standings) {
          if (standing.state === 'due-soon' && RANK[standing.state] > RANK[line.training]) line.training = standing.state;
          if (standing.due && (!line.nextReassessment || standing.due < line.nextReassessment.due))
            line.nextReassessment = { due: standing.due, skill: standing.requirement.skill };
        }
      }
      if (line) found.push(line);
    }
  }
  return found;
}
