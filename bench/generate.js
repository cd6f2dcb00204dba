'use strict';
/**
 * Deterministic generator of realistic role protocols for the benchmark.
 *
 * A large department that keeps every site in one file: the sites are
 * grouped by campus (treatment centre); each campus has its own adapter,
 * advanced adapter, physicist (MPE), clinical oncologist and imaging
 * assistant roles, its own 1:1 method and per-campus training rows; each
 * site has its own ten-step Ethos session (`sites: [<site>]`) ending in an
 * offline MDT review. Vocabulary comes from the samples. The same seed and
 * size always give the same text.
 *
 * Planted findings (only when `plant` is true, which is the default), spread
 * through the document (sites at about 20%, 40%, 60% and 80% of the list):
 *   1. schema             a step key misspelt `aproves` (did you mean `approves`),
 *                         the adapter-approval of that site's OAR approval step;
 *   2. unknown-reference  a training row's record `training-recrods`;
 *   3. independent-sign-off  a campus's `dir-evaluation` row signed off by
 *                         `advanced-adapter-<campus>`, which the row trains;
 *   4. pass-mark-stated   the last campus's 1:1 method typed `scored-assessment`
 *                         without a `passMark`, plus (as a consequence) the
 *                         extended-scope-targets findings for that campus's
 *                         target steps, since no one-to-one method is left.
 * Finding counts per size are printed by `node bench/generate.js --check`.
 *
 * Usage: node bench/generate.js --lines 10000 [--seed 1] [--no-plant] > big.roles.yaml
 */

/** mulberry32: small, fast, good enough for choosing words. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ANATOMY = [
  ['cervix', 'Cervix'],
  ['bladder', 'Bladder'],
  ['prostate', 'Prostate'],
  ['prostate-bed', 'Prostate bed'],
  ['rectum', 'Rectum'],
  ['anal-canal', 'Anal canal'],
  ['endometrium', 'Endometrium'],
  ['vulva', 'Vulva'],
  ['pancreas', 'Pancreas'],
  ['oesophagus', 'Oesophagus'],
  ['stomach', 'Stomach'],
  ['lung', 'Lung'],
  ['head-and-neck', 'Head and neck'],
  ['pelvic-nodes', 'Pelvic nodes'],
  ['liver', 'Liver'],
  ['kidney', 'Kidney'],
];
const VARIANTS = [
  ['', ''],
  ['hypo', ' (hypofractionated)'],
  ['boost', ' (boost)'],
  ['sib', ' (simultaneous integrated boost)'],
  ['post-op', ' (post-operative)'],
  ['palliative', ' (palliative)'],
];
const CAMPUSES = [
  'north',
  'south',
  'east',
  'west',
  'central',
  'riverside',
  'hilltop',
  'city',
  'general',
  'royal',
  'parkside',
  'harbour',
  'valley',
  'moor',
  'bridge',
  'abbey',
];
const PEOPLE = [
  'Dr R. Patel',
  'S. Okafor',
  'Dr A. Nwosu',
  'J. McAllister',
  'Dr K. Lindqvist',
  'P. Hughes',
  'Dr M. Osei',
  'T. Brennan',
  'L. Fernandes',
  'Dr H. Iqbal',
];
const PRESENCE = [
  'Not present; reviews plan selections offline at the weekly MDT',
  'Available by phone during sessions; reviews plan selections at the weekly MDT',
  'Present for the first three fractions, then reviews offline',
];
const MPE_MODES = ['agree', 'agree', 'remote', 'present', 'on-call'];

function cap(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The campuses and sites for `siteCount` sites, four sites to a campus
 * (fewer for small documents), chosen deterministically from the seed.
 */
function layout(siteCount, random) {
  const perCampus = siteCount <= 3 ? siteCount : 4;
  const campusCount = Math.max(1, Math.ceil(siteCount / perCampus));
  const campuses = [];
  for (let c = 0; c < campusCount; c++) {
    const base = CAMPUSES[c % CAMPUSES.length];
    const id = c < CAMPUSES.length ? base : `${base}-${Math.floor(c / CAMPUSES.length) + 1}`;
    campuses.push({ id, name: cap(id.replace(/-/g, ' ')), sites: [] });
  }
  const used = new Set();
  for (let s = 0; s < siteCount; s++) {
    const campus = campuses[Math.floor(s / perCampus)];
    let anatomy, variant, id;
    for (let attempt = 0; ; attempt++) {
      anatomy = ANATOMY[Math.floor(random() * ANATOMY.length)];
      variant = attempt < 20 ? VARIANTS[Math.floor(random() * VARIANTS.length)] : ['v' + attempt, ` (v${attempt})`];
      id = [anatomy[0], variant[0], campus.id].filter(Boolean).join('-');
      if (!used.has(id)) break;
    }
    used.add(id);
    campus.sites.push({ id, name: `${anatomy[1]}${variant[1]}, ${campus.name}`, anatomy: anatomy[0], anatomyName: anatomy[1], campus, index: s });
  }
  return campuses;
}

