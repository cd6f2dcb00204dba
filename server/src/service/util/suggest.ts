import { builtInConfusables, skeleton, type ConfusableSource } from './confusables';

/** Damerau-Levenshtein distance (optimal string alignment), for "did you mean". */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev2: number[] = new Array(n + 1).fill(0);
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  // Rows prev2, prev and cur hold n + 1 entries (cur gets its j-th as j goes), so every index read below is in range.
  for (let i = 1; i <= m; i++) {
    const cur: number[] = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}

/**
 * The candidate a person most likely meant, or undefined when nothing is close.
 * Texts are compared by what they look like (`skeleton`: case, look-alike
 * letters from other scripts and invisible characters do not count), so
 * `аdapter` with a Cyrillic а, or `adap‍ter` with a zero-width joiner, finds
 * `adapter` before anything else. Then separators are ignored ("Advanced
 * Adapter" -> "advanced-adapter"), then a word that is contained whole
 * ("radiographer" -> "therapeutic radiographer"), then the smallest edit
 * distance within a quarter of the word's length.
 */
export function didYouMean(input: string, candidates: Iterable<string>, confusables: ConfusableSource = builtInConfusables): string | undefined {
  const looks = (s: string) => skeleton(s, confusables);
  const norm = (s: string) => s.replace(/[\s_\-()]+/g, '');
  const inputLooks = looks(input);
  const wanted = norm(inputLooks);
  if (wanted.length === 0) return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    if (candidate === input) continue;
    const candidateLooks = looks(candidate);
    const c = norm(candidateLooks);
    let score: number;
    if (candidateLooks === inputLooks) score = -1;
    else if (c === wanted) score = 0;
    else if (wanted.length >= 4 && c.includes(wanted)) score = 0.5;
    else if (wanted.length < 3)
      continue; // one or two letters are too short to guess from
    else {
      const d = editDistance(wanted, c);
      if (d > Math.max(1, Math.floor(Math.max(wanted.length, c.length) / 4))) continue;
      score = d;
    }
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return best;
}

/**
 * The kebab-case id a text that is not one most likely stands for: letters
 * that look like Latin ones are read as those (`аdapter` -> `adapter`, not
 * `dapter`), invisible characters are dropped (`adap‍ter` -> `adapter`, not
 * `adap-ter`), accents are taken off, and every other run becomes a hyphen.
 * Text in another script keeps only its ASCII letters, as before.
 */
export function kebabId(text: string, confusables: ConfusableSource = builtInConfusables): string {
  const looks = skeleton(text, confusables)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '');
  // Text in another script (a Russian word) is not a look-alike of an id: only some of its letters would map.
  const words = /\P{ASCII}/u.test(looks.replace(/[^\p{L}\p{N}]+/gu, '')) ? text.toLowerCase() : looks;
  return words
    .trim()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
