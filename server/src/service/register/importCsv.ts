import { dump } from 'js-yaml';
import { registerSchema, type SchemaNode } from '../schema/schema';
import { didYouMean } from '../util/suggest';
import { parseDate } from './dates';
import type { CsvRow } from './csv';
import type { Basis } from './standing';

/**
 * A register of people from the spreadsheet a department already keeps: one
 * row per person per skill or per entitlement, its columns named as people
 * name them (`Staff number`, `Band`, `Role`, `Entitled from`, `Skill`,
 * `Completed`, ...). Every value is read against the protocol (roles, skills,
 * methods and sites by id or by name) and the register's vocabularies; every
 * problem is given with its spreadsheet row. Names are never copied.
 */

/** The register fields a column can fill, in the order the docs list them. */
export const IMPORT_FIELDS = [
  'staff_number',
  'staff_group',
  'band',
  'registration',
  'registration_number',
  'registration_expires',
  'role',
  'entitled_from',
  'entitled_until',
  'entitled_by',
  'sites',
  'supervised',
  'scope',
  'skill',
  'method',
  'completed',
  'record',
  'signed_off_by',
  'result',
  'training_sites',
  'supervisor',
  'supervised_from',
  'supervised_until',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Column headings read as each field (compared without case, spaces or punctuation). */
export const FIELD_ALIASES: Readonly<Record<ImportField, readonly string[]>> = {
  staff_number: ['staff number', 'staff no', 'staff id', 'employee number', 'assignment number', 'person', 'person id', 'id', 'initials'],
  staff_group: ['staff group', 'profession', 'professional group'],
  band: ['band', 'afc band', 'grade'],
  registration: ['registration', 'register', 'registration body', 'professional register'],
  registration_number: ['registration number', 'registration no', 'reg number', 'reg no', 'pin'],
  registration_expires: ['registration expires', 'registration expiry', 'registration renewal', 'reg expiry', 'renewal date'],
  role: ['role', 'entitled role', 'entitlement'],
  entitled_from: ['entitled from', 'entitlement from', 'entitlement date', 'date entitled', 'entitled on'],
  entitled_until: ['entitled until', 'entitlement until', 'entitlement ends', 'entitlement end'],
  entitled_by: ['entitled by', 'authorised by', 'authorized by', 'entitlement signed by'],
  sites: ['sites', 'site', 'entitled sites'],
  supervised: ['supervised', 'under supervision'],
  scope: ['scope', 'scope notes'],
  skill: ['skill', 'competency', 'competence'],
  method: ['method', 'training method'],
  completed: ['completed', 'completed on', 'date completed', 'training completed', 'training date', 'signed off on', 'sign off date'],
  record: ['record', 'evidence', 'record reference', 'evidence location', 'training record'],
  signed_off_by: ['signed off by', 'sign off by', 'assessor', 'assessed by'],
  result: ['result', 'score'],
  training_sites: ['training sites', 'skill sites', 'trained sites'],
  supervisor: ['supervisor', 'supervised by'],
  supervised_from: ['supervised from', 'supervision from', 'supervision start'],
  supervised_until: ['supervised until', 'supervision until', 'supervision end', 'supervision ends'],
};

/** Headings that hold names: recognised so that they are never copied, and said to be left out. */
export const NAME_HEADINGS: readonly string[] = [
  'name',
  'full name',
  'first name',
  'forename',
  'given name',
  'surname',
  'last name',
  'family name',
  'known as',
];

/** `--map` may also send a column to `ignore` (left out, and said so). */
export const IGNORE = 'ignore';

export interface ImportProblem {
  /** The spreadsheet row (the header is 1); 0 for the command line (`--map`). */
  row: number;
  /** A mistake on the command line (`--map`), not in the file. */
  commandLine?: boolean;
  column?: string;
  message: string;
}

export interface ImportOptions {
  /** The protocol as the register will name it (`protocol:`), relative to the register. */
  protocolPath: string;
  /** `--map` pairs: a column heading to a field (or `ignore`). */
  map?: Readonly<Record<string, string>>;
  /** For the header comment: the file read and the day. */
  source: string;
  today: string;
}

export interface ImportResult {
  /** The register as YAML; undefined when any row has a problem (nothing is written then). */
  text?: string;
  problems: ImportProblem[];
  /** Columns read as each field, and columns left out (with why). */
  columns: { heading: string; field?: ImportField; left?: string }[];
  counts: { rows: number; people: number; entitlements: number; training: number; supervision: number };
}

const normal = (heading: string): string => heading.toLowerCase().replace(/[^a-z0-9]+/g, '');
const $defs = (registerSchema as { $defs: Record<string, SchemaNode> }).$defs;
const STAFF_GROUPS = ($defs.staffGroup!.enum ?? []) as string[];
const REGISTRATIONS = ($defs.registration!.enum ?? []) as string[];
const BANDS = ($defs.band!.enum ?? []) as (string | number)[];
const PERSON_ID = new RegExp($defs.personId!.pattern ?? '^.+$');

/** Which field each column fills: `--map` first, then the aliases. */
function mapColumns(header: CsvRow, map: Readonly<Record<string, string>>, problems: ImportProblem[]): ImportResult['columns'] {
  const byAlias = new Map<string, ImportField>();
  for (const field of IMPORT_FIELDS) {
    byAlias.set(normal(field), field);
    for (const alias of FIELD_ALIASES[field]) byAlias.set(normal(alias), field);
  }
  const mapped = new Map<string, string>();
  for (const [column, field] of Object.entries(map)) {
    if (!header.fields.some((h) => normal(h) === normal(column))) {
      const guess = didYouMean(column, header.fields);
      problems.push({
        row: 0,
        commandLine: true,
        message: `--map ${column}=${field}: there is no column \`${column}\`${guess ? `; did you mean \`${guess}\`?` : ''}`,
      });
      continue;
    }
    if (field !== IGNORE && !(IMPORT_FIELDS as readonly string[]).includes(field)) {
      const guess = didYouMean(field, [...IMPORT_FIELDS, IGNORE]);
      problems.push({
        row: 0,
        commandLine: true,
        message: `--map ${column}=${field}: there is no field \`${field}\`${guess ? `; did you mean \`${guess}\`?` : `; the fields are ${IMPORT_FIELDS.join(', ')} and ${IGNORE}`}`,
      });
      continue;
    }
    mapped.set(normal(column), field);
  }
  const columns: ImportResult['columns'] = header.fields.map((heading) => {
    const key = normal(heading);
    const chosen = mapped.get(key);
    if (chosen === IGNORE) return { heading, left: `--map ${IGNORE}` };
    if (chosen) return { heading, field: chosen as ImportField };
    if (NAME_HEADINGS.some((n) => normal(n) === key)) return { heading, left: 'a name: the register names people by staff number only' };
    const field = key === '' ? undefined : byAlias.get(key);
    return field ? { heading, field } : { heading, left: key === '' ? 'no heading' : 'not a register field' };
  });
  const seen = new Map<ImportField, string>();
  for (const c of columns) {
    if (!c.field) continue;
    const other = seen.get(c.field);
    if (other !== undefined)
      problems.push({
        row: header.row,
        column: c.heading,
        message: `columns \`${other}\` and \`${c.heading}\` are both read as ${c.field}; leave one out with --map "${c.heading}=${IGNORE}"`,
      });
    else seen.set(c.field, c.heading);
  }
  if (!seen.has('staff_number'))
    problems.push({
      row: header.row,
      message: `no column names the person: add a \`staff_number\` column (or initials), or name the column with --map COLUMN=staff_number`,
    });
  return columns;
}

