import { unregisteredGroups } from '../model/staffGroups';
import type { Rule, RuleReport } from './types';

/** The national framework's tiers this rule checks: both need state registration. */
const REGISTERED_LEVELS: ReadonlySet<string> = new Set(['advanced', 'consultant']);

export const registeredCareerLevel: Rule = {
  id: 'registered-career-level',
  defaultSeverity: 'info',
  category: 'governance',
  description: 'A role at the advanced or consultant level of the national career framework is open only to statutorily registered staff groups.',
  rationale:
    'The national career framework’s practitioner, advanced and consultant tiers require state registration. Dosimetrists, clinical technologists and assistant practitioners are not state registered, so they cannot be placed at advanced or consultant level today, whatever the department’s local title (an Advanced Adapter may be a dosimetrist). Keep the local title in `title` and leave `careerLevel` for the national level.',
  check({ protocol }) {
    const reports: RuleReport[] = [];
    for (const role of protocol.roles) {
      if (role.careerLevel === undefined || !REGISTERED_LEVELS.has(role.careerLevel)) continue;
      const unregistered = unregisteredGroups(role);
      if (unregistered.length === 0) continue;
      reports.push({
        message: `Role \`${role.id}\` is at the ${role.careerLevel} level of the national career framework, which needs state registration, but ${unregistered.join(', ')} ${unregistered.length === 1 ? 'is' : 'are'} not state registered; keep the local title in \`title\` and leave out \`careerLevel\`, or limit \`staffGroups\` to registered groups.`,
        path: [...role.path, 'careerLevel'],
      });
    }
    return reports;
  },
};
