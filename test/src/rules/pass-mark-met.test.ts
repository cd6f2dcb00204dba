import { describeRule, span } from '../helpers/ruleTester';
import { onProtocol, radiographer, registerPlus, registerText, registerWith, REGISTER_FILE } from '../helpers/registerText';

const P = onProtocol();

/** R03's ProKnow attempts at OAR outlining: [completed, result (undefined: none), sites]. */
const attempts = (...list: [string, number | undefined, string?][]) =>
  registerPlus({
    people: radiographer('R03'),
    training: list
      .map(
        ([completed, result, sites]) =>
          `  - person: R03\n    skill: oar-outlining\n    method: proknow\n    completed: ${completed}\n    record: ProKnow log ${completed}\n    signedOffBy: C01\n${result === undefined ? '' : `    result: ${result}\n`}${sites ? `    sites: [${sites}]\n` : ''}`,
      )
      .join(''),
  });

const below = (result: number) =>
  `\`R03\` scored ${result} in \`oar-outlining\`, below the pass mark of 80 for \`proknow\`: the training is not passed. Retrain and reassess, and record the new result.`;

const failed = attempts(['2026-06-01', 79]);
const noResult = attempts(['2026-06-01', undefined]);
const failedTwice = attempts(['2026-05-04', 72], ['2026-06-01', 78]);
const reassessmentFailed = attempts(['2025-06-02', 88], ['2026-06-01', 74]);
const otherSitePassed = attempts(['2026-05-04', 70, 'bladder'], ['2026-06-01', 90, 'prostate']);

describeRule('pass-mark-met', {
  valid: [
    { name: 'every scored training at or above the pass mark', text: registerText(), ...P },
    { name: 'exactly the pass mark passes', text: attempts(['2026-06-01', 80]), ...P },
    {
      name: 'a method with no pass mark: a score is not held against it (the training programme)',
      text: registerWith('    record: Training records TR-201\n', '    record: Training records TR-201\n    result: 40\n'),
      ...P,
    },
    { name: 'training under way records no result yet', text: registerWith('    completed: 2026-04-06\n', ''), ...P },
    { name: 'a failed attempt, then a pass: the failure is history', text: attempts(['2026-05-04', 72], ['2026-06-01', 84]), ...P },
    { name: 'a failed attempt at one site, then a pass covering every site', text: attempts(['2026-05-04', 70, 'bladder'], ['2026-06-01', 90]), ...P },
    { name: 'a register whose protocol cannot be read', text: failed, fileName: REGISTER_FILE, files: {} },
  ],
  invalid: [
    { name: 'one below the pass mark, on the result', text: failed, ...P, errors: [{ ...span(failed, '79', 'result: 79'), message: below(79) }] },
    {
      name: 'completed with no result, on the completed date',
      text: noResult,
      ...P,
      errors: [
        {
          ...span(noResult, '2026-06-01', 'person: R03'),
          message:
            "`R03`'s training in `oar-outlining` by `proknow` is completed but records no `result`: the method is scored against a pass mark of 80; add the score.",
        },
      ],
    },
    {
      name: 'two failed attempts: neither is superseded by a pass',
      text: failedTwice,
      ...P,
      errors: [
        { ...span(failedTwice, '72', 'result: 72'), message: below(72) },
        { ...span(failedTwice, '78', 'result: 78'), message: below(78) },
      ],
    },
    {
      name: 'a reassessment failed after an earlier pass',
      text: reassessmentFailed,
      ...P,
      errors: [{ ...span(reassessmentFailed, '74', 'result: 74'), message: below(74) }],
    },
    {
      name: 'a later pass at another site does not supersede a failure at this one',
      text: otherSitePassed,
      ...P,
      errors: [{ ...span(otherSitePassed, '70', 'result: 70'), message: below(70) }],
    },
  ],
});