interface PersonOut {
  id: string;
  staffGroup?: string;
  band?: string | number;
  registrations: { register: string; number?: string; expires?: string }[];
  /** The rows that gave the staff group and band, for conflicts. */
  from: Partial<Record<'staffGroup' | 'band', number>>;
  /** The person's first row, and whether any row gave a staff group (even one not known). */
  firstRow: number;
  /** The row that gave each registration, for conflicts. */
  registrationRows: Map<string, number>;
  groupGiven: boolean;
}

type Out = Record<string, unknown>;

/**
 * Builds the register from the CSV rows (the first is the header). With any
 * problem there is no text: a register with rows left out would read as
 * complete when it is not.
 */
export function importRegister(rows: readonly CsvRow[], basis: Basis, options: ImportOptions): ImportResult {
  const problems: ImportProblem[] = [];
  const counts = { rows: Math.max(0, rows.length - 1), people: 0, entitlements: 0, training: 0, supervision: 0 };
  const [header, ...records] = rows;
  if (!header) return { problems: [{ row: 1, message: 'the file is empty: it needs a header row and a row per person and skill' }], columns: [], counts };
  const columns = mapColumns(header, options.map ?? {}, problems);
  if (records.length === 0) problems.push({ row: header.row, message: 'the file has a header row and nothing under it: a row per person and skill is needed' });
  const people = new Map<string, PersonOut>();
  const entitlements = new Map<string, { out: Out; row: number }>();
  const training = new Map<string, Out>();
  const supervision = new Map<string, { out: Out; skills: string[] }>();
  /** People named as signing off or supervising, with the first row and column that names each: they must have rows of their own. */
  const named = new Map<string, { row: number; field: ImportField; column?: string }>();
  const mention = (id: string, row: number, field: ImportField) => {
    if (!named.has(id)) named.set(id, { row, field, ...(columnOf(field) !== undefined ? { column: columnOf(field)! } : {}) });
  };
  const columnOf = (field: ImportField) => columns.find((c) => c.field === field)?.heading;

  for (const record of records) {
    const row = record.row;
    const cell = (field: ImportField): string | undefined => {
      const index = columns.findIndex((c) => c.field === field);
      const value = index < 0 ? undefined : record.fields[index]?.trim();
      return value === '' ? undefined : value;
    };
    const bad = (field: ImportField, message: string) => {
      const column = columns.find((c) => c.field === field)?.heading;
      problems.push({ row, ...(column !== undefined ? { column } : {}), message });
    };
    if (record.fields.length > header.fields.length && record.fields.slice(header.fields.length).some((f) => f.trim() !== ''))
      problems.push({
        row,
        message: `${record.fields.length} cells, but the header has ${header.fields.length}: a value is outside every column (an unquoted comma?)`,
      });

    const id = cell('staff_number');
    if (id === undefined) {
      bad('staff_number', 'no staff number: every row names its person');
      continue;
    }
    if (!PERSON_ID.test(id)) {
      bad(
        'staff_number',
        `\`${id}\` cannot be a person id: use a staff number or initials (letters and digits, with single \`.\`, \`-\` or \`_\` between them)`,
      );
      continue;
    }
    const person: PersonOut = people.get(id) ?? { id, registrations: [], from: {}, firstRow: row, groupGiven: false, registrationRows: new Map() };
    people.set(id, person);

    const group = cell('staff_group');
    if (group !== undefined) {
      person.groupGiven = true;
      const known = vocabulary(group, STAFF_GROUPS);
      if (!known) bad('staff_group', unknownValue('staff group', group, STAFF_GROUPS));
      else agree(person, 'staffGroup', known, row, bad);
    }
    const bandText = cell('band');
    if (bandText !== undefined) {
      const band = readBand(bandText);
      if (band === undefined) bad('band', `\`${bandText}\` is not an AfC band: bands are 2 to 9 and 8a to 8d (leave it empty for medical staff)`);
      else agree(person, 'band', band, row, bad);
    }
    const registrationText = cell('registration');
    const registrationNumber = cell('registration_number');
    const registrationExpires = date(cell('registration_expires'), 'registration_expires', bad);
    if (registrationText !== undefined) {
      const register = vocabulary(registrationText, REGISTRATIONS);
      if (!register) bad('registration', unknownValue('registration', registrationText, REGISTRATIONS));
      else {
        const held = {
          register,
          ...(registrationNumber ? { number: registrationNumber } : {}),
          ...(registrationExpires ? { expires: registrationExpires } : {}),
        };
        const same = person.registrations.find((r) => r.register === register);
        if (!same) {
          person.registrations.push(held);
          person.registrationRows.set(register, row);
        } else if ((same.number ?? '') !== (held.number ?? '') || (same.expires ?? '') !== (held.expires ?? ''))
          bad('registration', `${id}'s ${register} has another number or expiry in row ${person.registrationRows.get(register)}; make them agree`);
      }
    } else if (registrationNumber !== undefined || registrationExpires !== undefined) {
      bad('registration', 'a registration number or expiry without the registration it belongs to');
    }

    // An entitlement, when the row names a role.
    const roleText = cell('role');
    const from = date(cell('entitled_from'), 'entitled_from', bad);
    const until = date(cell('entitled_until'), 'entitled_until', bad);
    const sites = siteList(cell('sites'), 'sites', basis, bad);
    const supervisedText = cell('supervised');
    const supervised = supervisedText === undefined ? false : yesNo(supervisedText);
    if (supervised === undefined) bad('supervised', `\`${supervisedText}\` is not yes or no`);
    if (roleText !== undefined) {
      const role = lookUp(roleText, basis.roleById, (r) => [r.title, r.shortName], 'role', basis);
      if ('error' in role) bad('role', role.error);
      else if (cell('entitled_from') === undefined) bad('entitled_from', `role \`${role.id}\` without the date the entitlement starts (entitled_from)`);
      else if (from !== undefined) {
        if (until !== undefined && until < from) bad('entitled_until', `the entitlement ends (${until}) before it starts (${from})`);
        const by = cell('entitled_by');
        const scope = cell('scope');
        const out: Out = {
          person: id,
          role: role.id,
          from,
          ...(until ? { until } : {}),
          ...(by ? { entitledBy: by } : {}),
          ...(sites?.length ? { sites } : {}),
          ...(supervised ? { supervised: true } : {}),
          ...(scope ? { scope } : {}),
        };
        const key = `${id}\u0000${role.id}\u0000${from}\u0000${(sites ?? []).join(',')}`;
        const known = entitlements.get(key);
        if (!known) entitlements.set(key, { out, row });
        else if (JSON.stringify(known.out) !== JSON.stringify(out))
          bad(
            'role',
            `the entitlement of ${id} to \`${role.id}\` from ${from} differs from row ${known.row} (until, entitled by, supervised or scope); make them agree`,
          );
      }
    } else {
      for (const field of ['entitled_from', 'entitled_until', 'entitled_by', 'sites', 'scope'] as const)
        if (cell(field) !== undefined) bad(field, `${field} without a role: say which role the entitlement is to`);
      if (supervised) bad('supervised', 'supervised without a role: say which role the person works in under supervision');
    }

    // A training record, when the row names a skill.
    const skillText = cell('skill');
    const skill = skillText === undefined ? undefined : lookUp(skillText, basis.skillById, (s) => [s.name], 'skill', basis);
    if (skill && 'error' in skill) bad('skill', skill.error);
    const methodText = cell('method');
    const method = methodText === undefined ? undefined : lookUp(methodText, basis.methodById, (m) => [m.name], 'method', basis);
    if (method && 'error' in method) bad('method', method.error);
    const completed = date(cell('completed'), 'completed', bad);
    const signedOffBy = cell('signed_off_by');
    if (signedOffBy !== undefined && !PERSON_ID.test(signedOffBy))
      bad('signed_off_by', `\`${signedOffBy}\` cannot be a person id: name who signed it off by staff number or initials`);
    const resultText = cell('result');
    const result = resultText === undefined ? undefined : Number(resultText.replace(/%$/, ''));
    if (result !== undefined && !Number.isFinite(result)) bad('result', `\`${resultText}\` is not a number`);
    const trainingSites = siteList(cell('training_sites'), 'training_sites', basis, bad);
    const recordText = cell('record');
    const supervisor = cell('supervisor');
    // A row that names a supervisor and no training detail records the supervision only.
    const trainingDetail = [methodText, cell('completed'), recordText, signedOffBy, resultText, cell('training_sites')].some((v) => v !== undefined);
    if (skill && !('error' in skill) && (trainingDetail || supervisor === undefined)) {
      if (completed !== undefined && completed > options.today) bad('completed', `completed on ${completed}, after today (${options.today})`);
      const out: Out = {
        person: id,
        skill: skill.id,
        ...(method && !('error' in method) ? { method: method.id } : {}),
        ...(completed ? { completed } : {}),
        ...(recordText ? { record: recordText } : {}),
        ...(signedOffBy ? { signedOffBy } : {}),
        ...(result !== undefined && Number.isFinite(result) ? { result } : {}),
        ...(trainingSites?.length ? { sites: trainingSites } : {}),
      };
      training.set(JSON.stringify(out), out);
      if (signedOffBy !== undefined && PERSON_ID.test(signedOffBy)) mention(signedOffBy, row, 'signed_off_by');
    } else if (skillText === undefined) {
      for (const field of ['method', 'completed', 'record', 'signed_off_by', 'result', 'training_sites'] as const)
        if (cell(field) !== undefined) bad(field, `${field} without a skill: say which skill the training is in`);
    }

    // Supervision, when the row names a supervisor: of this skill.
    const supervisedFrom = date(cell('supervised_from'), 'supervised_from', bad);
    const supervisedUntil = date(cell('supervised_until'), 'supervised_until', bad);
    if (supervisor !== undefined) {
      if (!PERSON_ID.test(supervisor)) bad('supervisor', `\`${supervisor}\` cannot be a person id: name the supervisor by staff number or initials`);
      else if (supervisor === id) bad('supervisor', `${id} cannot supervise themselves`);
      else if (skillText === undefined) bad('supervisor', 'a supervisor without a skill: say which skill is supervised');
      else if (cell('supervised_from') === undefined) bad('supervised_from', 'a supervisor without the date the supervision starts (supervised_from)');
      else if (skill && !('error' in skill) && supervisedFrom !== undefined) {
        if (supervisedUntil !== undefined && supervisedUntil < supervisedFrom)
          bad('supervised_until', `the supervision ends (${supervisedUntil}) before it starts (${supervisedFrom})`);
        const key = `${id}\u0000${supervisor}\u0000${supervisedFrom}\u0000${supervisedUntil ?? ''}`;
        const known = supervision.get(key) ?? {
          out: { trainee: id, supervisor, skills: [], from: supervisedFrom, ...(supervisedUntil ? { until: supervisedUntil } : {}) },
          skills: [],
        };
        if (!known.skills.includes(skill.id)) known.skills.push(skill.id);
        mention(supervisor, row, 'supervisor');
        supervision.set(key, known);
      }
    } else if (cell('supervised_from') !== undefined || cell('supervised_until') !== undefined) {
      bad('supervisor', 'supervision dates without a supervisor: name the supervisor');
    }
  }
  for (const [id, where] of named)
    if (!people.has(id))
      problems.push({
        row: where.row,
        ...(where.column !== undefined ? { column: where.column } : {}),
        message: `${id} has no row of their own: add one with their staff number and staff group, so the register knows who signed off or supervises`,
      });
  for (const person of people.values())
    if (!person.staffGroup && !person.groupGiven)
      problems.push({ row: person.firstRow, message: `no row of ${person.id} gives a staff group (staff_group), which every person needs` });

  counts.people = people.size;
  counts.entitlements = entitlements.size;
  counts.training = training.size;
  counts.supervision = supervision.size;
  // In row order; those of the command line (row 0) first.
  problems.sort((a, b) => a.row - b.row);
  if (problems.length > 0) return { problems, columns, counts };

  const data = {
    format: 'role-register/1',
    protocol: options.protocolPath,
    people: [...people.values()].map((p) => ({
      id: p.id,
      staffGroup: p.staffGroup,
      ...(p.band !== undefined ? { band: p.band } : {}),
      ...(p.registrations.length ? { registrations: p.registrations } : {}),
    })),
    ...(entitlements.size ? { entitlements: [...entitlements.values()].map((e) => e.out) } : {}),
    ...(training.size ? { training: [...training.values()] } : {}),
    ...(supervision.size ? { supervision: [...supervision.values()].map((s) => ({ ...s.out, skills: s.skills })) } : {}),
  };
  const left = columns.filter((c) => c.left).map((c) => c.heading);
  const header_ = [
    `# A register of people (role-register/1), built by \`role-protocols register import\` from`,
    `# ${oneLine(options.source)} on ${options.today}: ${count(counts.people, 'person', 'people')}, ${count(counts.entitlements, 'entitlement')},`,
    `# ${count(counts.training, 'training record')}, ${count(counts.supervision, 'supervision')}.`,
    ...(left.length ? [`# Columns not copied: ${oneLine(left.join(', '))}.`] : []),
    '#',
    '# It holds personal data: staff numbers, staff groups, bands, registration',
    '# numbers and expiry dates, entitlements and training records. Names were not',
    '# copied. Keep it where the department keeps staff records; the tool sends',
    '# nothing anywhere, and its reports and JSON or SARIF output show ids only.',
  ];
  const body = dump(data, { lineWidth: -1, noRefs: true });
  return { text: `${header_.join('\n')}\n${body}`, problems, columns, counts };
}

