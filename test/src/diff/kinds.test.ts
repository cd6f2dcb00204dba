import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as yaml from 'js-yaml';
import { CHANGE_KINDS, CHANGE_KIND_IDS, diffTexts, type Change, type ChangeKind, type DiffResult } from '../../../server/out/service/diff/index';
import { REGISTER, registerDiff } from './registerSides';

const ROOT = path.resolve(__dirname, '../../..');
const REFERENCE = fs.readFileSync(path.join(ROOT, 'samples/reference-department.roles.yaml'), 'utf8');

/** One edit: a text (or pattern) and what replaces it; the first occurrence, or every one for a pattern with the g flag. */
type Edit = [string | RegExp, string];

interface Case {
  kind: ChangeKind;
  /** Edits applied to the reference sample to make the new version. */
  edits: Edit[];
  /** Edits applied to both versions first (a contingency to change). */
  base?: Edit[];
  /** Compare new to old instead: a removal is an addition reversed. */
  reverse?: boolean;
  /** Text on the line the change is placed at (the new version's; the old one's for a removal). */
  at?: string;
  /** The only change expected (a rename must be one change, not a removal and an addition). */
  only?: boolean;
  /** Planted in the reference register (read with its protocol) rather than the protocol. */
  register?: boolean;
  /** Where the change is placed, when not what its name says: a field of an entry in both versions is placed in both. */
  places?: 'both' | 'old' | 'new';
}

function apply(text: string, edits: readonly Edit[]): string {
  let result = text;
  for (const [from, to] of edits) {
    const before = result;
    result = typeof from === 'string' ? result.replace(from, () => to) : result.replace(from, to);
    assert.notEqual(result, before, `the edit ${String(from)} changed nothing`);
  }
  return result;
}

function diff(oldText: string, newText: string, fileName = 'department.roles.yaml'): DiffResult {
  return diffTexts(
    { text: oldText, label: 'old', options: { fileName, today: '2026-11-26' } },
    { text: newText, label: 'new', options: { fileName, today: '2026-11-26' } },
  );
}

const lineAt = (text: string, line: number): string => text.split('\n')[line] ?? '';

const NEW_STEP = `  - id: position-check
    name: Check patient position
    activity: imaging
    performs: [adapter]

`;
const NEW_ROLE = `  - id: trainee
    title: Trainee adapter
    staffGroups: [therapeutic radiographer]
    minBand: 5
    capacities: [operator]

`;

