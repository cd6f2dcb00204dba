import { hiddenCharacters } from '../text/hiddenCharacters';
import { hiddenCharacterReports } from './hiddenReports';
import type { Rule } from './types';

export const bidiControl: Rule = {
  id: 'bidi-control',
  defaultSeverity: 'error',
  category: 'integrity',
  kinds: ['protocol', 'catalogue', 'register'],
  description: 'No bidirectional control character (U+202A-202E, U+2066-2069, U+200E, U+200F, U+061C) in a value, key or comment.',
  rationale:
    'A bidirectional control reorders how the text around it is displayed, so a reviewer reads something other than what is written and what the tool checks ("Trojan Source", CVE-2021-42574).',
  check: (context) =>
    hiddenCharacterReports(
      hiddenCharacters(context.text, context.root),
      'bidi',
      'it changes the order in which the text around it is displayed, so a reader sees something other than what is written (Trojan Source). Remove it',
      'bidirectional controls',
    ),
};