/**
 * A protocol as text.
 * options: { sites: number, seed?: number, plant?: boolean, includes?: string[] (then roles,
 * skills, methods and records come from the catalogue: see generateCatalogue), title?: string }
 */
function generateProtocol(options) {
  const seed = options.seed ?? 1;
  const random = prng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const plant = options.plant !== false;
  const campuses = layout(options.sites, random);
  const sites = campuses.flatMap((c) => c.sites);
  const useCatalogue = Array.isArray(options.includes) && options.includes.length > 0;
  const anatomies = [...new Set(sites.map((s) => s.anatomy))];
  const at = (fraction) => sites[Math.min(sites.length - 1, Math.floor(sites.length * fraction))];
  const planted = plant
    ? {
        misspeltApproves: at(0.2).id,
        badRecordCampus: at(0.4).campus.id,
        selfSignOffCampus: at(0.6).campus.id,
        noPassMarkCampus: campuses[campuses.length - 1].id,
      }
    : {};
  const roleIds = (c) =>
    useCatalogue
      ? { adapter: 'adapter', advanced: 'advanced-adapter', mpe: 'physicist', cco: 'clinical-oncologist', assistant: 'imaging-assistant' }
      : {
          adapter: `adapter-${c.id}`,
          advanced: `advanced-adapter-${c.id}`,
          mpe: `physicist-${c.id}`,
          cco: `clinical-oncologist-${c.id}`,
          assistant: `imaging-assistant-${c.id}`,
        };
  const oneToOne = (c) => (useCatalogue ? 'one-to-one-cco' : `one-to-one-cco-${c.id}`);

  const out = [];
  const w = (line) => out.push(line);
  const docId = options.docId ?? `oart-department-${seed}`;
  w('# Online adaptive radiotherapy (oART) on Varian Ethos: roles, responsibilities');
  w('# and training for every site treated adaptively in the department.');
  w('#');
  w(
    `# ${campuses.length} treatment ${campuses.length === 1 ? 'centre' : 'centres'}, ${sites.length} ${sites.length === 1 ? 'site' : 'sites'}. Each centre has its own`,
  );
  w('# adapters, advanced adapters, physicists and consultants; each site has its');
  w('# own session, which ends with an offline review at the weekly MDT.');
  w('format: role-protocol/1');
  if (useCatalogue) {
    w('includes:');
    for (const file of options.includes) w(`  - ${file}`);
  }
  w('');
  w('document:');
  w(`  id: ${docId}`);
  w(`  title: ${options.title ?? 'Online adaptive radiotherapy on Ethos - roles and training'}`);
  w(`  version: "${1 + (seed % 3)}.${seed % 7}"`);
  w('  status: approved');
  w('  owner: Head of Radiotherapy Physics');
  w('  approvals:');
  const firstCampus = campuses[0];
  w(`    - name: ${pick(PEOPLE)}`);
  w(`      role: ${roleIds(firstCampus).cco}`);
  w('      date: 2026-08-16');
  w(`    - name: ${pick(PEOPLE)}`);
  w(`      role: ${roleIds(firstCampus).mpe}`);
  w('      date: 2026-08-18');
  w('  effectiveDate: 2026-09-01');
  w('  # Towards Safer Radiotherapy: review at least every two years.');
  w('  reviewDue: 2028-08-31');
  w('  references:');
  w('    - id: EP-RT-07');
  w("      title: Employer's procedure for the entitlement of duty holders under IR(ME)R 2017");
  w('      kind: employer-procedure');
  w('');
  if (!useCatalogue) {
    w('service:');
    w('  employer: Example NHS Foundation Trust');
    w('  department: Radiotherapy');
    w('  platform: Varian Ethos');
    w('  replaces: Elekta Versa HD');
    w('  doseCheckSystem: Mobius3D');
    w('  contourTrainingTool: ProKnow');
    w('');
  }

  w('sites:');
  for (const site of sites) {
    if (site.index % 4 === 0) w(`  # ${site.campus.name} centre`);
    w(`  - id: ${site.id}`);
    w(`    name: ${site.name}`);
    w('    clinicalProtocol:');
    w(
      `      reference: RT-${site.anatomy
        .split('-')
        .map((p) => p.slice(0, 2).toUpperCase())
        .join('')}-ART-${String(site.index + 1).padStart(2, '0')}`,
    );
    w(`      approvedBy: ${roleIds(site.campus).cco}`);
    w(`      approvedOn: 2026-0${1 + (site.index % 8)}-1${site.index % 10}`);
    w(`    mpeInvolvement: ${pick(MPE_MODES)}`);
    w(`    clinicianPresence: ${pick(PRESENCE)}`);
  }
  w('');

  if (!useCatalogue) {
    w('roles:');
    for (const c of campuses) roleLines(w, c, roleIds(c), `${c.name} centre`);
    w('');
  }

  w('# The Ethos adaptive session for each site, in order, then the offline review.');
  w('workflow:');
  for (const site of sites) {
    const r = roleIds(site.campus);
    const s = site.id;
    w(`  # ${site.name}`);
    step(w, { id: `${s}-cbct`, name: 'CBCT acquisition', activity: 'imaging', performs: [r.assistant], sites: [s] });
    step(w, {
      id: `${s}-oar-edit`,
      name: 'Review and edit AI-generated OARs (influencers)',
      activity: 'oar-edit',
      performs: [r.adapter],
      edits: [r.adapter],
      supports: [r.mpe],
      skills: ['oar-outlining', 'dir-evaluation'],
      sites: [s],
    });
    step(w, {
      id: `${s}-oar-approval`,
      name: 'Approve OARs edited by the adapter',
      activity: 'oar-approval',
      performs: [r.adapter],
      approves: [r.advanced],
      skills: ['dir-evaluation'],
      sites: [s],
      misspell: planted.misspeltApproves === s,
    });
    step(w, {
      id: `${s}-target-edit`,
      name: 'Edit and approve target volumes',
      activity: 'target-approval',
      performs: [r.advanced],
      edits: [r.advanced],
      approves: [r.advanced],
      supports: [r.mpe],
      skills: [`target-outlining-${site.anatomy}`, 'dir-evaluation'],
      sites: [s],
    });
    step(w, { id: `${s}-plan-calculation`, name: 'Calculate scheduled and adapted plans', activity: 'plan-calculation', performs: [r.advanced], sites: [s] });
    step(w, {
      id: `${s}-plan-selection`,
      name: "Select the plan for that day's treatment",
      activity: 'plan-selection',
      performs: [r.advanced],
      agrees: [r.mpe],
      skills: ['plan-selection'],
      sites: [s],
    });
    step(w, {
      id: `${s}-dose-check`,
      name: 'Independent dose check (Mobius)',
      activity: 'dose-check',
      performs: [r.advanced],
      approves: [r.mpe],
      skills: ['mobius-approval'],
      sites: [s],
    });
    step(w, { id: `${s}-verification-cbct`, name: 'Verification CBCT (optional)', activity: 'verification-imaging', performs: [r.adapter], sites: [s] });
    step(w, { id: `${s}-delivery`, name: 'Treatment delivery', activity: 'delivery', performs: [r.adapter], sites: [s] });
    step(w, {
      id: `${s}-mdt-review`,
      name: 'Offline review of plan selections at the weekly MDT',
      phase: 'offline',
      activity: 'clinical-review',
      performs: [r.cco],
      reviews: [r.cco],
      covers: [`${s}-target-edit`, `${s}-plan-selection`],
      sites: [s],
      comment: site.index % 3 === 0 ? "The consultant's offline review is what makes the advanced adapter's own approval of targets acceptable." : undefined,
    });
  }
  w('');

  if (!useCatalogue) {
    w('skills:');
    w('  - id: oar-outlining');
    w('    name: OAR outlining');
    w('  - id: dir-evaluation');
    w('    name: DIR evaluation');
    w('    description: Judging whether deformable image registration has propagated contours acceptably.');
    w('  - id: plan-selection');
    w('    name: Plan selection');
    w('  - id: mobius-approval');
    w('    name: Mobius approval');
    for (const a of anatomies) {
      const name = ANATOMY.find((x) => x[0] === a)[1];
      w(`  - id: target-outlining-${a}`);
      w(`    name: Target outlining (${name.toLowerCase()})`);
    }
    w('');
    w('methods:');
    w('  - id: proknow');
    w('    name: ProKnow Contouring Tool');
    w('    type: scored-assessment');
    w("    # The department's own pass mark, not ProKnow's old CE-credit threshold.");
    w('    passMark: 80');
    w('    certificate: true');
    w('  - id: dir-tutorial');
    w('    name: Tutorial');
    w('    type: tutorial');
    w('  - id: plan-checking-programme');
    w('    name: Training program for plan checking');
    w('    type: training-programme');
    w('  - id: mobius-programme');
    w('    name: Training program');
    w('    type: training-programme');
    for (const c of campuses) {
      w(`  - id: ${oneToOne(c)}`);
      w(`    name: 1:1 with CCOs (${c.name})`);
      w(`    type: ${planted.noPassMarkCampus === c.id ? 'scored-assessment' : 'one-to-one'}`);
    }
    w('');
    w('records:');
    recordLines(w);
    w('');
  }

  w('training:');
  for (const c of campuses) {
    const r = roleIds(c);
    const siteList = `[${c.sites.map((s) => s.id).join(', ')}]`;
    w(`  # ${c.name} centre`);
    trainingRow(w, {
      skill: 'oar-outlining',
      roles: [r.adapter],
      methods: ['proknow'],
      records: ['proknow-log'],
      signOff: r.advanced,
      months: 12,
      sites: siteList,
    });
    trainingRow(w, {
      skill: 'dir-evaluation',
      roles: [r.adapter, r.advanced],
      methods: ['dir-tutorial'],
      records: ['certificate'],
      signOff: planted.selfSignOffCampus === c.id ? r.advanced : r.mpe,
      months: 24,
      sites: siteList,
    });
    trainingRow(w, {
      skill: 'plan-selection',
      roles: [r.advanced, r.mpe],
      label: 'Advanced adapter, MPE',
      methods: ['plan-checking-programme'],
      years: 2,
      records: ['plan-checking-records'],
      signOff: r.cco,
      months: 12,
      sites: siteList,
    });
    trainingRow(w, {
      skill: 'mobius-approval',
      roles: [r.advanced, r.mpe],
      label: 'Advanced adapter, MPE',
      methods: ['mobius-programme'],
      records: [planted.badRecordCampus === c.id ? 'training-recrods' : 'training-records'],
      signOff: r.cco,
      months: 12,
      sites: siteList,
    });
    const byAnatomy = new Map();
    for (const s of c.sites) byAnatomy.set(s.anatomy, [...(byAnatomy.get(s.anatomy) ?? []), s.id]);
    for (const [a, ids] of byAnatomy) {
      trainingRow(w, {
        skill: `target-outlining-${a}`,
        roles: [r.advanced],
        methods: ['proknow', oneToOne(c)],
        records: ['reflective-logs'],
        signOff: r.cco,
        months: 12,
        sites: `[${ids.join(', ')}]`,
      });
    }
  }
  // The contingency plan, appended after the training matrix: per site, what happens when the one approver is not there.
  w('contingencies:');
  for (const c of campuses) {
    for (const s of c.sites) {
      for (const [suffix, when, then] of [
        ['oar-approval', 'No advanced adapter available', 'Treat with the scheduled plan.'],
        ['target-edit', 'No advanced adapter available', 'Treat with the scheduled plan.'],
        [
          'dose-check',
          'Mobius fails, or no physicist is available',
          'The physicist on call reviews the check before delivery, or treat with the scheduled plan.',
        ],
      ]) {
        w(`  - step: ${s.id}-${suffix}`);
        w(`    when: ${when}`);
        w(`    then: ${then}`);
      }
    }
  }
  // Plant the last campus's extra role's use etc. nowhere else: the document ends here.
  return out.join('\n') + '\n';
}