/** Every change kind, planted in the reference sample. */
const CASES: Case[] = [
  { kind: 'document-control', edits: [['version: "1.2"', 'version: "1.3"']], at: 'version: "1.3"' },
  { kind: 'document-approvals', edits: [['- name: S. Okafor', '- name: S. Okafor-Smith']], at: 'approvals:' },
  {
    kind: 'document-changes',
    edits: [['  references:\n', '  changes:\n    - version: "1.3"\n      date: 2026-06-01\n      summary: Band 6 dosimetrists\n  references:\n']],
    at: 'changes:',
  },
  { kind: 'document-references', edits: [["title: Employer's procedure", "title: The employer's procedure"]], at: "title: The employer's procedure" },
  { kind: 'document-reference-renamed', edits: [[/EP-RT-07/g, 'EP-RT-08']], at: 'id: EP-RT-08', only: true },
  { kind: 'document-reference-kind', edits: [['kind: employer-procedure', 'kind: guidance']], at: 'kind: guidance', only: true },
  { kind: 'service-equipment', edits: [['doseCheckSystem: Mobius3D', 'doseCheckSystem: RadCalc']], at: 'doseCheckSystem: RadCalc' },
  { kind: 'service-details', edits: [['department: Radiotherapy', 'department: Radiotherapy Physics']], at: 'department: Radiotherapy Physics' },
  { kind: 'includes', edits: [['format: role-protocol/1\n', 'format: role-protocol/1\nincludes: [shared.catalogue.yaml]\n']], at: 'includes:' },
  { kind: 'site-added', edits: [['\n\nroles:\n', '\n  - id: rectum\n    name: Rectum\n    mpeInvolvement: agree\n\nroles:\n']], at: 'id: rectum' },
  {
    kind: 'site-removed',
    edits: [['\n\nroles:\n', '\n  - id: rectum\n    name: Rectum\n    mpeInvolvement: agree\n\nroles:\n']],
    reverse: true,
    at: 'id: rectum',
  },
  { kind: 'site-renamed', edits: [['- id: bladder\n', '- id: urinary-bladder\n']], at: 'id: urinary-bladder', only: true },
  { kind: 'site-clinical-protocol', edits: [['reference: RT-BL-ART-01', 'reference: RT-BL-ART-02']], at: 'clinicalProtocol:' },
  { kind: 'site-mpe-involvement', edits: [['mpeInvolvement: agree', 'mpeInvolvement: remote']], at: 'mpeInvolvement: remote' },
  {
    kind: 'site-clinician-presence',
    edits: [['clinicianPresence: Not present', 'clinicianPresence: Present at the first fraction, then not present']],
    at: 'clinicianPresence: Present',
  },
  { kind: 'site-fractionation', edits: [['    name: Cervix\n', '    name: Cervix\n    fractions: 25\n']], at: 'fractions: 25' },
  { kind: 'site-wording', edits: [['name: Cervix', 'name: Cervix uteri']], at: 'name: Cervix uteri' },
  { kind: 'role-added', edits: [['\n# The Ethos adaptive session', `\n${NEW_ROLE}# The Ethos adaptive session`]], at: 'id: trainee' },
  { kind: 'role-removed', edits: [['\n# The Ethos adaptive session', `\n${NEW_ROLE}# The Ethos adaptive session`]], reverse: true, at: 'id: trainee' },
  { kind: 'role-renamed', edits: [[/\bphysicist\b/g, 'mpe']], at: 'id: mpe', only: true },
  { kind: 'role-bands', edits: [['minBand: 5\n    maxBand: 7', 'minBand: 4\n    maxBand: 7']], at: 'minBand: 4' },
  {
    kind: 'role-staff-groups',
    edits: [['staffGroups: [dosimetrist]', 'staffGroups: [dosimetrist, therapeutic radiographer]']],
    at: 'staffGroups: [dosimetrist, ',
  },
  { kind: 'role-registrations', edits: [['registrations: [GMC]', 'registrations: [GMC, GMC specialist register]']], at: 'registrations: [GMC,' },
  { kind: 'role-capacities', edits: [['capacities: [MPE, operator]', 'capacities: [MPE]']], at: 'capacities: [MPE]' },
  {
    kind: 'role-practitioner-scope',
    edits: [['capacities: [practitioner, referrer]\n', 'capacities: [practitioner, referrer]\n    practitionerScope: therapeutic\n']],
    at: 'practitionerScope',
  },
  { kind: 'role-procedures-removed', edits: [['    procedures: [EP-RT-07]\n', '']], at: 'id: adapter', places: 'both', only: true },
  { kind: 'role-procedures-added', edits: [['    procedures: [EP-RT-07]\n', '']], reverse: true, at: 'procedures: [EP-RT-07]', places: 'both', only: true },
  {
    kind: 'role-core-training-removed',
    edits: [['coreTraining: [irmer-core-training]', 'coreTraining: []']],
    at: 'coreTraining: []',
    places: 'both',
    only: true,
  },
  {
    kind: 'role-core-training-added',
    edits: [['coreTraining: [irmer-core-training]', 'coreTraining: []']],
    reverse: true,
    at: 'coreTraining: [irmer-core-training]',
    places: 'both',
    only: true,
  },
  { kind: 'role-career-level', edits: [['careerLevel: advanced', 'careerLevel: consultant']], at: 'careerLevel: consultant' },
  { kind: 'role-national-profile', edits: [['careerLevel: advanced\n', 'careerLevel: advanced\n    nationalProfile: hcs-advanced\n']], at: 'nationalProfile' },
  { kind: 'role-wording', edits: [['title: Advanced Adapter', 'title: Senior Adapter']], at: 'title: Senior Adapter' },
  { kind: 'step-added', edits: [['  - id: verification-cbct\n', `${NEW_STEP}  - id: verification-cbct\n`]], at: 'id: position-check' },
  { kind: 'step-removed', edits: [['  - id: verification-cbct\n', `${NEW_STEP}  - id: verification-cbct\n`]], reverse: true, at: 'id: position-check' },
  { kind: 'step-renamed', edits: [['- id: verification-cbct', '- id: verification-imaging']], at: 'id: verification-imaging', only: true },
  {
    kind: 'step-moved',
    edits: [
      [
        '  - id: verification-cbct\n    name: Verification CBCT (optional)\n    activity: verification-imaging\n    performs: [adapter]\n\n  - id: delivery\n    name: Treatment delivery\n    activity: delivery\n    performs: [adapter]\n',
        '  - id: delivery\n    name: Treatment delivery\n    activity: delivery\n    performs: [adapter]\n\n  - id: verification-cbct\n    name: Verification CBCT (optional)\n    activity: verification-imaging\n    performs: [adapter]\n',
      ],
    ],
    at: 'id: ',
    only: true,
  },
  {
    kind: 'step-performers',
    edits: [['activity: imaging\n    performs: [adapter]', 'activity: imaging\n    performs: [adapter, advanced-adapter]']],
    at: 'performs: [adapter, advanced-adapter]',
  },
  { kind: 'step-editors', edits: [['edits: [adapter]', 'edits: [adapter, advanced-adapter]']], at: 'edits: [adapter, advanced-adapter]' },
  { kind: 'step-approvers', edits: [['approves: [advanced-adapter, physicist]', 'approves: [physicist]']], at: 'approves: [physicist]' },
  {
    kind: 'step-approval-mode',
    edits: [['approves: [advanced-adapter, physicist]', 'approval: any\n    approves: [advanced-adapter, physicist]']],
    at: 'approval: any',
    only: true,
  },
  { kind: 'step-agreers', edits: [['agrees: [physicist]', 'agrees: [physicist, clinical-oncologist]']], at: 'agrees:' },
  { kind: 'step-reviewers', edits: [['reviews: [clinical-oncologist]', 'reviews: [clinical-oncologist, physicist]']], at: 'reviews:' },
  { kind: 'step-operators', edits: [['activity: delivery\n', 'activity: delivery\n    operates: [adapter]\n']], at: 'operates: [adapter]' },
  { kind: 'step-supporters', edits: [['supports: [physicist]', 'supports: [physicist, advanced-adapter]']], at: 'supports:' },
  { kind: 'step-skills', edits: [['skills: [plan-selection]', 'skills: [plan-selection, dir-evaluation]']], at: 'skills: [plan-selection, dir-evaluation]' },
  { kind: 'step-sites', edits: [['    name: CBCT acquisition\n', '    name: CBCT acquisition\n    sites: [cervix]\n']], at: 'sites: [cervix]' },
  { kind: 'step-phase', edits: [['activity: verification-imaging\n', 'activity: verification-imaging\n    phase: offline\n']], at: 'phase: offline' },
  { kind: 'step-activity', edits: [['activity: verification-imaging', 'activity: imaging']], at: 'activity: imaging' },
  { kind: 'step-covers', edits: [['covers: [target-edit, plan-selection]', 'covers: [target-edit]']], at: 'covers: [target-edit]' },
  { kind: 'step-timing', edits: [['    phase: offline\n', '    phase: offline\n    timing:\n      withinDays: 7\n']], at: 'timing:' },
  {
    kind: 'step-contingency',
    base: [['skills: [mobius-approval]\n', 'skills: [mobius-approval]\n    contingency: Treat with the scheduled plan.\n']],
    edits: [['contingency: Treat with the scheduled plan.', 'contingency: The advanced adapter approves alone.']],
    at: 'contingency: The advanced adapter',
  },
  {
    kind: 'step-contingency-added',
    edits: [['skills: [mobius-approval]\n', 'skills: [mobius-approval]\n    contingency: Cancel the fraction.\n']],
    at: 'contingency:',
  },
  { kind: 'step-wording', edits: [['name: Treatment delivery', 'name: Treatment delivery (beam on)']], at: 'name: Treatment delivery (beam on)' },
  {
    kind: 'contingency-added',
    edits: [[/\n$/, '\n  - step: dose-check\n    when: Mobius unavailable\n    then: Treat with the scheduled plan.\n']],
    at: 'step: dose-check',
  },
  {
    kind: 'contingency-removed',
    edits: [[/\n$/, '\n  - step: dose-check\n    when: Mobius unavailable\n    then: Treat with the scheduled plan.\n']],
    reverse: true,
    at: 'step: dose-check',
  },
  { kind: 'contingency-changed', edits: [['then: Treat with the scheduled plan.', 'then: Cancel the fraction.']], at: 'then: Cancel the fraction.' },
  {
    kind: 'training-added',
    edits: [
      [
        'contingencies:\n',
        '  - skill: plan-selection\n    roles: [clinical-oncologist]\n    methods: [one-to-one-cco]\n    records: [reflective-logs]\ncontingencies:\n',
      ],
    ],
    at: 'skill: plan-selection',
  },
  {
    kind: 'training-removed',
    edits: [
      [
        'contingencies:\n',
        '  - skill: plan-selection\n    roles: [clinical-oncologist]\n    methods: [one-to-one-cco]\n    records: [reflective-logs]\ncontingencies:\n',
      ],
    ],
    reverse: true,
    at: 'skill: plan-selection',
  },
  {
    kind: 'training-roles-added',
    edits: [['roles: [adapter]\n    methods: [proknow]', 'roles: [adapter, advanced-adapter]\n    methods: [proknow]']],
    at: 'roles: [adapter, advanced-adapter]',
  },
  {
    kind: 'training-roles-removed',
    edits: [['roles: [adapter, advanced-adapter]\n    methods: [dir-tutorial]', 'roles: [advanced-adapter]\n    methods: [dir-tutorial]']],
    at: 'roles: [advanced-adapter]',
  },
  {
    kind: 'training-methods-added',
    edits: [['methods: [dir-tutorial]', 'methods: [dir-tutorial, one-to-one-cco]']],
    at: 'methods: [dir-tutorial, one-to-one-cco]',
  },
  { kind: 'training-methods-removed', edits: [['methods: [proknow, one-to-one-cco]', 'methods: [proknow]']], at: 'methods: [proknow]' },
  {
    kind: 'training-records-added',
    edits: [['records: [certificate]', 'records: [certificate, reflective-logs]']],
    at: 'records: [certificate, reflective-logs]',
  },
  { kind: 'training-records-removed', edits: [['records: [certificate]', 'records: []']], at: 'records: []' },
  {
    kind: 'training-sign-off',
    edits: [['signOff: physicist\n    reassessEveryMonths: 24', 'signOff: clinical-oncologist\n    reassessEveryMonths: 24']],
    at: 'signOff: clinical-oncologist',
  },
  { kind: 'training-reassessment-longer', edits: [['reassessEveryMonths: 24', 'reassessEveryMonths: 36']], at: 'reassessEveryMonths: 36' },
  { kind: 'training-reassessment-shorter', edits: [['reassessEveryMonths: 24', 'reassessEveryMonths: 12']], at: 'reassessEveryMonths: 12' },
  { kind: 'training-prerequisites-weaker', edits: [['experienceYears: 2', 'experienceYears: 1']], at: 'prerequisites:' },
  { kind: 'training-prerequisites-stronger', edits: [['experienceYears: 2', 'experienceYears: 3']], at: 'prerequisites:' },
  { kind: 'training-sites-removed', edits: [['    records: [certificate]\n', '    records: [certificate]\n    sites: [cervix]\n']], at: 'sites: [cervix]' },
  {
    kind: 'training-sites-added',
    edits: [['    records: [certificate]\n', '    records: [certificate]\n    sites: [cervix]\n']],
    reverse: true,
    at: 'skill: dir-evaluation',
  },
  { kind: 'training-wording', edits: [['roleLabel: Advanced adapter\n', 'roleLabel: Advanced adapters\n']], at: 'roleLabel: Advanced adapters' },
  {
    kind: 'skill-added',
    edits: [
      [
        '  - id: mobius-approval\n    name: Mobius approval\n',
        '  - id: mobius-approval\n    name: Mobius approval\n  - id: cbct-matching\n    name: CBCT matching\n',
      ],
    ],
    at: 'id: cbct-matching',
  },
  {
    kind: 'skill-removed',
    edits: [
      [
        '  - id: mobius-approval\n    name: Mobius approval\n',
        '  - id: mobius-approval\n    name: Mobius approval\n  - id: cbct-matching\n    name: CBCT matching\n',
      ],
    ],
    reverse: true,
    at: 'id: cbct-matching',
  },
  { kind: 'skill-renamed', edits: [[/\bdir-evaluation\b/g, 'dir-review']], at: 'id: dir-review', only: true },
  { kind: 'skill-wording', edits: [['name: Target outlining', 'name: Target volume outlining']], at: 'name: Target volume outlining' },
  { kind: 'method-added', edits: [['\nrecords:\n', '  - id: audit\n    name: Concordance audit\n    type: audit\n\nrecords:\n']], at: 'id: audit' },
  {
    kind: 'method-removed',
    edits: [['\nrecords:\n', '  - id: audit\n    name: Concordance audit\n    type: audit\n\nrecords:\n']],
    reverse: true,
    at: 'id: audit',
  },
  { kind: 'method-renamed', edits: [[/\bdir-tutorial\b/g, 'dir-teaching']], at: 'id: dir-teaching', only: true },
  { kind: 'method-pass-mark', edits: [['passMark: 80', 'passMark: 75']], at: 'passMark: 75' },
  { kind: 'method-type', edits: [['type: tutorial', 'type: e-learning']], at: 'type: e-learning' },
  { kind: 'method-wording', edits: [['name: Tutorial', 'name: DIR tutorial']], at: 'name: DIR tutorial' },
  { kind: 'record-added', edits: [['\ntraining:\n', '  - id: audit-log\n    name: Audit log\n\ntraining:\n']], at: 'id: audit-log' },
  { kind: 'record-removed', edits: [['\ntraining:\n', '  - id: audit-log\n    name: Audit log\n\ntraining:\n']], reverse: true, at: 'id: audit-log' },
  { kind: 'record-renamed', edits: [[/\breflective-logs\b/g, 'reflective-portfolio']], at: 'id: reflective-portfolio', only: true },
  { kind: 'record-location', edits: [['location: Individual training portfolio', 'location: e-portfolio']], at: 'location: e-portfolio' },
  { kind: 'record-wording', edits: [['name: Certificate', 'name: Tutorial certificate']], at: 'name: Tutorial certificate' },
  ...REGISTER_CASES(),
];

