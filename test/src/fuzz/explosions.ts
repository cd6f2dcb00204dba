/**
 * Finding explosions: protocols shaped like a product (many roles on many
 * steps, each step needing many skills, little or no training, sites that
 * training rows cover in part), so that a check reporting per step, role and
 * skill would report their product. For each: the usual properties
 * (check.ts), and the caps hold (at most 200 findings of a rule and 1,000 in
 * all, one closing finding per rule with findings left out, counting them
 * exactly), entitlement reports once per role and skill, and the rules end
 * well within their time budget.
 */
import fc from 'fast-check';
import { lintText, type Finding } from '../../../server/out/service/engine/lint';
import { MAX_FINDINGS_PER_DOCUMENT, MAX_FINDINGS_PER_RULE, RULES_BUDGET_MS } from '../../../server/out/service/engine/budget';
import { checkService, fail, TODAY } from './check';
import type { FuzzCase } from './arbitraries';

const PARTS = ['performs', 'edits', 'approves', 'agrees'] as const;

export interface ProductShape {
  roles: number;
  steps: number;
  skills: number;
  sites: number;
  /** Per step: which parts list roles, and how many of the roles (from a rotating start). */
  parts: (typeof PARTS)[number][];
  rolesPerStep: number;
  skillsPerStep: number;
  /** Training rows: for the first `trained` skills, the first `trainedRoles` roles, at the first `trainedSites` sites (all sites when 0). */
  trained: number;
  trainedRoles: number;
  trainedSites: number;
  flow: boolean;
}

export const productShape: fc.Arbitrary<ProductShape> = fc.record({
  roles: fc.integer({ min: 1, max: 40 }),
  steps: fc.integer({ min: 1, max: 40 }),
  skills: fc.integer({ min: 1, max: 40 }),
  sites: fc.integer({ min: 0, max: 4 }),
  parts: fc.subarray([...PARTS], { minLength: 1 }),
  rolesPerStep: fc.integer({ min: 1, max: 40 }),
  skillsPerStep: fc.integer({ min: 1, max: 40 }),
  trained: fc.integer({ min: 0, max: 40 }),
  trainedRoles: fc.integer({ min: 0, max: 40 }),
  trainedSites: fc.integer({ min: 0, max: 4 }),
  flow: fc.boolean(),
});

const id = (kind: string, i: number) => `${kind}-${String(i + 1).padStart(2, '0')}`;

/** The protocol text for a shape. */
export function productText(shape: ProductShape): string {
  const roles = Array.from({ length: shape.roles }, (_, i) => id('role', i));
  const skills = Array.from({ length: shape.skills }, (_, i) => id('skill', i));
  const sites = Array.from({ length: shape.sites }, (_, i) => id('site', i));
  const list = (ids: string[]) => (shape.flow ? `[${ids.join(', ')}]` : ids.length ? `\n${ids.map((x) => `      - ${x}`).join('\n')}` : '[]');
  const rotate = (ids: string[], from: number, n: number) => Array.from({ length: Math.min(n, ids.length) }, (_, k) => ids[(from + k) % ids.length] as string);
  const out = ['format: role-protocol/1', 'document:', '  id: product', '  title: Product', '  version: "1"', '  status: draft', '  owner: Physics'];
  if (sites.length) {
    out.push('sites:');
    for (const s of sites)
      out.push(
        `  - id: ${s}`,
        `    name: Site ${s}`,
        '    clinicalProtocol:',
        '      reference: P-1',
        `      approvedBy: ${roles[0]}`,
        '    mpeInvolvement: agree',
      );
  }
  out.push('roles:');
  for (const r of roles)
    out.push(
      `  - id: ${r}`,
      `    title: Role ${r}`,
      '    staffGroups: [clinical scientist]',
      '    minBand: 7',
      '    careerLevel: advanced',
      '    capacities: [MPE, operator]',
    );
  out.push('skills:');
  for (const s of skills) out.push(`  - id: ${s}`, `    name: Skill ${s}`);
  out.push('workflow:');
  for (let i = 0; i < shape.steps; i++) {
    out.push(`  - id: ${id('step', i)}`, `    name: Step ${i + 1}`, '    activity: other');
    for (const part of shape.parts) out.push(`    ${part}: ${list(rotate(roles, i, shape.rolesPerStep))}`.replace(/: \n/, ':\n'));
    out.push(`    skills: ${list(rotate(skills, i, shape.skillsPerStep))}`.replace(/: \n/, ':\n'));
  }
  out.push('methods:', '  - id: programme', '    name: Programme', '    type: training-programme');
  out.push('records:', '  - id: records', '    name: Records');
  const rows = shape.trainedRoles > 0 ? skills.slice(0, shape.trained) : [];
  out.push(rows.length ? 'training:' : 'training: []');
  for (const s of rows) {
    out.push(`  - skill: ${s}`, `    roles: [${roles.slice(0, shape.trainedRoles).join(', ')}]`, '    methods: [programme]', '    records: [records]');
    if (shape.trainedSites > 0 && sites.length) out.push(`    sites: [${sites.slice(0, shape.trainedSites).join(', ')}]`);
  }
  return out.join('\n') + '\n';
}

