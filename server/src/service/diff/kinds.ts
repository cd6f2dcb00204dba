/**
 * Every kind of change the diff names, with its significance and why: the
 * one classification table. docs/CHANGE-CONTROL.md prints the same table and
 * a test holds the two together.
 *
 * `significant`: widens or narrows who may do or approve something, weakens
 * or removes training, evidence, independence or MPE involvement, or changes
 * a site's clinical basis; Towards Safer Radiotherapy asks for a review of the
 * protocol "whenever there are significant changes". `minor`: wording, titles,
 * notes, and changes that only add training or evidence.
 */

export type Significance = 'significant' | 'minor';

/** Where in the document a change is, in the order a report lists them. */
export const AREAS = [
  'document',
  'service',
  'includes',
  'site',
  'role',
  'step',
  'contingency',
  'training',
  'skill',
  'method',
  'record',
  'register',
  'person',
  'entitlement',
  'training-record',
  'supervision',
] as const;
export type Area = (typeof AREAS)[number];

/** The words a report gives each area. */
export const AREA_NAMES: Record<Area, string> = {
  document: 'Document control',
  service: 'Service',
  includes: 'Includes',
  site: 'Sites',
  role: 'Roles',
  step: 'Workflow',
  contingency: 'Contingencies',
  training: 'Training',
  skill: 'Skills',
  method: 'Training methods',
  record: 'Records',
  register: 'Register',
  person: 'People',
  entitlement: 'Entitlements',
  'training-record': 'Training records',
  supervision: 'Supervision',
};

export interface ChangeKindInfo {
  area: Area;
  significance: Significance;
  /** What the change is, in the domain's words (the table's first column). */
  title: string;
  /** Why it is classed so, in one line. */
  why: string;
  /** The guidance or regulation behind the class. */
  source: string;
}

const TSRT = 'Towards Safer Radiotherapy: review whenever there are significant changes';
const TSRT_CHECKS = 'Towards Safer Radiotherapy: checks independent of the original method';
const ENTITLEMENT = 'IR(ME)R 2017 Schedule 2: written procedures identify who is entitled';
const TRAINING = 'IR(ME)R 2017 regulation 17: adequate training, and a record of it';
const MPE = 'IR(ME)R 2017 regulation 14: an MPE closely involved';
const WORDING = 'None needed: no change to practice';
const CONTROL = 'None needed: document control records the change';

const significant = (area: Area, title: string, why: string, source: string): ChangeKindInfo => ({ area, significance: 'significant', title, why, source });
const minor = (area: Area, title: string, why: string, source: string): ChangeKindInfo => ({ area, significance: 'minor', title, why, source });