/** Every register change kind, planted in the reference register. */
function REGISTER_CASES(): Case[] {
  const newPerson = '  - id: R11\n    staffGroup: therapeutic radiographer\n    band: 5\n';
  const newEntitlement = '  - person: P05\n    role: physicist\n    from: 2027-01-01\n    supervised: true\n';
  const newTraining =
    '  - person: R01\n    skill: oar-outlining\n    method: proknow\n    completed: 2027-03-11\n    record: ProKnow contouring log PK-2801\n    signedOffBy: D02\n    result: 90\n';
  const newSupervision = '  - trainee: D06\n    supervisor: D01\n    skills: [plan-selection]\n    from: 2026-11-01\n';
  const r01Until: Edit = [
    '    from: 2024-02-01\n    entitledBy: Radiotherapy Services Manager\n',
    '    from: 2024-02-01\n    until: 2026-12-31\n    entitledBy: Radiotherapy Services Manager\n',
  ];
  const mpeCertificate: Edit = [
    '        number: CS20355\n        expires: 2027-07-28\n',
    '        number: CS20355\n        expires: 2027-07-28\n      - register: MPE certificate (RPA2000)\n        number: RPA-MPE-405\n',
  ];
  const cases: Omit<Case, 'register'>[] = [
    {
      kind: 'register-protocol',
      edits: [['protocol: reference-department.roles.yaml', 'protocol: [reference-department.roles.yaml, physicist-present.roles.yaml]']],
      at: 'protocol: [',
    },
    {
      kind: 'register-details',
      edits: [['owner: Radiotherapy Physics Quality Manager', 'owner: Head of Radiotherapy Physics']],
      at: 'owner: Head',
      only: true,
    },
    { kind: 'person-added', edits: [['\nentitlements:\n', `${newPerson}\nentitlements:\n`]], at: 'id: R11', only: true },
    { kind: 'person-removed', edits: [['\nentitlements:\n', `${newPerson}\nentitlements:\n`]], reverse: true, at: 'id: R11', only: true },
    { kind: 'person-renamed', edits: [[/\bR10\b/g, 'R11']], at: 'id: R11', only: true },
    {
      kind: 'person-staff-group',
      edits: [['  - id: D06\n    staffGroup: dosimetrist', '  - id: D06\n    staffGroup: clinical technologist']],
      at: 'staffGroup: clinical technologist',
      only: true,
    },
    {
      kind: 'person-band',
      edits: [['  - id: D04\n    staffGroup: dosimetrist\n    band: 8a', '  - id: D04\n    staffGroup: dosimetrist\n    band: 8b']],
      at: 'band: 8b',
      only: true,
    },
    { kind: 'person-registration-added', edits: [mpeCertificate], at: 'register: MPE certificate', places: 'both', only: true },
    { kind: 'person-registration-removed', edits: [mpeCertificate], reverse: true, at: 'registrations:', places: 'both', only: true },
    { kind: 'person-registration-expiry-earlier', edits: [['expires: 2028-02-28', 'expires: 2027-02-28']], at: 'expires: 2027-02-28', only: true },
    { kind: 'person-registration-renewed', edits: [['expires: 2027-01-15', 'expires: 2032-01-15']], at: 'expires: 2032-01-15', only: true },
    { kind: 'person-registration-number', edits: [['number: RA40107', 'number: RA40108']], at: 'number: RA40108', only: true },
    { kind: 'person-wording', edits: [['  - id: C04\n', '  - id: C04\n    notes: Locum until March.\n']], at: 'notes: Locum', only: true },
    { kind: 'entitlement-added', edits: [['\ntraining:\n', `${newEntitlement}\ntraining:\n`]], at: 'person: P05', only: true },
    { kind: 'entitlement-removed', edits: [['\ntraining:\n', `${newEntitlement}\ntraining:\n`]], reverse: true, at: 'person: P05', only: true },
    { kind: 'entitlement-ended', edits: [r01Until], at: 'until: 2026-12-31', only: true },
    { kind: 'entitlement-extended', base: [r01Until], edits: [['until: 2026-12-31', 'until: 2027-12-31']], at: 'until: 2027-12-31', only: true },
    {
      kind: 'entitlement-from',
      edits: [['from: 2024-03-01\n    entitledBy: Radiotherapy Services Manager', 'from: 2024-03-15\n    entitledBy: Radiotherapy Services Manager']],
      at: 'from: 2024-03-15',
      only: true,
    },
    { kind: 'entitlement-sites', edits: [['sites: [bladder, prostate]', 'sites: [bladder]']], at: 'sites: [bladder]', only: true },
    { kind: 'entitlement-supervised', edits: [['    supervised: true\n', '    supervised: false\n']], at: 'supervised: false', only: true },
    {
      kind: 'entitlement-entitled-by',
      edits: [['entitledBy: Clinical Director, Oncology', 'entitledBy: Medical Director']],
      at: 'entitledBy: Medical Director',
      only: true,
    },
    {
      kind: 'entitlement-scope',
      edits: [['scope: Adapts OARs under the direct', 'scope: Adapts OARs under the close']],
      at: 'scope: Adapts OARs under the close',
      only: true,
    },
    { kind: 'training-record-added', edits: [['\nsupervision:\n', `${newTraining}\nsupervision:\n`]], at: 'person: R01', only: true },
    { kind: 'training-record-removed', edits: [['\nsupervision:\n', `${newTraining}\nsupervision:\n`]], reverse: true, at: 'person: R01', only: true },
    {
      kind: 'training-record-completed',
      edits: [['    method: proknow\n    notes: Started October 2026', '    method: proknow\n    completed: 2026-11-20\n    notes: Started October 2026']],
      at: 'completed: 2026-11-20',
      only: true,
    },
    { kind: 'training-record-date', edits: [['completed: 2026-03-11', 'completed: 2026-03-12']], at: 'completed: 2026-03-12', only: true },
    {
      kind: 'training-record-method',
      edits: [
        [
          '    skill: dir-evaluation\n    method: dir-tutorial\n    completed: 2025-04-02',
          '    skill: dir-evaluation\n    method: proknow\n    completed: 2025-04-02',
        ],
      ],
      at: 'method: proknow',
      only: true,
    },
    { kind: 'training-record-evidence-removed', edits: [['    record: ProKnow contouring log PK-2601\n', '']], at: 'person: R01', places: 'both', only: true },
    {
      kind: 'training-record-evidence',
      edits: [['record: ProKnow contouring log PK-2601', 'record: ProKnow contouring log PK-2601 (scanned)']],
      at: 'record: ProKnow',
      only: true,
    },
    { kind: 'training-record-sign-off', edits: [['signedOffBy: D02\n    result: 84', 'signedOffBy: D03\n    result: 84']], at: 'signedOffBy: D03', only: true },
    { kind: 'training-record-result-lower', edits: [['result: 84', 'result: 80']], at: 'result: 80', only: true },
    { kind: 'training-record-result-higher', edits: [['result: 84', 'result: 86']], at: 'result: 86', only: true },
    {
      kind: 'training-record-sites-removed',
      edits: [['    result: 84\n', '    result: 84\n    sites: [cervix]\n']],
      at: 'sites: [cervix]',
      places: 'both',
      only: true,
    },
    {
      kind: 'training-record-sites-added',
      edits: [['    result: 84\n', '    result: 84\n    sites: [cervix]\n']],
      reverse: true,
      at: 'person: R01',
      places: 'both',
      only: true,
    },
    { kind: 'training-record-notes', edits: [['notes: Due again in December.', 'notes: Due again in December 2026.']], at: 'notes: Due again', only: true },
    { kind: 'supervision-added', edits: [[/\n$/, `\n${newSupervision}`]], at: 'trainee: D06', only: true },
    { kind: 'supervision-removed', edits: [[/\n$/, `\n${newSupervision}`]], reverse: true, at: 'trainee: D06', only: true },
    { kind: 'supervision-supervisor', edits: [['    supervisor: R02\n', '    supervisor: R03\n']], at: 'supervisor: R03', only: true },
    { kind: 'supervision-skills', edits: [['skills: [oar-outlining, dir-evaluation]', 'skills: [oar-outlining]']], at: 'skills: [oar-outlining]', only: true },
    { kind: 'supervision-dates', edits: [['until: 2027-03-31', 'until: 2027-06-30']], at: 'until: 2027-06-30', only: true },
    {
      kind: 'supervision-notes',
      edits: [['    until: 2027-03-31\n', '    until: 2027-03-31\n    notes: Weekly review.\n']],
      at: 'notes: Weekly review.',
      only: true,
    },
  ];
  return cases.map((c) => ({ ...c, register: true }));
}