export const productCase: fc.Arbitrary<FuzzCase> = productShape.map((shape) => {
  const text = productText(shape);
  return { kind: `product ${JSON.stringify(shape)}`, text, fileName: 'product.roles.yaml', offsets: [0, text.indexOf('skills:'), text.length] };
});

const closing = (f: Finding) => / more `[a-z-]+` findings?, from here to the end of the document, (is|are) not shown/.test(f.message);
const EVERY = { findingsPerRule: Infinity, findingsPerDocument: Infinity, rulesMs: Infinity };

/** The caps, the one-per-cause entitlement findings and the time, on one product-shaped case. */
export function checkProduct(c: FuzzCase, shape?: ProductShape): void {
  checkService(c);
  const options = { fileName: c.fileName, today: TODAY };
  const started = performance.now();
  const { findings } = lintText(c.text, options);
  const ms = performance.now() - started;
  // Far inside the budget: the rules must never come near it for documents of this size.
  if (ms > RULES_BUDGET_MS / 2) fail(`lintText took ${Math.round(ms)} ms, over half the ${RULES_BUDGET_MS} ms budget`);
  if (findings.some((f) => f.ruleId === 'document-limits')) fail('the rules ran out of time');
  const every = lintText(c.text, { ...options, limits: EVERY }).findings;
  const byRule = new Map<string, number>();
  for (const f of every) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  const shown = findings.filter((f) => !closing(f));
  if (shown.length > MAX_FINDINGS_PER_DOCUMENT) fail(`${shown.length} findings shown, over ${MAX_FINDINGS_PER_DOCUMENT}`);
  let hiddenTotal = 0;
  for (const [ruleId, total] of byRule) {
    const ofRule = shown.filter((f) => f.ruleId === ruleId);
    if (ofRule.length > MAX_FINDINGS_PER_RULE) fail(`${ofRule.length} \`${ruleId}\` findings shown, over ${MAX_FINDINGS_PER_RULE}`);
    const closers = findings.filter((f) => f.ruleId === ruleId && closing(f));
    const hidden = total - ofRule.length;
    hiddenTotal += hidden;
    if (hidden === 0 && closers.length > 0) fail(`a closing \`${ruleId}\` finding, but none left out`);
    if (hidden > 0) {
      if (closers.length !== 1) fail(`${hidden} \`${ruleId}\` findings left out, and ${closers.length} closing findings`);
      const closer = closers[0]!; // exactly one, checked above
      const counted = Number((/^([\d,]+) more/.exec(closer.message)?.[1] ?? 'NaN').replace(/,/g, ''));
      if (counted !== hidden) fail(`the closing \`${ruleId}\` finding counts ${counted}, but ${hidden} were left out`);
      const severity = every.find((f) => f.ruleId === ruleId)!.severity;
      if (closer.severity !== severity) fail(`the closing \`${ruleId}\` finding is ${closer.severity}, its findings ${severity}`);
    }
  }
  if (shown.length + hiddenTotal !== every.length) fail(`${shown.length} shown and ${hiddenTotal} left out, of ${every.length}`);
  // One entitlement finding per role and skill at most, never per step.
  const entitlement = every.filter((f) => f.ruleId === 'entitlement-needs-training');
  const causes = new Set(entitlement.map((f) => `${f.data?.role} ${f.data?.skill}`));
  if (causes.size !== entitlement.length) fail(`${entitlement.length} entitlement findings for ${causes.size} roles and skills`);
  if (shape && entitlement.length > shape.roles * shape.skills) fail(`${entitlement.length} entitlement findings, more than roles × skills`);
}

/** The property: `runs` product-shaped protocols. */
export function runExplosionProperty(runs: number, seed: number, path?: string): { name: string; cases: number; seed: number } {
  let cases = 0;
  fc.assert(
    fc.property(productShape, (shape) => {
      cases++;
      const text = productText(shape);
      checkProduct({ kind: `product ${JSON.stringify(shape)}`, text, fileName: 'product.roles.yaml', offsets: [0, text.length] }, shape);
    }),
    { seed, numRuns: runs, ...(path ? { path, endOnFailure: true } : {}) },
  );
  return { name: 'finding explosions', cases, seed };
}
