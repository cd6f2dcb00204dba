import type { Protocol, Step, StepPart, TrainingRow } from '../model/protocol';
import type { Path } from '../parse/tree';
import { GAP_MARK } from './render/document';
import type { TableCell, TableData } from './types';

/** The parts that entitle a role to act, and so need training (as the entitlement-needs-training rule sees it). */
const ENTITLED_PARTS: StepPart[] = ['performs', 'edits', 'approves'];

/** The name of the pseudo-site used when a document lists no sites. */
export const ALL_SITES = 'All sites';

interface SiteColumn {
  /** Undefined for the pseudo-site: every step and every training row applies. */
  id?: string;
  name: string;
  source?: Path;
}

/** The entitled roles of a step, each once, with where it is first named. */
function entitledRoles(step: Step): { id: string; source: Path }[] {
  const result: { id: string; source: Path }[] = [];
  const seen = new Set<string>();
  for (const part of ENTITLED_PARTS) {
    step[part].forEach((id, index) => {
      if (seen.has(id)) return;
      seen.add(id);
      result.push({ id, source: [...step.path, part, index] });
    });
  }
  return result;
}

/**
 * Training coverage by site: for each site (or "All sites" when the document
 * has none) and each step that applies to it and needs skills, one row per
 * entitled role (performs, edits or approves), with whether a training row
 * covers the role for every skill of the step at that site.
 */
export function buildCoverageTable(protocol: Protocol): TableData {
  const sites: SiteColumn[] =
    protocol.sites.length > 0 ? protocol.sites.map((s) => ({ id: s.id, name: s.name, source: [...s.path, 'name'] })) : [{ name: ALL_SITES }];
  const skillName = (id: string): string => protocol.skillById.get(id)?.name ?? id;
  const rows: TableCell[][] = [];
  for (const site of sites) {
    const appliesHere = (sitesListed: string[] | undefined): boolean => site.id === undefined || sitesListed === undefined || sitesListed.includes(site.id);
    for (const step of protocol.workflow) {
      if (step.skills.length === 0 || !appliesHere(step.sites)) continue;
      for (const role of entitledRoles(step)) {
        const covering = (skill: string): TrainingRow | undefined =>
          (protocol.trainingBySkill.get(skill) ?? []).find((row) => row.roles.includes(role.id) && appliesHere(row.sites));
        const missing = step.skills.filter((skill) => !covering(skill));
        let trained: TableCell;
        const [firstMissing] = missing;
        if (firstMissing === undefined) {
          // The step has skills (checked above), each covered here: point at the first one's training row.
          trained = { text: 'Yes', status: 'trained', source: covering(step.skills[0] ?? '')?.path };
        } else {
          // Point at where the fix goes: the roles of the missing skill's training row, or else the step's need for the skill.
          const row = protocol.trainingBySkill.get(firstMissing)?.[0];
          trained = {
            text: `No: missing ${missing.map(skillName).join(', ')}`,
            status: 'gap',
            source: row ? [...row.path, 'roles'] : [...step.path, 'skills', step.skills.indexOf(firstMissing)],
          };
        }
        rows.push([
          site.source ? { text: site.name, source: site.source } : { text: site.name },
          { text: step.name, source: [...step.path, 'name'] },
          { text: protocol.roleById.get(role.id)?.title ?? role.id, source: role.source },
          { text: step.skills.map(skillName).join(', '), source: [...step.path, 'skills'] },
          trained,
        ]);
      }
    }
  }
  return {
    id: 'coverage',
    title: 'Training coverage by site',
    columns: ['Site', 'Step', 'Role', 'Skills', 'Training row'],
    rows,
    legend: [
      'Yes: a training row covers the role for every skill of the step at the site',
      `No: missing (skills): a gap, the role is entitled to act but no training row covers it for those skills at the site (marked ${GAP_MARK} in Word and HTML)`,
    ],
  };
}
