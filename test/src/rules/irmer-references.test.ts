import * as assert from 'node:assert/strict';
import { describeRule, lint, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';

const NAMED = '    procedures: [EP-07]\n    coreTraining: [irmer-training]\n';
/** The clean protocol with the adapter's (the first role's) two keys replaced. */
const adapter = (keys: string) => protocolText({ roles: SECTIONS.roles.replace(NAMED, keys) });

const noProcedures = adapter('    coreTraining: [irmer-training]\n');
const noCoreTraining = adapter('    procedures: [EP-07]\n');
const neither = adapter('');
const guidanceOnly = protocolText({
  header: SECTIONS.header + '    - id: TSRT\n      title: Towards Safer Radiotherapy\n      kind: guidance\n',
  roles: SECTIONS.roles.replace(NAMED, '    procedures: [TSRT]\n    coreTraining: [irmer-training]\n'),
});
const guidanceAndProcedure = protocolText({
  header: SECTIONS.header + '    - id: TSRT\n      title: Towards Safer Radiotherapy\n      kind: guidance\n',
  roles: SECTIONS.roles.replace(NAMED, '    procedures: [TSRT, EP-07]\n    coreTraining: [irmer-training]\n'),
});
/** No reference says it is an employer's procedure (no `kind`): taken as the author wrote it. */
const noKind = protocolText({ header: SECTIONS.header.replace('      kind: employer-procedure\n', '') });
/** A document with no references at all, and a role that names none. */
const noReferences = protocolText({
  header: SECTIONS.header.replace(/ {2}references:\n[\s\S]*$/, ''),
  roles: SECTIONS.roles.replace(NAMED, '    coreTraining: [irmer-training]\n').replaceAll('    procedures: [EP-07]\n', ''),
});
/** A procedure id that names nothing is unknown-reference's finding, not this rule's. */
const unknownProcedure = adapter('    procedures: [EP-7]\n    coreTraining: [irmer-training]\n');
const blockCapacities = protocolText({
  roles: SECTIONS.roles.replace('    capacities: [operator]\n' + NAMED, '    capacities:\n      - operator\n'),
});
const noCapacities = protocolText({ roles: SECTIONS.roles.replace('    capacities: [operator]\n' + NAMED, '') });
const employerOnly = protocolText({ roles: SECTIONS.roles.replace('    capacities: [operator]\n' + NAMED, '    capacities: [employer]\n') });

const noProcedureMessage = (role: string, capacities: string) =>
  `Role \`${role}\` has ${capacities} but names no employer's procedure that entitles it; add the id of the employer's procedure that entitles it (\`EP-07\`) to \`procedures\`.`;
const noTrainingMessage = (role: string, capacities: string) =>
  `Role \`${role}\` has ${capacities} but names no record of its holders' core IR(ME)R and radiation protection training (Schedule 3); add the id of the record where it is kept to \`coreTraining\`.`;

/**
 * Another department's model, written as they would: their own role names and QMS numbers, roles in a shared
 * catalogue that cites the employer's procedures itself, core training kept in the Electronic Staff Record for
 * radiographers and scientists and in the medical staffing file for consultants, and an MPE role entitled under
 * both the entitlement procedure and the MPE procedure. The protocol cites the entitlement procedure too.
 */
const WESTWARD_CATALOGUE = `format: role-catalogue/1
document:
  id: westward-rt-catalogue
  title: Westward Radiotherapy - shared adaptive roles
  version: "2.0"
  status: approved
  references:
    - id: WRT-IRMER-001
      title: IR(ME)R employer's procedure 1 - entitlement and scope of practice of duty holders
      kind: employer-procedure
    - id: WRT-IRMER-014
      title: IR(ME)R employer's procedure 14 - involvement of medical physics experts
      kind: employer-procedure
roles:
  - id: tx-radiographer
    title: Treatment Radiographer
    staffGroups: [therapeutic radiographer]
    minBand: 5
    maxBand: 6
    careerLevel: practitioner
    registrations: [HCPC (radiographer)]
    capacities: [operator]
    procedures: [WRT-IRMER-001]
    coreTraining: [esr-statutory]
  - id: aptr
    title: Adaptive Practitioner (APTR)
    staffGroups: [therapeutic radiographer]
    minBand: 7
    careerLevel: advanced
    registrations: [HCPC (radiographer)]
    capacities: [operator]
    procedures: [WRT-IRMER-001]
    coreTraining: [esr-statutory]
  - id: cs-mpe
    title: Clinical Scientist (MPE)
    shortName: MPE
    staffGroups: [clinical scientist]
    minBand: 8a
    registrations: [HCPC (clinical scientist), MPE certificate (RPA2000)]
    capacities: [MPE, operator]
    procedures: [WRT-IRMER-001, WRT-IRMER-014]
    coreTraining: [esr-statutory]
  - id: cons-co
    title: Consultant Clinical Oncologist
    staffGroups: [clinical oncologist]
    careerLevel: consultant
    registrations: [GMC]
    capacities: [referrer, practitioner]
    practitionerScope: therapeutic
    procedures: [WRT-IRMER-001]
    coreTraining: [medical-entitlement]
records:
  - id: esr-statutory
    name: ESR statutory and mandatory training (IR(ME)R and radiation protection)
    location: Electronic Staff Record
  - id: medical-entitlement
    name: IR(ME)R entitlement letters and training declarations
    location: Medical staffing file
`;
const WESTWARD_PROTOCOL = `format: role-protocol/1
includes: [westward.catalogue.yaml]
document:
  id: westward-bladder-oart
  title: Adaptive bladder on Ethos
  version: "1.1"
  status: approved
  owner: Lead Radiotherapy Physicist
  approvals:
    - name: Dr F. Hughes
      role: cons-co
      date: 2026-03-02
  effectiveDate: 2026-03-09
  reviewDue: 2028-03-08
  references:
    - id: WRT-IRMER-001
      title: IR(ME)R employer's procedure 1 - entitlement and scope of practice of duty holders
      kind: employer-procedure
    - id: TSRT
      title: Towards Safer Radiotherapy
      kind: guidance
sites:
  - id: bladder
    name: Bladder
    fractions: 20
    clinicalProtocol:
      reference: WRT-URO-ART-02
      approvedBy: cons-co
    mpeInvolvement: remote
workflow:
  - id: cbct
    name: Session CBCT
    activity: imaging
    performs: [tx-radiographer]
  - id: oars
    name: Review and edit AI OARs
    activity: oar-edit
    performs: [tx-radiographer]
    approves: [aptr]
    skills: [oar-outlining]
  - id: targets
    name: Adapt and approve the bladder CTV
    activity: target-approval
    performs: [aptr]
    approves: [aptr]
    skills: [bladder-ctv]
  - id: select
    name: Plan selection
    activity: plan-selection
    performs: [aptr]
    skills: [plan-selection]
  - id: mobius
    name: Independent dose check
    activity: dose-check
    performs: [aptr]
    approves: [cs-mpe]
    skills: [plan-selection]
  - id: treat
    name: Delivery
    activity: delivery
    performs: [tx-radiographer]
  - id: review
    name: Consultant review before the next fraction
    phase: offline
    activity: clinical-review
    performs: [cons-co]
    covers: [targets, select]
    timing:
      beforeNextFraction: true
skills:
  - id: oar-outlining
    name: OAR outlining
  - id: bladder-ctv
    name: Bladder CTV adaptation
  - id: plan-selection
    name: Plan selection
methods:
  - id: proknow
    name: ProKnow Contouring Tool
    type: scored-assessment
    passMark: 85
  - id: supervised
    name: 20 supervised sessions
    type: supervised-practice
  - id: concordance
    name: Concordance audit against consultant outlines
    type: concordance-audit
  - id: ps-programme
    name: Plan selection programme
    type: training-programme
records:
  - id: competency-db
    name: Radiotherapy competency database
    location: QMS
training:
  - skill: oar-outlining
    roles: [tx-radiographer, aptr]
    methods: [proknow]
    records: [competency-db]
    signOff: aptr
    reassessEveryMonths: 12
  - skill: bladder-ctv
    roles: [aptr]
    methods: [supervised, concordance]
    records: [competency-db]
    signOff: cons-co
    reassessEveryMonths: 12
  - skill: plan-selection
    roles: [aptr, cs-mpe]
    methods: [ps-programme]
    records: [competency-db]
    signOff: cons-co
    reassessEveryMonths: 12
contingencies:
  - step: oars
    when: No APTR available
    then: Treat with the scheduled plan.
  - step: targets
    when: No APTR available
    then: Treat with the scheduled plan.
  - step: mobius
    when: Mobius fails, or no MPE is available remotely
    then: Treat with the scheduled plan.
`;
const WESTWARD = { 'westward.catalogue.yaml': WESTWARD_CATALOGUE };

describeRule('irmer-references', {
  valid: [
    { name: 'every duty-holder role names its procedure and its core training record', text: protocolText() },
    { name: 'another department: roles from a catalogue that cites its own procedures', text: WESTWARD_PROTOCOL, files: WESTWARD },
    { name: 'a reference with no kind is taken as written', text: noKind },
    { name: 'guidance beside an employer’s procedure', text: guidanceAndProcedure },
    { name: 'an unknown procedure id is left to unknown-reference', text: unknownProcedure },
    { name: 'a role with no IR(ME)R capacity', text: noCapacities },
    { name: 'a role with only the employer capacity', text: employerOnly },
  ],
  invalid: [
    {
      name: 'no procedure, on the capacities key, naming the employer’s procedures the document lists',
      text: noProcedures,
      errors: [{ ...span(noProcedures, 'capacities', 'id: adapter'), message: noProcedureMessage('adapter', 'the operator capacity') }],
    },
    {
      name: 'no core training record',
      text: noCoreTraining,
      errors: [{ ...span(noCoreTraining, 'capacities', 'id: adapter'), message: noTrainingMessage('adapter', 'the operator capacity') }],
    },
    {
      name: 'neither: one finding for each key',
      text: neither,
      errors: [
        { ...span(neither, 'capacities', 'id: adapter'), message: noProcedureMessage('adapter', 'the operator capacity') },
        { ...span(neither, 'capacities', 'id: adapter'), message: noTrainingMessage('adapter', 'the operator capacity') },
      ],
    },
    {
      name: 'a block list of capacities, on its key',
      text: blockCapacities,
      errors: [
        { ...span(blockCapacities, 'capacities', 'id: adapter'), message: noProcedureMessage('adapter', 'the operator capacity') },
        { ...span(blockCapacities, 'capacities', 'id: adapter'), message: noTrainingMessage('adapter', 'the operator capacity') },
      ],
    },
    {
      name: 'procedures that name only guidance, on the procedures key',
      text: guidanceOnly,
      errors: [
        {
          ...span(guidanceOnly, 'procedures', 'id: adapter'),
          message:
            "Role `adapter` has the operator capacity, but its `procedures` name only `TSRT` (guidance), not an employer's procedure; add the id of the employer's procedure that entitles it (`EP-07`) to `procedures`.",
        },
      ],
    },
    {
      name: 'no references at all: says where the procedure is listed, for every duty-holder role',
      text: noReferences,
      errors: [
        ['adapter', 'the operator capacity'],
        ['physicist', 'the MPE and operator capacities'],
        ['oncologist', 'the practitioner capacity'],
      ].map(([role = '', capacities]) => ({
        ...span(noReferences, 'capacities', `id: ${role}`),
        message: `Role \`${role}\` has ${capacities} but names no employer's procedure that entitles it; add the id of the employer's procedure that entitles it to \`procedures\`, listing the procedure under \`document.references\` with that \`id\`.`,
      })),
    },
  ],
});

describe('irmer-references on another department’s model', () => {
  it('gives no finding of any rule: the catalogue and the protocol that includes it', () => {
    const show = (f: { ruleId: string; range: { start: { line: number } }; message: string }) => `${f.ruleId}@${f.range.start.line + 1}: ${f.message}`;
    assert.deepEqual(lint(WESTWARD_PROTOCOL, { files: WESTWARD }).map(show), []);
    assert.deepEqual(lint(WESTWARD_CATALOGUE, { fileName: 'westward.catalogue.yaml' }).map(show), []);
  });

  it('reports a catalogue role that names no procedure in the catalogue, where it is written', () => {
    const catalogue = WESTWARD_CATALOGUE.replace('    procedures: [WRT-IRMER-001]\n    coreTraining: [esr-statutory]\n', '');
    const found = lint(catalogue, { fileName: 'westward.catalogue.yaml' }).filter((f) => f.ruleId === 'irmer-references');
    assert.deepEqual(
      found.map((f) => [f.range.start.line + 1, f.message.slice(0, 60)]),
      [
        [22, 'Role `tx-radiographer` has the operator capacity but names n'],
        [22, 'Role `tx-radiographer` has the operator capacity but names n'],
      ],
    );
    // The protocol that includes it is not marked for the catalogue's role.
    assert.deepEqual(
      lint(WESTWARD_PROTOCOL, { files: { 'westward.catalogue.yaml': catalogue } }).filter((f) => f.ruleId === 'irmer-references'),
      [],
    );
  });
});
