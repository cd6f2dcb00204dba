import { STEP_PARTS, type Entity } from '../model/protocol';
import type { Rule, RuleReport } from './types';

export const unusedDefinition: Rule = {
  id: 'unused-definition',
  defaultSeverity: 'warning',
  category: 'governance',
  appliesToCatalogues: false,
  description: 'Every skill, training method, record and role defined in the document is used somewhere in it.',
  rationale:
    'A definition nothing uses is usually a sign of a gap: a skill no step needs and nobody is trained in, a method or record no training row cites, a role with no part in the session. It also puts entries in the tables that the protocol does not stand behind.',
  check({ protocol }) {
    const usedSkills = new Set<string>();
    const usedMethods = new Set<string>();
    const usedRecords = new Set<string>();
    const usedRoles = new Set<string>();
    for (const step of protocol.workflow) {
      for (const id of step.skills) usedSkills.add(id);
      for (const part of STEP_PARTS) for (const id of step[part]) usedRoles.add(id);
    }
    for (const row of protocol.training) {
      if (row.skill) usedSkills.add(row.skill);
      for (const id of row.methods) usedMethods.add(id);
      for (const id of row.records) usedRecords.add(id);
      for (const id of row.roles) usedRoles.add(id);
      if (row.signOff) usedRoles.add(row.signOff);
    }
    // A record may be named only by roles, as where their core IR(ME)R training is recorded (an included catalogue's roles too).
    for (const role of protocol.roleById.values()) for (const id of role.coreTraining) usedRecords.add(id);
    for (const site of protocol.sites) if (site.clinicalProtocol?.approvedBy) usedRoles.add(site.clinicalProtocol.approvedBy);
    for (const approval of protocol.document.approvals) if (approval.role) usedRoles.add(approval.role);

    const reports: RuleReport[] = [];
    const check = <T extends Entity & { name?: string; title?: string }>(
      entries: T[],
      index: Map<string, T>,
      used: Set<string>,
      describe: (entry: T) => string,
    ) => {
      for (const entry of entries) {
        // Entries without an id are the schema's; a second definition of an id is duplicate-id's.
        if (!entry.id || index.get(entry.id) !== entry || used.has(entry.id)) continue;
        reports.push({ message: describe(entry), path: [...entry.path, 'id'] });
      }
    };
    check(
      protocol.skills,
      protocol.skillById,
      usedSkills,
      (s) =>
        `Skill \`${s.id}\` (${s.name}) is not used: no step needs it and no training row trains it; add it to a step’s \`skills\` and a training row, or remove it.`,
    );
    check(
      protocol.methods,
      protocol.methodById,
      usedMethods,
      (m) => `Method \`${m.id}\` (${m.name}) is not used by any training row; add it to a row’s \`methods\`, or remove it.`,
    );
    check(
      protocol.records,
      protocol.recordById,
      usedRecords,
      (r) =>
        `Record \`${r.id}\` (${r.name}) is not used by any training row or role; add it to a row’s \`records\` (or a role’s \`coreTraining\`), or remove it.`,
    );
    check(
      protocol.roles,
      protocol.roleById,
      usedRoles,
      (r) =>
        `Role \`${r.id}\` (${r.title}) is not used: no step, training row, site protocol or approval names it; give it a part in the workflow, or remove it.`,
    );
    return reports;
  },
};
