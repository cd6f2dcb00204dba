import type { Step } from '../model/protocol';
import { isMedicalPractitioner } from '../model/staffGroups';
import type { Rule, RuleReport } from './types';

export const independentApproval: Rule = {
  id: 'independent-approval',
  defaultSeverity: 'warning',
  category: 'governance',
  description:
    'A step whose only approvers also perform or edit it (with approval: any, any approver who also does) is covered by an offline review by another role, or by an offline peer review.',
  rationale:
    'An approval is a check by a second pair of eyes. When everyone who approves a step also did the work, nobody independent has looked at it unless an offline review by a different role (for example the consultant at the weekly MDT), or a peer review by another holder of the same role (a second consultant, as RCR target volume peer review asks), covers the step. When any one approver may approve alone (`approval: any`), each approver who also did the work can approve it alone. Towards Safer Radiotherapy says checks should, as far as possible, be independent of the original method; asking for another role or a peer review is this tool’s reading of it. A role that only operates the console is not one of those who did the work. A medical role with the practitioner capacity that approves work it performed or edited (the consultant in a clinician-present service) is making its own clinical decision as practitioner, not checking someone else’s work, and is not reported.',
  check({ protocol }) {
    const reports: RuleReport[] = [];
    // Offline steps by the step ids they cover, built once.
    const coveredBy = new Map<string, Step[]>();
    for (const step of protocol.workflow) {
      if (step.phase !== 'offline') continue;
      for (const id of new Set(step.covers)) {
        const list = coveredBy.get(id);
        if (list) list.push(step);
        else coveredBy.set(id, [step]);
      }
    }
    /** Does an offline review by someone other than these roles (or a peer review) cover the step? */
    const reviewedApartFrom = (step: Step, roles: ReadonlySet<string>): boolean =>
      // A peer review is by another holder of the same role (a second consultant), so its role may be the approver's.
      (coveredBy.get(step.id) ?? []).some(
        (review) => review.activity === 'peer-review' || [...review.performs, ...review.reviews].some((roleId) => !roles.has(roleId)),
      );
    const didTheWork = (step: Step, roleId: string): string =>
      [step.performs.includes(roleId) && 'performs', step.edits.includes(roleId) && 'edits'].filter(Boolean).join(' and ');
    /** A medical practitioner approving work it performed or edited makes its own clinical decision (clinician-present). */
    const ownDecision = (roleId: string): boolean => {
      const role = protocol.roleById.get(roleId);
      return role !== undefined && isMedicalPractitioner(role);
    };
    for (const step of protocol.workflow) {
      if (step.approves.length === 0) continue;
      const doers = new Set([...step.performs, ...step.edits]);
      if (step.approval === 'any' && step.approves.length > 1) {
        // Any one approver may approve alone: each who also did the work needs its own independent check.
        step.approves.forEach((roleId, index) => {
          if (!doers.has(roleId) || ownDecision(roleId) || step.approves.indexOf(roleId) !== index) return;
          if (reviewedApartFrom(step, new Set([roleId]))) return;
          reports.push({
            message: `Step \`${step.id}\` may be approved by any one of its approvers (\`approval: any\`), and \`${roleId}\` also ${didTheWork(step, roleId)} it, so it can approve its own work alone; set \`approval: all\`, or add an offline review by another role (or an offline \`peer-review\`) that covers \`${step.id}\`.`,
            path: [...step.path, 'approves', index],
          });
        });
        continue;
      }
      if (!step.approves.every((roleId) => doers.has(roleId))) continue;
      if (step.approves.every(ownDecision)) continue;
      if (reviewedApartFrom(step, new Set(step.approves))) continue;
      step.approves.forEach((roleId, index) => {
        if (step.approves.indexOf(roleId) !== index) return; // a role listed twice is reported once
        reports.push({
          message: `Step \`${step.id}\` is approved only by \`${roleId}\`, which also ${didTheWork(step, roleId)} it; add an independent approver, or an offline review by another role (or an offline \`peer-review\`) that covers \`${step.id}\`.`,
          path: [...step.path, 'approves', index],
        });
      });
    }
    return reports;
  },
};
