import type { Register } from './model';

/**
 * A register may hold people's names (`name`), though it need not. Reports
 * name people by id; a message can still quote a value from the file, and a
 * name written where an id belongs (`person: Ann Example`) would then reach
 * a JSON or SARIF report that leaves the machine. This replaces every name
 * the register holds with `[name withheld]` in a text.
 */
export const WITHHELD = '[name withheld]';

/** A function that withholds the register's names from a text; the identity when it holds none. */
export function nameWithholder(register: Register | undefined): (text: string) => string {
  if (!register) return (text) => text;
  const ids = new Set(register.people.map((p) => p.id));
  // Longest first, so that "Ann Example" goes whole before "Ann"; a name that is also an id, or shorter than
  // three characters, is left: withholding it would hide the ids the reports are made of.
  const names = [...new Set(register.people.map((p) => p.name?.trim()).filter((n): n is string => n !== undefined && n.length >= 3 && !ids.has(n)))].sort(
    (a, b) => b.length - a.length,
  );
  if (names.length === 0) return (text) => text;
  return (text) => names.reduce((out, name) => out.split(name).join(WITHHELD), text);
}
