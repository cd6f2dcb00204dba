import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';

const roles = (edit: (s: string) => string) => protocolText({ roles: edit(SECTIONS.roles) });
const badBand = roles((s) => s.replace('minBand: 6', 'minBand: 11'));
const quotedBand = roles((s) => s.replace('minBand: 6', 'minBand: "6"'));
const misspeltKey = roles((s) => s.replace('maxBand: 7', 'maxBnad: 7'));
const staffGroup = roles((s) => s.replace('[therapeutic radiographer]', '[radiographer]'));
const notAList = roles((s) => s.replace('[therapeutic radiographer]', 'therapeutic radiographer'));
const missingTitle = roles((s) => s.replace('    title: Physicist\n', ''));
const badId = roles((s) => s.replace('id: oncologist', 'id: Clinical Oncologist'));
const wrongFormat = protocolText().replace('role-protocol/1', 'role-protocol/2');
const badDate = protocolText().replace('reviewDue: 2028-01-31', 'reviewDue: 31/01/2028');
const duplicatePerformer = protocolText().replace('performs: [oncologist]', 'performs: [oncologist, oncologist]');
const missingSection = protocolText({ training: '' });
const misspeltSection = protocolText({ skills: SECTIONS.skills.replace('skills:', 'skils:') });
const passMark = protocolText({ methods: SECTIONS.methods.replace('passMark: 80', 'passMark: 150') });

describeRule('schema', {
  valid: [{ name: 'the clean protocol', text: protocolText() }],
  invalid: [
    { name: 'a band outside Agenda for Change', text: badBand, errors: [{ ...span(badBand, '11'), message: '`minBand` must be one of 2-9, 8a-8d; got 11.' }] },
    {
      name: 'a quoted numeric band',
      text: quotedBand,
      errors: [{ ...span(quotedBand, '"6"'), message: '`minBand` must be one of 2-9, 8a-8d; got `6`. Write it without quotes: 6.' }],
    },
    {
      name: 'a misspelt key, on the key, with a suggestion',
      text: misspeltKey,
      errors: [{ ...span(misspeltKey, 'maxBnad'), message: 'Unknown key `maxBnad` in role `adapter`. Did you mean `maxBand`?' }],
    },
    {
      name: 'a staff group outside the vocabulary, on the value',
      text: staffGroup,
      errors: [
        {
          ...span(staffGroup, 'radiographer'),
          message:
            '`staffGroups` entry must be one of therapeutic radiographer, dosimetrist, clinical technologist, clinical scientist, clinical oncologist, assistant practitioner; got `radiographer`. Did you mean `therapeutic radiographer`?',
        },
      ],
    },
    {
      name: 'a list written as text',
      text: notAList,
      errors: [{ ...span(notAList, 'therapeutic radiographer'), message: '`staffGroups` must be a list; got `therapeutic radiographer`.' }],
    },
    {
      name: 'a missing required field, on the entry’s first key',
      text: missingTitle,
      errors: [{ ...span(missingTitle, 'physicist', '- id: physicist'), message: 'Role `physicist` is missing the required key `title`.' }],
    },
    {
      name: 'an id that is not kebab case',
      text: badId,
      errors: [
        {
          ...span(badId, 'Clinical Oncologist', 'id: physicist'),
          message:
            '`id` must be an id in kebab case (lower-case letters and digits joined by hyphens, e.g. `advanced-adapter`); got `Clinical Oncologist`. Did you mean `clinical-oncologist`?',
        },
      ],
    },
    {
      name: 'another format version',
      text: wrongFormat,
      errors: [{ ...span(wrongFormat, 'role-protocol/2'), message: '`format` must be `role-protocol/1`; got `role-protocol/2`.' }],
    },
    {
      name: 'a date not written YYYY-MM-DD',
      text: badDate,
      errors: [{ ...span(badDate, '31/01/2028'), message: '`reviewDue` must be a date written YYYY-MM-DD; got `31/01/2028`.' }],
    },
    {
      name: 'a role listed twice, on the second',
      text: duplicatePerformer,
      errors: [{ ...span(duplicatePerformer, 'oncologist', ', oncologist]'), message: '`performs` lists `oncologist` twice.' }],
    },
    {
      name: 'a missing section, on the first key',
      text: missingSection,
      errors: [{ ...span(missingSection, 'format'), message: 'The protocol is missing the required key `training` (training matrix).' }],
    },
    {
      name: 'a misspelt section',
      text: misspeltSection,
      errors: [{ ...span(misspeltSection, 'skils'), message: 'Unknown key `skils` in the protocol. Did you mean `skills`?' }],
    },
    { name: 'a pass mark over 100', text: passMark, errors: [{ ...span(passMark, '150'), message: '`passMark` must be at most 100; got 150.' }] },
  ],
});
