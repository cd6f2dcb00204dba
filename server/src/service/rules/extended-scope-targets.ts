import type { Protocol, StepPart } from '../model/protocol';
import { isMedicalRole } from '../model/staffGroups';
import type { Rule, RuleReport } from './types';

const TARGET_ACTIVITIES = new Set(['target-edit', 'target-approval']);

/**
 * The parts that make a role clinically responsible for target volumes: performing counts only for target
 * editing. A role that only `operates` the console is not responsible for the contours.
 */
const partsFor = (activity: string): StepPart[] => (activity === 'target-edit' ? ['performs', 'edits', 'approves'] : ['edits', 'approves']);

/** What the role does, in the words a message uses. */
const doing = (part: StepPart): string => (part === 'approves' ? 'approves targets' : part === 'edits' ? 'edits targets' : 'performs target editing');

export const extendedScopeTargets: Rule = {
  id: 'extended-scope-targets',
  defaultSeverity: 'warning',
  category: 'governance',
  description:
    'A non-medical role responsible for editing or approving target volumes (extended scope) is covered by an offline clinical review by a medical role, and is trained one to one or by supervised practice with a concordance audit signed off by a medical role.',
  rationale:
    'Outlining and approving target volumes is a clinical oncologist’s task; a radiographer, dosimetrist or clinical scientist doing it works at extended scope. That needs an independent medical check of the work (an offline clinical review that covers the step, or a medical role approving in the same step before delivery) and training against an expert (RCR guidance; IR(ME)R 2017 regulation 17 asks for adequate training and a record of it): RCR guidance describes supervised practice with a concordance audit against consultant outlines; one-to-one teaching is another way.',
  check({ protocol, budget }) {
    const reports: RuleReport[] = [];
    // Steps that an offline clinical review by a medical role covers, built once.
    const reviewed = new Set<string>();
    for (const step of protocol.workflow) {
      if (step.phase !== 'offline' || step.activity !== 'clinical-review') continue;
      const byMedical = [...step.performs, ...step.reviews].some((id) => {
        const role = protocol.roleById.get(id);
        return role !== undefined && isMedicalRole(role);
      });
      if (byMedical) for (const id of step.covers) reviewed.add(id);
    }
    for (const step of protocol.workflow) {
      // Each role of each target step looks through the step's skills, their rows and methods: a product.
      budget.check();
      if (!step.activity || !TARGET_ACTIVITIES.has(step.activity)) continue;
      const parts = partsFor(step.activity);
      // A medical role approving in the same step checks the work before delivery: at least as strong as an offline review.
      const medicallyApproved = step.approves.some((id) => {
        const role = protocol.roleById.get(id);
        return role !== undefined && isMedicalRole(role);
      });
      for (const part of parts) {
        step[part].forEach((roleId, index) => {
          const role = protocol.roleById.get(roleId);
          if (!role || isMedicalRole(role)) return; // unknown roles are unknown-reference's
          // A role listed in several parts of one step is reported once, where it first appears.
          if (parts.slice(0, parts.indexOf(part)).some((p) => step[p].includes(roleId))) return;
          const path = [...step.path, part, index];
          const lead = `Role \`${roleId}\` ${doing(part)} in step \`${step.id}\`, extended scope for a non-medical role`;
          if (!reviewed.has(step.id) && !medicallyApproved) {
            reports.push({
              message: `${lead}, but no medical role approves the step and no offline clinical review by a medical role covers it; add an offline \`clinical-review\` step, performed or reviewed by a clinical oncologist role, that lists \`${step.id}\` in \`covers\`, or have a clinical oncologist role approve the step.`,
              path,
            });
          }
          if (!hasExpertTraining(protocol, step.skills, roleId)) {
            const why =
              step.skills.length === 0
                ? 'the step names no skills, so no training row shows how the role was trained against an expert'
                : 'none of its training rows for the step’s skills trains it against an expert';
            reports.push({
              message: `${lead}, but ${why}; give its training a method with \`type: one-to-one\` (for example 1:1 with a clinical oncologist), or methods with \`type: supervised-practice\` and \`type: concordance-audit\` with \`signOff\` by a clinical oncologist role.`,
              path,
            });
          }
        });
      }
    }
    return reports;
  },
};

/**
 * Does a training row for these skills that trains the role train it against an expert: a one-to-one
 * method, or supervised practice with a concordance audit signed off by a medical role (RCR)?
 */
function hasExpertTraining(protocol: Protocol, skills: string[], roleId: string): boolean {
  for (const skillId of skills) {
    for (const row of protocol.trainingBySkill.get(skillId) ?? []) {
      if (!row.roles.includes(roleId)) continue;
      const types = new Set(row.methods.map((m) => protocol.methodById.get(m)?.type));
      if (types.has('one-to-one')) return true;
      const signer = row.signOff === undefined ? undefined : protocol.roleById.get(row.signOff);
      if (types.has('supervised-practice') && types.has('concordance-audit') && signer !== undefined && isMedicalRole(signer)) return true;
    }
  }
  return false;
}
