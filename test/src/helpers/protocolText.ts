/**
 * A small protocol that every rule passes, cut into its sections so a test
 * can replace one section and see one rule fire. Keep it clean: the rule
 * tests assert that it has no findings at all.
 */
export const SECTIONS = {
  header: `format: role-protocol/1
document:
  id: test-protocol
  title: Test protocol
  version: "1.0"
  status: approved
  owner: Head of Physics
  approvals:
    - name: Dr A. Consultant
      role: oncologist
      date: 2026-01-10
  effectiveDate: 2026-02-01
  reviewDue: 2028-01-31
  references:
    - id: EP-07
      title: Employer's procedures under IR(ME)R 2017
      kind: employer-procedure
`,
  sites: `sites:
  - id: bladder
    name: Bladder
    clinicalProtocol:
      reference: BL-01
      approvedBy: oncologist
    mpeInvolvement: agree
`,
  roles: `roles:
  - id: adapter
    title: Adapter
    staffGroups: [therapeutic radiographer]
    minBand: 6
    maxBand: 7
    careerLevel: practitioner
    capacities: [operator]
    procedures: [EP-07]
    coreTraining: [irmer-training]
  - id: physicist
    title: Physicist
    staffGroups: [clinical scientist]
    careerLevel: advanced
    registrations: [HCPC (clinical scientist), MPE certificate (RPA2000)]
    capacities: [MPE, operator]
    procedures: [EP-07]
    coreTraining: [irmer-training]
  - id: oncologist
    title: Clinical Oncologist
    staffGroups: [clinical oncologist]
    careerLevel: consultant
    capacities: [practitioner]
    procedures: [EP-07]
    coreTraining: [irmer-training]
`,
  workflow: `workflow:
  - id: oar-edit
    name: Edit OARs
    activity: oar-edit
    performs: [adapter]
    skills: [oar-outlining]
  - id: oar-approval
    name: Approve OARs
    activity: oar-approval
    performs: [adapter]
    approves: [physicist]
    skills: [oar-outlining]
  - id: plan-selection
    name: Select the plan
    activity: plan-selection
    performs: [physicist]
    skills: [plan-selection]
  - id: dose-check
    name: Independent dose check
    activity: dose-check
    performs: [physicist]
    skills: [plan-selection]
  - id: delivery
    name: Deliver
    activity: delivery
    performs: [adapter]
  - id: review
    name: Offline review
    phase: offline
    activity: clinical-review
    performs: [oncologist]
    reviews: [oncologist]
`,
  skills: `skills:
  - id: oar-outlining
    name: OAR outlining
  - id: plan-selection
    name: Plan selection
`,
  methods: `methods:
  - id: proknow
    name: ProKnow Contouring Tool
    type: scored-assessment
    passMark: 80
  - id: programme
    name: Training programme
    type: training-programme
`,
  records: `records:
  - id: proknow-log
    name: ProKnow log
  - id: training-records
    name: Training records
  - id: irmer-training
    name: IR(ME)R training records
`,
  training: `training:
  - skill: oar-outlining
    roles: [adapter, physicist]
    methods: [proknow]
    records: [proknow-log]
    signOff: oncologist
    reassessEveryMonths: 12
  - skill: plan-selection
    roles: [physicist]
    methods: [programme]
    prerequisites:
      experienceYears: 2
    records: [training-records]
    signOff: oncologist
    reassessEveryMonths: 12
`,
  contingencies: `contingencies:
  - step: oar-approval
    when: No physicist available
    then: Treat with the scheduled plan.
`,
};

export type Section = keyof typeof SECTIONS;

/** The clean protocol with some sections replaced (give '' to leave a section out). */
export function protocolText(replace: Partial<Record<Section, string>> = {}): string {
  return (Object.keys(SECTIONS) as Section[]).map((section) => replace[section] ?? SECTIONS[section]).join('');
}
