import { STEP_PARTS } from '../model/protocol';
import type { Rule, RuleReport } from './types';

/** The activities IR(ME)R regulation 14 most plainly needs an MPE for. */
const MPE_ACTIVITIES: ReadonlySet<string> = new Set(['plan-selection', 'dose-check']);

/**
 * The parts that involve the MPE in that day's step. `reviews` does not: an offline review of plan selection comes
 * after the selection, like the on-call MPE it is not close involvement in it.
 */
const INVOLVING_PARTS = STEP_PARTS.filter((part) => part !== 'reviews');

const list = (ids: string[]): string => ids.map((id) => `\`${id}\``).join(', ');

export const mpeInvolvement: Rule = {
  id: 'mpe-involvement',
  defaultSeverity: 'error',
  category: 'governance',
  description:
    'Plan selection and the independent dose check involve a role with the MPE capacity, or every site they cover states how the MPE is involved (present, agree or remote; on call is not enough).',
  rationale:
    'IR(ME)R 2017 regulation 14: a medical physics expert must be closely involved in every radiotherapeutic practice. Where no MPE role takes part in the step, the site must say how the MPE is involved in every session: present, agree or remote. An MPE on call is reachable, not closely involved, so `on-call` does not satisfy the rule for these steps (this tool’s reading; regulation 14 does not define close involvement). For the same reason an MPE listed only under `reviews` (an offline review after the selection) is not counted as involved.',
  check({ protocol }) {
    const reports: RuleReport[] = [];
    for (const step of protocol.workflow) {
      if (step.activity === undefined || !MPE_ACTIVITIES.has(step.activity)) continue;
      const involvesMpe = INVOLVING_PARTS.some((part) => step[part].some((roleId) => protocol.roleById.get(roleId)?.capacities.includes('MPE')));
      if (involvesMpe) continue;
      const path = [...step.path, 'activity'];
      if (protocol.sites.length === 0) {
        reports.push({
          message: `Step \`${step.id}\` (${step.name}) involves no role with the MPE capacity and the document has no sites stating \`mpeInvolvement\`; involve an MPE role in the step.`,
          path,
        });
        continue;
      }
      // Unknown site ids are left to unknown-reference.
      const covered = step.sites === undefined ? protocol.sites : step.sites.flatMap((id) => protocol.siteById.get(id) ?? []);
      const missing = covered.filter((site) => site.mpeInvolvement === undefined).map((site) => site.id);
      // On call is reachable, not closely involved: it does not satisfy regulation 14 for these steps.
      const onCall = covered.filter((site) => site.mpeInvolvement === 'on-call').map((site) => site.id);
      if (onCall.length > 0) {
        reports.push({
          message: `Step \`${step.id}\` (${step.name}) involves no role with the MPE capacity, and ${onCall.length === 1 ? 'site' : 'sites'} ${list(onCall)} ${onCall.length === 1 ? 'states' : 'state'} \`mpeInvolvement: on-call\`, which is not close involvement; involve an MPE role in the step, or change \`mpeInvolvement\` to \`present\`, \`agree\` or \`remote\` where the MPE takes part in every session.`,
          path,
        });
      }
      if (missing.length === 0) continue;
      reports.push({
        message: `Step \`${step.id}\` (${step.name}) involves no role with the MPE capacity, and ${missing.length === 1 ? 'site' : 'sites'} ${list(missing)} ${missing.length === 1 ? 'does' : 'do'} not state \`mpeInvolvement\`; involve an MPE role in the step or state how the MPE is involved for each site.`,
        path,
      });
    }
    return reports;
  },
};
