import type { HiddenCharacters, HiddenKind } from '../text/hiddenCharacters';
import type { RuleReport } from './types';

/**
 * One finding per character, on exactly that character (or on the escape
 * that writes it). A file full of them gives MAX_REPORTED findings, the last
 * of which counts the rest, rather than one per character.
 */
export function hiddenCharacterReports(hidden: HiddenCharacters, kind: HiddenKind, why: string, plural: string): RuleReport[] {
  const shown = hidden.found.filter((c) => c.kind === kind);
  const rest = hidden.more[kind];
  return shown.map((c, i) => {
    const what = c.escape ? `The escape \`${c.escape}\` writes ${c.description}` : c.description;
    const more = i === shown.length - 1 && rest > 0 ? ` (${rest} more ${plural} after this one are not reported one by one.)` : '';
    return { message: `${what} ${c.where}: ${why}.${more}`, start: c.start, end: c.end };
  });
}