function roleLines(w, c, r, where) {
  w(`  # ${where}`);
  w(`  - id: ${r.adapter}`);
  w(`    title: Adapter${where ? ` (${c.name})` : ''}`);
  w('    staffGroups: [therapeutic radiographer]');
  w('    minBand: 5');
  w('    maxBand: 7');
  w('    careerLevel: practitioner');
  w('    registrations: [HCPC (radiographer)]');
  w('    capacities: [operator]');
  w('    procedures: [EP-RT-07]');
  w('    coreTraining: [irmer-core-training]');
  w('    responsibilities:');
  w('      - Generate / edit OARs completed by AI');
  w(`  - id: ${r.advanced}`);
  w(`    title: Advanced Adapter${where ? ` (${c.name})` : ''}`);
  w('    staffGroups: [dosimetrist]');
  w('    # "Dosimetrist, band 7 or above": no upper band.');
  w('    minBand: 7');
  w('    careerLevel: advanced');
  w('    capacities: [operator]');
  w('    procedures: [EP-RT-07]');
  w('    coreTraining: [irmer-core-training]');
  w('    responsibilities:');
  w('      - Approve OARs edited by the adapter');
  w('      - Edit and approve target volumes');
  w("      - Select the plan for that day's treatment");
  w(`  - id: ${r.mpe}`);
  w(`    title: Physicist${where ? ` (${c.name})` : ''}`);
  w('    shortName: MPE');
  w('    staffGroups: [clinical scientist]');
  w('    minBand: 7');
  w('    maxBand: 8c');
  w('    careerLevel: advanced');
  w('    registrations: [HCPC (clinical scientist), MPE certificate (RPA2000)]');
  w('    capacities: [MPE, operator]');
  w('    procedures: [EP-RT-07]');
  w('    coreTraining: [irmer-core-training]');
  w('    responsibilities:');
  w('      - Provide support to adapter and advanced adapter');
  w('      - Agree plan selection');
  w('      - Approve the Mobius check');
  w(`  - id: ${r.cco}`);
  w(`    title: Clinical Oncologist${where ? ` (${c.name})` : ''}`);
  w('    staffGroups: [clinical oncologist]');
  w('    careerLevel: consultant');
  w('    registrations: [GMC]');
  w('    capacities: [practitioner, referrer]');
  w('    procedures: [EP-RT-07]');
  w('    coreTraining: [irmer-core-training]');
  w('    responsibilities:');
  w('      - Approve protocols to support plan selection');
  w('      - Review plan selections offline at the weekly MDT');
  w(`  - id: ${r.assistant}`);
  w(`    title: Imaging Assistant${where ? ` (${c.name})` : ''}`);
  w('    staffGroups: [assistant practitioner]');
  w('    minBand: 4');
  w('    maxBand: 4');
  w('    careerLevel: assistant practitioner');
  w('    capacities: [operator]');
  w('    procedures: [EP-RT-07]');
  w('    coreTraining: [irmer-core-training]');
  w('    responsibilities:');
  w('      - Acquire the session CBCT under the direction of the adapter');
}

