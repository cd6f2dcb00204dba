import { coverNeeds, peopleAbleToAct } from '../register/standing';
import type { Rule, RuleReport } from './types';

export const serviceCover: Rule = {
  id: 'service-cover',
  defaultSeverity: 'warning',
  category: 'governance',
  kinds: ['register'],
  description:
    'At every site, each role an online step needs has at least `register.minimumCover` people (2 unless set in `.roleprotocols.yaml`) able to act today: entitled without supervision, of the staff group and with the registrations the role asks, and current in its training.',
  rationale:
    'An online adaptive session cannot wait: if the only entitled advanced adapter is on leave, the patient is treated with the scheduled plan or not at all. The seed talk names resilience as the reason to train more than one person per role; the register is where the department can see it.',
  check({ register, today }) {
    if (!register?.complete) return [];
    const { model, basis, settings } = register;
    const reports: RuleReport[] = [];
    // One finding per group of roles, listing the sites short of cover.
    const short = new Map<string, { roles: string[]; steps: Set<string>; sites: string[] }>();
    for (const need of coverNeeds(basis)) {
      const able = peopleAbleToAct(model, basis, need.roles, need.site, today, settings);
      if (able.length >= settings.minimumCover) continue;
      const key = [...need.roles].sort().join(',');
      let entry = short.get(key);
      if (!entry) short.set(key, (entry = { roles: need.roles, steps: new Set(), sites: [] }));
      for (const step of need.steps) entry.steps.add(step.id);
      const who = able.length ? ` (${able.map((p) => `\`${p.id}\``).join(', ')})` : '';
      const at = need.site ? `at \`${need.site}\` ` : '';
      const line = `${at}${able.length}${who}`;
      if (!entry.sites.includes(line)) entry.sites.push(line);
    }
    for (const { roles, steps, sites } of short.values()) {
      const named = roles.map((r) => `\`${r}\``).join(' or ');
      const first = model.entitlements.find((e) => e.role !== undefined && roles.includes(e.role));
      const path = first ? [...first.path, 'role'] : model.entitlements.length ? ['entitlements'] : ['people'];
      reports.push({
        message: `Fewer than ${settings.minimumCover} people can act as ${named} today (${sites.join('; ')}), and the online ${steps.size === 1 ? 'step' : 'steps'} ${[...steps].map((s) => `\`${s}\``).join(', ')} cannot go ahead without one: one absence stops the service. Entitle and train more people, or set \`register.minimumCover\` in \`.roleprotocols.yaml\`.`,
        path,
        on: first ? 'value' : 'key',
      });
    }
    return reports;
  },
};
