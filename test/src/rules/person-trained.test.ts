import { describeRule, span } from '../helpers/ruleTester';
import { entitle, onProtocol, perSiteProtocol, radiographer, registerPlus, registerText, REGISTER_FILE, trained, physicist } from '../helpers/registerText';

const P = onProtocol();
const PER_SITE = onProtocol(perSiteProtocol());

const untrained = (person: string, role: string, skill: string, where = '') =>
  `\`${person}\` is entitled to \`${role}\` but has no completed training in \`${skill}\`${where}, which the protocol's training rows ask of the role. Record the completed, signed-off training under \`training\`, or mark the entitlement \`supervised: true\` while they train.`;

/** R03, a radiographer entitled to adapter, with the given entitlement lines and training. */
const r03 = (from = '2025-06-02', more = '', training = '') =>
  registerPlus({ people: radiographer('R03'), entitlements: entitle('R03', 'adapter', from, more), ...(training ? { training } : {}) });

const noTraining = r03();
const untilToday = r03('2025-06-02', '    until: 2026-11-26\n');
const underWay = r03('2025-06-02', '', '  - person: R03\n    skill: oar-outlining\n    method: proknow\n    notes: ProKnow assessment booked.\n');
const futureCompletion = r03('2025-06-02', '', trained('R03', 'oar-outlining', '2026-12-01'));
const physicistHalfTrained = registerPlus({ people: physicist('P03'), entitlements: entitle('P03', 'physicist'), training: trained('P03', 'oar-outlining') });
const bladderOnly = r03('2025-06-02', '', trained('R03', 'oar-outlining', '2026-06-01', '    sites: [bladder]\n'));
const bladderOnlyEntitledThere = r03('2025-06-02', '    sites: [bladder]\n', trained('R03', 'oar-outlining', '2026-06-01', '    sites: [bladder]\n'));
const twoRows = r03(
  '2025-06-02',
  '',
  trained('R03', 'oar-outlining', '2026-06-01', '    sites: [bladder]\n') + trained('R03', 'oar-outlining', '2026-07-01', '    sites: [prostate]\n'),
);

describeRule('person-trained', {
  valid: [
    { name: 'everyone entitled is trained in what their role needs', text: registerText(), ...P },
    { name: 'a register whose protocol cannot be read: nothing is checked against it', text: noTraining, fileName: REGISTER_FILE, files: {} },
    { name: 'an entitlement that ended yesterday is history', text: r03('2025-06-02', '    until: 2026-11-25\n'), ...P },
    { name: 'an entitlement that starts tomorrow is not yet in force', text: r03('2026-11-27'), ...P },
    { name: 'a trainee working under supervision (trainee-supervised checks them)', text: r03('2025-06-02', '    supervised: true\n'), ...P },
    { name: 'per-site rows: trained at the one site they are entitled at', text: bladderOnlyEntitledThere, ...PER_SITE },
    { name: 'per-site rows: trained at each site by its own record', text: twoRows, ...PER_SITE },
    { name: 'a training row without sites: a record for one site still counts', text: bladderOnly, ...P },
  ],
  invalid: [
    {
      name: 'entitled with no training at all, on the role',
      text: noTraining,
      ...P,
      errors: [{ ...span(noTraining, 'adapter', 'person: R03'), message: untrained('R03', 'adapter', 'oar-outlining') }],
    },
    {
      name: 'an entitlement ending today is still in force today',
      text: untilToday,
      ...P,
      errors: [{ ...span(untilToday, 'adapter', 'person: R03'), message: untrained('R03', 'adapter', 'oar-outlining') }],
    },
    {
      name: 'training under way, with no completed date',
      text: underWay,
      ...P,
      errors: [
        {
          ...span(underWay, 'adapter', 'person: R03'),
          message:
            "`R03` is entitled to `adapter` but has not completed their training in `oar-outlining` (no `completed` date up to today), which the protocol's training rows ask of the role. Record the completed, signed-off training under `training`, or mark the entitlement `supervised: true` while they train.",
        },
      ],
    },
    {
      name: 'a completion dated after today does not count yet',
      text: futureCompletion,
      ...P,
      errors: [{ ...span(futureCompletion, 'adapter', 'person: R03'), message: /has not completed their training in `oar-outlining`/ }],
    },
    {
      name: 'a physicist trained in OAR outlining but not in plan selection',
      text: physicistHalfTrained,
      ...P,
      errors: [{ ...span(physicistHalfTrained, 'physicist', 'person: P03'), message: untrained('P03', 'physicist', 'plan-selection') }],
    },
    {
      name: 'per-site rows: entitled at every site, trained for bladder only',
      text: bladderOnly,
      ...PER_SITE,
      errors: [{ ...span(bladderOnly, 'adapter', 'person: R03'), message: untrained('R03', 'adapter', 'oar-outlining', ' at site `prostate`') }],
    },
    {
      name: 'per-site rows: no training at all is a finding for each site',
      text: noTraining,
      ...PER_SITE,
      errors: [
        { ...span(noTraining, 'adapter', 'person: R03'), message: untrained('R03', 'adapter', 'oar-outlining', ' at site `bladder`') },
        { ...span(noTraining, 'adapter', 'person: R03'), message: untrained('R03', 'adapter', 'oar-outlining', ' at site `prostate`') },
      ],
    },
  ],
});
