import { inForce, requirementsOf, standingIn } from '../register/standing';
import type { Rule, RuleReport } from './types';

export const personTrained: Rule = {
  id: 'person-trained',
  defaultSeverity: 'error',
  category: 'governance',
  kinds: ['register'],
  description:
    'Every person entitled to a role, and not under supervision, has completed training in each skill the protocol trains that role in (per site where it trains per site).',
  rationale:
    'IR(ME)R 2017 regulation 17: no practitioner or operator may act without adequate training, and the employer keeps a record of it. The protocol says which skills each role needs; an entitlement without the matching training record is an entitlement the employer cannot evidence. A person still training works under supervision (`supervised: true`), which `trainee-supervised` checks instead.',
  check({ register, today }) {
    if (!register?.complete) return [];
    const { model, basis, settings } = register;
    const reports: RuleReport[] = [];
    const said = new Set<string>();
    for (const entitlement of model.entitlements) {
      const person = entitlement.person;
      if (!person || !model.personById.has(person) || !entitlement.role || entitlement.supervised || !inForce(entitlement, today)) continue;
      for (const requirement of requirementsOf(basis, entitlement.role, entitlement.sites)) {
        const standing = standingIn(model, person, requirement, today, settings);
        if (standing.state !== 'missing' && standing.state !== 'in-training') continue;
        const key = `${person}\u0000${entitlement.role}\u0000${requirement.skill}\u0000${requirement.site ?? ''}`;
        if (said.has(key)) continue;
        said.add(key);
        const where = requirement.site ? ` at site \`${requirement.site}\`` : '';
        const what =
          standing.state === 'missing'
            ? `has no completed training in \`${requirement.skill}\`${where}`
            : `has not completed their training in \`${requirement.skill}\`${where} (no \`completed\` date up to today)`;
        reports.push({
          message: `\`${person}\` is entitled to \`${entitlement.role}\` but ${what}, which the protocol's training rows ask of the role. Record the completed, signed-off training under \`training\`, or mark the entitlement \`supervised: true\` while they train.`,
          path: [...entitlement.path, 'role'],
          data: { person, role: entitlement.role, skill: requirement.skill },
        });
      }
    }
    return reports;
  },
};
