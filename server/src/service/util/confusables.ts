import { CONFUSABLE_PAIRS } from './confusablesTable';

/**
 * Where look-alike data comes from: what a character looks like (its
 * prototype in Unicode TR39's confusables table), or undefined when it looks
 * like nothing else. The built-in source is a compact table generated from
 * confusables.txt (`scripts/confusables.js`); a package holding the whole
 * table could stand in for it without changing the callers.
 */
export interface ConfusableSource {
  prototypeOf(codePoint: number): string | undefined;
}

let table: Map<number, string> | undefined;

/** The generated table (Latin look-alikes from Cyrillic, Greek, Armenian, Cherokee, IPA and others), read on first use. */
export const builtInConfusables: ConfusableSource = {
  prototypeOf(codePoint) {
    if (!table) {
      table = new Map();
      for (const pair of CONFUSABLE_PAIRS.split(';')) {
        const colon = pair.indexOf(':');
        table.set(parseInt(pair.slice(0, colon), 16), pair.slice(colon + 1));
      }
    }
    return table.get(codePoint);
  },
};

const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * What a text looks like, as Unicode TR39's skeleton describes it, made
 * case-insensitive: lower case, compatibility decomposition (NFKD: fullwidth
 * ａ and mathematical 𝐚 become a), default-ignorable characters dropped (a
 * zero-width joiner is nothing), then each character replaced by its
 * prototype (Cyrillic а by a). Two texts with the same skeleton look alike:
 * `аdapter` (Cyrillic а) and `adap‍ter` (with a joiner) both look like `adapter`.
 */
export function skeleton(text: string, source: ConfusableSource = builtInConfusables): string {
  // Printable ASCII is its own skeleton, but for case: no look-alike table maps ASCII here.
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase();
  let looks = '';
  for (const character of text.toLowerCase().normalize('NFKD').replace(DEFAULT_IGNORABLE, '')) {
    looks += source.prototypeOf(character.codePointAt(0)!) ?? character;
  }
  return looks.toLowerCase();
}