const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A comment stays one line, whatever a file name holds. */
const oneLine = (text: string): string => text.replace(/[\r\n\u2028\u2029]+/g, ' ');

/** A value of the person that rows must agree on. */
function agree(person: PersonOut, key: 'staffGroup' | 'band', value: string | number, row: number, bad: (field: ImportField, message: string) => void): void {
  const field = key === 'staffGroup' ? 'staff_group' : 'band';
  const known = person[key];
  if (known === undefined) {
    person[key] = value as never;
    person.from[key] = row;
  } else if (known !== value) {
    bad(field, `${person.id} has ${field} \`${String(known)}\` in row ${person.from[key]} and \`${String(value)}\` here; make them agree`);
  }
}

/** A vocabulary value, written in any case and spacing. */
function vocabulary(text: string, values: readonly string[]): string | undefined {
  const wanted = text.toLowerCase().replace(/\s+/g, ' ');
  return values.find((v) => v.toLowerCase() === wanted);
}

function unknownValue(what: string, text: string, values: readonly string[]): string {
  const guess = didYouMean(text, values);
  return `\`${text}\` is not a ${what}${guess ? `; did you mean \`${guess}\`?` : `: use one of ${values.join(', ')}`}`;
}

/** `7`, `Band 7`, `8A`, `band 8a` as the schema's band (a number, or `8a`-`8d`). */
function readBand(text: string): string | number | undefined {
  const bare = text
    .toLowerCase()
    .replace(/^band\s*/, '')
    .trim();
  return BANDS.find((b) => String(b) === bare);
}

/** A date as YYYY-MM-DD, or as a UK spreadsheet writes it (DD/MM/YYYY, day first); a real calendar date. */
function date(text: string | undefined, field: ImportField, bad: (field: ImportField, message: string) => void): string | undefined {
  if (text === undefined) return undefined;
  let iso = text;
  const uk = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  if (uk) iso = `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}`;
  if (parseDate(iso)) return iso;
  bad(
    field,
    /^\d{4}-\d{2}-\d{2}$/.test(text)
      ? `${field} \`${text}\` is not a real date`
      : uk
        ? `${field} \`${text}\` is not a real date (DD/MM/YYYY is read day first)`
        : `${field} \`${text}\` is not a date: write it YYYY-MM-DD or DD/MM/YYYY`,
  );
  return undefined;
}