function recordLines(w) {
  w('  - id: proknow-log');
  w('    name: ProKnow log and certificates');
  w('    location: ProKnow account, certificates filed in the departmental training folder');
  w('  - id: reflective-logs');
  w('    name: Reflective training logs');
  w('    location: Individual training portfolio');
  w('  - id: certificate');
  w('    name: Certificate');
  w('    location: Departmental training folder');
  w('  - id: plan-checking-records');
  w('    name: Plan Checking training records');
  w('    location: Physics training database');
  w('  - id: training-records');
  w('    name: Training records');
  w('    location: Physics training database');
  w('  - id: irmer-core-training');
  w('    name: IR(ME)R and radiation protection core training records');
  w('    location: Radiotherapy training database');
}

function step(w, s) {
  if (s.comment) w(`  # ${s.comment}`);
  w(`  - id: ${s.id}`);
  w(`    name: ${s.name}`);
  if (s.phase) w(`    phase: ${s.phase}`);
  w(`    activity: ${s.activity}`);
  for (const part of ['performs', 'edits', 'approves', 'agrees', 'supports', 'reviews']) {
    if (!s[part]) continue;
    const key = part === 'approves' && s.misspell ? 'aproves' : part;
    w(`    ${key}: [${s[part].join(', ')}]`);
  }
  if (s.skills) w(`    skills: [${s.skills.join(', ')}]`);
  if (s.sites) w(`    sites: [${s.sites.join(', ')}]`);
  if (s.covers) w(`    covers: [${s.covers.join(', ')}]`);
}

