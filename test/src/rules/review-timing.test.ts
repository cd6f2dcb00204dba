import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';

/** The offline review covers plan selection, with the timing given; the bladder site states its fractions. */
const reviewed = (timing: string, fractions = '') =>
  protocolText({
    sites: SECTIONS.sites + fractions,
    workflow: SECTIONS.workflow + `    covers: [plan-selection]\n${timing}`,
  });
const weekly = '    timing:\n      withinDays: 7\n';
const fiveDaily = '    fractions: 5\n';

const weeklyShortCourse = reviewed(weekly, fiveDaily);
const onTheLastDay = reviewed('    timing:\n      withinDays: 4\n', fiveDaily);

describeRule('review-timing', {
  valid: [
    { name: 'no timing stated', text: reviewed('', fiveDaily) },
    { name: 'weekly review, fractions not stated', text: reviewed(weekly) },
    { name: 'weekly review of a twenty-fraction course', text: reviewed(weekly, '    fractions: 20\n') },
    { name: 'before the next fraction, whatever the course', text: reviewed('    timing:\n      beforeNextFraction: true\n', fiveDaily) },
    { name: 'within three days of a five-fraction daily course', text: reviewed('    timing:\n      withinDays: 3\n', fiveDaily) },
    { name: 'weekly review of a six-fraction weekly course', text: reviewed(weekly, '    fractions: 6\n    fractionsPerWeek: 1\n') },
  ],
  invalid: [
    {
      name: 'a weekly review of a five-fraction course, on withinDays',
      text: weeklyShortCourse,
      errors: [
        {
          ...span(weeklyShortCourse, '7', 'withinDays: '),
          message:
            'Offline review `review` happens within 7 days, which can fall after the last fraction at `bladder` (5 fractions, 4 days from first to last); review before the next fraction (`beforeNextFraction: true`) or within fewer days for short courses.',
        },
      ],
    },
    {
      name: 'a review due on the day of the last fraction',
      text: onTheLastDay,
      errors: [
        {
          ...span(onTheLastDay, '4', 'withinDays: '),
          message:
            'Offline review `review` happens within 4 days, which can fall after the last fraction at `bladder` (5 fractions, 4 days from first to last); review before the next fraction (`beforeNextFraction: true`) or within fewer days for short courses.',
        },
      ],
    },
  ],
});
