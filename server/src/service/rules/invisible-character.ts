import { hiddenCharacters } from '../text/hiddenCharacters';
import { hiddenCharacterReports } from './hiddenReports';
import type { Rule } from './types';

export const invisibleCharacter: Rule = {
  id: 'invisible-character',
  defaultSeverity: 'warning',
  category: 'integrity',
  kinds: ['protocol', 'catalogue', 'register'],
  description:
    'No invisible character (zero-width space or joiner, word joiner, soft hyphen, byte order mark inside the text, stray variation selector or tag) in a value, key or comment.',
  rationale:
    'An invisible character shows as nothing, so two texts that look the same are different (a title, a name, an id a reviewer compares by eye) and text can be hidden in plain sight.',
  check: (context) =>
    hiddenCharacterReports(
      hiddenCharacters(context.text, context.root),
      'invisible',
      'it shows as nothing, so this text differs from what it looks like. Remove it',
      'invisible characters',
    ),
};
