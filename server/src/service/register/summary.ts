import type { RegisterContext } from '../rules/types';
import { markdownCode as code, markdownText as md } from '../util/markdown';
import { inForce, requirementsOf, standingIn, STATE_TEXT, type Standing } from './standing';

/**
 * A person in a few lines of Markdown for the editor's hover: who they are,
 * what they are entitled to, and where their training stands on the day the
 * register was checked. Everything from the document is escaped.
 */
export function personSummary(register: RegisterContext, id: string): string | undefined {
  const { model, basis, settings, today } = register;
  const person = model.personById.get(id);
  if (!person) return undefined;
  const about = [person.staffGroup ? md(person.staffGroup) : '', person.band !== undefined ? `band ${md(String(person.band))}` : ''].filter(Boolean).join(', ');
  const lines = [`**${code(id)}**${person.name ? ` ${md(person.name)}` : ''}${about ? ` (${about})` : ''}`];
  const entitlements = model.entitlementsByPerson.get(id) ?? [];
  const standings: { role: string; standing: Standing }[] = [];
  if (entitlements.length === 0) lines.push('_Not entitled to any role._');
  else {
    const rows = entitlements.map((e) => {
      const role = e.role ? (basis.roleById.get(e.role)?.title ?? e.role) : '?';
      const when = `${e.from ? `from ${md(e.from)}` : 'no start date'}${e.until ? ` until ${md(e.until)}` : ''}`;
      const state = !inForce(e, today) ? ' (not in force today)' : e.supervised ? ' (under supervision)' : '';
      const sites = e.sites ? `; sites ${e.sites.map(md).join(', ')}` : '';
      if (e.role && inForce(e, today))
        for (const requirement of requirementsOf(basis, e.role, e.sites))
          standings.push({ role: e.role, standing: standingIn(model, id, requirement, today, settings) });
      return `- ${md(role)}, ${when}${sites}${state}`;
    });
    lines.push(`Entitled:\n${rows.join('\n')}`);
  }
  if (standings.length > 0) {
    const seen = new Set<string>();
    const rows: string[] = [];
    for (const { standing } of standings) {
      const { requirement, state, due, record } = standing;
      const key = `${requirement.skill}\u0000${requirement.site ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const skill = basis.skillById.get(requirement.skill)?.name ?? requirement.skill;
      const site = requirement.site ? ` at ${md(requirement.site)}` : '';
      const detail = record ? ` (completed ${md(record.completed ?? '')}${due ? `, due ${md(due)}` : ''})` : '';
      rows.push(`- ${md(skill)}${site}: **${STATE_TEXT[state]}**${detail}`);
    }
    lines.push(`Training on ${md(today)}:\n${rows.join('\n')}`);
  }
  if (person.registrations.length > 0)
    lines.push(`Registrations: ${person.registrations.map((r) => `${md(r.register ?? '?')}${r.expires ? ` until ${md(r.expires)}` : ''}`).join('; ')}`);
  const supervises = model.supervision.filter((s) => s.supervisor === id && s.trainee).map((s) => code(s.trainee!));
  if (supervises.length > 0) lines.push(`Supervises: ${supervises.join(', ')}`);
  return lines.join('\n\n');
}