describe('diff: every change kind, planted in the reference sample, is found and named', () => {
  it('has a case for every kind in the classification table', () => {
    const planted = new Set(CASES.map((c) => c.kind));
    assert.deepEqual(
      CHANGE_KIND_IDS.filter((k) => !planted.has(k)),
      [],
    );
  });

  for (const c of CASES) {
    it(`${c.kind}${c.reverse ? ' (an addition reversed)' : ''}: ${CHANGE_KINDS[c.kind].significance}`, () => {
      const base = apply(c.register ? REGISTER : REFERENCE, c.base ?? []);
      const edited = apply(base, c.edits);
      const [oldText, newText] = c.reverse ? [edited, base] : [base, edited];
      const result = c.register ? registerDiff(oldText, newText) : diff(oldText, newText);
      const found = result.changes.filter((x) => x.kind === c.kind);
      assert.equal(found.length, 1, `expected one ${c.kind}, got: ${result.changes.map((x) => `${x.kind}: ${x.message}`).join(' | ')}`);
      const change = found[0]!;
      assert.equal(change.significance, CHANGE_KINDS[c.kind].significance);
      assert.equal(change.area, CHANGE_KINDS[c.kind].area);
      assert.ok(change.message.length > 0 && change.subject.length > 0);
      if (c.only) assert.equal(result.changes.length, 1, result.changes.map((x) => `${x.kind}: ${x.message}`).join(' | '));
      // Both places where the entry exists: a removal only in the old version, an addition only in the new one.
      const entry = c.places ?? (/-removed$/.test(c.kind) ? 'old' : /-added$/.test(c.kind) ? 'new' : 'both');
      if (c.register || c.places) {
        assert.equal(Boolean(change.oldPlace), entry !== 'new', 'placed in the old version');
        assert.equal(Boolean(change.newPlace), entry !== 'old', 'placed in the new version');
      } else if (c.kind.endsWith('-removed') && !c.kind.startsWith('training-')) {
        assert.ok(change.oldPlace && !change.newPlace);
      } else if (/-added$/.test(c.kind) && !c.kind.startsWith('training-') && c.kind !== 'step-contingency-added') {
        assert.ok(change.newPlace && !change.oldPlace);
      } else if (c.kind === 'training-added' || c.kind === 'contingency-added') {
        assert.ok(change.newPlace && !change.oldPlace);
      } else if (c.kind === 'training-removed' || c.kind === 'contingency-removed') {
        assert.ok(change.oldPlace && !change.newPlace);
      } else {
        assert.ok(change.oldPlace && change.newPlace, 'placed in both versions');
      }
      if (c.at) {
        const [place, text] = change.newPlace ? [change.newPlace, newText] : [change.oldPlace!, oldText];
        const line = lineAt(text, place.range.start.line);
        assert.ok(line.includes(c.at), `placed at line ${place.range.start.line + 1}, \`${line.trim()}\`, not at \`${c.at}\``);
      }
    });
  }
});