/** The classification table: each kind of change, its area, its class and why. */
export const CHANGE_KINDS = {
  'document-control': minor(
    'document',
    'Document control field changed (id, title, version, status, owner, dates)',
    'Records the document, not the practice it describes.',
    CONTROL,
  ),
  'document-approvals': minor('document', 'Approvals of the document changed', 'Records who approved; the practice is unchanged.', CONTROL),
  'document-changes': minor('document', 'Change history entry added, removed or changed', 'The history records changes; it is not one.', CONTROL),
  'document-references': minor(
    'document',
    "References changed (a document added or removed, its title, address or another kind than employer's procedure)",
    'Points to other documents; the practice is unchanged.',
    CONTROL,
  ),
  'document-reference-renamed': minor('document', 'Reference id renamed', "The same document under a new number, every role's procedures moved.", CONTROL),
  'document-reference-kind': significant(
    'document',
    "Reference made, or no longer, an employer's procedure",
    'Whether a document is the employer’s procedure decides whether it entitles the roles that name it.',
    ENTITLEMENT,
  ),

  'service-equipment': significant('service', 'Platform or dose check system changed', 'The training and checks were written for this equipment.', TSRT),
  'service-details': minor('service', 'Employer, department, replaced system or contouring tool named differently', 'Naming only.', WORDING),
  includes: minor('includes', 'Included catalogues changed', 'What the catalogues bring in is compared entry by entry and reported there.', TSRT),

  'site-added': significant('site', 'Site added', 'A new site treated adaptively needs its own clinical basis.', TSRT),
  'site-removed': significant('site', 'Site removed', "Changes the sites the protocol's entitlement and training cover.", TSRT),
  'site-renamed': minor('site', 'Site id renamed', 'The same site under a new id, every reference moved.', WORDING),
  'site-clinical-protocol': significant(
    'site',
    "Site's clinical protocol changed (reference, approver, date)",
    "Changes the site's clinical basis.",
    'IR(ME)R 2017 Schedule 2 and regulation 6: exposures under a justified protocol',
  ),
  'site-mpe-involvement': significant('site', "Site's MPE involvement changed", 'Changes how the MPE is involved in each session.', MPE),
  'site-clinician-presence': significant('site', "Site's clinician presence changed", 'Changes who is there to decide online.', TSRT),
  'site-fractionation': significant('site', "Site's fractions or fractions per week changed", "Changes the site's clinical basis.", TSRT),
  'site-wording': minor('site', "Site's name changed", 'Wording only.', WORDING),

  'role-added': significant('role', 'Role added', 'A new group of staff in the protocol widens who may act.', ENTITLEMENT),
  'role-removed': significant('role', 'Role removed', 'Narrows who may act.', ENTITLEMENT),
  'role-renamed': minor('role', 'Role id renamed', 'The same role under a new id, every reference moved; other changes to it are listed apart.', WORDING),
  'role-bands': significant('role', "Role's bands changed", 'A lower band widens, a higher one narrows, who may hold the role.', ENTITLEMENT),
  'role-staff-groups': significant('role', "Role's staff groups changed", 'Widens or narrows who may hold the role.', ENTITLEMENT),
  'role-registrations': significant(
    'role',
    "Role's registrations changed",
    'A registration removed widens, one added narrows, who may hold the role.',
    ENTITLEMENT,
  ),
  'role-capacities': significant('role', "Role's IR(ME)R capacities changed", 'Changes what the role is entitled to do.', ENTITLEMENT),
  'role-practitioner-scope': significant(
    'role',
    "Role's practitioner scope changed",
    "Changes the exposures the practitioner's entitlement covers.",
    ENTITLEMENT,
  ),
  'role-career-level': significant('role', "Role's career level changed", 'The level sets the registration and experience the role needs.', ENTITLEMENT),
  'role-procedures-removed': significant(
    'role',
    "Employer's procedures that entitle a role removed",
    'The role no longer names the procedure that entitles its holders.',
    ENTITLEMENT,
  ),
  'role-procedures-added': minor(
    'role',
    "Employer's procedures that entitle a role added",
    'Names more of the basis of the entitlement; no one may do more because of it.',
    ENTITLEMENT,
  ),
  'role-core-training-removed': significant(
    'role',
    "Records of a role's core IR(ME)R training removed",
    "Removes the record of its holders' core training (Schedule 3).",
    TRAINING,
  ),
  'role-core-training-added': minor('role', "Records of a role's core IR(ME)R training added", 'Adds evidence.', TRAINING),
  'role-national-profile': minor(
    'role',
    "Role's national job profile changed",
    'The profile is the reference the bands are checked against; the bands are compared themselves.',
    WORDING,
  ),
  'role-wording': minor(
    'role',
    "Role's title, short name, responsibilities or notes changed",
    'Wording: the workflow, not the responsibilities text, says who does what.',
    WORDING,
  ),

  'step-added': significant('step', 'Workflow step added', 'A new task with its own performers and approvers.', ENTITLEMENT),
  'step-removed': significant('step', 'Workflow step removed', 'A task, and any check it made, is gone.', TSRT_CHECKS),
  'step-renamed': minor('step', 'Step id renamed', 'The same step under a new id, every reference moved.', WORDING),
  'step-moved': significant(
    'step',
    'Step moved in the workflow',
    'The order of the session: a check moved after what it checks no longer protects it.',
    TSRT_CHECKS,
  ),
  'step-performers': significant('step', "Step's performers changed", 'Widens or narrows who may do the step.', ENTITLEMENT),
  'step-editors': significant('step', "Step's editors changed", 'Widens or narrows who may change what the step produces.', ENTITLEMENT),
  'step-approvers': significant('step', "Step's approvers changed", 'Widens or narrows who may approve: the independence of the check.', TSRT_CHECKS),
  'step-approval-mode': significant(
    'step',
    "Step's approval mode changed (all or any approver)",
    '"Approved by A or B" and "by A and B" are different safety cases.',
    TSRT_CHECKS,
  ),
  'step-agreers': significant('step', 'Roles that agree the step changed', 'Agreement is how the MPE or a second person takes part in the decision.', MPE),
  'step-reviewers': significant('step', "Step's reviewers changed", 'The offline review is what makes an online approval acceptable.', TSRT_CHECKS),
  'step-operators': significant('step', "Step's operators changed", 'Widens or narrows who drives the console: IR(ME)R operators.', ENTITLEMENT),
  'step-supporters': minor('step', 'Roles that support the step changed', 'Support carries no responsibility for the outcome.', WORDING),
  'step-skills': significant('step', "Step's skills changed", 'The skills a step needs are the training its roles must have.', TRAINING),
  'step-sites': significant('step', 'Sites a step applies to changed', 'Changes where the step, and its checks, are done.', TSRT),
  'step-phase': significant(
    'step',
    "Step's phase changed (online or offline)",
    'Moves the task into or out of the session, with the patient on the couch.',
    TSRT,
  ),
  'step-activity': significant('step', "Step's activity changed", 'The checks of independence and MPE involvement key on the activity.', TSRT_CHECKS),
  'step-covers': significant(
    'step',
    'Steps an offline review covers changed',
    'The review is what makes an online approval by one role acceptable.',
    TSRT_CHECKS,
  ),
  'step-timing': significant('step', "Offline review's timing changed", 'A later review leaves more fractions treated before it.', TSRT_CHECKS),
  'step-contingency': significant('step', "Step's contingency removed or changed", 'What happens when the role is unavailable or the check fails.', TSRT),
  'step-contingency-added': minor('step', 'Contingency stated for a step that had none', 'Adds a plan; no one may do more because of it.', TSRT),
  'step-wording': minor('step', "Step's name or notes changed", 'Wording only.', WORDING),

  'contingency-added': minor('contingency', 'Contingency plan entry added', 'Adds a plan; no one may do more because of it.', TSRT),
  'contingency-removed': significant('contingency', 'Contingency plan entry removed', 'A failure of the step has no stated plan any more.', TSRT),
  'contingency-changed': significant('contingency', 'Contingency plan entry changed', 'Changes what is done when the step fails.', TSRT),

  'training-added': minor('training', 'Training row added', 'Adds training; no one may do more because of it.', TRAINING),
  'training-removed': significant('training', 'Training row removed', 'Removes training.', TRAINING),
  'training-roles-added': minor('training', 'Roles added to a training row', 'More staff trained; entitlement is unchanged.', TRAINING),
  'training-roles-removed': significant('training', 'Roles removed from a training row', 'Those roles are no longer trained in the skill.', TRAINING),
  'training-methods-added': minor('training', 'Training methods added to a row', 'Adds training.', TRAINING),
  'training-methods-removed': significant('training', 'Training methods removed from a row', 'Weakens the training.', TRAINING),
  'training-records-added': minor('training', 'Records added to a training row', 'Adds evidence.', TRAINING),
  'training-records-removed': significant(
    'training',
    'Records removed from a training row',
    'Removes the record of training the employer must keep.',
    TRAINING,
  ),
  'training-sign-off': significant('training', "Training row's sign-off changed", 'Who signs training off is its independent check.', TSRT_CHECKS),
  'training-reassessment-longer': significant('training', 'Reassessment made less frequent, or no longer stated', 'Weakens the training.', TRAINING),
  'training-reassessment-shorter': minor('training', 'Reassessment made more frequent, or newly stated', 'Strengthens the training.', TRAINING),
  'training-prerequisites-weaker': significant(
    'training',
    'Prerequisites lowered or removed (experience, registrations)',
    'Widens who may be trained and so act.',
    TRAINING,
  ),
  'training-prerequisites-stronger': minor('training', 'Prerequisites raised or added', 'Strengthens the training.', TRAINING),
  'training-sites-removed': significant('training', 'Sites a training row covers narrowed', 'The training no longer covers those sites.', TRAINING),
  'training-sites-added': minor('training', 'Sites a training row covers widened', 'Adds training.', TRAINING),
  'training-wording': minor('training', "Training row's role label or notes changed", 'Wording only.', WORDING),

  'skill-added': minor('skill', 'Skill defined', 'A definition; the steps and training that name it are compared themselves.', WORDING),
  'skill-removed': minor('skill', 'Skill definition removed', 'A definition; the steps and training that named it are compared themselves.', WORDING),
  'skill-renamed': minor('skill', 'Skill id renamed', 'The same skill under a new id, every reference moved.', WORDING),
  'skill-wording': minor('skill', "Skill's name or description changed", 'Wording only.', WORDING),

  'method-added': minor('method', 'Training method defined', 'A definition; the training rows that name it are compared themselves.', WORDING),
  'method-removed': minor('method', 'Training method definition removed', 'A definition; the training rows that named it are compared themselves.', WORDING),
  'method-renamed': minor('method', 'Method id renamed', 'The same method under a new id, every reference moved.', WORDING),
  'method-pass-mark': significant('method', "Method's pass mark changed or removed", 'A lower mark weakens, a higher one narrows, who passes.', TRAINING),
  'method-type': significant('method', "Method's type or certificate changed", 'Changes what the training is and what evidence it leaves.', TRAINING),
  'method-wording': minor('method', "Method's name or description changed", 'Wording only.', WORDING),

  'record-added': minor('record', 'Record defined', 'A definition; the training rows that name it are compared themselves.', WORDING),
  'record-removed': minor('record', 'Record definition removed', 'A definition; the training rows that named it are compared themselves.', WORDING),
  'record-renamed': minor('record', 'Record id renamed', 'The same record under a new id, every reference moved.', WORDING),
  'record-location': minor('record', 'Where a record is kept changed', 'The record is still kept; an inspector is told where.', TRAINING),
  'record-wording': minor('record', "Record's name or description changed", 'Wording only.', WORDING),

  'register-protocol': significant(
    'register',
    'Protocol the register is checked against changed',
    'Every entitlement and training record is checked against the roles, skills and training it defines.',
    ENTITLEMENT,
  ),
  'register-details': minor('register', "Register's department, owner, date updated or notes changed", 'Records the register, not who may act.', CONTROL),

  'person-added': minor('person', 'Person added', 'A person alone may do nothing: their entitlements and training are listed apart.', WORDING),
  'person-removed': minor('person', 'Person removed', 'Their entitlements and training records are listed apart, each with its own class.', WORDING),
  'person-renamed': minor(
    'person',
    'Person id renamed',
    'The same person (staff group, band and registrations) under a new id, every reference moved.',
    WORDING,
  ),
  'person-staff-group': significant('person', "Person's staff group changed", 'The roles a person may hold depend on their staff group.', ENTITLEMENT),
  'person-band': significant('person', "Person's band changed", 'The band is checked against the bands of the roles they hold.', ENTITLEMENT),
  'person-registration-added': minor('person', 'Registration added', 'Adds evidence; what the person is entitled to is compared apart.', ENTITLEMENT),
  'person-registration-removed': significant('person', 'Registration removed', 'A role that needs the registration may no longer be held on it.', ENTITLEMENT),
  'person-registration-expiry-earlier': significant(
    'person',
    "Registration's expiry brought forward or no longer stated",
    'The person may act on it for less time, or the register no longer shows when it lapses.',
    ENTITLEMENT,
  ),
  'person-registration-renewed': minor(
    'person',
    'Registration renewed (expiry later) or its expiry newly stated',
    'The same registration, held for longer or better recorded.',
    ENTITLEMENT,
  ),
  'person-registration-number': minor('person', 'Registration number changed', 'Identifies the registration; it is still held.', WORDING),
  'person-wording': minor(
    'person',
    "Person's name or notes changed (a name is never shown)",
    'Wording: a name is personal data and says nothing of who may act.',
    WORDING,
  ),

  'entitlement-added': significant('entitlement', 'Entitlement added', 'Widens who may act.', ENTITLEMENT),
  'entitlement-removed': significant('entitlement', 'Entitlement removed', 'Narrows who may act, and removes the record of the entitlement.', ENTITLEMENT),
  'entitlement-ended': significant('entitlement', 'Entitlement ended (an end date set or brought forward)', 'Narrows who may act.', ENTITLEMENT),
  'entitlement-extended': significant('entitlement', "Entitlement's end date moved later or removed", 'Widens who may act.', ENTITLEMENT),
  'entitlement-from': significant('entitlement', "Entitlement's start date changed", 'Changes from when the person may act.', ENTITLEMENT),
  'entitlement-sites': significant('entitlement', 'Sites an entitlement covers changed', 'Widens or narrows where the person may act.', ENTITLEMENT),
  'entitlement-supervised': significant(
    'entitlement',
    'Entitlement made supervised or no longer supervised',
    'Decides whether the person acts alone or under a supervisor.',
    ENTITLEMENT,
  ),
  'entitlement-entitled-by': significant(
    'entitlement',
    'Who signed the entitlement changed',
    "The signature is the employer's authority for the entitlement.",
    ENTITLEMENT,
  ),
  'entitlement-scope': significant(
    'entitlement',
    "Entitlement's scope notes changed",
    'A limit on the entitlement in words: the tool cannot tell a rewording from a widening.',
    ENTITLEMENT,
  ),

  'training-record-added': minor('training-record', 'Training record added', 'Adds training; entitlement is compared apart.', TRAINING),
  'training-record-removed': significant('training-record', 'Training record removed', 'Removes the record of training the employer must keep.', TRAINING),
  'training-record-completed': minor(
    'training-record',
    'Training completed (a date stated for training under way, with the evidence, sign-off and result it now states)',
    'Adds training: the person is now trained in the skill.',
    TRAINING,
  ),
  'training-record-date': significant(
    'training-record',
    "Training's completion date changed or removed",
    'The date sets when reassessment falls due, and whether the person counts as trained.',
    TRAINING,
  ),
  'training-record-method': significant('training-record', "Training's method changed", 'Different training, with its own pass mark and evidence.', TRAINING),
  'training-record-evidence-removed': significant(
    'training-record',
    "Training's record of evidence removed",
    'The register no longer says where the evidence is.',
    TRAINING,
  ),
  'training-record-evidence': minor(
    'training-record',
    "Where a training's evidence is kept changed, or the evidence or who signed it off newly stated",
    'Adds evidence, or tells an inspector where it is kept.',
    TRAINING,
  ),
  'training-record-sign-off': significant(
    'training-record',
    'Who signed the training off changed or removed',
    'Who signs training off is its independent check.',
    TSRT_CHECKS,
  ),
  'training-record-result-lower': significant(
    'training-record',
    "Training's result lowered or removed",
    'Weakens the evidence that the person passed.',
    TRAINING,
  ),
  'training-record-result-higher': minor('training-record', "Training's result raised or newly stated", 'Strengthens the evidence.', TRAINING),
  'training-record-sites-removed': significant(
    'training-record',
    'Sites a training record covers narrowed',
    'The person is no longer trained for those sites.',
    TRAINING,
  ),
  'training-record-sites-added': minor('training-record', 'Sites a training record covers widened', 'Adds training.', TRAINING),
  'training-record-notes': minor('training-record', "Training record's notes changed", 'Wording only.', WORDING),

  'supervision-added': significant(
    'supervision',
    'Supervision added',
    'A trainee under a supervisor may act in training: widens who may act, under oversight.',
    ENTITLEMENT,
  ),
  'supervision-removed': significant('supervision', 'Supervision removed', 'A trainee loses the supervision a supervised entitlement depends on.', ENTITLEMENT),
  'supervision-supervisor': significant(
    'supervision',
    "Trainee's supervisor changed",
    'The supervisor carries operator responsibility for the supervised task.',
    ENTITLEMENT,
  ),
  'supervision-skills': significant('supervision', 'Skills supervised changed', 'Widens or narrows what the trainee does under supervision.', TRAINING),
  'supervision-dates': significant('supervision', "Supervision's start or end date changed", 'Changes when the trainee may act under supervision.', TRAINING),
  'supervision-notes': minor('supervision', "Supervision's notes changed", 'Wording only.', WORDING),
} as const satisfies Record<string, ChangeKindInfo>;

export type ChangeKind = keyof typeof CHANGE_KINDS;

export const CHANGE_KIND_IDS = Object.keys(CHANGE_KINDS) as ChangeKind[];

export function kindInfo(kind: ChangeKind): ChangeKindInfo {
  return CHANGE_KINDS[kind];
}
