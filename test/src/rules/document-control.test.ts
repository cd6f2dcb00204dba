import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';

const approvals = '  approvals:\n    - name: Dr A. Consultant\n      role: oncologist\n      date: 2026-01-10\n';
const header = (...edits: [string | RegExp, string][]) => protocolText({ header: edits.reduce((h, [from, to]) => h.replace(from, to), SECTIONS.header) });

const noOwner = header(['  owner: Head of Physics\n', '']);
const noApprovals = header([approvals, '']);
const neither = header(['  owner: Head of Physics\n', ''], [approvals, '']);
const noReview = header(['  reviewDue: 2028-01-31\n', '']);
const tooLate = header(['reviewDue: 2028-01-31', 'reviewDue: 2028-02-02']);
const longAgo = header(
  ['date: 2026-01-10', 'date: 2019-12-10'],
  ['effectiveDate: 2026-02-01', 'effectiveDate: 2020-01-01'],
  ['reviewDue: 2028-01-31', 'reviewDue: 2023-01-01'],
);
/** A change history with entries for earlier versions only. */
const history = (version: string) =>
  header([
    '  effectiveDate:',
    `  changes:\n    - version: "0.9"\n      date: 2025-12-01\n      summary: Draft for consultation\n    - version: "${version}"\n      date: 2026-01-10\n      summary: First issue\n      approvedBy: Dr A. Consultant\n  effectiveDate:`,
  ]);
const staleHistory = history('0.95');
/** In clinical use from 1 February, approved on 3 March. */
const approvedLate = header(['date: 2026-01-10', 'date: 2026-03-03']);
const impossible = header(
  ['date: 2026-01-10', 'date: 2026-13-10'],
  ['effectiveDate: 2026-02-01', 'effectiveDate: 2026-02-30'],
  ['reviewDue: 2028-01-31', 'reviewDue: 2030-01-01'],
);

describeRule('document-control', {
  valid: [
    { name: 'owner, approval, and review due within two years and not past', text: protocolText() },
    { name: 'review due on the same day two years on', text: header(['reviewDue: 2028-01-31', 'reviewDue: 2028-02-01']) },
    { name: 'review due today', text: protocolText(), today: '2028-01-31' },
    {
      name: 'two years on from 29 February is 28 February',
      text: header(
        ['date: 2026-01-10', 'date: 2024-01-10'],
        ['effectiveDate: 2026-02-01', 'effectiveDate: 2024-02-29'],
        ['reviewDue: 2028-01-31', 'reviewDue: 2026-02-28'],
      ),
      today: '2026-01-01',
    },
    { name: 'a change history with an entry for the version in force', text: history('1.0') },
    { name: 'approved on the effective date', text: header(['date: 2026-01-10', 'date: 2026-02-01']) },
    { name: 'a draft is not approved yet', text: header([approvals, ''], ['status: approved', 'status: draft']) },
    { name: 'a retired document is not reviewed again', text: header(['status: approved', 'status: retired']), today: '2029-01-01' },
    {
      name: 'a date not written as YYYY-MM-DD is left to the schema check',
      text: header(['effectiveDate: 2026-02-01', 'effectiveDate: 1 February 2026'], ['reviewDue: 2028-01-31', 'reviewDue: 2030-01-01']),
    },
  ],
  invalid: [
    {
      name: 'no owner, on the document key',
      text: noOwner,
      errors: [
        { ...span(noOwner, 'document'), message: 'The document names no owner; add `owner` with the post responsible for keeping this protocol up to date.' },
      ],
    },
    {
      name: 'no approvals, on the document key',
      text: noApprovals,
      errors: [
        {
          ...span(noApprovals, 'document'),
          message: 'The document has no approvals; add at least one under `approvals` (who approved this version, in which role, and on what date).',
        },
      ],
    },
    {
      name: 'no owner and no approvals: a finding for each',
      text: neither,
      errors: [
        { ...span(neither, 'document'), message: 'The document names no owner; add `owner` with the post responsible for keeping this protocol up to date.' },
        {
          ...span(neither, 'document'),
          message: 'The document has no approvals; add at least one under `approvals` (who approved this version, in which role, and on what date).',
        },
      ],
    },
    {
      name: 'no review date',
      text: noReview,
      errors: [
        { ...span(noReview, 'document'), message: 'The document has no review date; add `reviewDue`, no later than two years after the effective date.' },
      ],
    },
    {
      name: 'review due a day more than two years on',
      text: tooLate,
      errors: [
        {
          ...span(tooLate, '2028-02-02'),
          message:
            'Review is due on 2028-02-02, more than two years after the effective date 2026-02-01; Towards Safer Radiotherapy asks for review at least every two years, so set `reviewDue` no later than 2028-02-01.',
        },
      ],
    },
    {
      name: 'review already past',
      text: protocolText(),
      today: '2028-02-01',
      errors: [
        {
          ...span(protocolText(), '2028-01-31'),
          message: 'Review was due on 2028-01-31, before today (2028-02-01); review the protocol and set a new `reviewDue`.',
        },
      ],
    },
    {
      name: 'too far from the effective date and already past: two findings',
      text: longAgo,
      errors: [
        {
          ...span(longAgo, '2023-01-01'),
          message:
            'Review is due on 2023-01-01, more than two years after the effective date 2020-01-01; Towards Safer Radiotherapy asks for review at least every two years, so set `reviewDue` no later than 2022-01-01.',
        },
        { ...span(longAgo, '2023-01-01'), message: 'Review was due on 2023-01-01, before today (2026-11-26); review the protocol and set a new `reviewDue`.' },
      ],
    },
    {
      name: 'a change history without the version in force, on version',
      text: staleHistory,
      errors: [
        {
          ...span(staleHistory, '"1.0"', 'version: '),
          message: 'The change history has no entry for version 1.0, the version in force; add one to `changes` (version, date, summary, approvedBy).',
        },
      ],
    },
    {
      name: 'an approval dated after the effective date, on the approval’s date',
      text: approvedLate,
      errors: [
        {
          ...span(approvedLate, '2026-03-03'),
          message:
            'The approval by Dr A. Consultant is dated 2026-03-03, after the effective date 2026-02-01: the document was in clinical use before it was approved; correct the date, or set `effectiveDate` on or after 2026-03-03.',
        },
      ],
    },
    {
      name: 'impossible calendar dates, and no interval check on them',
      text: impossible,
      errors: [
        { ...span(impossible, '2026-13-10'), message: 'The approval date `2026-13-10` is not a calendar date: there is no month 13.' },
        { ...span(impossible, '2026-02-30'), message: 'The effective date `2026-02-30` is not a calendar date: February 2026 has 28 days.' },
      ],
    },
  ],
});
