import { nodeAtOffset, type YamlNode } from '../parse/tree';
import { resolveSchema, schemaAtPath, schemaFor, type DocumentKind } from '../schema/schema';
import type { RegisterContext } from '../rules/types';
import { personSummary } from '../register/summary';
import { capacitiesText, STEP_PARTS, type Protocol } from '../model/protocol';
import { idAt, type Located } from './navigate';
import { bandText, joinAsWritten } from '../tables/index';
import { markdownCode as code, markdownText as md } from '../util/markdown';

export interface HoverResult {
  /** Markdown; the document's own text in it is escaped (`util/markdown.ts`). */
  contents: string;
  start: number;
  end: number;
}

/**
 * Hover text at an offset: for an id, a summary of what it names; for a key
 * or a vocabulary value, the schema's explanation.
 */
export function hover(
  root: YamlNode,
  protocol: Protocol,
  ids: Located[],
  offset: number,
  includedProtocols: Protocol[] = [],
  about: { kind?: DocumentKind; register?: RegisterContext } = {},
): HoverResult | undefined {
  const id = idAt(ids, offset);
  if (id) {
    const summary =
      id.kind === 'person' ? (about.register ? personSummary(about.register, id.id) : undefined) : summarise(id.kind, id.id, [protocol, ...includedProtocols]);
    if (summary) return { contents: summary, start: id.node.start, end: id.node.end };
  }
  const hit = nodeAtOffset(root, offset);
  const schema = resolveSchema(schemaAtPath(hit.path, schemaFor(about.kind ?? 'protocol')));
  if (!schema) return undefined;
  if (hit.onKey && hit.located.key) {
    const key = hit.located.key;
    const text = [`**${schema.title ?? md(String(key.value))}**`, schema.markdownDescription ?? schema.description].filter(Boolean).join('\n\n');
    return { contents: text, start: key.start, end: key.end };
  }
  const node = hit.located.node;
  if (node.kind !== 'scalar' || node.empty) return undefined;
  const itemIndex = schema.enum?.findIndex((v) => v === node.value) ?? -1;
  const parts = [`**${schema.title ?? ''}**`];
  if (itemIndex >= 0 && schema.enumDescriptions?.[itemIndex]) parts.push(`${code(String(node.value))}: ${schema.enumDescriptions[itemIndex]}`);
  else if (schema.description) parts.push(schema.markdownDescription ?? schema.description);
  return { contents: parts.filter((p) => p !== '****').join('\n\n'), start: node.start, end: node.end };
}

/** A reference's title, looked up in the document and its includes; the id as written when none defines it. */
function referenceTitle(protocols: Protocol[], id: string): string {
  for (const p of protocols) {
    const reference = p.referenceById.get(id);
    if (reference) return reference.title;
  }
  return id;
}

function recordName(protocols: Protocol[], id: string): string {
  for (const p of protocols) {
    const record = p.recordById.get(id);
    if (record) return record.name;
  }
  return id;
}

/**
 * What an id names, in a few lines of Markdown, looked up in the document and
 * its includes. Everything taken from a document is escaped: a title may hold
 * `![t](https://…)`, which must show as those characters, not fetch an image.
 */
