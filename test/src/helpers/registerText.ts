import { protocolText, SECTIONS } from './protocolText';

/**
 * A small register of people that every register rule passes on TODAY
 * (2026-11-26), checked against the clean test protocol (`protocolText()`,
 * named `p.roles.yaml`): two adapters and two physicists (MPEs) entitled and
 * current, so every online step has the default cover of two, and the
 * oncologist who signs training off. Cut into sections so a test can change
 * one and see one rule fire. Keep it clean: `register.models.test.ts`
 * asserts that it has no findings at all.
 */
export const REGISTER = {
  header: `format: role-register/1
protocol: p.roles.yaml
register:
  department: Radiotherapy
  owner: Radiotherapy Physics Quality Manager
  updated: 2026-11-20
`,
  people: `people:
  - id: R01
    staffGroup: therapeutic radiographer
    band: 6
    registrations:
      - register: HCPC (radiographer)
        number: RA10001
        expires: 2027-05-31
  - id: R02
    staffGroup: therapeutic radiographer
    band: 6
    registrations:
      - register: HCPC (radiographer)
        number: RA10002
        expires: 2027-08-31
  - id: P01
    staffGroup: clinical scientist
    band: 8a
    registrations:
      - register: HCPC (clinical scientist)
        number: CS10001
        expires: 2027-09-30
      - register: MPE certificate (RPA2000)
        number: MPE-0101
        expires: 2029-03-31
  - id: P02
    staffGroup: clinical scientist
    band: 7
    registrations:
      - register: HCPC (clinical scientist)
        number: CS10002
        expires: 2028-01-31
      - register: MPE certificate (RPA2000)
        number: MPE-0102
        expires: 2030-06-30
  - id: C01
    staffGroup: clinical oncologist
    registrations:
      - register: GMC
        number: "7000001"
`,
  entitlements: `entitlements:
  - person: R01
    role: adapter
    from: 2025-01-06
    entitledBy: Radiotherapy Services Manager
  - person: R02
    role: adapter
    from: 2025-03-03
    entitledBy: Radiotherapy Services Manager
  - person: P01
    role: physicist
    from: 2024-06-03
    entitledBy: Head of Radiotherapy Physics
  - person: P02
    role: physicist
    from: 2024-09-02
    entitledBy: Head of Radiotherapy Physics
  - person: C01
    role: oncologist
    from: 2024-01-08
    entitledBy: Clinical Director
`,
  training: `training:
  - person: R01
    skill: oar-outlining
    method: proknow
    completed: 2026-03-02
    record: ProKnow log PK-101
    signedOffBy: C01
    result: 86
  - person: R02
    skill: oar-outlining
    method: proknow
    completed: 2026-04-06
    record: ProKnow log PK-102
    signedOffBy: C01
    result: 91
  - person: P01
    skill: oar-outlining
    method: proknow
    completed: 2026-02-02
    record: ProKnow log PK-103
    signedOffBy: C01
    result: 82
  - person: P01
    skill: plan-selection
    method: programme
    completed: 2026-02-09
    record: Training records TR-201
    signedOffBy: C01
  - person: P02
    skill: oar-outlining
    method: proknow
    completed: 2026-05-11
    record: ProKnow log PK-104
    signedOffBy: C01
    result: 88
  - person: P02
    skill: plan-selection
    method: programme
    completed: 2026-05-18
    record: Training records TR-202
    signedOffBy: C01
`,
  supervision: '',
};

export type RegisterSection = keyof typeof REGISTER;

/** The clean register with some sections replaced (give '' to leave a section out). */
export function registerText(replace: Partial<Record<RegisterSection, string>> = {}): string {
  return (Object.keys(REGISTER) as RegisterSection[]).map((section) => replace[section] ?? REGISTER[section]).join('');
}

/** The clean register with one piece of text replaced (it must be there, once). */
export function registerWith(from: string, to: string, base = registerText()): string {
  const at = base.indexOf(from);
  if (at < 0 || base.indexOf(from, at + 1) >= 0) throw new Error(`not exactly once in the register: ${JSON.stringify(from)}`);
  return base.slice(0, at) + to + base.slice(at + from.length);
}

/** What a register case needs beside its text: its name and its protocol. */
export const REGISTER_FILE = 'test.register.yaml';
export const onProtocol = (protocol = protocolText()) => ({ fileName: REGISTER_FILE, files: { 'p.roles.yaml': protocol } });

/** The clean register with entries added at the end of its sections (a `supervision` section is started if need be). */
export function registerPlus(
  extra: Partial<Record<Exclude<RegisterSection, 'header'>, string>>,
  replace: Partial<Record<RegisterSection, string>> = {},
): string {
  const sections = { ...REGISTER, ...replace };
  for (const [section, text] of Object.entries(extra) as [Exclude<RegisterSection, 'header'>, string][])
    sections[section] = (sections[section] || `${section}:\n`) + text;
  return registerText(sections);
}

/** A band 6 therapeutic radiographer with an HCPC registration in date. */
export const radiographer = (id: string, band: number | string = 6): string =>
  `  - id: ${id}
    staffGroup: therapeutic radiographer
    band: ${band}
    registrations:
      - register: HCPC (radiographer)
        number: RA2${id}
        expires: 2027-10-31
`;

/** A band 7 clinical scientist with HCPC registration and MPE recognition in date. */
export const physicist = (id: string): string =>
  `  - id: ${id}
    staffGroup: clinical scientist
    band: 7
    registrations:
      - register: HCPC (clinical scientist)
        number: CS2${id}
        expires: 2028-03-31
      - register: MPE certificate (RPA2000)
        number: MPE-2${id}
        expires: 2030-03-31
`;

/** An entitlement, with any further lines (`    until: …`, `    sites: […]`, `    supervised: true`). */
export const entitle = (person: string, role: string, from = '2025-06-02', more = ''): string =>
  `  - person: ${person}
    role: ${role}
    from: ${from}
    entitledBy: Radiotherapy Services Manager
${more}`;

/** A completed training, signed off by the oncologist; by ProKnow (scored 85) for OAR outlining, else by the programme. */
export const trained = (person: string, skill: string, completed = '2026-06-01', more = ''): string =>
  `  - person: ${person}
    skill: ${skill}
    method: ${skill === 'oar-outlining' ? 'proknow' : 'programme'}
    completed: ${completed}
    record: Training folder ${person}-${skill}
    signedOffBy: C01
${skill === 'oar-outlining' ? '    result: 85\n' : ''}${more}`;

/**
 * The test protocol with a second site (prostate) and OAR outlining trained
 * per site for adapters: one row for bladder, one for prostate.
 */
export const perSiteProtocol = (): string =>
  protocolText({
    sites: `${SECTIONS.sites}  - id: prostate
    name: Prostate
    clinicalProtocol:
      reference: PR-01
      approvedBy: oncologist
    mpeInvolvement: agree
`,
    training: SECTIONS.training.replace(
      `  - skill: oar-outlining
    roles: [adapter, physicist]
`,
      `  - skill: oar-outlining
    roles: [adapter]
    sites: [bladder]
    methods: [proknow]
    records: [proknow-log]
    signOff: oncologist
    reassessEveryMonths: 12
  - skill: oar-outlining
    roles: [adapter]
    sites: [prostate]
    methods: [proknow]
    records: [proknow-log]
    signOff: oncologist
    reassessEveryMonths: 12
  - skill: oar-outlining
    roles: [physicist]
`,
    ),
  });
