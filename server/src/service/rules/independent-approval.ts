import type { Step } from '../model/protocol';
import type { Rule, RuleReport } from './types';

export const independentApproval: Rule = {
  id: 'independent-approval',
  defaultSeverity: 'warning',
  category: 'governance',
  description: 'A step whose only approvers also perform or edit it is covered by an offline review by another role, or by an offline peer review.',
  rationale:
    'An approval is a check by a second pair of eyes. When everyone who approves a step also did the work, nobody independent has looked at it unless an offline review by a different role (for example the consultant at the weekly MDT), or a peer review by another holder of the same role (a second consultant, as RCR target volume peer review asks), covers the step. A role that only operates the console is not one of those who did the work.',
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
    for (const step of protocol.workflow) {
      if (step.approves.length === 0) continue;
      const doers = new Set([...step.performs, ...step.edits]);
      if (!step.approves.every((roleId) => doers.has(roleId))) continue;
      const approvers = new Set(step.approves);
      // A peer review is by another holder of the same role (a second consultant), so its role may be the approver's.
      const reviewed = (coveredBy.get(step.id) ?? []).some(
        (review) => review.activity === 'peer-review' || [...review.performs, ...review.reviews].some((roleId) => !approvers.has(roleId)),
      );
      if (reviewed) continue;
      step.approves.forEach((roleId, index) => {
        if (step.approves.indexOf(roleId) !== index) return; // a role listed twice is reported once
        const parts = [step.performs.includes(roleId) && 'performs', step.edits.includes(roleId) && 'edits'].filter(Boolean).join(' and ');
        reports.push({
          message: `Step \`${step.id}\` is approved only by \`${roleId}\`, which also ${parts} it; add an independent approver, or an offline review by another role (or an offline \`peer-review\`) that covers \`${step.id}\`.`,
          path: [...step.path, 'approves', index],
        });
      });
    }
    return reports;
  },
};
