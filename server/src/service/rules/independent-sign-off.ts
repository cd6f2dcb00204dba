import { isMedicalRole } from '../model/staffGroups';
import type { Rule, RuleReport } from './types';

export const independentSignOff: Rule = {
  id: 'independent-sign-off',
  defaultSeverity: 'warning',
  category: 'governance',
  description:
    'A training row signed off by a role it trains also trains other roles (cascade), or that role is signed off in the same skill by another role in another row.',
  rationale:
    'IR(ME)R 2017 regulation 17 asks for a record of adequate training. Cascade sign-off is ordinary: an assessor who is trained and signed off in a skill signs off the next trainees, peers included, and is not signing off themselves. What is not evidence is a circle: a row that trains only the role that signs it off, where no row shows anyone else signing that role off in the skill, leaves the first assessors signed off by nobody. A medical role signing off its own role is accepted: a consultant signing off a consultant colleague is ordinary peer sign-off among medical staff, whose competence is also assured through GMC revalidation and appraisal.',
  check({ protocol }) {
    const reports: RuleReport[] = [];
    for (const row of protocol.training) {
      const assessor = row.signOff;
      if (assessor === undefined || !row.roles.includes(assessor)) continue;
      // Consultants sign off consultant colleagues: ordinary medical peer sign-off, by another holder of the role.
      const assessorRole = protocol.roleById.get(assessor);
      if (assessorRole !== undefined && isMedicalRole(assessorRole)) continue;
      // The assessor signs off other roles too: a cascade from a trained assessor.
      if (row.roles.some((role) => role !== assessor)) continue;
      // Another row signs the assessor's own role off in this skill by someone else: the first assessors.
      const signedOffElsewhere =
        row.skill !== undefined &&
        (protocol.trainingBySkill.get(row.skill) ?? []).some(
          (other) => other !== row && other.roles.includes(assessor) && other.signOff !== undefined && other.signOff !== assessor,
        );
      if (signedOffElsewhere) continue;
      const what = row.skill ? `the \`${row.skill}\` training` : `training row ${row.order + 1}`;
      reports.push({
        message: `\`${assessor}\` signs off ${what}, which trains only \`${assessor}\`, and no other row shows another role signing \`${assessor}\` off in it; name another role under \`signOff\`, or add a row for the first assessors signed off by another role.`,
        path: [...row.path, 'signOff'],
      });
    }
    return reports;
  },
};
