import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';
import { entitle, onProtocol, physicist, radiographer, registerPlus, registerText, REGISTER_FILE, trained } from '../helpers/registerText';

const P = onProtocol();
/** Cascade: OAR outlining is signed off by physicists, a role the row trains. */
const CASCADE = onProtocol(protocolText({ training: SECTIONS.training.replace('signOff: oncologist', 'signOff: physicist') }));
/** OAR outlining names no sign-off role. */
const UNNAMED = onProtocol(protocolText({ training: SECTIONS.training.replace('    signOff: oncologist\n', '') }));

/** R03, an adapter, with OAR outlining completed on 2026-06-01 and signed off by `by` (no line: `by` undefined). */
const r03 = (by: string | undefined, extra: { people?: string; entitlements?: string } = {}) =>
  registerPlus({
    people: radiographer('R03') + (extra.people ?? ''),
    entitlements: entitle('R03', 'adapter') + (extra.entitlements ?? ''),
    training: trained('R03', 'oar-outlining').replace('    signedOffBy: C01\n', by === undefined ? '' : `    signedOffBy: ${by}\n`),
  });

/** Under CASCADE and UNNAMED, the clean register's OAR outlining signed off by the physicists (entitled to a role the row trains), not the oncologist. */
const byPhysicists = (text: string) =>
  ['PK-101', 'PK-102', 'PK-104', 'PK-103'].reduce(
    (t, log) =>
      t.replace(`record: ProKnow log ${log}\n    signedOffBy: C01`, `record: ProKnow log ${log}\n    signedOffBy: ${log === 'PK-104' ? 'P01' : 'P02'}`),
    text,
  );

const oncologist = (id: string) =>
  `  - id: ${id}\n    staffGroup: clinical oncologist\n    registrations:\n      - register: GMC\n        number: "7000${id.slice(1)}"\n`;

const self = r03('R03');
const unsigned = r03(undefined);
const entitledAfter = r03('C02', { people: oncologist('C02'), entitlements: entitle('C02', 'oncologist', '2026-07-01') });
const entitledThatDay = r03('C02', { people: oncologist('C02'), entitlements: entitle('C02', 'oncologist', '2026-06-01') });
const leftSince = r03('C02', { people: oncologist('C02'), entitlements: entitle('C02', 'oncologist', '2023-01-02', '    until: 2026-06-30\n') });
const peerAdapter = r03('R01');
const cascadeByPhysicist = r03('P01');
const supervisedPhysicist = r03('P03', { people: physicist('P03'), entitlements: entitle('P03', 'physicist', '2026-01-05', '    supervised: true\n') });

const notEntitled = (by: string, role: string, on = '2026-06-01') =>
  `\`R03\`'s training in \`oar-outlining\` was signed off by \`${by}\`, who on ${on} was not entitled (without supervision) to \`${role}\`, the training row's \`signOff\`: have it signed off by someone who was.`;

describeRule('person-sign-off', {
  valid: [
    { name: 'every training signed off by an entitled oncologist', text: registerText(), ...P },
    { name: 'a register whose protocol cannot be read', text: self, fileName: REGISTER_FILE, files: {} },
    { name: 'the signer entitled from the very day of the sign-off', text: entitledThatDay, ...P },
    { name: 'the signer has left since, but was entitled on the day', text: leftSince, ...P },
    { name: 'cascade: a physicist signs off, the row training physicists and naming them to sign off', text: byPhysicists(cascadeByPhysicist), ...CASCADE },
    { name: 'no sign-off role named: physicists entitled to a role the row trains sign off', text: byPhysicists(registerText()), ...UNNAMED },
    { name: 'no sign-off role named: a peer already trained in the skill signs off', text: byPhysicists(peerAdapter), ...UNNAMED },
    {
      name: 'training under way names no signer yet',
      text: registerPlus({ people: radiographer('R03'), training: '  - person: R03\n    skill: oar-outlining\n    method: proknow\n' }),
      ...P,
    },
  ],
  invalid: [
    {
      name: 'signed off by themselves',
      text: self,
      ...P,
      errors: [
        { ...span(self, 'R03', 'signedOffBy: R03'), message: '`R03` signed off their own training in `oar-outlining`: have it signed off by someone else.' },
      ],
    },
    {
      name: 'a completed training with no signer, on the completed date',
      text: unsigned,
      ...P,
      errors: [
        {
          ...span(unsigned, '2026-06-01', 'person: R03\n    skill'),
          message:
            "`R03`'s training in `oar-outlining` is recorded as completed on 2026-06-01 but names nobody who signed it off: add `signedOffBy` with the id of the person who did.",
        },
      ],
    },
    {
      name: 'the signer was entitled only after the sign-off date',
      text: entitledAfter,
      ...P,
      errors: [{ ...span(entitledAfter, 'C02', 'signedOffBy: '), message: notEntitled('C02', 'oncologist') }],
    },
    {
      name: 'a peer trained in the skill does not stand in for the sign-off role the protocol names',
      text: peerAdapter,
      ...P,
      errors: [{ ...span(peerAdapter, 'R01', 'signedOffBy: C01\n    result: 91'), message: notEntitled('R01', 'oncologist') }],
    },
    {
      name: 'cascade: a physicist still under supervision may not sign off',
      text: byPhysicists(supervisedPhysicist),
      ...CASCADE,
      errors: [
        {
          ...span(byPhysicists(supervisedPhysicist), 'P03', 'skill: oar-outlining\n    method: proknow\n    completed: 2026-06-01'),
          message: notEntitled('P03', 'physicist'),
        },
      ],
    },
    {
      name: 'no sign-off role named: a signer neither entitled to a trained role nor trained',
      text: byPhysicists(r03('C01')),
      ...UNNAMED,
      errors: [
        {
          ...span(byPhysicists(r03('C01')), 'C01', 'completed: 2026-06-01'),
          message:
            "`R03`'s training in `oar-outlining` was signed off by `C01`, who on 2026-06-01 was neither entitled to `adapter` or `physicist` nor trained in `oar-outlining` themselves: have it signed off by someone who was.",
        },
      ],
    },
  ],
});