function summarise(kind: string, id: string, protocols: Protocol[]): string | undefined {
  for (const p of protocols) {
    switch (kind) {
      case 'role': {
        const role = p.roleById.get(id);
        if (!role) continue;
        const band = bandText(role.minBand, role.maxBand);
        return [
          `**${md(role.title)}** (role ${code(id)})`,
          [
            role.staffGroups.length ? `Staff group: ${role.staffGroups.map(md).join(', ')}` : '',
            band ? `Band: ${md(band)}` : 'No AfC band',
            role.careerLevel ? `Career level: ${md(role.careerLevel)}` : '',
            role.capacities.length ? `IR(ME)R: ${capacitiesText(role, md)}` : '',
          ]
            .filter(Boolean)
            .join(' · '),
          // The employer's procedures that entitle the role, and where its core IR(ME)R training is recorded, by name.
          [
            role.procedures.length ? `Entitled under: ${role.procedures.map((r) => md(referenceTitle(protocols, r))).join('; ')}` : '',
            role.coreTraining.length ? `Core IR(ME)R training recorded in: ${role.coreTraining.map((r) => md(recordName(protocols, r))).join('; ')}` : '',
          ]
            .filter(Boolean)
            .join('\n\n'),
          role.responsibilities.length ? role.responsibilities.map((r) => `- ${md(r)}`).join('\n') : '',
        ]
          .filter(Boolean)
          .join('\n\n');
      }
      case 'skill': {
        const skill = p.skillById.get(id);
        if (!skill) continue;
        const rows = p.trainingBySkill.get(id) ?? [];
        const name = (map: Map<string, { name?: string; title?: string }>, x: string) => map.get(x)?.name ?? map.get(x)?.title ?? x;
        const lines = rows.map(
          (row) =>
            `- ${md(row.roleLabel ?? joinAsWritten(row.roles.map((r) => name(p.roleById, r))))}: ${row.methods.map((m) => md(name(p.methodById, m))).join(', ') || 'no method'}; evidence in ${row.records.map((r) => md(name(p.recordById, r))).join(', ') || 'no record'}${row.prerequisites?.experienceYears !== undefined ? `; at least ${md(String(row.prerequisites.experienceYears))} years' experience` : ''}`,
        );
        return [
          `**${md(skill.name)}** (skill ${code(id)})`,
          md(skill.description ?? ''),
          rows.length ? `Training:\n${lines.join('\n')}` : '_No training row for this skill._',
        ]
          .filter(Boolean)
          .join('\n\n');
      }
      case 'method': {
        const method = p.methodById.get(id);
        if (!method) continue;
        return [
          `**${md(method.name)}** (method ${code(id)})`,
          [
            method.type ? `Type: ${md(method.type)}` : '',
            method.passMark !== undefined ? `Pass mark: ${md(String(method.passMark))}` : '',
            method.certificate ? 'Certificate on completion' : '',
          ]
            .filter(Boolean)
            .join(' · '),
          md(method.description ?? ''),
        ]
          .filter(Boolean)
          .join('\n\n');
      }
      case 'record': {
        const record = p.recordById.get(id);
        if (!record) continue;
        return [`**${md(record.name)}** (record ${code(id)})`, record.location ? `Kept in: ${md(record.location)}` : '', md(record.description ?? '')]
          .filter(Boolean)
          .join('\n\n');
      }
      case 'site': {
        const site = p.siteById.get(id);
        if (!site) continue;
        return [
          `**${md(site.name)}** (site ${code(id)})`,
          [
            site.clinicalProtocol?.reference ? `Protocol: ${md(site.clinicalProtocol.reference)}` : '',
            site.mpeInvolvement ? `MPE: ${md(site.mpeInvolvement)}` : '',
          ]
            .filter(Boolean)
            .join(' · '),
          md(site.clinicianPresence ?? ''),
        ]
          .filter(Boolean)
          .join('\n\n');
      }
      case 'reference': {
        const reference = p.referenceById.get(id);
        if (!reference) continue;
        const roles = [...p.roleById.values()].filter((role) => role.procedures.includes(id)).map((role) => md(role.title));
        return [
          `**${md(reference.title)}** (reference ${code(id)}${reference.kind ? `, ${md(reference.kind)}` : ''})`,
          reference.url ? `Link: ${code(reference.url)}` : '',
          roles.length ? `Entitles: ${roles.join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('\n\n');
      }
      case 'step': {
        const step = p.stepById.get(id);
        if (!step) continue;
        const parts = STEP_PARTS.filter((k) => step[k].length).map((k) => `${k}: ${step[k].map(md).join(', ')}`);
        // With several approvers, say whether all must approve (the default) or any one may.
        if (step.approves.length > 1) parts.push(step.approval === 'any' ? 'approval: any one approver' : 'approval: all approvers (default)');
        if (step.contingency) parts.push(`contingency: ${md(step.contingency)}`);
        // The contingency plan section's entries for this step, as the department wrote them.
        for (const entry of p.contingencies) {
          if (entry.step !== id) continue;
          parts.push(
            `contingency: ${[entry.when, entry.then]
              .filter(Boolean)
              .map((t) => md(t ?? ''))
              .join(': ')}`,
          );
        }
        return [`**${md(step.name)}** (step ${code(id)}, ${md(step.phase)}${step.activity ? `, ${md(step.activity)}` : ''})`, parts.join(' · ')]
          .filter(Boolean)
          .join('\n\n');
      }
    }
  }
  return undefined;
}
