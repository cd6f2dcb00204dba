import { protocolText } from './protocolText';

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
