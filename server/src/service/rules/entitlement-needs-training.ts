import type { StepPart, TrainingRow } from '../model/protocol';
import type { Rule, RuleReport } from './types';

/** The parts of a step that act on the patient's treatment and so need training. */
const ENTITLED_PARTS: StepPart[] = ['performs', 'edits', 'approves'];

export const entitlementNeedsTraining: Rule = {
  id: 'entitlement-needs-training',
  defaultSeverity: 'error',
  category: 'governance',
  description: 'A role that performs, edits or approves a step needing a skill is in a training row for that skill, for every site the step covers.',
  rationale:
    'IR(ME)R 2017 regulation 17: no practitioner or operator may act without adequate training, and the employer keeps a record of it. Entitlement without a training row has no evidence behind it.',
  check({ protocol }) {
    const reports: RuleReport[] = [];
    const allSites = protocol.sites.map((s) => s.id);
    // What the training rows cover, by skill and role, built once: a shared skill can have a row per
    // campus, and every step of every site asks about it.
    const coverage = new Map<string, { rows: TrainingRow[]; everySite: boolean; sites: Set<string> }>();
    for (const row of protocol.training) {
      if (!row.skill) continue;
      for (const role of row.roles) {
        const key = `${row.skill}\u0000${role}`;
        let covered = coverage.get(key);
        if (!covered) coverage.set(key, (covered = { rows: [], everySite: false, sites: new Set() }));
        covered.rows.push(row);
        if (row.sites === undefined) covered.everySite = true;
        else for (const site of row.sites) covered.sites.add(site);
      }
    }
    for (const step of protocol.workflow) {
      if (step.skills.length === 0) continue;
      const stepSites = step.sites ?? allSites;
      for (const part of ENTITLED_PARTS) {
        step[part].forEach((roleId, index) => {
          if (!protocol.roleById.has(roleId)) return; // unknown-reference says so
          // A role listed twice in one step (performs and edits) is reported once, where it first appears.
          if (ENTITLED_PARTS.slice(0, ENTITLED_PARTS.indexOf(part)).some((p) => step[p].includes(roleId))) return;
          for (const skillId of step.skills) {
            if (!protocol.skillById.has(skillId)) continue;
            const covered = coverage.get(`${skillId}\u0000${roleId}`);
            if (!covered) {
              const skillName = protocol.skillById.get(skillId)?.name ?? skillId;
              reports.push({
                message: `Role \`${roleId}\` ${part} step \`${step.id}\`, which needs ${skillName}, but no training row trains \`${roleId}\` in \`${skillId}\`.`,
                path: [...step.path, part, index],
                data: { role: roleId, skill: skillId },
              });
              continue;
            }
            if (covered.everySite) continue;
            const trainedSites = covered.sites;
            const missing = stepSites.filter((site) => !trainedSites.has(site));
            if (missing.length > 0) {
              reports.push({
                message: `Role \`${roleId}\` ${part} step \`${step.id}\` at ${missing.map((s) => `\`${s}\``).join(', ')}, but its \`${skillId}\` training covers only ${[...trainedSites].map((s) => `\`${s}\``).join(', ')}.`,
                path: [...step.path, part, index],
                data: { role: roleId, skill: skillId, sites: missing.join(',') },
              });
            }
          }
        });
      }
    }
    return reports;
  },
};