describe('diff: what is not a change', () => {
  it('the same text twice gives no change', () => {
    assert.deepEqual(diff(REFERENCE, REFERENCE).changes, []);
  });

  it('every sample against itself reformatted gives no change', () => {
    for (const name of fs.readdirSync(path.join(ROOT, 'samples')).filter((f) => f.endsWith('.roles.yaml'))) {
      const text = fs.readFileSync(path.join(ROOT, 'samples', name), 'utf8');
      assert.deepEqual(lines(diff(text, reformat(text, { reverse: true })).changes), [], name);
    }
  });

  it('reordering every list but the workflow, and the keys of every mapping, gives no change', () => {
    assert.deepEqual(lines(diff(REFERENCE, reformat(REFERENCE, { reverse: true })).changes), []);
  });

  it('comments, blank lines, quoting and flow or block style give no change', () => {
    const restyled = REFERENCE.replace(/^\s*#.*\n/gm, '')
      .replace(/\n\n/g, '\n')
      .replace('name: Cervix', 'name: "Cervix"')
      .replace('staffGroups: [therapeutic radiographer]', 'staffGroups:\n      - therapeutic radiographer')
      .replace('approves: [advanced-adapter, physicist]', 'approves:\n      - physicist   # the MPE\n      - advanced-adapter');
    assert.notEqual(restyled, REFERENCE);
    assert.deepEqual(lines(diff(REFERENCE, restyled).changes), []);
  });

  it('the same document in YAML and in JSON gives no change', () => {
    const json = JSON.stringify(loadPlain(REFERENCE), null, 2);
    const result = diffTexts(
      { text: REFERENCE, label: 'yaml', options: { fileName: 'department.roles.yaml' } },
      { text: json, label: 'json', options: { fileName: 'department.roles.json' } },
    );
    assert.deepEqual(lines(result.changes), []);
  });

  it('a band written as a number or as text is the same band', () => {
    assert.deepEqual(lines(diff(REFERENCE, REFERENCE.replace('minBand: 5', 'minBand: "5"')).changes), []);
  });
});

describe('diff: renames', () => {
  it('a role renamed with every reference moved is one change, and its other changes are listed on it', () => {
    const renamed = REFERENCE.replace(/\bphysicist\b/g, 'mpe').replace('capacities: [MPE, operator]', 'capacities: [MPE]');
    const result = diff(REFERENCE, renamed);
    assert.deepEqual(
      result.changes.map((c) => c.kind),
      ['role-renamed', 'role-capacities'],
    );
    assert.equal(result.changes[0]!.old, 'physicist');
    assert.equal(result.changes[0]!.new, 'mpe');
  });

  it('a role removed and an unlike role added are a removal and an addition', () => {
    const replaced = REFERENCE.replace(
      / {2}- id: clinical-oncologist\n[\s\S]*?(?=\n# The Ethos)/,
      '  - id: dosimetrist\n    title: Dosimetrist\n    staffGroups: [dosimetrist]\n    minBand: 6\n    capacities: [operator]\n',
    ).replace(/\bclinical-oncologist\b/g, 'dosimetrist');
    const kinds = diff(REFERENCE, replaced).changes.map((c) => c.kind);
    assert.ok(kinds.includes('role-removed') && kinds.includes('role-added'), kinds.join(', '));
    assert.ok(!kinds.includes('role-renamed'));
  });
});

describe('diff: through includes', () => {
  // The reference sample's adapter, moved into a shared catalogue.
  const adapter = / {2}- id: adapter\n[\s\S]*?\n\n/.exec(REFERENCE)![0];
  const catalogue = (band: number) => `format: role-catalogue/1\nroles:\n${adapter.replace('minBand: 5', `minBand: ${band}`)}`;
  const protocol = REFERENCE.replace('format: role-protocol/1\n', 'format: role-protocol/1\nincludes: [shared.catalogue.yaml]\n').replace(
    / {2}- id: adapter\n[\s\S]*?\n\n/,
    '',
  );
  const side = (band: number, label: string) => ({
    text: protocol,
    label,
    options: {
      fileName: '/dept/protocols/oart.roles.yaml',
      readInclude: (include: string) => ({ file: `/dept/protocols/${include}`, text: catalogue(band) }),
    },
  });

  it('a change in an included catalogue is a change of the protocol, placed in the catalogue', () => {
    const result = diffTexts(side(5, 'old'), side(4, 'new'));
    assert.deepEqual(
      result.changes.map((c) => c.kind),
      ['role-bands'],
    );
    const change = result.changes[0]!;
    assert.equal(change.newPlace?.file, '/dept/protocols/shared.catalogue.yaml');
    assert.equal(change.newPlace?.range.start.line, 5);
    assert.equal(change.old, 'bands 5-7');
    assert.equal(change.new, 'bands 4-7');
  });

  it('a role moved from the protocol into its catalogue is no change but the include', () => {
    const own = diffTexts({ text: REFERENCE, label: 'old', options: { fileName: '/dept/protocols/oart.roles.yaml' } }, side(5, 'new'));
    assert.deepEqual(lines(own.changes), ['includes: The document now includes “shared.catalogue.yaml”.']);
  });
});

/** Changes as one line each, for assertion messages. */
function lines(changes: readonly Change[]): string[] {
  return changes.map((c) => `${c.kind}: ${c.message}`);
}

/** YAML data with dates and versions kept as written (what the tool reads). */
function loadPlain(text: string): unknown {
  return yaml.load(text, { schema: yaml.CORE_SCHEMA });
}

/** The same document written another way: keys sorted, every list but the workflow reversed, flow style, no comments. */
function reformat(text: string, options: { reverse: boolean }): string {
  const walk = (value: unknown, key?: string): unknown => {
    if (Array.isArray(value)) {
      const items = value.map((v) => walk(v));
      return options.reverse && key !== 'workflow' ? items.reverse() : items;
    }
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  return yaml.dump(walk(loadPlain(text)), { schema: yaml.CORE_SCHEMA, sortKeys: true, lineWidth: 60, flowLevel: 3 });
}