function trainingRow(w, t) {
  w(`  - skill: ${t.skill}`);
  w(`    roles: [${t.roles.join(', ')}]`);
  if (t.label) w(`    roleLabel: ${t.label}`);
  w(`    methods: [${t.methods.join(', ')}]`);
  if (t.years) {
    w('    prerequisites:');
    w(`      experienceYears: ${t.years}`);
  }
  w(`    records: [${t.records.join(', ')}]`);
  w(`    signOff: ${t.signOff}`);
  w(`    reassessEveryMonths: ${t.months}`);
  if (t.sites) w(`    sites: ${t.sites}`);
}

/**
 * A protocol shaped like a product: `roles` roles, `steps` steps and `skills`
 * skills, every step performed by every role and needing every skill, and no
 * training row. Each (step, role, skill) is a missing entitlement, so a check
 * that reports every triple reports roles × steps × skills findings (60 of
 * each: 216,000). Everything else in it is clean. The bench's and the tests'
 * case of a finding explosion.
 * options: { roles, steps, skills, trained?: number (the first `trained` skills get a training row for every role),
 * activity?: string (every step's, `other` by default; `target-edit` brings in extended-scope-targets) }
 */
function generateProduct(options) {
  const { roles, steps, skills } = options;
  const trained = options.trained ?? 0;
  const pad = (n) => String(n + 1).padStart(2, '0');
  const roleIds = Array.from({ length: roles }, (_, i) => `role-${pad(i)}`);
  const skillIds = Array.from({ length: skills }, (_, i) => `skill-${pad(i)}`);
  const out = [];
  const w = (line) => out.push(line);
  w(`# ${roles} roles, ${steps} steps and ${skills} skills: every role performs every step, which needs every skill.`);
  w('format: role-protocol/1');
  w('document:');
  w('  id: product-protocol');
  w('  title: Every role on every step');
  w('  version: "1.0"');
  w('  status: draft');
  w('  owner: Head of Radiotherapy Physics');
  w('  effectiveDate: 2026-09-01');
  w('  reviewDue: 2028-08-31');
  w('  references:');
  w('    - id: EP-RT-07');
  w("      title: Employer's procedure for the entitlement of duty holders under IR(ME)R 2017");
  w('roles:');
  for (const id of roleIds) {
    w(`  - id: ${id}`);
    w(`    title: Role ${id.slice(5)}`);
    w('    staffGroups: [therapeutic radiographer]');
    w('    minBand: 6');
    w('    maxBand: 7');
    w('    careerLevel: practitioner');
    w('    capacities: [operator]');
    w('    procedures: [EP-RT-07]');
    w('    coreTraining: [irmer-core-training]');
  }
  w('workflow:');
  for (let i = 0; i < steps; i++) {
    w(`  - id: step-${pad(i)}`);
    w(`    name: Step ${pad(i)}`);
    w(`    activity: ${options.activity ?? 'other'}`);
    w(`    performs: [${roleIds.join(', ')}]`);
    w(`    skills: [${skillIds.join(', ')}]`);
  }
  w('skills:');
  for (const id of skillIds) {
    w(`  - id: ${id}`);
    w(`    name: Skill ${id.slice(6)}`);
  }
  w('records:');
  w('  - id: irmer-core-training');
  w('    name: IR(ME)R and radiation protection core training records');
  if (trained > 0) {
    w('  - id: training-records');
    w('    name: Training records');
  }
  if (trained === 0) w('training: []');
  else {
    w('methods:');
    w('  - id: programme');
    w('    name: Training programme');
    w('    type: training-programme');
    w('training:');
    for (const id of skillIds.slice(0, trained)) {
      w(`  - skill: ${id}`);
      w(`    roles: [${roleIds.join(', ')}]`);
      w('    methods: [programme]');
      w('    records: [training-records]');
      w('    reassessEveryMonths: 12');
    }
  }
  return out.join('\n') + '\n';
}

