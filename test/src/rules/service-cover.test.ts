import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';
import { onProtocol, perSiteProtocol, REGISTER, registerText, registerWith, REGISTER_FILE } from '../helpers/registerText';

const P = onProtocol();

/** OARs approved by a physicist or an oncologist: with `approval: any` one of either is enough. */
const approvers = (approval: string) =>
  onProtocol(protocolText({ workflow: SECTIONS.workflow.replace('    approves: [physicist]\n', `    approves: [physicist, oncologist]\n${approval}`) }));

const P02_FROM = '  - person: P02\n    role: physicist\n    from: 2024-09-02\n';
const R02_FROM = '  - person: R02\n    role: adapter\n    from: 2025-03-03\n';
const p02Ended = registerWith(P02_FROM, `${P02_FROM}    until: 2026-11-25\n`);
const p02UntilToday = registerWith(P02_FROM, `${P02_FROM}    until: 2026-11-26\n`);
const r02Tomorrow = registerWith(R02_FROM, '  - person: R02\n    role: adapter\n    from: 2026-11-27\n');
const r02Supervised = registerWith(R02_FROM, `${R02_FROM}    supervised: true\n`);
const r02Lapsed = registerWith('    completed: 2026-04-06\n', '    completed: 2025-11-03\n');
const r02Failed = registerWith('    result: 91\n', '    result: 78\n');
const p02MpeLapsed = registerWith('        expires: 2030-06-30\n', '        expires: 2026-11-25\n');
const r02BladderOnly = registerWith(R02_FROM, `${R02_FROM}    sites: [bladder]\n`);
const noPhysicists = registerText({
  entitlements: REGISTER.entitlements.replace(/ {2}- person: P0[12]\n(?: {4}.*\n)+/g, ''),
});

const short = (role: string, sites: string, steps: string[]) =>
  `Fewer than 2 people can act as ${role} today (${sites}), and the online ${steps.length === 1 ? 'step' : 'steps'} ${steps.map((s) => `\`${s}\``).join(', ')} cannot go ahead without one: one absence stops the service. Entitle and train more people, or set \`register.minimumCover\` in \`.roleprotocols.yaml\`.`;
const PHYSICIST_STEPS = ['oar-approval', 'plan-selection', 'dose-check'];
const ADAPTER_STEPS = ['oar-edit', 'oar-approval', 'delivery'];

describeRule('service-cover', {
  valid: [
    { name: 'two of each role the online steps need', text: registerText(), ...P },
    { name: 'an entitlement ending today still counts today', text: p02UntilToday, ...P },
    { name: 'approval: any: one oncologist and two physicists can approve between them', text: registerText(), ...approvers('    approval: any\n') },
    { name: 'per-site training: two adapters trained for every site', text: registerText(), ...onProtocol(perSiteProtocol()) },
    { name: 'a register whose protocol cannot be read', text: p02Ended, fileName: REGISTER_FILE, files: {} },
  ],
  invalid: [
    {
      name: 'an entitlement that ended yesterday leaves one physicist, on the first physicist entitlement',
      text: p02Ended,
      ...P,
      errors: [{ ...span(p02Ended, 'physicist', 'person: P01'), message: short('`physicist`', 'at `bladder` 1 (`P01`)', PHYSICIST_STEPS) }],
    },
    {
      name: 'an entitlement starting tomorrow does not count today',
      text: r02Tomorrow,
      ...P,
      errors: [{ ...span(r02Tomorrow, 'adapter', 'person: R01'), message: short('`adapter`', 'at `bladder` 1 (`R01`)', ADAPTER_STEPS) }],
    },
    {
      name: 'a trainee under supervision does not count',
      text: r02Supervised,
      ...P,
      errors: [{ ...span(r02Supervised, 'adapter', 'person: R01'), message: short('`adapter`', 'at `bladder` 1 (`R01`)', ADAPTER_STEPS) }],
    },
    {
      name: 'a lapsed training does not count',
      text: r02Lapsed,
      ...P,
      errors: [{ ...span(r02Lapsed, 'adapter', 'person: R01'), message: short('`adapter`', 'at `bladder` 1 (`R01`)', ADAPTER_STEPS) }],
    },
    {
      name: 'a failed assessment recorded as completed does not count',
      text: r02Failed,
      ...P,
      errors: [{ ...span(r02Failed, 'adapter', 'person: R01'), message: short('`adapter`', 'at `bladder` 1 (`R01`)', ADAPTER_STEPS) }],
    },
    {
      name: 'an expired MPE certificate does not count',
      text: p02MpeLapsed,
      ...P,
      errors: [{ ...span(p02MpeLapsed, 'physicist', 'person: P01'), message: short('`physicist`', 'at `bladder` 1 (`P01`)', PHYSICIST_STEPS) }],
    },
    {
      name: 'approval: all: each approving role needs its own cover',
      text: registerText(),
      ...approvers(''),
      errors: [{ ...span(registerText(), 'oncologist', 'person: C01'), message: short('`oncologist`', 'at `bladder` 1 (`C01`)', ['oar-approval']) }],
    },
    {
      name: 'approval: any: too few between all the approving roles',
      text: registerWith('  - person: C01\n    role: oncologist\n', '  - person: C01\n    role: oncologist\n    until: 2026-11-25\n', p02Ended),
      ...approvers('    approval: any\n'),
      errors: [
        // The approval is one need (either role); the physicist alone is needed for plan selection and the dose check.
        { ...span(p02Ended, 'physicist', 'person: P01'), message: short('`physicist` or `oncologist`', 'at `bladder` 1 (`P01`)', ['oar-approval']) },
        { ...span(p02Ended, 'physicist', 'person: P01'), message: short('`physicist`', 'at `bladder` 1 (`P01`)', ['plan-selection', 'dose-check']) },
      ],
    },
    {
      name: 'per-site entitlements: one adapter entitled at prostate',
      text: r02BladderOnly,
      ...onProtocol(perSiteProtocol()),
      errors: [{ ...span(r02BladderOnly, 'adapter', 'person: R01'), message: short('`adapter`', 'at `prostate` 1 (`R01`)', ADAPTER_STEPS) }],
    },
    {
      name: 'nobody entitled to a role at all: on the entitlements key',
      text: noPhysicists,
      ...P,
      errors: [{ ...span(noPhysicists, 'entitlements'), message: short('`physicist`', 'at `bladder` 0', PHYSICIST_STEPS) }],
    },
  ],
});
