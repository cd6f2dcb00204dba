import type { Step } from '../model/protocol';
import type { Rule, RuleReport } from './types';

/** Each pair: steps of the first activities come before steps of the second, with the reason. */
const ORDER: { first: string; then: string[]; reason: string }[] = [
  { first: 'oar-approval', then: ['target-edit', 'target-approval'], reason: 'OARs are approved before targets are edited or approved' },
  { first: 'plan-selection', then: ['dose-check'], reason: 'the plan is selected before its independent dose check' },
  { first: 'dose-check', then: ['delivery'], reason: 'the independent dose check comes before delivery' },
];

// Two steps can only be out of order if they can happen in the same session: their sites overlap
// (a step without `sites` is in every session).

export const stepOrder: Rule = {
  id: 'step-order',
  defaultSeverity: 'warning',
  category: 'governance',
  description: 'Online steps are in a safe order: OARs approved before targets, the plan selected before the dose check, the dose check before delivery.',
  rationale:
    'The workflow lists the adaptive session in the order it happens. Targets are judged against approved OARs, the independent dose check must check the plan that was selected, and nothing is delivered before it is checked; a step out of order is either a mistake in the document or an unsafe session.',
  check({ protocol }) {
    const reports: RuleReport[] = [];
    const online = protocol.workflow.filter((step) => step.phase === 'online');
    for (const { first, then, reason } of ORDER) {
      // One pass in workflow order, remembering the earliest "then" step seen so
      // far: for all sessions (no sites), for any session, and for each site.
      let earliestForAll: Step | undefined;
      let earliestAny: Step | undefined;
      const earliestBySite = new Map<string, Step>();
      for (const step of online) {
        if (step.activity === first) {
          const candidates = [earliestForAll, ...(step.sites ? step.sites.map((site) => earliestBySite.get(site)) : [earliestAny])];
          const before = candidates.reduce<Step | undefined>((a, b) => (b && (!a || b.order < a.order) ? b : a), undefined);
          if (before) {
            reports.push({
              message: `Step \`${step.id}\` (activity ${first}) comes after step \`${before.id}\` (activity ${before.activity}), but ${reason}; move \`${step.id}\` above \`${before.id}\`.`,
              path: [...step.path, 'activity'],
            });
          }
        } else if (step.activity !== undefined && then.includes(step.activity)) {
          earliestAny ??= step;
          if (!step.sites) earliestForAll ??= step;
          else for (const site of step.sites) if (!earliestBySite.has(site)) earliestBySite.set(site, step);
        }
      }
    }
    return reports;
  },
};
