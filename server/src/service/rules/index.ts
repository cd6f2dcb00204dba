import type { Rule } from './types';
import { syntax } from './syntax';
import { documentLimits } from './document-limits';
import { duplicateKey } from './duplicate-key';
import { bidiControl } from './bidi-control';
import { invisibleCharacter } from './invisible-character';
import { schema } from './schema';
import { duplicateId } from './duplicate-id';
import { unknownReference } from './unknown-reference';
import { unknownRule } from './unknown-rule';
import { unresolvedInclude } from './unresolved-include';
import { stepHasPerformer } from './step-has-performer';
import { entitlementNeedsTraining } from './entitlement-needs-training';
import { independentApproval } from './independent-approval';
import { independentSignOff } from './independent-sign-off';
import { approvalContingency } from './approval-contingency';
import { mpeInvolvement } from './mpe-involvement';
import { mpeRecognition } from './mpe-recognition';
import { registeredDutyHolder } from './registered-duty-holder';
import { operatorCapacity } from './operator-capacity';
import { irmerReferences } from './irmer-references';
import { bandRange } from './band-range';
import { careerLevelBand } from './career-level-band';
import { registeredCareerLevel } from './registered-career-level';
import { nationalProfileBand } from './national-profile-band';
import { assistantPractitionerScope } from './assistant-practitioner-scope';
import { medicalRoleBand } from './medical-role-band';
import { trainingHasMethodAndRecord } from './training-has-method-and-record';
import { siteClinicalProtocol } from './site-clinical-protocol';
import { extendedScopeTargets } from './extended-scope-targets';
import { reviewTiming } from './review-timing';
import { experienceAsData } from './experience-as-data';
import { passMarkStated } from './pass-mark-stated';
import { reassessmentInterval } from './reassessment-interval';
import { stepOrder } from './step-order';
import { documentControl } from './document-control';
import { unusedDefinition } from './unused-definition';
import { personTrained } from './person-trained';
import { reassessmentOverdue } from './reassessment-overdue';
import { reassessmentDue } from './reassessment-due';
import { personSignOff } from './person-sign-off';
import { passMarkMet } from './pass-mark-met';
import { personStaffGroup } from './person-staff-group';
import { personBand } from './person-band';
import { personRegistration } from './person-registration';
import { personMpeRecognition } from './person-mpe-recognition';
import { traineeSupervised } from './trainee-supervised';
import { registerDates } from './register-dates';
import { serviceCover } from './service-cover';

/** Every rule, in the order their documentation lists them. Ids are stable. */
export const allRules: readonly Rule[] = [
  syntax,
  documentLimits,
  duplicateKey,
  bidiControl,
  invisibleCharacter,
  schema,
  duplicateId,
  unknownReference,
  unknownRule,
  unresolvedInclude,
  // governance: workflow and entitlement
  stepHasPerformer,
  entitlementNeedsTraining,
  // governance: group A
  independentApproval,
  independentSignOff,
  approvalContingency,
  mpeInvolvement,
  mpeRecognition,
  registeredDutyHolder,
  operatorCapacity,
  irmerReferences,
  bandRange,
  careerLevelBand,
  registeredCareerLevel,
  nationalProfileBand,
  assistantPractitionerScope,
  medicalRoleBand,
  // governance: group B
  trainingHasMethodAndRecord,
  siteClinicalProtocol,
  extendedScopeTargets,
  reviewTiming,
  experienceAsData,
  passMarkStated,
  reassessmentInterval,
  stepOrder,
  documentControl,
  unusedDefinition,
  // the register of people, checked against its protocol
  registerDates,
  personTrained,
  reassessmentOverdue,
  reassessmentDue,
  personSignOff,
  passMarkMet,
  personStaffGroup,
  personBand,
  personRegistration,
  personMpeRecognition,
  traineeSupervised,
  serviceCover,
];

export const ruleById: ReadonlyMap<string, Rule> = new Map(allRules.map((r) => [r.id, r]));
export const knownRuleIds: ReadonlySet<string> = new Set(ruleById.keys());
