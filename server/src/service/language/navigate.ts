import type { IdOccurrence } from '../model/ids';
import type { ScalarNode } from '../parse/tree';

/** A text edit in offsets, in one file (undefined: the document asked about). */
export interface TextEdit {
  file?: string;
  start: number;
  end: number;
  newText: string;
}

/** An id occurrence in a file: the current document (`file` undefined) or an included one. */
export interface Located extends IdOccurrence {
  file?: string;
}

/** The id under an offset, if the offset is on an id definition or reference. */
export function idAt(ids: Located[], offset: number): Located | undefined {
  return ids.find((o) => o.file === undefined && offset >= o.node.start && offset <= o.node.end);
}

/** Where the id under the offset is defined. */
export function definitionOf(ids: Located[], offset: number): Located[] {
  const at = idAt(ids, offset);
  if (!at) return [];
  return ids.filter((o) => o.use === 'definition' && o.kind === at.kind && o.id === at.id);
}

/** Every place the id under the offset is written, its definition included if asked. */
export function referencesOf(ids: Located[], offset: number, includeDeclaration: boolean): Located[] {
  const at = idAt(ids, offset);
  if (!at) return [];
  return ids.filter((o) => o.kind === at.kind && o.id === at.id && (includeDeclaration || o.use === 'reference'));
}

/** The text of an id without its quotes: what a rename replaces. */
export function idRange(node: ScalarNode): { start: number; end: number } {
  return node.quoted && node.end - node.start >= 2 ? { start: node.start + 1, end: node.end - 1 } : { start: node.start, end: node.end };
}

export type RenameResult = { edits: TextEdit[] } | { error: string };

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** A register's person ids: initials or staff numbers (the schema's `personId`). */
const PERSON_ID = /^[A-Za-z0-9]+([._-][A-Za-z0-9]+)*$/;
/**
 * A reference's id is the document's own number in the quality system (`EP-RT-07`, `QP-RT-014`), not
 * kebab case: letters and digits in parts joined by one of `-` `.` `_` `/`, which YAML reads as plain text anywhere.
 */
const DOCUMENT_NUMBER = /^[A-Za-z0-9]+([-._/][A-Za-z0-9]+)*$/;

/** What the rename of an id says when it is on nothing it can rename. */
export const NOTHING_TO_RENAME = 'There is no role, step, skill, method, record, site, reference or person id here to rename.';

/**
 * Renames the id under the offset everywhere it is written, included files
 * too. Refuses a name that is not kebab case (for a reference: not a document
 * number) or is already taken by an entry of the same kind, so a rename can
 * never merge two entries.
 */
export function rename(ids: Located[], offset: number, newName: string): RenameResult {
  const at = idAt(ids, offset);
  if (!at) return { error: NOTHING_TO_RENAME };
  if (at.kind === 'reference') {
    if (!DOCUMENT_NUMBER.test(newName))
      return {
        error: `\`${newName}\` is not a valid reference number: use letters and digits joined by hyphens, dots, underscores or slashes, e.g. \`EP-RT-07\`.`,
      };
  } else if (at.kind === 'person') {
    if (!PERSON_ID.test(newName))
      return {
        error: `\`${newName}\` is not a valid person id: use initials or a staff number (letters and digits, with single \`.\`, \`-\` or \`_\` between them), e.g. \`104233\`.`,
      };
  } else if (!KEBAB.test(newName))
    return { error: `\`${newName}\` is not a valid id: use lower-case letters and digits joined by hyphens, e.g. \`advanced-adapter\`.` };
  if (newName === at.id) return { edits: [] };
  if (ids.some((o) => o.use === 'definition' && o.kind === at.kind && o.id === newName)) {
    return { error: `A ${at.kind} with the id \`${newName}\` already exists; choose another id.` };
  }
  const edits = ids.filter((o) => o.kind === at.kind && o.id === at.id).map((o) => ({ file: o.file, ...idRange(o.node), newText: newName }));
  return { edits };
}
