import { LineIndex } from '../text/lineIndex';
import { languageOf, parseDocument } from '../parse/parseDocument';
import type { Path, YamlNode } from '../parse/tree';
import { placeIn } from './place';
import {
  STEP_PARTS,
  type Band,
  type Contingency,
  type Entity,
  type Entry,
  type Protocol,
  type Reference,
  type Role,
  type Site,
  type Step,
  type StepPart,
  type TrainingRow,
} from '../model/protocol';
import { kindInfo, type ChangeKind } from './kinds';
import type { Change, DiffSide, DocumentDiffer, Place } from './types';

/**
 * The differ of protocols and catalogues: compares the two models entry by
 * entry, by id, through the included catalogues (a role changed in a
 * catalogue is a change of every protocol that includes it). Order in a list
 * and the way the text is written (layout, comments, quoting, YAML or JSON)
 * never make a change: lists of ids are compared as sets. The workflow's
 * order is the session's order, so a step moved is a change.
 */
export const protocolDiffer: DocumentDiffer = {
  kinds: ['protocol', 'catalogue'],
  diff(old, next) {
    return new ProtocolDiff(new Version(old), new Version(next)).run();
  },
};

/** The entity kinds whose ids can be renamed. */
type EntityKind = 'role' | 'step' | 'skill' | 'method' | 'record' | 'site' | 'reference';

/** One version with what placing and naming need. */
class Version {
  readonly protocol: Protocol;
  private readonly trees = new Map<string, { root: YamlNode | undefined; lines: LineIndex }>();
  /** How often each id is referenced, by entity kind. */
  readonly references: Record<EntityKind, Map<string, number>>;

  constructor(readonly side: DiffSide) {
    this.protocol = side.result.protocol!;
    this.references = countReferences(this.protocol);
  }

  /** The range of a field of an entry (or of the entry when the field is not written), in its own file. */
  place(entry: Entry | undefined, field: Path = []): Place | undefined {
    if (!entry) return undefined;
    const tree = this.tree(entry.file);
    return placeIn(tree.root, tree.lines, entry.path, field, entry.file);
  }

  private tree(file: string | undefined): { root: YamlNode | undefined; lines: LineIndex } {
    const key = file ?? '';
    let tree = this.trees.get(key);
    if (!tree) {
      if (file === undefined) {
        tree = { root: this.side.result.parsed.root, lines: this.side.result.lines };
      } else {
        const included = this.side.result.includes.find((f) => f.file === file);
        const text = included?.text ?? '';
        tree = { root: parseDocument(text, languageOf(file)).root, lines: new LineIndex(text) };
      }
      this.trees.set(key, tree);
    }
    return tree;
  }

  roleName = (id: string): string => this.protocol.roleById.get(id)?.title || id;
  stepName = (id: string): string => this.protocol.stepById.get(id)?.name || id;
  skillName = (id: string): string => this.protocol.skillById.get(id)?.name || id;
  methodName = (id: string): string => this.protocol.methodById.get(id)?.name || id;
  recordName = (id: string): string => this.protocol.recordById.get(id)?.name || id;
  siteName = (id: string): string => this.protocol.siteById.get(id)?.name || id;
  referenceName = (id: string): string => this.protocol.referenceById.get(id)?.title || id;
}

function countReferences(p: Protocol): Record<EntityKind, Map<string, number>> {
  const refs: Record<EntityKind, Map<string, number>> = {
    role: new Map(),
    step: new Map(),
    skill: new Map(),
    method: new Map(),
    record: new Map(),
    site: new Map(),
    reference: new Map(),
  };
  const add = (kind: EntityKind, id: string | undefined) => {
    if (id) refs[kind].set(id, (refs[kind].get(id) ?? 0) + 1);
  };
  for (const step of p.workflow) {
    for (const part of STEP_PARTS) for (const id of step[part]) add('role', id);
    for (const id of step.skills) add('skill', id);
    for (const id of step.sites ?? []) add('site', id);
    for (const id of step.covers) add('step', id);
  }
  for (const row of p.training) {
    for (const id of row.roles) add('role', id);
    add('role', row.signOff);
    add('skill', row.skill);
    for (const id of row.methods) add('method', id);
    for (const id of row.records) add('record', id);
    for (const id of row.sites ?? []) add('site', id);
  }
  for (const role of p.roleById.values()) {
    for (const id of role.procedures) add('reference', id);
    for (const id of role.coreTraining) add('record', id);
  }
  for (const site of p.siteById.values()) add('role', site.clinicalProtocol?.approvedBy);
  for (const approval of p.document.approvals) add('role', approval.role);
  for (const c of p.contingencies) add('step', c.step);
  return refs;
}

/** Past this many candidate pairs (removed × added ids of one kind), renames are not looked for: each is a removal and an addition. */
const MAX_RENAME_PAIRS = 250_000;

/** The share of compared fields that must be equal for a removed and an added id to be one entry renamed. */
const RENAME_SIMILARITY = 0.75;
/** A lower share suffices when the references moved too: the old id is no longer named anywhere, the new one is named as often as the old was. */
const RENAME_SIMILARITY_WITH_REFERENCES = 0.5;

type FieldValue = string | undefined;

/** The fields of an entry that rename detection compares, each as text (lists sorted). */
type Fingerprint<T> = (entry: T) => FieldValue[];

const setText = (list: readonly string[] | undefined): FieldValue => (list === undefined ? undefined : [...new Set(list)].sort().join('\u0000'));
const bandKey = (min: Band | undefined, max: Band | undefined): FieldValue =>
  min === undefined && max === undefined ? undefined : `${min ?? ''}\u0000${max ?? ''}`;

