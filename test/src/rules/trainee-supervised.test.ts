import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';
import { entitle, onProtocol, perSiteProtocol, radiographer, registerPlus, registerText, REGISTER_FILE, trained } from '../helpers/registerText';

const P = onProtocol();
const PER_SITE = onProtocol(perSiteProtocol());

const SUPERVISED = '    supervised: true\n';
const supervise = (trainee: string, supervisor: string, skills = '[oar-outlining]', from = '2026-10-05', until = '2027-03-31') =>
  `  - trainee: ${trainee}\n    supervisor: ${supervisor}\n    skills: ${skills}\n    from: ${from}\n    until: ${until}\n`;

/** R03, a trainee adapter under supervision since 2026-10-05, training under way; R04 another radiographer as given. */
const r03 = (supervision: string, extra: { people?: string; entitlements?: string; training?: string } = {}, entitlement = SUPERVISED) =>
  registerPlus({
    people: radiographer('R03') + (extra.people ?? ''),
    entitlements: entitle('R03', 'adapter', '2026-10-05', entitlement) + (extra.entitlements ?? ''),
    training: '  - person: R03\n    skill: oar-outlining\n    method: proknow\n    notes: ProKnow assessment booked.\n' + (extra.training ?? ''),
    ...(supervision ? { supervision } : {}),
  });

const nobody = (where = '') =>
  `\`R03\` works as \`adapter\` under supervision, but nobody supervises them in \`oar-outlining\`${where} today: add a \`supervision\` entry naming a supervisor trained in it, from a date on or before 2026-11-26.`;
const notAble = (supervisor: string, where = '') =>
  `\`R03\` works as \`adapter\` under supervision, but their supervisor in \`oar-outlining\`${where} (\`${supervisor}\`) is not, today, entitled without supervision and current in it: name a supervisor who is.`;

const unsupervised = r03('');
const startsTomorrow = r03(supervise('R03', 'R01', '[oar-outlining]', '2026-11-27'));
const endedYesterday = r03(supervise('R03', 'R01', '[oar-outlining]', '2026-10-05', '2026-11-25'));
const otherSkill = r03(supervise('R03', 'R01', '[plan-selection]'));
const byOncologist = r03(supervise('R03', 'C01'));
const r04 = (entitlement: string, completed: string, sites = '') => ({
  people: radiographer('R04'),
  entitlements: entitle('R04', 'adapter', '2024-01-08', entitlement),
  training: trained('R04', 'oar-outlining', completed, sites),
});
const byLapsed = r03(supervise('R03', 'R04'), r04('', '2025-10-01'));
const byTrainee = r03(supervise('R03', 'R04'), r04(SUPERVISED, '2026-09-07'));
/** Adapters must hold HCPC registration: R04's lapsed yesterday. */
const REGISTERED = onProtocol(
  protocolText({
    roles: SECTIONS.roles.replace('    careerLevel: practitioner\n', '    careerLevel: practitioner\n    registrations: [HCPC (radiographer)]\n'),
  }),
);
const byLapsedRegistration = r03(supervise('R03', 'R04'), r04('', '2026-09-07')).replace(
  'number: RA2R04\n        expires: 2027-10-31',
  'number: RA2R04\n        expires: 2026-11-25',
);
const returner = registerPlus({
  people: radiographer('R03'),
  entitlements: entitle('R03', 'adapter', '2023-06-05', SUPERVISED),
  training: trained('R03', 'oar-outlining', '2025-09-01'),
});
const self = r03(supervise('R03', 'R03'));
const bladderOnlySupervisor = r03(supervise('R03', 'R04'), r04('', '2026-09-07', '    sites: [bladder]\n'));

describeRule('trainee-supervised', {
  valid: [
    { name: 'no trainees', text: registerText(), ...P },
    { name: 'a trainee supervised by an entitled adapter current in the skill', text: r03(supervise('R03', 'R01')), ...P },
    { name: 'supervision ending today still covers today', text: r03(supervise('R03', 'R01', '[oar-outlining]', '2026-10-05', '2026-11-26')), ...P },
    { name: 'signed off in every skill: no supervision needed any more', text: r03('', { training: trained('R03', 'oar-outlining', '2026-11-20') }), ...P },
    { name: 'a supervised entitlement that ended yesterday', text: r03('', {}, SUPERVISED + '    until: 2026-11-25\n'), ...P },
    { name: 'a register whose protocol cannot be read', text: unsupervised, fileName: REGISTER_FILE, files: {} },
    { name: 'a supervisor registered as their role requires', text: r03(supervise('R03', 'R04'), r04('', '2026-09-07')), ...REGISTERED },
    { name: 'per-site rows: a supervisor trained for every site', text: r03(supervise('R03', 'R01')), ...PER_SITE },
  ],
  invalid: [
    {
      name: 'nobody supervises the trainee, on `supervised`',
      text: unsupervised,
      ...P,
      errors: [{ ...span(unsupervised, 'true', 'person: R03'), message: nobody() }],
    },
    { name: 'supervision that starts tomorrow', text: startsTomorrow, ...P, errors: [{ ...span(startsTomorrow, 'true', 'person: R03'), message: nobody() }] },
    { name: 'supervision that ended yesterday', text: endedYesterday, ...P, errors: [{ ...span(endedYesterday, 'true', 'person: R03'), message: nobody() }] },
    { name: 'supervised in another skill only', text: otherSkill, ...P, errors: [{ ...span(otherSkill, 'true', 'person: R03'), message: nobody() }] },
    {
      name: 'a supervisor not trained in the skill',
      text: byOncologist,
      ...P,
      errors: [{ ...span(byOncologist, 'true', 'person: R03'), message: notAble('C01') }],
    },
    {
      name: 'a supervisor whose own training has lapsed',
      text: byLapsed,
      ...P,
      errors: [{ ...span(byLapsed, 'true', 'person: R03'), message: notAble('R04') }],
    },
    {
      name: 'a returner whose training lapsed, back under supervision but with nobody named',
      text: returner,
      ...P,
      errors: [{ ...span(returner, 'true', 'person: R03'), message: nobody() }],
    },
    {
      name: 'a supervisor who is a supervised trainee themselves',
      text: byTrainee,
      ...P,
      errors: [{ ...span(byTrainee, 'true', 'person: R03'), message: notAble('R04') }],
    },
    {
      name: 'a supervisor whose registration, which their role requires, lapsed yesterday',
      text: byLapsedRegistration,
      ...REGISTERED,
      errors: [{ ...span(byLapsedRegistration, 'true', 'person: R03'), message: notAble('R04') }],
    },
    {
      name: 'supervising themselves: on the supervisor, and nobody else supervises them',
      text: self,
      ...P,
      errors: [
        { ...span(self, 'true', 'person: R03'), message: nobody() },
        { ...span(self, 'R03', 'supervisor: '), message: '`R03` cannot supervise themselves: name another supervisor.' },
      ],
    },
    {
      name: 'per-site rows: a supervisor trained for bladder only, not for prostate',
      text: bladderOnlySupervisor,
      ...PER_SITE,
      errors: [{ ...span(bladderOnlySupervisor, 'true', 'person: R03'), message: notAble('R04', ' at `prostate`') }],
    },
  ],
});