/** The shared catalogue for the workspace: one set of roles, every site's target skill, the methods and records. */
function generateCatalogue() {
  const out = [];
  const w = (line) => out.push(line);
  w('# Department catalogue: the roles, skills, training methods and evidence');
  w('# records shared by every site protocol. Each protocol includes this file.');
  w('format: role-catalogue/1');
  w('');
  w('roles:');
  roleLines(
    w,
    { name: '' },
    { adapter: 'adapter', advanced: 'advanced-adapter', mpe: 'physicist', cco: 'clinical-oncologist', assistant: 'imaging-assistant' },
    '',
  );
  w('');
  w('skills:');
  w('  - id: oar-outlining');
  w('    name: OAR outlining');
  w('  - id: dir-evaluation');
  w('    name: DIR evaluation');
  w('  - id: plan-selection');
  w('    name: Plan selection');
  w('  - id: mobius-approval');
  w('    name: Mobius approval');
  for (const [id, name] of ANATOMY) {
    w(`  - id: target-outlining-${id}`);
    w(`    name: Target outlining (${name.toLowerCase()})`);
  }
  w('');
  w('methods:');
  w('  - id: proknow');
  w('    name: ProKnow Contouring Tool');
  w('    type: scored-assessment');
  w('    passMark: 80');
  w('    certificate: true');
  w('  - id: one-to-one-cco');
  w('    name: 1:1 with CCOs');
  w('    type: one-to-one');
  w('  - id: dir-tutorial');
  w('    name: Tutorial');
  w('    type: tutorial');
  w('  - id: plan-checking-programme');
  w('    name: Training program for plan checking');
  w('    type: training-programme');
  w('  - id: mobius-programme');
  w('    name: Training program');
  w('    type: training-programme');
  w('');
  w('records:');
  recordLines(w);
  w('');
  w('document:');
  w('  id: department-catalogue');
  w('  title: Department catalogue');
  w('  version: "1.0"');
  w('  status: approved');
  w('  references:');
  w('    - id: EP-RT-07');
  w("      title: Employer's procedure for the entitlement of duty holders under IR(ME)R 2017");
  w('      kind: employer-procedure');
  return out.join('\n') + '\n';
}