const FINGERPRINTS: { [K in EntityKind]: Fingerprint<EntityOf<K>> } = {
  role: (r) => [
    r.title,
    r.shortName,
    setText(r.staffGroups),
    bandKey(r.minBand, r.maxBand),
    r.careerLevel,
    r.nationalProfile,
    setText(r.registrations),
    setText(r.capacities),
    r.practitionerScope,
    setText(r.procedures),
    setText(r.coreTraining),
    setText(r.responsibilities),
    r.notes,
  ],
  step: (s) => [s.name, s.phase, s.approval, s.activity, s.contingency, s.notes, ...STEP_PARTS.map((part) => setText(s[part]))],
  skill: (s) => [s.name, s.description],
  method: (m) => [m.name, m.type, m.passMark?.toString(), m.certificate?.toString(), m.description],
  record: (r) => [r.name, r.location, r.description],
  reference: (r) => [r.title, r.kind, r.url],
  site: (s) => [
    s.name,
    s.clinicalProtocol?.reference,
    s.clinicalProtocol?.approvedBy,
    s.clinicalProtocol?.approvedOn,
    s.mpeInvolvement,
    s.clinicianPresence,
    s.fractions?.toString(),
    s.fractionsPerWeek?.toString(),
  ],
};

type EntityOf<K extends EntityKind> = K extends 'role'
  ? Role
  : K extends 'step'
    ? Step
    : K extends 'site'
      ? Site
      : K extends 'skill'
        ? Protocol['skills'][number]
        : K extends 'method'
          ? Protocol['methods'][number]
          : K extends 'reference'
            ? Reference
            : Protocol['records'][number];

/** The share of fields (written in either version) that are equal; 0 when neither writes any. */
function similarity(a: FieldValue[], b: FieldValue[]): number {
  let compared = 0;
  let equal = 0;
  a.forEach((value, i) => {
    const other = b[i];
    if (value === undefined && other === undefined) return;
    compared++;
    if (value === other) equal++;
  });
  return compared === 0 ? 0 : equal / compared;
}

interface Matched<T> {
  /** Old and new entry of the same id, or of an id renamed. */
  pairs: { old: T; new: T; renamed: boolean }[];
  removed: T[];
  added: T[];
}

/** Quoted for a message: “Adapter”. */
const q = (text: string): string => `“${text}”`;

