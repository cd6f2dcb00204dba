import type { StepPart, TrainingRow } from '../model/protocol';
import type { Path } from '../parse/tree';
import type { Rule, RuleReport } from './types';

/** The parts of a step that act on the patient's treatment and so need training. */
const ENTITLED_PARTS: StepPart[] = ['performs', 'edits', 'approves'];
/** Step ids named in one finding's message, per part; the rest are counted. */
const STEPS_NAMED = 3;
const NONE: string[] = [];

interface Coverage {
  rows: TrainingRow[];
  everySite: boolean;
  sites: Set<string>;
}

/** One role missing training in one skill: every step that needs it, and where the role first acts on one. */
interface Gap {
  roleId: string;
  skillId: string;
  path: Path;
  /** By the part the role has in them, in document order: how many steps, and the first few ids. */
  steps: { part: StepPart; count: number; ids: string[] }[];
  stepCount: number;
  lastStep?: string;
  /** Undefined: no training row trains the role in the skill at all. */
  covered?: Coverage;
  missingSites: Set<string>;
}

export const entitlementNeedsTraining: Rule = {
  id: 'entitlement-needs-training',
  defaultSeverity: 'error',
  category: 'governance',
  description: 'A role that performs, edits or approves a step needing a skill is in a training row for that skill, for every site the step covers.',
  rationale:
    'IR(ME)R 2017 regulation 17: no practitioner or operator may act without adequate training, and the employer keeps a record of it. Entitlement without a training row has no evidence behind it.',
  check({ protocol, budget }) {
    const allSites = protocol.sites.map((s) => s.id);
    // What the training rows cover, by skill and role, built once: a shared skill can have a row per
    // campus, and every step of every site asks about it.
    // Skills by number, so that the loop below over steps × roles × skills indexes arrays.
    const skillNumber = new Map<string, number>();
    for (const skillId of protocol.skillById.keys()) skillNumber.set(skillId, skillNumber.size);
    const coverage = new Map<string, (Coverage | undefined)[]>(); // role -> skill number -> what its rows cover
    for (const row of protocol.training) {
      const skill = row.skill === undefined ? undefined : skillNumber.get(row.skill);
      if (skill === undefined) continue;
      for (const role of row.roles) {
        let bySkill = coverage.get(role);
        if (!bySkill) coverage.set(role, (bySkill = []));
        let covered = bySkill[skill];
        if (!covered) bySkill[skill] = covered = { rows: [], everySite: false, sites: new Set() };
        covered.rows.push(row);
        if (row.sites === undefined) covered.everySite = true;
        else for (const site of row.sites) covered.sites.add(site);
      }
    }
    // One finding per role and skill, however many steps need it: one training row mends them all, and
    // a step list of every role needing every skill would otherwise give roles × steps × skills findings.
    const gaps = new Map<string, (Gap | undefined)[]>(); // role -> skill number -> gap
    const order: Gap[] = []; // the gaps in the order first found
    for (const step of protocol.workflow) {
      budget.check();
      if (step.skills.length === 0) continue;
      const stepSites = step.sites ?? allSites;
      const skills: number[] = [];
      for (const skillId of step.skills) {
        const n = skillNumber.get(skillId);
        if (n !== undefined) skills.push(n);
      }
      for (const part of ENTITLED_PARTS) {
        step[part].forEach((roleId, index) => {
          if (!protocol.roleById.has(roleId)) return; // unknown-reference says so
          // A role listed twice in one step (performs and edits) counts once, where it first appears.
          if (ENTITLED_PARTS.slice(0, ENTITLED_PARTS.indexOf(part)).some((p) => step[p].includes(roleId))) return;
          const covers = coverage.get(roleId);
          let roleGaps = gaps.get(roleId);
          for (const skill of skills) {
            const covered = covers?.[skill];
            if (covered?.everySite) continue;
            const missing = covered ? stepSites.filter((site) => !covered.sites.has(site)) : NONE;
            if (covered && missing.length === 0) continue;
            if (!roleGaps) gaps.set(roleId, (roleGaps = []));
            let gap = roleGaps[skill];
            if (!gap) {
              const skillId = step.skills.find((id) => skillNumber.get(id) === skill)!;
              gap = { roleId, skillId, path: [...step.path, part, index], steps: [], stepCount: 0, lastStep: undefined, covered, missingSites: new Set() };
              roleGaps[skill] = gap;
              order.push(gap);
            }
            if (covered) for (const site of missing) gap.missingSites.add(site);
            if (gap.lastStep === step.id) continue;
            gap.lastStep = step.id;
            gap.stepCount++;
            const last = gap.steps[gap.steps.length - 1];
            const same = last?.part === part ? last : gap.steps.find((s) => s.part === part);
            if (!same) gap.steps.push({ part, count: 1, ids: [step.id] });
            else if (same.count++ < STEPS_NAMED) same.ids.push(step.id);
          }
        });
      }
    }
    const reports: RuleReport[] = [];
    for (const gap of order) {
      const { roleId, skillId } = gap;
      const acts = actsOn(gap);
      if (!gap.covered) {
        const skillName = protocol.skillById.get(skillId)?.name ?? skillId;
        const fix = (protocol.trainingBySkill.get(skillId) ?? []).length
          ? `add \`${roleId}\` to the \`roles\` of a training row for \`${skillId}\``
          : `add a training row for \`${skillId}\` that trains \`${roleId}\``;
        reports.push({
          message: `Role \`${roleId}\` ${acts}, which ${gap.stepCount === 1 ? 'needs' : 'need'} ${skillName}, but no training row trains \`${roleId}\` in \`${skillId}\`; ${fix}.`,
          path: gap.path,
          data: { role: roleId, skill: skillId },
        });
      } else {
        const missing = [...gap.missingSites];
        reports.push({
          message: `Role \`${roleId}\` ${acts} at ${codes(missing)}, but its \`${skillId}\` training covers ${gap.covered.sites.size ? `only ${codes([...gap.covered.sites])}` : 'no site'}; add ${codes(missing)} to the \`sites\` of its \`${skillId}\` training.`,
          path: gap.path,
          data: { role: roleId, skill: skillId, sites: missing.join(',') },
        });
      }
    }
    return reports;
  },
};

/** "performs step `a`", "performs steps `a`, `b` and approves step `c`", "performs steps `a`, `b`, `c` and 57 more". */
function actsOn(gap: Gap): string {
  return gap.steps
    .map(({ part, count, ids }) => `${part} ${count === 1 ? 'step' : 'steps'} ${codes(ids)}${count > ids.length ? ` and ${count - ids.length} more` : ''}`)
    .join(' and ');
}

function codes(ids: string[]): string {
  return ids.map((id) => `\`${id}\``).join(', ');
}
