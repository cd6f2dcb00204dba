import type { Protocol, Role, StepPart } from '../model/protocol';
import type { Rule, RuleReport } from './types';

/** The staff group whose members act within their own scope when they edit or approve targets. */
const MEDICAL = 'clinical oncologist';
const TARGET_ACTIVITIES = new Set(['target-edit', 'target-approval']);

/** The parts that make a role responsible for target volumes: performing counts only for target editing. */
const partsFor = (activity: string): StepPart[] => (activity === 'target-edit' ? ['performs', 'edits', 'approves'] : ['edits', 'approves']);

const isMedical = (role: Role) => role.staffGroups.includes(MEDICAL);

export const extendedScopeTargets: Rule = {
  id: 'extended-scope-targets',
  defaultSeverity: 'warning',
  category: 'governance',
  description:
    'A non-medical role that edits or approves target volumes (extended scope) is covered by an offline clinical review by a medical role and is trained with a one-to-one method.',
  rationale:
    'Outlining and approving target volumes is a clinical oncologist’s task; a radiographer, dosimetrist or clinical scientist doing it works at extended scope. That needs an independent medical check of the work (an offline clinical review that covers the step) and training with an expert, one to one, recorded under IR(ME)R 2017 regulation 17.',
  check({ protocol, budget }) {
    const reports: RuleReport[] = [];
    // Steps that an offline clinical review by a medical role covers, built once.
    const reviewed = new Set<string>();
    for (const step of protocol.workflow) {
      if (step.phase !== 'offline' || step.activity !== 'clinical-review') continue;
      const byMedical = [...step.performs, ...step.reviews].some((id) => {
        const role = protocol.roleById.get(id);
        return role !== undefined && isMedical(role);
      });
      if (byMedical) for (const id of step.covers) reviewed.add(id);
    }
    for (const step of protocol.workflow) {
      // Each role of each target step looks through the step's skills, their rows and methods: a product.
      budget.check();
      if (!step.activity || !TARGET_ACTIVITIES.has(step.activity)) continue;
      const parts = partsFor(step.activity);
      for (const part of parts) {
        step[part].forEach((roleId, index) => {
          const role = protocol.roleById.get(roleId);
          if (!role || isMedical(role)) return; // unknown roles are unknown-reference's
          // A role listed in several parts of one step is reported once, where it first appears.
          if (parts.slice(0, parts.indexOf(part)).some((p) => step[p].includes(roleId))) return;
          const path = [...step.path, part, index];
          const lead = `Role \`${roleId}\` ${part === 'approves' ? 'approves' : 'edits'} targets in step \`${step.id}\`, extended scope for a non-medical role`;
          if (!reviewed.has(step.id)) {
            reports.push({
              message: `${lead}, but no offline clinical review by a medical role covers the step; add an offline \`clinical-review\` step, performed or reviewed by a clinical oncologist role, that lists \`${step.id}\` in \`covers\`.`,
              path,
            });
          }
          if (!hasOneToOne(protocol, step.skills, roleId)) {
            const why =
              step.skills.length === 0
                ? 'the step names no skills, so no training gives it a one-to-one method'
                : 'none of its training rows for the step’s skills uses a one-to-one method';
            reports.push({ message: `${lead}, but ${why}; add a \`one-to-one\` method (for example 1:1 with a clinical oncologist) to its training.`, path });
          }
        });
      }
    }
    return reports;
  },
};

/** Does any training row for these skills that trains the role use a one-to-one method? */
function hasOneToOne(protocol: Protocol, skills: string[], roleId: string): boolean {
  for (const skillId of skills) {
    for (const row of protocol.trainingBySkill.get(skillId) ?? []) {
      if (!row.roles.includes(roleId)) continue;
      if (row.methods.some((m) => protocol.methodById.get(m)?.type === 'one-to-one')) return true;
    }
  }
  return false;
}
