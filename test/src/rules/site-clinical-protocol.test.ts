import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';

const sites = SECTIONS.sites;
const noProtocol = protocolText({ sites: sites.replace('    clinicalProtocol:\n      reference: BL-01\n      approvedBy: oncologist\n', '') });
const noApprover = protocolText({ sites: sites.replace('      approvedBy: oncologist\n', '') });
const physicistApproves = protocolText({ sites: sites.replace('approvedBy: oncologist', 'approvedBy: physicist') });
const unknownApprover = protocolText({ sites: sites.replace('approvedBy: oncologist', 'approvedBy: consultant') });
const radiographerPractitioner = protocolText({
  sites: sites.replace('approvedBy: oncologist', 'approvedBy: consultant-radiographer'),
  roles:
    SECTIONS.roles +
    '  - id: consultant-radiographer\n    title: Consultant Radiographer\n    staffGroups: [therapeutic radiographer]\n    minBand: 8b\n    careerLevel: consultant\n    registrations: [HCPC (radiographer)]\n    capacities: [practitioner, operator]\n',
});
/** The same consultant radiographer, entitled as practitioner for the session's imaging only. */
const imagingOnly = radiographerPractitioner.replace(
  '    capacities: [practitioner, operator]\n',
  '    capacities: [practitioner, operator]\n    practitionerScope: imaging\n',
);
const therapeutic = radiographerPractitioner.replace(
  '    capacities: [practitioner, operator]\n',
  '    capacities: [practitioner, operator]\n    practitionerScope: therapeutic\n',
);
const twoSites = protocolText({
  sites:
    sites +
    '  - id: prostate\n    name: Prostate\n    mpeInvolvement: agree\n  - id: rectum\n    name: Rectum\n    clinicalProtocol:\n      reference: RE-01\n      approvedBy: adapter\n    mpeInvolvement: agree\n',
});

describeRule('site-clinical-protocol', {
  valid: [
    { name: 'the site protocol is approved by the clinical oncologist', text: protocolText() },
    { name: 'any role with the practitioner capacity may approve', text: radiographerPractitioner },
    { name: 'an unknown approver is left to unknown-reference', text: unknownApprover },
    { name: 'a practitioner entitled for therapeutic exposures', text: therapeutic },
    { name: 'a practitioner entitled for both', text: therapeutic.replace('practitionerScope: therapeutic', 'practitionerScope: both') },
  ],
  invalid: [
    {
      name: 'approved by a practitioner entitled for imaging only, on the approver',
      text: imagingOnly,
      errors: [
        {
          ...span(imagingOnly, 'consultant-radiographer', 'approvedBy: '),
          message:
            'The clinical protocol of site `bladder` (Bladder) is approved by `consultant-radiographer`, whose practitioner entitlement covers imaging exposures only; have a role with `practitionerScope: therapeutic` (or `both`) approve it.',
        },
      ],
    },
    {
      name: 'a site with no clinical protocol, on its id',
      text: noProtocol,
      errors: [
        {
          ...span(noProtocol, 'bladder', '- id: '),
          message:
            'Site `bladder` (Bladder) states no clinical protocol; add `clinicalProtocol` with its reference and the practitioner role that approved it.',
        },
      ],
    },
    {
      name: 'a clinical protocol without an approver, on its key',
      text: noApprover,
      errors: [
        {
          ...span(noApprover, 'clinicalProtocol'),
          message:
            'The clinical protocol of site `bladder` (Bladder) does not say who approved it; add `approvedBy` with a practitioner role, for example the clinical oncologist.',
        },
      ],
    },
    {
      name: 'approved by a role without the practitioner capacity',
      text: physicistApproves,
      errors: [
        {
          ...span(physicistApproves, 'physicist', 'approvedBy: '),
          message:
            'The clinical protocol of site `bladder` (Bladder) is approved by `physicist`, a role without the practitioner capacity; have a practitioner role approve it.',
        },
      ],
    },
    {
      name: 'one finding per site',
      text: twoSites,
      errors: [
        {
          ...span(twoSites, 'prostate'),
          message:
            'Site `prostate` (Prostate) states no clinical protocol; add `clinicalProtocol` with its reference and the practitioner role that approved it.',
        },
        {
          ...span(twoSites, 'adapter', 'approvedBy: adapter'),
          message:
            'The clinical protocol of site `rectum` (Rectum) is approved by `adapter`, a role without the practitioner capacity; have a practitioner role approve it.',
        },
      ],
    },
  ],
});