/** Names joined for a sentence: "A", "A and B", "A, B and C". */
function sentenceList(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const listText = (names: readonly string[]): string => names.join(', ');

function bandText(min: Band | undefined, max: Band | undefined): string {
  if (min !== undefined && max !== undefined) return String(min) === String(max) ? `band ${min}` : `bands ${min}-${max}`;
  if (min !== undefined) return `band ${min} or above`;
  if (max !== undefined) return `up to band ${max}`;
  return 'no bands';
}

/** The words for a role added to or removed from a part of a step. */
const PART_WORDS: Record<StepPart, { kind: ChangeKind; now: [string, string]; noLonger: [string, string] }> = {
  performs: { kind: 'step-performers', now: ['may now perform', 'may now perform'], noLonger: ['no longer performs', 'no longer perform'] },
  edits: { kind: 'step-editors', now: ['may now edit', 'may now edit'], noLonger: ['no longer edits', 'no longer edit'] },
  approves: { kind: 'step-approvers', now: ['may now approve', 'may now approve'], noLonger: ['no longer approves', 'no longer approve'] },
  agrees: { kind: 'step-agreers', now: ['now agrees', 'now agree'], noLonger: ['no longer agrees', 'no longer agree'] },
  supports: { kind: 'step-supporters', now: ['now supports', 'now support'], noLonger: ['no longer supports', 'no longer support'] },
  reviews: { kind: 'step-reviewers', now: ['now reviews', 'now review'], noLonger: ['no longer reviews', 'no longer review'] },
  operates: { kind: 'step-operators', now: ['may now operate', 'may now operate'], noLonger: ['no longer operates', 'no longer operate'] },
};

const verb = (forms: [string, string], count: number): string => (count === 1 ? forms[0] : forms[1]);

class ProtocolDiff {
  private readonly changes: Change[] = [];
  /** Old id → new id, for ids renamed. */
  private readonly renames: Record<EntityKind, Map<string, string>> = {
    role: new Map(),
    step: new Map(),
    skill: new Map(),
    method: new Map(),
    record: new Map(),
    site: new Map(),
    reference: new Map(),
  };

  constructor(
    private readonly a: Version,
    private readonly b: Version,
  ) {}

  run(): Change[] {
    const pa = this.a.protocol;
    const pb = this.b.protocol;
    // Renames first: every comparison of references maps old ids through them.
    const sites = this.match('site', [...pa.siteById.values()], [...pb.siteById.values()]);
    const roles = this.match('role', [...pa.roleById.values()], [...pb.roleById.values()]);
    const skills = this.match('skill', [...pa.skillById.values()], [...pb.skillById.values()]);
    const methods = this.match('method', [...pa.methodById.values()], [...pb.methodById.values()]);
    const records = this.match('record', [...pa.recordById.values()], [...pb.recordById.values()]);
    const steps = this.match('step', [...pa.stepById.values()], [...pb.stepById.values()]);
    const references = this.match('reference', [...pa.referenceById.values()], [...pb.referenceById.values()]);

    this.documentControl(references);
    this.service();
    this.includes();
    this.entities(sites, 'site', (o, n) => this.site(o, n));
    this.entities(roles, 'role', (o, n) => this.role(o, n));
    this.entities(steps, 'step', (o, n) => this.step(o, n));
    this.stepOrder(steps);
    this.contingencies();
    this.training();
    this.entities(skills, 'skill', (o, n) => {
      this.scalar('skill-wording', this.subject('skill', n), 'name', o, n, o.name, n.name);
      this.scalar('skill-wording', this.subject('skill', n), 'description', o, n, o.description, n.description);
    });
    this.entities(methods, 'method', (o, n) => {
      const subject = this.subject('method', n);
      this.scalar('method-pass-mark', subject, 'passMark', o, n, o.passMark?.toString(), n.passMark?.toString(), 'pass mark');
      this.scalar('method-type', subject, 'type', o, n, o.type, n.type, 'type');
      const cert = (v: boolean | undefined) => (v === undefined ? undefined : v ? 'gives a certificate' : 'gives no certificate');
      this.scalar('method-type', subject, 'certificate', o, n, cert(o.certificate), cert(n.certificate), 'certificate');
      this.scalar('method-wording', subject, 'name', o, n, o.name, n.name);
      this.scalar('method-wording', subject, 'description', o, n, o.description, n.description);
    });
    this.entities(records, 'record', (o, n) => {
      const subject = this.subject('record', n);
      this.scalar('record-location', subject, 'location', o, n, o.location, n.location, 'location');
      this.scalar('record-wording', subject, 'name', o, n, o.name, n.name);
      this.scalar('record-wording', subject, 'description', o, n, o.description, n.description);
    });
    return this.changes;
  }

  // ---- emitting ----

  private add(kind: ChangeKind, subject: string, message: string, values: { old?: string; new?: string }, oldPlace?: Place, newPlace?: Place): void {
    const info = kindInfo(kind);
    const change: Change = { kind, area: info.area, significance: info.significance, subject, message };
    if (values.old !== undefined) change.old = values.old;
    if (values.new !== undefined) change.new = values.new;
    if (oldPlace) change.oldPlace = oldPlace;
    if (newPlace) change.newPlace = newPlace;
    this.changes.push(change);
  }

  /** A field of one value changed: one change, its old and new values, both places. */
  private scalar(kind: ChangeKind, subject: string, field: string, o: Entry, n: Entry, before: FieldValue, after: FieldValue, words: string = field): void {
    if (before === after) return;
    const message =
      before === undefined
        ? `${subject}: ${words} now stated: ${after}.`
        : after === undefined
          ? `${subject}: ${words} no longer stated (was ${before}).`
          : `${subject}: ${words} changed from ${before} to ${after}.`;
    this.add(kind, subject, message, { old: before, new: after }, this.a.place(o, [field]), this.b.place(n, [field]));
  }

  private subject(kind: EntityKind, entry: Entity & { title?: string; name?: string }): string {
    const noun = { role: 'Role', step: 'Step', skill: 'Skill', method: 'Method', record: 'Record', site: 'Site', reference: 'Reference' }[kind];
    const name = (kind === 'role' || kind === 'reference' ? (entry as { title?: string }).title : (entry as { name?: string }).name) || entry.id;
    return `${noun} ${q(name)}`;
  }

  // ---- matching ----

  /** Pairs entries by id; a removed and an added id that are the same entry otherwise are one entry renamed. */
  private match<K extends EntityKind>(kind: K, old: EntityOf<K>[], next: EntityOf<K>[]): Matched<EntityOf<K>> {
    const newById = new Map(next.filter((e) => e.id).map((e) => [e.id, e]));
    const oldIds = new Set(old.map((e) => e.id));
    const pairs: Matched<EntityOf<K>>['pairs'] = [];
    const removed: EntityOf<K>[] = [];
    for (const entry of old) {
      if (!entry.id) continue;
      const other = newById.get(entry.id);
      if (other) pairs.push({ old: entry, new: other, renamed: false });
      else removed.push(entry);
    }
    let added = next.filter((e) => e.id && !oldIds.has(e.id));
    if (removed.length > 0 && added.length > 0 && removed.length * added.length <= MAX_RENAME_PAIRS) {
      const fingerprint = FINGERPRINTS[kind] as Fingerprint<EntityOf<K>>;
      const candidates: { old: EntityOf<K>; new: EntityOf<K>; score: number }[] = [];
      for (const o of removed) {
        const fo = fingerprint(o);
        for (const n of added) {
          const score = similarity(fo, fingerprint(n));
          const moved =
            !this.b.references[kind].has(o.id) &&
            !this.a.references[kind].has(n.id) &&
            (this.a.references[kind].get(o.id) ?? 0) > 0 &&
            this.a.references[kind].get(o.id) === this.b.references[kind].get(n.id);
          if (score >= RENAME_SIMILARITY || (moved && score >= RENAME_SIMILARITY_WITH_REFERENCES))
            candidates.push({ old: o, new: n, score: score + (moved ? 1 : 0) });
        }
      }
      // The best pairs first; each id in one pair at most.
      candidates.sort((x, y) => y.score - x.score);
      const usedOld = new Set<EntityOf<K>>();
      const usedNew = new Set<EntityOf<K>>();
      for (const c of candidates) {
        if (usedOld.has(c.old) || usedNew.has(c.new)) continue;
        usedOld.add(c.old);
        usedNew.add(c.new);
        pairs.push({ old: c.old, new: c.new, renamed: true });
        this.renames[kind].set(c.old.id, c.new.id);
      }
      removed.splice(0, removed.length, ...removed.filter((e) => !usedOld.has(e)));
      added = added.filter((e) => !usedNew.has(e));
    }
    return { pairs, removed, added };
  }

  /** An old id as the new version names it. */
  private mapped(kind: EntityKind, id: string): string {
    return this.renames[kind].get(id) ?? id;
  }

  private entities<K extends EntityKind>(matched: Matched<EntityOf<K>>, kind: K, compare: (o: EntityOf<K>, n: EntityOf<K>) => void): void {
    // The subject names the entry by its title or name; its id too when that says something else.
    const idNote = (e: EntityOf<K>) => (this.subject(kind, e).includes(q(e.id)) ? '' : ` (id ${q(e.id)})`);
    for (const o of matched.removed) {
      const subject = this.subject(kind, o);
      this.add(`${kind}-removed` as ChangeKind, subject, `${subject} removed${idNote(o)}.`, { old: o.id }, this.a.place(o));
    }
    for (const pair of matched.pairs) {
      if (pair.renamed) {
        const subject = this.subject(kind, pair.new);
        this.add(
          `${kind}-renamed` as ChangeKind,
          subject,
          `${subject}: id renamed from ${q(pair.old.id)} to ${q(pair.new.id)}.`,
          { old: pair.old.id, new: pair.new.id },
          this.a.place(pair.old, ['id']),
          this.b.place(pair.new, ['id']),
        );
      }
      compare(pair.old, pair.new);
    }
    for (const n of matched.added) {
      const subject = this.subject(kind, n);
      this.add(`${kind}-added` as ChangeKind, subject, `${subject} added${idNote(n)}.`, { new: n.id }, undefined, this.b.place(n));
    }
  }

  /** Compares two lists of ids as sets (the old one mapped through renames); undefined when equal. */
  private setChange(kind: EntityKind, before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } | undefined {
    // The usual case, the same ids in the same order: no sets to build.
    if (before.length === after.length && before.every((id, i) => this.mapped(kind, id) === after[i])) return undefined;
    const mappedBefore = new Set(before.map((id) => this.mapped(kind, id)));
    const afterSet = new Set(after);
    const added = [...afterSet].filter((id) => !mappedBefore.has(id));
    const removed = [...new Set(before)].filter((id) => !afterSet.has(this.mapped(kind, id)));
    return added.length === 0 && removed.length === 0 ? undefined : { added, removed };
  }

  private names(version: Version, kind: EntityKind, ids: readonly string[]): string[] {
    const name = {
      role: version.roleName,
      step: version.stepName,
      skill: version.skillName,
      method: version.methodName,
      record: version.recordName,
      site: version.siteName,
      reference: version.referenceName,
    }[kind];
    return [...new Set(ids)].map(name);
  }

  // ---- document and service ----

  private documentControl(references: Matched<Reference>): void {
    const da = this.a.protocol.document;
    const db = this.b.protocol.document;
    const doc: Entry = { path: ['document'] };
    const fields: [keyof typeof da & string, string][] = [
      ['id', 'id'],
      ['title', 'title'],
      ['version', 'version'],
      ['status', 'status'],
      ['owner', 'owner'],
      ['effectiveDate', 'effective date'],
      ['reviewDue', 'review due'],
    ];
    for (const [field, words] of fields)
      this.scalar('document-control', 'Document control', field, doc, doc, da[field] as FieldValue, db[field] as FieldValue, words);
    const approval = (a: (typeof da.approvals)[number]) =>
      [a.name, a.role ? this.b.roleName(this.mapped('role', a.role)) : a.post, a.date].filter(Boolean).join(', ');
    const approvalB = (a: (typeof db.approvals)[number]) => [a.name, a.role ? this.b.roleName(a.role) : a.post, a.date].filter(Boolean).join(', ');
    this.listOfRecords(
      'document-approvals',
      'Document control',
      'approvals',
      ['document', 'approvals'],
      da.approvals.map(approval),
      db.approvals.map(approvalB),
    );
    const change = (c: NonNullable<typeof da.changes>[number]) => [c.version, c.date, c.summary, c.approvedBy].filter(Boolean).join(', ');
    this.listOfRecords(
      'document-changes',
      'Document control',
      'change history',
      ['document', 'changes'],
      (da.changes ?? []).map(change),
      (db.changes ?? []).map(change),
    );
    // References without an id (nothing can name them) as text; those with one by id, below.
    const reference = (r: Reference) => [r.title, r.kind, r.url].filter(Boolean).join(', ');
    this.listOfRecords(
      'document-references',
      'Document control',
      'references',
      ['document', 'references'],
      da.references.filter((r) => !r.id).map(reference),
      db.references.filter((r) => !r.id).map(reference),
    );
    this.references(references);
  }

  /**
   * References by id: added, removed, renamed (a procedure renumbered, the
   * roles' `procedures` moved with it), and their title, address and kind.
   * A kind that makes a document an employer's procedure, or no longer one,
   * is its own change: only an employer's procedure entitles a role.
   */
  private references(matched: Matched<Reference>): void {
    const idNote = (r: Reference) => (r.title && r.title !== r.id ? ` (id ${q(r.id)})` : '');
    for (const o of matched.removed) {
      const subject = this.subject('reference', o);
      this.add('document-references', subject, `${subject} removed${idNote(o)}.`, { old: o.id }, this.a.place(o));
    }
    for (const pair of matched.pairs) {
      const o = pair.old;
      const n = pair.new;
      const subject = this.subject('reference', n);
      if (pair.renamed)
        this.add(
          'document-reference-renamed',
          subject,
          `${subject}: id renamed from ${q(o.id)} to ${q(n.id)}.`,
          { old: o.id, new: n.id },
          this.a.place(o, ['id']),
          this.b.place(n, ['id']),
        );
      this.scalar('document-references', subject, 'title', o, n, o.title, n.title);
      this.scalar('document-references', subject, 'url', o, n, o.url, n.url, 'address');
      const procedure = (r: Reference) => r.kind === 'employer-procedure';
      this.scalar(procedure(o) !== procedure(n) ? 'document-reference-kind' : 'document-references', subject, 'kind', o, n, o.kind, n.kind, 'kind');
    }
    for (const n of matched.added) {
      const subject = this.subject('reference', n);
      this.add('document-references', subject, `${subject} added${idNote(n)}.`, { new: n.id }, undefined, this.b.place(n));
    }
  }

  /** A list of records without ids (approvals, history, references): entries added and removed, as text. */
  private listOfRecords(kind: ChangeKind, subject: string, words: string, path: Path, before: string[], after: string[]): void {
    const afterSet = new Set(after);
    const beforeSet = new Set(before);
    const added = after.filter((x) => !beforeSet.has(x));
    const removed = before.filter((x) => !afterSet.has(x));
    if (added.length === 0 && removed.length === 0) return;
    const parts = [...(added.length ? [`added ${added.map(q).join('; ')}`] : []), ...(removed.length ? [`removed ${removed.map(q).join('; ')}`] : [])];
    const entry: Entry = { path };
    this.add(
      kind,
      subject,
      `${subject}: ${words}: ${parts.join('; ')}.`,
      { old: before.join('; '), new: after.join('; ') },
      this.a.place(entry),
      this.b.place(entry),
    );
  }

  private service(): void {
    const sa = this.a.protocol.service;
    const sb = this.b.protocol.service;
    const svc: Entry = { path: ['service'] };
    this.scalar('service-equipment', 'Service', 'platform', svc, svc, sa.platform, sb.platform);
    this.scalar('service-equipment', 'Service', 'doseCheckSystem', svc, svc, sa.doseCheckSystem, sb.doseCheckSystem, 'dose check system');
    this.scalar('service-details', 'Service', 'employer', svc, svc, sa.employer, sb.employer);
    this.scalar('service-details', 'Service', 'department', svc, svc, sa.department, sb.department);
    this.scalar('service-details', 'Service', 'replaces', svc, svc, sa.replaces, sb.replaces, 'system replaced');
    this.scalar('service-details', 'Service', 'contourTrainingTool', svc, svc, sa.contourTrainingTool, sb.contourTrainingTool, 'contour training tool');
  }

  private includes(): void {
    const before = this.a.protocol.includes;
    const after = this.b.protocol.includes;
    const added = after.filter((x) => !before.includes(x));
    const removed = before.filter((x) => !after.includes(x));
    if (added.length === 0 && removed.length === 0) return;
    const parts = [
      ...(added.length ? [`now includes ${added.map(q).join(', ')}`] : []),
      ...(removed.length ? [`no longer includes ${removed.map(q).join(', ')}`] : []),
    ];
    const entry: Entry = { path: ['includes'] };
    this.add(
      'includes',
      'Includes',
      `The document ${parts.join(' and ')}.`,
      { old: listText(before), new: listText(after) },
      this.a.place(entry),
      this.b.place(entry),
    );
  }

  // ---- entities ----

  private site(o: Site, n: Site): void {
    const subject = this.subject('site', n);
    const cp = (s: Site, version: Version, map: boolean) => {
      const c = s.clinicalProtocol;
      if (!c) return undefined;
      const approver = c.approvedBy ? version.roleName(map ? this.mapped('role', c.approvedBy) : c.approvedBy) : undefined;
      return (
        [c.reference, approver ? `approved by ${approver}` : undefined, c.approvedOn ? `on ${c.approvedOn}` : undefined].filter(Boolean).join(', ') || undefined
      );
    };
    this.scalar('site-clinical-protocol', subject, 'clinicalProtocol', o, n, cp(o, this.b, true), cp(n, this.b, false), 'clinical protocol');
    this.scalar('site-mpe-involvement', subject, 'mpeInvolvement', o, n, o.mpeInvolvement, n.mpeInvolvement, 'MPE involvement');
    this.scalar('site-clinician-presence', subject, 'clinicianPresence', o, n, o.clinicianPresence, n.clinicianPresence, 'clinician presence');
    this.scalar('site-fractionation', subject, 'fractions', o, n, o.fractions?.toString(), n.fractions?.toString(), 'fractions');
    this.scalar('site-fractionation', subject, 'fractionsPerWeek', o, n, o.fractionsPerWeek?.toString(), n.fractionsPerWeek?.toString(), 'fractions per week');
    this.scalar('site-wording', subject, 'name', o, n, o.name, n.name);
  }

  private role(o: Role, n: Role): void {
    const subject = this.subject('role', n);
    if (bandKey(o.minBand, o.maxBand) !== bandKey(n.minBand, n.maxBand)) {
      const field = n.minBand !== undefined || o.minBand !== undefined ? 'minBand' : 'maxBand';
      const before = bandText(o.minBand, o.maxBand);
      const after = bandText(n.minBand, n.maxBand);
      this.add('role-bands', subject, `${subject}: ${before} → ${after}.`, { old: before, new: after }, this.a.place(o, [field]), this.b.place(n, [field]));
    }
    this.stringSet('role-staff-groups', subject, 'staffGroups', 'staff groups', o, n, o.staffGroups, n.staffGroups);
    this.stringSet('role-registrations', subject, 'registrations', 'registrations', o, n, o.registrations, n.registrations);
    this.stringSet('role-capacities', subject, 'capacities', 'IR(ME)R capacities', o, n, o.capacities, n.capacities);
    this.scalar('role-practitioner-scope', subject, 'practitionerScope', o, n, o.practitionerScope, n.practitionerScope, 'practitioner scope');
    this.addedRemoved(
      subject,
      'procedures',
      'reference',
      o,
      n,
      o.procedures,
      n.procedures,
      ['role-procedures-added', 'role-procedures-removed'],
      ["now entitled under the employer's procedure", "no longer entitled under the employer's procedure"],
    );
    this.addedRemoved(
      subject,
      'coreTraining',
      'record',
      o,
      n,
      o.coreTraining,
      n.coreTraining,
      ['role-core-training-added', 'role-core-training-removed'],
      ['core training now recorded in', 'core training no longer recorded in'],
    );
    this.scalar('role-career-level', subject, 'careerLevel', o, n, o.careerLevel, n.careerLevel, 'career level');
    this.scalar('role-national-profile', subject, 'nationalProfile', o, n, o.nationalProfile, n.nationalProfile, 'national job profile');
    this.scalar('role-wording', subject, 'title', o, n, o.title, n.title);
    this.scalar('role-wording', subject, 'shortName', o, n, o.shortName, n.shortName, 'short name');
    this.stringSet('role-wording', subject, 'responsibilities', 'responsibilities', o, n, o.responsibilities, n.responsibilities);
    this.scalar('role-wording', subject, 'notes', o, n, o.notes, n.notes);
  }

  /** A list of ids compared as a set, what was added and what was removed each its own change (one strengthens, the other weakens). */
  private addedRemoved(
    subject: string,
    field: string,
    refKind: EntityKind,
    o: Entry,
    n: Entry,
    before: readonly string[],
    after: readonly string[],
    [addedKind, removedKind]: [ChangeKind, ChangeKind],
    [addedWords, removedWords]: [string, string],
  ): void {
    const change = this.setChange(refKind, before, after);
    if (!change) return;
    const values = { old: listText(this.names(this.a, refKind, before)), new: listText(this.names(this.b, refKind, after)) };
    const placeA = this.a.place(o, [field]);
    const placeB = this.b.place(n, [field]);
    if (change.removed.length)
      this.add(
        removedKind,
        subject,
        `${subject}: ${removedWords} ${sentenceList(this.names(this.a, refKind, change.removed).map(q))}.`,
        values,
        placeA,
        placeB,
      );
    if (change.added.length)
      this.add(addedKind, subject, `${subject}: ${addedWords} ${sentenceList(this.names(this.b, refKind, change.added).map(q))}.`, values, placeA, placeB);
  }

  /** A list of words (not ids) compared as a set. */
  private stringSet(
    kind: ChangeKind,
    subject: string,
    field: string,
    words: string,
    o: Entry,
    n: Entry,
    before: readonly string[],
    after: readonly string[],
  ): void {
    const added = [...new Set(after)].filter((x) => !before.includes(x));
    const removed = [...new Set(before)].filter((x) => !after.includes(x));
    if (added.length === 0 && removed.length === 0) return;
    const parts = [...(added.length ? [`${sentenceList(added)} added`] : []), ...(removed.length ? [`${sentenceList(removed)} removed`] : [])];
    this.add(
      kind,
      subject,
      `${subject}: ${words}: ${parts.join('; ')}.`,
      { old: listText(before), new: listText(after) },
      this.a.place(o, [field]),
      this.b.place(n, [field]),
    );
  }

  /** A list of ids compared as a set, named in a sentence. */
  private idSet(
    kind: ChangeKind,
    subject: string,
    field: string,
    refKind: EntityKind,
    o: Entry,
    n: Entry,
    before: readonly string[],
    after: readonly string[],
    sentence: (added: string[], removed: string[]) => string,
  ): { added: string[]; removed: string[] } | undefined {
    const change = this.setChange(refKind, before, after);
    if (!change) return undefined;
    const added = this.names(this.b, refKind, change.added);
    const removed = this.names(this.a, refKind, change.removed);
    this.add(
      kind,
      subject,
      sentence(added, removed),
      { old: listText(this.names(this.a, refKind, before)), new: listText(this.names(this.b, refKind, after)) },
      this.a.place(o, [field]),
      this.b.place(n, [field]),
    );
    return change;
  }

  private step(o: Step, n: Step): void {
    const subject = this.subject('step', n);
    for (const part of STEP_PARTS) {
      const words = PART_WORDS[part];
      this.idSet(words.kind, subject, part, 'role', o, n, o[part], n[part], (added, removed) => {
        const sentences: string[] = [];
        if (added.length) sentences.push(`${sentenceList(added)} ${verb(words.now, added.length)} ${q(n.name)}.`);
        if (removed.length) sentences.push(`${sentenceList(removed)} ${verb(words.noLonger, removed.length)} ${q(n.name)}.`);
        return sentences.join(' ');
      });
    }
    if (o.approval !== n.approval) {
      const text = (mode: Step['approval']) => (mode === 'any' ? 'any one approver' : 'every approver');
      this.add(
        'step-approval-mode',
        subject,
        `${subject}: approval now needs ${text(n.approval)} (was ${text(o.approval)}).`,
        { old: o.approval, new: n.approval },
        this.a.place(o, ['approval']),
        this.b.place(n, ['approval']),
      );
    }
    this.idSet('step-skills', subject, 'skills', 'skill', o, n, o.skills, n.skills, (added, removed) =>
      [
        `${subject}:`,
        ...(added.length ? [`now needs ${sentenceList(added.map(q))}${removed.length ? ';' : '.'}`] : []),
        ...(removed.length ? [`no longer needs ${sentenceList(removed.map(q))}.`] : []),
      ].join(' '),
    );
    this.sites('step-sites', 'step-sites', subject, o, n, o.sites, n.sites);
    this.scalar('step-phase', subject, 'phase', o, n, o.phase, n.phase, 'phase');
    this.scalar('step-activity', subject, 'activity', o, n, o.activity, n.activity, 'activity');
    this.idSet('step-covers', subject, 'covers', 'step', o, n, o.covers, n.covers, (added, removed) =>
      [
        `${subject}:`,
        ...(added.length ? [`now covers ${sentenceList(added.map(q))}${removed.length ? ';' : '.'}`] : []),
        ...(removed.length ? [`no longer covers ${sentenceList(removed.map(q))}.`] : []),
      ].join(' '),
    );
    const timing = (t: Step['timing']) => {
      const parts: string[] = [];
      if (t?.beforeNextFraction === true) parts.push('before the next fraction');
      if (t?.beforeNextFraction === false) parts.push('not before the next fraction');
      if (t?.withinDays !== undefined) parts.push(`within ${t.withinDays} day${t.withinDays === 1 ? '' : 's'}`);
      return parts.length ? parts.join(' and ') : undefined;
    };
    this.scalar('step-timing', subject, 'timing', o, n, timing(o.timing), timing(n.timing), 'timing');
    this.scalar(
      o.contingency === undefined ? 'step-contingency-added' : 'step-contingency',
      subject,
      'contingency',
      o,
      n,
      o.contingency,
      n.contingency,
      'contingency',
    );
    this.scalar('step-wording', subject, 'name', o, n, o.name, n.name);
    this.scalar('step-wording', subject, 'notes', o, n, o.notes, n.notes);
  }

  /**
   * Sites a step or training row applies to; undefined is every site. For a
   * step any change is one change; for training, narrowing and widening are
   * apart (one weakens, the other adds).
   */
  private sites(
    narrowed: ChangeKind,
    widened: ChangeKind,
    subject: string,
    o: Entry,
    n: Entry,
    before: string[] | undefined,
    after: string[] | undefined,
  ): void {
    const text = (version: Version, ids: string[] | undefined) => (ids === undefined ? 'every site' : listText(this.names(version, 'site', ids)) || 'no site');
    const values = { old: text(this.a, before), new: text(this.b, after) };
    const placeA = this.a.place(o, ['sites']);
    const placeB = this.b.place(n, ['sites']);
    if (before === undefined && after === undefined) return;
    if (before === undefined || after === undefined) {
      const kind = after === undefined ? widened : narrowed;
      this.add(kind, subject, `${subject}: sites changed from ${values.old} to ${values.new}.`, values, placeA, placeB);
      return;
    }
    const change = this.setChange('site', before, after);
    if (!change) return;
    const added = this.names(this.b, 'site', change.added);
    const removed = this.names(this.a, 'site', change.removed);
    if (narrowed === widened) {
      const parts = [...(added.length ? [`now also at ${sentenceList(added)}`] : []), ...(removed.length ? [`no longer at ${sentenceList(removed)}`] : [])];
      this.add(narrowed, subject, `${subject}: ${parts.join('; ')}.`, values, placeA, placeB);
      return;
    }
    if (removed.length) this.add(narrowed, subject, `${subject}: no longer covers ${sentenceList(removed)}.`, values, placeA, placeB);
    if (added.length) this.add(widened, subject, `${subject}: now also covers ${sentenceList(added)}.`, values, placeA, placeB);
  }

  /** Steps whose place in the session changed: those outside the longest run of common steps kept in order. */
  private stepOrder(steps: Matched<Step>): void {
    const pairs = steps.pairs.filter((p) => p.old.file === undefined && p.new.file === undefined);
    if (pairs.length < 2) return;
    const inNewOrder = [...pairs].sort((x, y) => x.new.order - y.new.order);
    const kept = longestIncreasing(inNewOrder.map((p) => p.old.order));
    if (kept.size === inNewOrder.length) return;
    const oldSequence = [...pairs].sort((x, y) => x.old.order - y.old.order);
    const oldIndex = new Map(oldSequence.map((pair, i) => [pair, i]));
    const previous = (list: typeof inNewOrder, index: number, side: 'old' | 'new') => (index > 0 ? `after ${q(list[index - 1]![side].name)}` : 'first');
    inNewOrder.forEach((pair, i) => {
      if (kept.has(i)) return;
      const subject = this.subject('step', pair.new);
      const oldText = previous(oldSequence, oldIndex.get(pair)!, 'old');
      const newText = previous(inNewOrder, i, 'new');
      this.add(
        'step-moved',
        subject,
        `${subject} moved in the workflow: now ${newText} (was ${oldText}).`,
        { old: oldText, new: newText },
        this.a.place(pair.old),
        this.b.place(pair.new),
      );
    });
  }

  // ---- contingencies ----

  private contingencies(): void {
    const key = (c: Contingency, mapStep: boolean) => `${mapStep && c.step ? this.mapped('step', c.step) : (c.step ?? '')}\u0000${c.when ?? ''}`;
    const subjectOf = (c: Contingency) => `Contingency for ${q(c.step ? this.b.stepName(c.step) : 'no step')}${c.when ? ` when ${q(c.when)}` : ''}`;
    // The new entries by key and by step, each list in document order; an entry leaves both once matched.
    const byKey = new Map<string, Contingency[]>();
    const byStep = new Map<string, Contingency[]>();
    const push = (map: Map<string, Contingency[]>, k: string, c: Contingency) => {
      const list = map.get(k);
      if (list) list.push(c);
      else map.set(k, [c]);
    };
    for (const c of this.b.protocol.contingencies) {
      push(byKey, key(c, false), c);
      push(byStep, c.step ?? '', c);
    }
    const matched = new Set<Contingency>();
    const take = (list: Contingency[] | undefined): Contingency | undefined => {
      while (list && list.length > 0) {
        const c = list.shift()!;
        if (!matched.has(c)) return c;
      }
      return undefined;
    };
    const pairs: [Contingency, Contingency][] = [];
    let unmatchedOld: Contingency[] = [];
    for (const c of this.a.protocol.contingencies) {
      const other = take(byKey.get(key(c, true)));
      if (other) {
        matched.add(other);
        pairs.push([c, other]);
      } else unmatchedOld.push(c);
    }
    // Then the same step with its `when` reworded.
    unmatchedOld = unmatchedOld.filter((c) => {
      const other = take(byStep.get(c.step ? this.mapped('step', c.step) : ''));
      if (!other) return true;
      matched.add(other);
      pairs.push([c, other]);
      return false;
    });
    const remainingNew = this.b.protocol.contingencies.filter((c) => !matched.has(c));
    for (const c of unmatchedOld) {
      const subject = `Contingency for ${q(c.step ? this.a.stepName(c.step) : 'no step')}${c.when ? ` when ${q(c.when)}` : ''}`;
      this.add('contingency-removed', subject, `${subject} removed.`, { old: c.then }, this.a.place(c));
    }
    for (const [o, n] of pairs) {
      const subject = subjectOf(n);
      if (o.when !== n.when) this.scalar('contingency-changed', subject, 'when', o, n, o.when, n.when, 'when');
      if (o.then !== n.then) this.scalar('contingency-changed', subject, 'then', o, n, o.then, n.then, 'what happens');
    }
    for (const n of remainingNew) {
      const subject = subjectOf(n);
      this.add('contingency-added', subject, `${subject} added.`, { new: n.then }, undefined, this.b.place(n));
    }
  }

  // ---- training ----

  private training(): void {
    const rowsA = this.a.protocol.training;
    const rowsB = [...this.b.protocol.training];
    const key = (row: TrainingRow, mapped: boolean) => {
      const m = (kind: EntityKind, id: string) => (mapped ? this.mapped(kind, id) : id);
      return [row.skill ? m('skill', row.skill) : '', setText(row.roles.map((r) => m('role', r))), setText(row.sites?.map((s) => m('site', s))) ?? '*'].join(
        '\u0001',
      );
    };
    const pairs: [TrainingRow, TrainingRow][] = [];
    let unmatched: TrainingRow[] = [];
    const byKey = new Map<string, TrainingRow[]>();
    for (const row of rowsB) {
      const k = key(row, false);
      const list = byKey.get(k);
      if (list) list.push(row);
      else byKey.set(k, [row]);
    }
    const usedB = new Set<TrainingRow>();
    for (const row of rowsA) {
      const other = byKey.get(key(row, true))?.shift();
      if (other) {
        pairs.push([row, other]);
        usedB.add(other);
      } else unmatched.push(row);
    }
    // Rows whose roles or sites changed: the same skill, the most roles in common.
    let remaining = rowsB.filter((r) => !usedB.has(r));
    const stillUnmatched: TrainingRow[] = [];
    for (const row of unmatched) {
      const skill = row.skill ? this.mapped('skill', row.skill) : undefined;
      const roles = new Set(row.roles.map((r) => this.mapped('role', r)));
      let best: TrainingRow | undefined;
      let bestScore = -1;
      for (const other of remaining) {
        if (other.skill !== skill) continue;
        const common = other.roles.filter((r) => roles.has(r)).length;
        if (common > bestScore) {
          best = other;
          bestScore = common;
        }
      }
      const sameSkillLeft = remaining.filter((r) => r.skill === skill).length;
      const sameSkillOld = unmatched.filter((r) => (r.skill ? this.mapped('skill', r.skill) : undefined) === skill).length;
      if (best && (bestScore > 0 || (sameSkillLeft === 1 && sameSkillOld === 1))) {
        pairs.push([row, best]);
        remaining = remaining.filter((r) => r !== best);
      } else stillUnmatched.push(row);
    }
    unmatched = stillUnmatched;
    for (const row of unmatched) {
      const subject = this.trainingSubject(this.a, row);
      this.add('training-removed', subject, `${subject} removed.`, { old: this.trainingSummary(this.a, row) }, this.a.place(row));
    }
    for (const [o, n] of pairs) this.trainingRow(o, n);
    for (const row of remaining) {
      const subject = this.trainingSubject(this.b, row);
      this.add('training-added', subject, `${subject} added.`, { new: this.trainingSummary(this.b, row) }, undefined, this.b.place(row));
    }
  }

  private trainingSubject(version: Version, row: TrainingRow): string {
    const roles = row.roleLabel || listText(this.names(version, 'role', row.roles)) || 'no role';
    return `Training in ${q(row.skill ? version.skillName(row.skill) : 'no skill')} for ${roles}`;
  }

  private trainingSummary(version: Version, row: TrainingRow): string {
    const methods = listText(this.names(version, 'method', row.methods)) || 'no method';
    const records = listText(this.names(version, 'record', row.records)) || 'no record';
    return `${methods}; recorded in ${records}`;
  }

  private trainingRow(o: TrainingRow, n: TrainingRow): void {
    const subject = this.trainingSubject(this.b, n);
    const roles = this.setChange('role', o.roles, n.roles);
    const listValues = (kind: EntityKind, before: string[], after: string[]) => ({
      old: listText(this.names(this.a, kind, before)),
      new: listText(this.names(this.b, kind, after)),
    });
    const addedRemoved = (
      field: 'roles' | 'methods' | 'records',
      kind: EntityKind,
      change: { added: string[]; removed: string[] } | undefined,
      addedKind: ChangeKind,
      removedKind: ChangeKind,
      words: [string, string],
    ) => {
      if (!change) return;
      const values = listValues(kind, o[field], n[field]);
      const placeA = this.a.place(o, [field]);
      const placeB = this.b.place(n, [field]);
      if (change.removed.length)
        this.add(removedKind, subject, `${subject}: ${words[1]} ${sentenceList(this.names(this.a, kind, change.removed).map(q))}.`, values, placeA, placeB);
      if (change.added.length)
        this.add(addedKind, subject, `${subject}: ${words[0]} ${sentenceList(this.names(this.b, kind, change.added).map(q))}.`, values, placeA, placeB);
    };
    addedRemoved('roles', 'role', roles, 'training-roles-added', 'training-roles-removed', ['now also trains', 'no longer trains']);
    addedRemoved('methods', 'method', this.setChange('method', o.methods, n.methods), 'training-methods-added', 'training-methods-removed', [
      'method added:',
      'method removed:',
    ]);
    addedRemoved('records', 'record', this.setChange('record', o.records, n.records), 'training-records-added', 'training-records-removed', [
      'record added:',
      'record removed:',
    ]);
    const signOffA = o.signOff ? this.mapped('role', o.signOff) : undefined;
    if (signOffA !== n.signOff) {
      const before = o.signOff ? this.a.roleName(o.signOff) : undefined;
      const after = n.signOff ? this.b.roleName(n.signOff) : undefined;
      const message =
        after === undefined
          ? `${subject}: no longer says who signs it off (was ${before}).`
          : `${subject}: now signed off by ${after}${before ? ` (was ${before})` : ''}.`;
      this.add('training-sign-off', subject, message, { old: before, new: after }, this.a.place(o, ['signOff']), this.b.place(n, ['signOff']));
    }
    const ra = o.reassessEveryMonths;
    const rb = n.reassessEveryMonths;
    if (ra !== rb) {
      const text = (m: number | undefined) => (m === undefined ? undefined : `every ${m} month${m === 1 ? '' : 's'}`);
      const longer = rb === undefined || (ra !== undefined && rb > ra);
      const message =
        rb === undefined
          ? `${subject}: reassessment no longer stated (was ${text(ra)}).`
          : `${subject}: reassessed ${text(rb)}${ra === undefined ? ' (was not stated)' : ` (was ${text(ra)})`}.`;
      this.add(
        longer ? 'training-reassessment-longer' : 'training-reassessment-shorter',
        subject,
        message,
        { old: text(ra), new: text(rb) },
        this.a.place(o, ['reassessEveryMonths']),
        this.b.place(n, ['reassessEveryMonths']),
      );
    }
    this.prerequisites(subject, o, n);
    this.sites('training-sites-removed', 'training-sites-added', subject, o, n, o.sites, n.sites);
    this.scalar('training-wording', subject, 'roleLabel', o, n, o.roleLabel, n.roleLabel, 'role label');
    this.scalar('training-wording', subject, 'notes', o, n, o.notes, n.notes);
  }

  private prerequisites(subject: string, o: TrainingRow, n: TrainingRow): void {
    const pa = o.prerequisites;
    const pb = n.prerequisites;
    const text = (p: TrainingRow['prerequisites']) => {
      if (!p) return undefined;
      const parts: string[] = [];
      if (p.experienceYears !== undefined) parts.push(`${p.experienceYears} year${p.experienceYears === 1 ? '' : 's'} of experience`);
      if (p.registrations.length) parts.push(listText(p.registrations));
      if (p.notes) parts.push(p.notes);
      return parts.join('; ') || undefined;
    };
    const ya = pa?.experienceYears;
    const yb = pb?.experienceYears;
    const regA = pa?.registrations ?? [];
    const regB = pb?.registrations ?? [];
    const weaker = (ya !== undefined && (yb === undefined || yb < ya)) || regA.some((r) => !regB.includes(r));
    const stronger = (yb !== undefined && (ya === undefined || yb > ya)) || regB.some((r) => !regA.includes(r));
    const notesChanged = pa?.notes !== pb?.notes;
    if (!weaker && !stronger && !notesChanged) return;
    const kind: ChangeKind = weaker ? 'training-prerequisites-weaker' : stronger ? 'training-prerequisites-stronger' : 'training-wording';
    const before = text(pa);
    const after = text(pb);
    this.add(
      kind,
      subject,
      `${subject}: prerequisites ${after === undefined ? `no longer stated (was ${before})` : `now ${after}${before ? ` (was ${before})` : ' (none before)'}`}.`,
      { old: before, new: after },
      this.a.place(o, ['prerequisites']),
      this.b.place(n, ['prerequisites']),
    );
  }
}

/** The indexes of one longest strictly increasing subsequence (O(n log n)). */
export function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(values.length).fill(-1);
  values.forEach((value, i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (values[tails[mid]!]! < value) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1]!;
    tails[low] = i;
  });
  const kept = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i !== -1; i = previous[i]!) kept.add(i);
  return kept;
}
