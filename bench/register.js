'use strict';
/**
 * The register of people beside its protocol: a generated department of N
 * people, each entitled to a role and trained in the skills the role needs,
 * checked against a protocol with 40 skills (docs/PERFORMANCE.md, "The
 * register"). Times the full check (the register parsed and validated, its
 * protocol read and parsed, every register rule) and a one-line edit of the
 * register with the previous parse given, against the floor (js-yaml events
 * and ajv on the register alone), in one run.
 */
const path = require('path');
const { parseEvents, constructFromEvents } = require('js-yaml');
const Ajv2020 = require('ajv/dist/2020').default;
const { timeRuns, median } = require('./lib/stats');

const OUT = path.join(__dirname, '..', 'server', 'out', 'service');
const { lintText } = require(path.join(OUT, 'engine', 'lint'));
const { parseDocument } = require(path.join(OUT, 'parse', 'parseDocument'));
const { ANNOTATIONS } = require(path.join(OUT, 'schema', 'schema'));

const TODAY = '2026-11-26';
const SKILLS = 40;
const SITES = ['prostate', 'bladder', 'cervix'];
/** Roles, the share of people in each, and how many of the 40 skills each needs. */
const ROLES = [
  { id: 'adapter', group: 'therapeutic radiographer', band: 6, share: 0.5, skills: [0, 12] },
  { id: 'advanced-adapter', group: 'therapeutic radiographer', band: 7, share: 0.25, skills: [8, 24] },
  { id: 'physicist', group: 'clinical scientist', band: 7, share: 0.15, skills: [20, 34] },
  { id: 'clinical-oncologist', group: 'clinical oncologist', band: undefined, share: 0.1, skills: [30, 40] },
];

function protocolText() {
  const out = ['format: role-protocol/1', 'document:', '  id: bench-register', '  title: Register bench', '  version: "1"', '  status: draft', 'sites:'];
  for (const s of SITES) out.push(`  - id: ${s}`, `    name: ${s}`, '    mpeInvolvement: on-set', '    clinicianPresence: not-routinely-present');
  out.push('roles:');
  for (const r of ROLES) {
    out.push(`  - id: ${r.id}`, `    title: ${r.id}`, `    staffGroups: [${r.group}]`);
    if (r.band) out.push(`    minBand: ${r.band}`);
  }
  out.push('workflow:');
  ROLES.forEach((r, i) =>
    out.push(`  - id: step-${i}`, `    name: Step ${i}`, '    phase: online', `    performs: [${r.id}]`, `    skills: [skill-${r.skills[0]}]`),
  );
  out.push('skills:');
  for (let k = 0; k < SKILLS; k++) out.push(`  - id: skill-${k}`, `    name: Skill ${k}`);
  out.push(
    'methods:',
    '  - id: assessment',
    '    name: Assessment',
    '    type: scored-assessment',
    '    passMark: 80',
    'records:',
    '  - id: log',
    '    name: Log',
  );
  out.push('training:');
  for (let k = 0; k < SKILLS; k++) {
    const roles = ROLES.filter((r) => k >= r.skills[0] && k < r.skills[1]).map((r) => r.id);
    out.push(
      `  - skill: skill-${k}`,
      `    roles: [${roles.join(', ') || 'adapter'}]`,
      '    methods: [assessment]',
      '    records: [log]',
      '    signOff: physicist',
      '    reassessEveryMonths: 12',
    );
  }
  return out.join('\n') + '\n';
}

function registerText(people) {
  const out = ['format: role-register/1', 'protocol: bench.roles.yaml', 'people:'];
  const who = [];
  let n = 0;
  for (const r of ROLES) {
    const count = Math.round(people * r.share);
    for (let i = 0; i < count; i++, n++) {
      const id = `S${String(100000 + n)}`;
      who.push({ id, role: r });
      out.push(`  - id: ${id}`, `    staffGroup: ${r.group}`);
      if (r.band) out.push(`    band: ${r.band}`);
    }
  }
  out.push('entitlements:');
  for (const p of who) out.push(`  - person: ${p.id}`, `    role: ${p.role.id}`, '    from: 2025-01-01', '    entitledBy: Head of Service');
  out.push('training:');
  const physicists = who.filter((p) => p.role.id === 'physicist');
  who.forEach((p, i) => {
    const roleSkills = [];
    for (let k = 0; k < SKILLS; k++) if (k >= p.role.skills[0] && k < p.role.skills[1]) roleSkills.push(k);
    for (const k of roleSkills) {
      // A realistic mix: most current, some due soon, a few overdue.
      const month = 1 + ((i + k) % 11);
      const year = (i + k) % 17 === 0 ? 2025 : 2026;
      const signer = physicists[(i + k) % physicists.length];
      out.push(
        `  - person: ${p.id}`,
        `    skill: skill-${k}`,
        '    method: assessment',
        `    completed: ${year}-${String(month).padStart(2, '0')}-15`,
        `    record: Log entry ${i}-${k}`,
        `    signedOffBy: ${signer && signer.id !== p.id ? signer.id : physicists[0].id === p.id ? physicists[1].id : physicists[0].id}`,
        `    result: ${80 + ((i * 7 + k) % 20)}`,
      );
    }
  });
  return out.join('\n') + '\n';
}

let registerValidator;
function floor(text) {
  if (!registerValidator) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowMatchingProperties: true, allowUnionTypes: true });
    ajv.addVocabulary(ANNOTATIONS);
    registerValidator = ajv.compile(require(path.join(__dirname, '..', 'schemas', 'role-register.schema.json')));
  }
  const [data] = constructFromEvents(parseEvents(text, { maxDepth: 100 }), { source: text });
  return registerValidator(data) ? 0 : registerValidator.errors.length;
}

/** Full check and one-line edit of a register of `people` people, against the floor. */
function measure(people, runs) {
  const protocol = protocolText();
  const text = registerText(people);
  const readInclude = (includePath) => (includePath === 'bench.roles.yaml' ? { file: 'bench.roles.yaml', text: protocol } : { error: 'no such file.' });
  const check = (t, previous) => lintText(t, { fileName: 'bench.register.yaml', today: TODAY, readInclude, ...(previous ? { previous } : {}) });
  const previous = parseDocument(text, 'yaml');
  // The edit: one training record's result changed, as a person typing it would.
  const edited = text.replace(/result: (\d+)\n/, (m, n) => `result: ${Number(n) === 99 ? 98 : Number(n) + 1}\n`);
  const floorTimes = timeRuns(() => floor(text), runs, 2);
  const fullTimes = timeRuns(() => check(text), runs, 2);
  const editTimes = timeRuns(() => check(edited, previous), runs, 2);
  const result = check(text);
  return {
    people,
    skills: SKILLS,
    lines: text.split('\n').length,
    protocolLines: protocol.split('\n').length,
    training: (text.match(/^ {2}- person: .*\n {4}skill:/gm) ?? []).length,
    floor: median(floorTimes),
    full: median(fullTimes),
    edit: median(editTimes),
    findings: result.findings.length,
    byRule: result.findings.reduce((a, f) => ((a[f.ruleId] = (a[f.ruleId] ?? 0) + 1), a), {}),
  };
}

module.exports = { measure, protocolText, registerText, REGISTER_SIZES: [100, 500] };
