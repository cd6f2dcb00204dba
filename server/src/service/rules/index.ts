import type { Rule } from './types';
import { syntax } from './syntax';
import { duplicateKey } from './duplicate-key';
import { schema } from './schema';
import { duplicateId } from './duplicate-id';
import { unknownReference } from './unknown-reference';
import { unknownRule } from './unknown-rule';
import { stepHasPerformer } from './step-has-performer';
import { entitlementNeedsTraining } from './entitlement-needs-training';

/** Every rule, in the order their documentation lists them. Ids are stable. */
export const allRules: readonly Rule[] = [
  syntax,
  duplicateKey,
  schema,
  duplicateId,
  unknownReference,
  unknownRule,
  // governance: workflow and entitlement
  stepHasPerformer,
  entitlementNeedsTraining,
  // governance: group A
  // governance: group B
];

export const ruleById: ReadonlyMap<string, Rule> = new Map(allRules.map((r) => [r.id, r]));
export const knownRuleIds: ReadonlySet<string> = new Set(ruleById.keys());
