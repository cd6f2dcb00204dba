import { protocolSchema, type SchemaNode } from '../schema/schema';

/**
 * How the tables write values, in every format alike (docs/EXPORTS.md, "How
 * values are written"):
 *
 * - A vocabulary value, or a value the tool writes ("Yes", "Every 12
 *   months"), standing on its own in a cell or a document-control field is
 *   in sentence case: its first letter a capital, the rest as the vocabulary
 *   spells it ("Therapeutic radiographer", "Operator", "Agree"). In a list
 *   each value stands on its own ("MPE, Operator"). Abbreviations keep their
 *   capitals (MPE, HCPC (radiographer), GMC).
 * - A value whose key form is not words is written as words: `on-call` is
 *   "on call", `in-review` "in review", the practitioner scope `both`
 *   "imaging and therapeutic".
 * - Inside running text (the Markdown and CSV document line, a legend's
 *   explanation after its colon, a scope in brackets) the words stay in
 *   lower case, as prose: "version 1.2, in review", "Practitioner (therapeutic)".
 * - Ids and the document's own text (titles, names, responsibilities,
 *   clinician presence, references) are exactly as written, and so is a
 *   value that is not in the vocabulary (the schema check reports it): the
 *   reader sees what the document says.
 */

/** The vocabularies the tables show, by the schema's `$defs` name (the practitioner scope is a role property). */
export type Vocabulary = 'staffGroup' | 'careerLevel' | 'capacity' | 'registration' | 'mpeInvolvement' | 'status' | 'practitionerScope';

/** Values whose key form is not words, written as words. */
const SPELLED: Partial<Record<Vocabulary, Readonly<Record<string, string>>>> = {
  mpeInvolvement: { 'on-call': 'on call' },
  status: { 'in-review': 'in review' },
  practitionerScope: { both: 'imaging and therapeutic' },
};

function enumOf(node: SchemaNode | undefined): ReadonlySet<string> {
  return new Set((node?.enum ?? []).filter((v): v is string => typeof v === 'string'));
}

const defs = (protocolSchema.$defs ?? {}) as Record<string, SchemaNode>;
const VALUES: Readonly<Record<Vocabulary, ReadonlySet<string>>> = {
  staffGroup: enumOf(defs.staffGroup),
  careerLevel: enumOf(defs.careerLevel),
  capacity: enumOf(defs.capacity),
  registration: enumOf(defs.registration),
  mpeInvolvement: enumOf(defs.mpeInvolvement),
  status: enumOf(defs.status),
  practitionerScope: enumOf(defs.role?.properties?.practitionerScope),
};

/** The values of a vocabulary, as the schema lists them. */
export function vocabularyValues(vocabulary: Vocabulary): readonly string[] {
  return [...VALUES[vocabulary]];
}

/** The first letter a capital, the rest as written. */
export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A vocabulary value as words for running text ("on call"); a value outside the vocabulary exactly as written. */
export function vocabularyWords(vocabulary: Vocabulary, value: string): string {
  if (!VALUES[vocabulary].has(value)) return value;
  return SPELLED[vocabulary]?.[value] ?? value;
}

/** A vocabulary value standing on its own, in a cell or a field: its words in sentence case ("On call"); outside the vocabulary, as written. */
export function vocabularyValue(vocabulary: Vocabulary, value: string): string {
  return VALUES[vocabulary].has(value) ? sentenceCase(vocabularyWords(vocabulary, value)) : value;
}
