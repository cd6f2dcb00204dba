import type { Protocol, Role } from '../model/protocol';
import type { Rule, RuleReport } from './types';

/**
 * The capacities whose holders the employer's procedures must entitle and whose training the employer must record:
 * the three duty holders the procedures identify (Schedule 2(b)) and the MPE (regulation 14). The employer is not
 * entitled by its own procedures.
 */
const CAPACITIES_NEEDING_REFERENCES = ['referrer', 'practitioner', 'operator', 'MPE'];

const EMPLOYER_PROCEDURE = 'employer-procedure';

const joined = (items: string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** "the operator capacity", "the MPE and operator capacities". */
function capacitiesHeld(role: Role): string | undefined {
  const held = [...new Set(role.capacities.filter((capacity) => CAPACITIES_NEEDING_REFERENCES.includes(capacity)))];
  if (held.length === 0) return undefined;
  return `the ${joined(held)} ${held.length === 1 ? 'capacity' : 'capacities'}`;
}

/** What to add to `procedures`: the employer's procedures the document lists, if it lists any. */
function procedureHint(protocol: Protocol): string {
  const listed = [...protocol.referenceById.values()].filter((reference) => reference.kind === EMPLOYER_PROCEDURE).map((r) => `\`${r.id}\``);
  if (listed.length > 0) return `add the id of the employer's procedure that entitles it (${joined(listed)}) to \`procedures\``;
  return "add the id of the employer's procedure that entitles it to `procedures`, listing the procedure under `document.references` with that `id`";
}

export const irmerReferences: Rule = {
  id: 'irmer-references',
  defaultSeverity: 'warning',
  category: 'governance',
  description:
    "A role with the referrer, practitioner, operator or MPE capacity names the employer's procedure that entitles it (`procedures`) and the record of its holders' core IR(ME)R and radiation protection training (`coreTraining`).",
  rationale:
    "IR(ME)R 2017 regulation 6 and Schedule 2(b) require the employer's written procedures to identify the individuals entitled to act as referrer, practitioner or operator within a specified scope of practice. Regulation 17 forbids a practitioner or operator to act without adequate training (Schedule 3: radiation production, radiation protection and the statutory obligations, and the subjects of their own area of practice) and requires the employer to keep an up-to-date record of its date and nature. The MPE is not a duty holder, but regulation 14 requires one to be involved, and the employer's procedures are where the department says who acts as MPE; the MPE role is held to the same two questions. A role protocol for adaptive sessions sits under those procedures: an inspector reading a role asks which procedure entitles its holders and where their core training is recorded, beside the session skills the training matrix covers.",
  check({ protocol }) {
    const reports: RuleReport[] = [];
    for (const role of protocol.roles) {
      const capacities = capacitiesHeld(role);
      if (!capacities) continue;
      if (role.procedures.length === 0) {
        reports.push({
          message: `Role \`${role.id}\` has ${capacities} but names no employer's procedure that entitles it; ${procedureHint(protocol)}.`,
          path: [...role.path, 'capacities'],
          on: 'key',
        });
      } else {
        // An id that names no reference is unknown-reference's finding: it counts as named here. Only references that
        // say they are something else (guidance, a clinical protocol) leave the role with no employer's procedure.
        const named = role.procedures.map((id) => protocol.referenceById.get(id));
        const others = named.filter((reference) => reference?.kind !== undefined && reference.kind !== EMPLOYER_PROCEDURE);
        if (others.length === named.length) {
          reports.push({
            message: `Role \`${role.id}\` has ${capacities}, but its \`procedures\` name only ${joined(others.map((r) => `\`${r?.id}\` (${r?.kind})`))}, not an employer's procedure; ${procedureHint(protocol)}.`,
            path: [...role.path, 'procedures'],
            on: 'key',
          });
        }
      }
      if (role.coreTraining.length === 0) {
        reports.push({
          message: `Role \`${role.id}\` has ${capacities} but names no record of its holders' core IR(ME)R and radiation protection training (Schedule 3); add the id of the record where it is kept to \`coreTraining\`.`,
          path: [...role.path, 'capacities'],
          on: 'key',
        });
      }
    }
    return reports;
  },
};
