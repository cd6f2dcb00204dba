import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';

/** Plan selection and the dose check done by the adapter, with no MPE role anywhere in them. */
const noMpeWorkflow = SECTIONS.workflow.replace(/performs: \[physicist\]/g, 'performs: [adapter]');
const noMpeTraining = SECTIONS.training.replace('roles: [physicist]', 'roles: [physicist, adapter]');
const sitesWithout = SECTIONS.sites.replace('    mpeInvolvement: agree\n', '');
const prostate = (involvement: string) =>
  `  - id: prostate\n    name: Prostate\n    clinicalProtocol:\n      reference: PR-01\n      approvedBy: oncologist\n${involvement}`;

const siteStates = protocolText({ workflow: noMpeWorkflow, training: noMpeTraining });
const noStatement = protocolText({ sites: sitesWithout, workflow: noMpeWorkflow, training: noMpeTraining });
const noSites = protocolText({ sites: '', workflow: noMpeWorkflow, training: noMpeTraining });
const twoSitesMissing = protocolText({ sites: sitesWithout + prostate(''), workflow: noMpeWorkflow, training: noMpeTraining });
/** Bladder states it, prostate does not: a step limited to bladder passes, a step for every site fails. */
const partial = protocolText({
  sites: SECTIONS.sites + prostate(''),
  workflow: noMpeWorkflow.replace('    activity: plan-selection\n', '    activity: plan-selection\n    sites: [bladder]\n'),
  training: noMpeTraining,
});
const mpeAgrees = protocolText({
  sites: sitesWithout,
  workflow: noMpeWorkflow.replace(/(activity: (?:plan-selection|dose-check)\n)/g, '$1    agrees: [physicist]\n'),
  training: noMpeTraining,
});
const mpeSupportsOneOnly = protocolText({
  sites: sitesWithout,
  workflow: noMpeWorkflow.replace('    activity: dose-check\n', '    activity: dose-check\n    supports: [physicist]\n'),
  training: noMpeTraining,
});

/** The site says the MPE is on call: reachable, not closely involved. */
const onCall = protocolText({
  sites: SECTIONS.sites.replace('mpeInvolvement: agree', 'mpeInvolvement: on-call'),
  workflow: noMpeWorkflow,
  training: noMpeTraining,
});
const remote = protocolText({
  sites: SECTIONS.sites.replace('mpeInvolvement: agree', 'mpeInvolvement: remote'),
  workflow: noMpeWorkflow,
  training: noMpeTraining,
});
/** On call, and the MPE listed only under `reviews` of plan selection: an offline review after the selection is not involvement in it. */
const onCallReviewsOnly = protocolText({
  sites: SECTIONS.sites.replace('mpeInvolvement: agree', 'mpeInvolvement: on-call'),
  workflow: noMpeWorkflow
    .replace('    activity: plan-selection\n', '    activity: plan-selection\n    reviews: [physicist]\n')
    .replace('    activity: dose-check\n', '    activity: dose-check\n    supports: [physicist]\n'),
  training: noMpeTraining,
});

const selectionStep = 'Step `plan-selection` (Select the plan) involves no role with the MPE capacity';
const doseStep = 'Step `dose-check` (Independent dose check) involves no role with the MPE capacity';

describeRule('mpe-involvement', {
  valid: [
    { name: 'an MPE role performs both steps', text: protocolText() },
    { name: 'no MPE role, but every site states how the MPE is involved', text: siteStates },
    { name: 'an MPE role agrees each step', text: mpeAgrees },
    { name: 'no MPE role, and the MPE takes part remotely', text: remote },
  ],
  invalid: [
    {
      name: 'an MPE that only reviews plan selection is not involved in it',
      text: onCallReviewsOnly,
      errors: [
        {
          ...span(onCallReviewsOnly, 'plan-selection', 'activity: plan-selection'),
          message: `${selectionStep}, and site \`bladder\` states \`mpeInvolvement: on-call\`, which is not close involvement; involve an MPE role in the step, or change \`mpeInvolvement\` to \`present\`, \`agree\` or \`remote\` where the MPE takes part in every session.`,
        },
      ],
    },
    {
      name: 'an MPE on call is not close involvement',
      text: onCall,
      errors: [
        {
          ...span(onCall, 'plan-selection', 'activity: plan-selection'),
          message: `${selectionStep}, and site \`bladder\` states \`mpeInvolvement: on-call\`, which is not close involvement; involve an MPE role in the step, or change \`mpeInvolvement\` to \`present\`, \`agree\` or \`remote\` where the MPE takes part in every session.`,
        },
        {
          ...span(onCall, 'dose-check', 'activity: dose-check'),
          message: `${doseStep}, and site \`bladder\` states \`mpeInvolvement: on-call\`, which is not close involvement; involve an MPE role in the step, or change \`mpeInvolvement\` to \`present\`, \`agree\` or \`remote\` where the MPE takes part in every session.`,
        },
      ],
    },
    {
      name: 'no MPE role and the site does not state its involvement',
      text: noStatement,
      errors: [
        {
          ...span(noStatement, 'plan-selection', 'activity: plan-selection'),
          message: `${selectionStep}, and site \`bladder\` does not state \`mpeInvolvement\`; involve an MPE role in the step or state how the MPE is involved for each site.`,
        },
        {
          ...span(noStatement, 'dose-check', 'activity: dose-check'),
          message: `${doseStep}, and site \`bladder\` does not state \`mpeInvolvement\`; involve an MPE role in the step or state how the MPE is involved for each site.`,
        },
      ],
    },
    {
      name: 'an MPE supporting one step does not cover the other',
      text: mpeSupportsOneOnly,
      errors: [
        {
          ...span(mpeSupportsOneOnly, 'plan-selection', 'activity: plan-selection'),
          message: `${selectionStep}, and site \`bladder\` does not state \`mpeInvolvement\`; involve an MPE role in the step or state how the MPE is involved for each site.`,
        },
      ],
    },
    {
      name: 'several sites missing, named together',
      text: twoSitesMissing,
      errors: [
        {
          ...span(twoSitesMissing, 'plan-selection', 'activity: plan-selection'),
          message: `${selectionStep}, and sites \`bladder\`, \`prostate\` do not state \`mpeInvolvement\`; involve an MPE role in the step or state how the MPE is involved for each site.`,
        },
        {
          ...span(twoSitesMissing, 'dose-check', 'activity: dose-check'),
          message: `${doseStep}, and sites \`bladder\`, \`prostate\` do not state \`mpeInvolvement\`; involve an MPE role in the step or state how the MPE is involved for each site.`,
        },
      ],
    },
    {
      name: 'only the sites a step covers count',
      text: partial,
      errors: [
        {
          ...span(partial, 'dose-check', 'activity: dose-check'),
          message: `${doseStep}, and site \`prostate\` does not state \`mpeInvolvement\`; involve an MPE role in the step or state how the MPE is involved for each site.`,
        },
      ],
    },
    {
      name: 'no sites at all and no MPE role',
      text: noSites,
      errors: [
        {
          ...span(noSites, 'plan-selection', 'activity: plan-selection'),
          message: `${selectionStep} and the document has no sites stating \`mpeInvolvement\`; involve an MPE role in the step.`,
        },
        {
          ...span(noSites, 'dose-check', 'activity: dose-check'),
          message: `${doseStep} and the document has no sites stating \`mpeInvolvement\`; involve an MPE role in the step.`,
        },
      ],
    },
  ],
});
