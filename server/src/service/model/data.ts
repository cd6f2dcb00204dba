import type { Band } from './protocol';

/**
 * Reading plain data (what the YAML or JSON loaded as) forgivingly, for the
 * typed models of a protocol and of a register: a value of the wrong type is
 * left out (the schema check reports it), and only a key's own value is read,
 * never one inherited through the prototype (`__proto__` in a document).
 */

export type Data = Record<string, unknown>;

export const isObject = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);
export const own = (o: Data, key: string): unknown => (Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined);

/** Text, or a number written where text was meant (a version `1.2`, an id `104233`), as text. */
export const str = (o: Data, key: string): string | undefined => {
  const v = own(o, key);
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
};

export const num = (o: Data, key: string): number | undefined => {
  const v = own(o, key);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

/** The text items of a list (none when it is not a list). */
export const strings = (o: Data, key: string): string[] => {
  const v = own(o, key);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};

/** The text items of a list, or undefined when the key holds no list (for "every site" when left out). */
export const optionalStrings = (o: Data, key: string): string[] | undefined => (Array.isArray(own(o, key)) ? strings(o, key) : undefined);

export const band = (o: Data, key: string): Band | undefined => {
  const v = own(o, key);
  return typeof v === 'number' || typeof v === 'string' ? v : undefined;
};

/** The mapping entries of a list, with their indexes (an entry that is not a mapping is skipped: the schema reports it). */
export function entries(data: Data, key: string): [Data, number][] {
  const list = own(data, key);
  if (!Array.isArray(list)) return [];
  const result: [Data, number][] = [];
  list.forEach((item, index) => {
    if (isObject(item)) result.push([item, index]);
  });
  return result;
}