function lineCount(text) {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** The protocol whose length is closest to `lines` (the number of sites is searched). */
function protocolOfLines(lines, options = {}) {
  let lo = 1;
  let hi = 2;
  while (lineCount(generateProtocol({ ...options, sites: hi })) < lines) hi *= 2;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (lineCount(generateProtocol({ ...options, sites: mid })) < lines) lo = mid;
    else hi = mid;
  }
  const a = generateProtocol({ ...options, sites: lo });
  const b = generateProtocol({ ...options, sites: hi });
  const text = Math.abs(lineCount(a) - lines) <= Math.abs(lineCount(b) - lines) ? a : b;
  return { text, lines: lineCount(text), sites: text === a ? lo : hi };
}

/** Where the benchmark edits, completes and hovers: near the end of the document. */
function probes(text) {
  const lines = text.split('\n');
  // The last online delivery step's name (edited), its activity value (completion), the last signOff key (hover).
  let deliveryName = -1;
  let activity = -1;
  let signOff = -1;
  for (let i = 0; i < lines.length; i++) {
    if (/^ {4}activity: delivery$/.test(lines[i])) {
      activity = i;
      deliveryName = i - 1;
    }
    if (/^ {4}signOff: /.test(lines[i])) signOff = i;
  }
  return {
    lineCount: lines.length,
    edit: { line: deliveryName, text: lines[deliveryName] },
    completion: { line: activity, character: lines[activity].length },
    hover: { line: signOff, character: 6 },
  };
}

module.exports = { prng, generateProtocol, generateProduct, generateCatalogue, protocolOfLines, probes, lineCount };

if (require.main === module) {
  const args = process.argv.slice(2);
  const value = (flag, fallback) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : fallback;
  };
  if (args.includes('--check')) {
    const { lintText } = require('../server/out/service/engine/lint');
    for (const n of [300, 1000, 10000, 50000]) {
      const { text, lines, sites } = protocolOfLines(n, { seed: 1 });
      const { findings } = lintText(text, { fileName: 'x.roles.yaml', today: '2026-11-26' });
      const byRule = {};
      for (const f of findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
      console.log(`${lines} lines, ${sites} sites:`, JSON.stringify(byRule));
      if (args.includes('--verbose')) for (const f of findings) console.log(`  ${f.range.start.line}:${f.range.start.character} ${f.ruleId} ${f.message}`);
    }
  } else if (args.includes('--catalogue')) {
    process.stdout.write(generateCatalogue());
  } else {
    const { text } = protocolOfLines(Number(value('--lines', '10000')), { seed: Number(value('--seed', '1')), plant: !args.includes('--no-plant') });
    process.stdout.write(text);
  }
}