function yesNo(text: string): boolean | undefined {
  const t = text.toLowerCase();
  if (['yes', 'y', 'true', '1'].includes(t)) return true;
  if (['no', 'n', 'false', '0'].includes(t)) return false;
  return undefined;
}

/** A list of sites in one cell (`cervix; bladder`, or commas inside a quoted cell). */
function siteList(text: string | undefined, field: ImportField, basis: Basis, bad: (field: ImportField, message: string) => void): string[] | undefined {
  if (text === undefined) return undefined;
  const sites: string[] = [];
  for (const part of text
    .split(/[;,|]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (/^(all|every|all sites)$/i.test(part)) return undefined;
    const site = lookUp(part, basis.siteById, (s) => [s.name], 'site', basis);
    if ('error' in site) bad(field, site.error);
    else if (!sites.includes(site.id)) sites.push(site.id);
  }
  return sites;
}

/** An entry of the protocol by its id or its name (any case); else why not, with a guess. */
function lookUp<T extends { id: string }>(
  text: string,
  byId: ReadonlyMap<string, T>,
  names: (entry: T) => (string | undefined)[],
  what: string,
  basis: Basis,
): T | { error: string } {
  const exact = byId.get(text);
  if (exact) return exact;
  const wanted = text.toLowerCase().replace(/\s+/g, ' ');
  for (const entry of byId.values()) {
    if (entry.id === wanted || names(entry).some((n) => n !== undefined && n.toLowerCase().replace(/\s+/g, ' ') === wanted)) return entry;
  }
  const candidates = [...byId.values()].flatMap((e) => [e.id, ...names(e).filter((n): n is string => n !== undefined)]);
  const guess = didYouMean(text, candidates);
  const guessId = guess === undefined ? undefined : [...byId.values()].find((e) => e.id === guess || names(e).includes(guess))?.id;
  const where = basis.protocols.length === 1 ? "the protocol's" : "the protocols'";
  return {
    error: `no ${what} \`${text}\` among ${where} ${what}s${guessId ? `; did you mean \`${guessId}\`?` : byId.size ? `: ${[...byId.keys()].map((k) => `\`${k}\``).join(', ')}` : ''}`,
  };
}
