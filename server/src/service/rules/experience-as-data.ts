import { locate, type Path } from '../parse/tree';
import type { Rule, RuleReport } from './types';

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  eighteen: 18,
};
const NUMBER = `(\\d+(?:\\.\\d+)?|${Object.keys(NUMBER_WORDS).join('|')})`;
const UNIT = `(years?|yrs?|months?|mths?)`;
/** A number and a unit of time: "2 years", "3 yrs", "18 months", "2+ years", "2-3 years", "two years'". */
const DURATION = `${NUMBER}(?:\\s*(?:\\+|(?:-|–|to)\\s*${NUMBER}))?[\\s-]*${UNIT}\\b['’]?`;
/** Words before a duration that make it a minimum: "at least", "a minimum of", "over", "more than". */
const MINIMUM = `(?:at\\s+least|(?:a\\s+)?minimum\\s+of|min(?:imum)?\\.?|over|more\\s+than|no\\s+(?:less|fewer)\\s+than|not\\s+less\\s+than|greater\\s+than|upwards\\s+of)`;
const MINIMUM_DURATION = new RegExp(`\\b${MINIMUM}\\s+${DURATION}`, 'i');
const ANY_DURATION = new RegExp(`\\b${DURATION}`, 'gi');
/** Words before a duration that make it an interval ("reassessed every 12 months"), not an amount of experience. */
const INTERVAL_BEFORE = /\b(?:every|each|per|within|after)\s+$/i;
/** Words that make a duration in the same sentence an experience requirement. */
const EXPERIENCE = /\b(?:experience|post[-\s]?(?:qualification|registration|graduate experience)|qualified\s+for|in\s+post)\b/i;
/** Sentence ends: a full stop, semicolon, ! or ? followed by a space or the end (not the dot in 2.5). */
const SENTENCE_END = /[.;!?](?=\s|$)/;

/** The experience requirement written in a text, if any: the phrase and, when it is one number, the value in years. */
export function experienceInProse(text: string): { phrase: string; years?: number } | undefined {
  const minimum = MINIMUM_DURATION.exec(text);
  if (minimum) return describe(minimum);
  for (const sentence of text.split(SENTENCE_END)) {
    if (!EXPERIENCE.test(sentence)) continue;
    for (const duration of sentence.matchAll(ANY_DURATION)) {
      if (!INTERVAL_BEFORE.test(sentence.slice(0, duration.index))) return describe(duration);
    }
  }
  return undefined;
}

function describe(match: RegExpMatchArray): { phrase: string; years?: number } {
  // The number and the unit always take part in a match; `second` only in a range.
  const [phrase, first = '', second, unit = ''] = match;
  const phraseText = phrase.replace(/['’]$/, '').trim();
  if (second !== undefined) return { phrase: phraseText }; // a range: the author must choose
  const n = NUMBER_WORDS[first.toLowerCase()] ?? Number(first);
  const years = /^y/i.test(unit) ? n : Math.round((n / 12) * 100) / 100;
  return { phrase: phraseText, years };
}

export const experienceAsData: Rule = {
  id: 'experience-as-data',
  defaultSeverity: 'warning',
  category: 'governance',
  description: 'Experience prerequisites are stated as data (`prerequisites.experienceYears`), not as prose such as "at least 2 years" in a free-text field.',
  rationale:
    'An experience requirement hidden in a method name or a note cannot be checked, and the training matrix cannot show it consistently. As data it is one number per training row, which the tables fold into the method cell ("... plus experience of at least 2 years").',
  check({ protocol, root }) {
    const reports: RuleReport[] = [];
    const look = (text: string | undefined, path: Path) => {
      if (text === undefined) return;
      const found = experienceInProse(text);
      if (!found) return;
      const value = found.years === undefined ? '' : ` (\`experienceYears: ${found.years}\`)`;
      reports.push({
        message: `Experience is written as prose ("${found.phrase}"); state it as data in the training row’s \`prerequisites.experienceYears\`${value} instead.`,
        path,
      });
    };
    for (const role of protocol.roles) {
      // Read the list from the tree, so a finding sits on the exact entry even if another entry is not text.
      const list = locate(root, [...role.path, 'responsibilities']);
      if (list.complete && list.found.node.kind === 'sequence') {
        list.found.node.items.forEach((item, index) => {
          if (item.kind === 'scalar' && typeof item.value === 'string') look(item.value, [...role.path, 'responsibilities', index]);
        });
      }
      look(role.notes, [...role.path, 'notes']);
    }
    for (const step of protocol.workflow) look(step.notes, [...step.path, 'notes']);
    for (const skill of protocol.skills) look(skill.description, [...skill.path, 'description']);
    for (const method of protocol.methods) {
      look(method.name, [...method.path, 'name']);
      look(method.description, [...method.path, 'description']);
    }
    for (const row of protocol.training) {
      look(row.prerequisites?.notes, [...row.path, 'prerequisites', 'notes']);
      look(row.notes, [...row.path, 'notes']);
    }
    return reports;
  },
};
