import { locate } from '../parse/tree';
import type { Rule, RuleReport } from './types';

export const siteClinicalProtocol: Rule = {
  id: 'site-clinical-protocol',
  defaultSeverity: 'warning',
  category: 'governance',
  description: 'Every treatment site has a clinical protocol, approved by a role with the practitioner capacity for therapeutic exposures.',
  rationale:
    'Staff who adapt targets and select plans without a clinician present work within a site-specific clinical protocol; under IR(ME)R 2017 the practitioner takes responsibility for justification, so a practitioner role approves that protocol, and one entitled for therapeutic exposures: a practitioner whose entitlement covers imaging (the session CBCT) only cannot justify the treatment.',
  check({ protocol, root }) {
    const reports: RuleReport[] = [];
    for (const site of protocol.sites) {
      const cp = site.clinicalProtocol;
      if (!cp) {
        // Written but not a mapping: the schema check says so.
        if (locate(root, [...site.path, 'clinicalProtocol']).complete) continue;
        reports.push({
          message: `Site \`${site.id}\` (${site.name}) states no clinical protocol; add \`clinicalProtocol\` with its reference and the practitioner role that approved it.`,
          path: site.path,
        });
        continue;
      }
      const at = [...site.path, 'clinicalProtocol', 'approvedBy'];
      if (cp.approvedBy === undefined) {
        if (locate(root, at).complete) continue; // written with the wrong type: the schema check says so
        reports.push({
          message: `The clinical protocol of site \`${site.id}\` (${site.name}) does not say who approved it; add \`approvedBy\` with a practitioner role, for example the clinical oncologist.`,
          path: at,
        });
        continue;
      }
      const role = protocol.roleById.get(cp.approvedBy);
      if (!role) continue; // unknown-reference says so
      if (!role.capacities.includes('practitioner')) {
        reports.push({
          message: `The clinical protocol of site \`${site.id}\` (${site.name}) is approved by \`${role.id}\`, a role without the practitioner capacity; have a practitioner role approve it.`,
          path: at,
        });
      } else if (role.practitionerScope === 'imaging') {
        reports.push({
          message: `The clinical protocol of site \`${site.id}\` (${site.name}) is approved by \`${role.id}\`, whose practitioner entitlement covers imaging exposures only; have a role with \`practitionerScope: therapeutic\` (or \`both\`) approve it.`,
          path: at,
        });
      }
    }
    return reports;
  },
};
