import type { Path, YamlNode } from '../parse/tree';
import type { LineIndex } from '../text/lineIndex';
import type { Entry } from '../model/protocol';
import type { Entitlement, Person, Register, RegistrationHeld, Supervision, TrainingRecord } from '../register/model';
import type { Basis } from '../register/standing';
import { nameWithholder } from '../register/privacy';
import { kindInfo, type ChangeKind } from './kinds';
import { placeIn } from './place';
import { DiffError, type Change, type DiffSide, type DocumentDiffer, type Place } from './types';

/**
 * The differ of registers of people (`role-register/1`): people by id (an id
 * renamed is found), entitlements, training records and supervision by their
 * natural keys (they have no ids), each change in the domain's words with both
 * places. Order in a list and the way the text is written never make a change.
 *
 * A person's `name` is personal data: a change to it is reported without its
 * values, and every name either version holds is withheld from every text of
 * every change (a name written in a note, say), as `lint` withholds them.
 */
export const registerDiffer: DocumentDiffer = {
  kinds: ['register'],
  diff(old, next) {
    return new RegisterDiff(new Side(old), new Side(next)).run();
  },
};

/** One version of a register with what placing and naming need. */
class Side {
  readonly model: Register;
  /** The protocols it is checked against, merged: what names its roles, skills, methods and sites (ids when unread). */
  readonly basis: Basis;
  private readonly root: YamlNode | undefined;
  private readonly lines: LineIndex;
  /** How often each person id is named (entitlements, training, sign-offs, supervision, entitled by). */
  readonly references = new Map<string, number>();

  constructor(side: DiffSide) {
    const register = side.result.register;
    if (!register) throw new DiffError(`${side.label} cannot be compared: it could not be read as a register`);
    this.model = register.model;
    this.basis = register.basis;
    this.root = side.result.parsed.root;
    this.lines = side.result.lines;
    const add = (id: string | undefined) => {
      if (id) this.references.set(id, (this.references.get(id) ?? 0) + 1);
    };
    const people = new Set(this.model.people.map((p) => p.id));
    for (const e of this.model.entitlements) {
      add(e.person);
      if (e.entitledBy && people.has(e.entitledBy)) add(e.entitledBy);
    }
    for (const t of this.model.training) {
      add(t.person);
      add(t.signedOffBy);
    }
    for (const s of this.model.supervision) {
      add(s.trainee);
      add(s.supervisor);
    }
  }

  place(entry: Entry | undefined, field: Path = []): Place | undefined {
    return entry ? placeIn(this.root, this.lines, entry.path, field) : undefined;
  }

  roleName = (id: string | undefined): string => (id === undefined ? 'no role' : this.basis.roleById.get(id)?.title || id);
  skillName = (id: string | undefined): string => (id === undefined ? 'no skill' : this.basis.skillById.get(id)?.name || id);
  methodName = (id: string): string => this.basis.methodById.get(id)?.name || id;
  siteName = (id: string): string => this.basis.siteById.get(id)?.name || id;
}

/** Quoted for a message: “R01”. */
const q = (text: string): string => `“${text}”`;

function sentenceList(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Old and new entries paired, and those left over. */
interface Matched<T> {
  pairs: [T, T][];
  removed: T[];
  added: T[];
}

/**
 * Pairs entries without ids by keys tried in turn: each pass pairs an old
 * entry with the first new one, in document order, of the same key that is
 * not yet paired. An undefined key takes no part in that pass.
 */
function matchByKeys<T>(old: readonly T[], next: readonly T[], keys: readonly ((entry: T, version: 'old' | 'new') => string | undefined)[]): Matched<T> {
  const pairs: [T, T][] = [];
  let removed = [...old];
  let added = [...next];
  for (const key of keys) {
    const byKey = new Map<string, T[]>();
    for (const n of added) {
      const k = key(n, 'new');
      if (k === undefined) continue;
      const list = byKey.get(k);
      if (list) list.push(n);
      else byKey.set(k, [n]);
    }
    const paired = new Set<T>();
    removed = removed.filter((o) => {
      const k = key(o, 'old');
      const n = k === undefined ? undefined : byKey.get(k)?.shift();
      if (n === undefined) return true;
      pairs.push([o, n]);
      paired.add(n);
      return false;
    });
    added = added.filter((n) => !paired.has(n));
  }
  return { pairs, removed, added };
}

const bandText = (band: Person['band']): string | undefined => (band === undefined ? undefined : `band ${band}`);
const dateOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The protocol's ids a register names. */
type ProtocolKind = 'role' | 'skill' | 'method' | 'site';

/** Each protocol id a register names, with how often (entitlements' roles and sites, training's skills, methods and sites, supervision's skills). */
function protocolIds(model: Register): Record<ProtocolKind, Map<string, number>> {
  const ids: Record<ProtocolKind, Map<string, number>> = { role: new Map(), skill: new Map(), method: new Map(), site: new Map() };
  const add = (kind: ProtocolKind, id: string | undefined) => {
    if (id) ids[kind].set(id, (ids[kind].get(id) ?? 0) + 1);
  };
  for (const e of model.entitlements) {
    add('role', e.role);
    for (const site of e.sites ?? []) add('site', site);
  }
  for (const t of model.training) {
    add('skill', t.skill);
    add('method', t.method);
    for (const site of t.sites ?? []) add('site', site);
  }
  for (const s of model.supervision) for (const skill of s.skills) add('skill', skill);
  return ids;
}

class RegisterDiff {
  private readonly changes: Change[] = [];
  /** Old person id → new, for ids renamed. */
  private readonly renamed = new Map<string, string>();
  /**
   * Old protocol id → new, for a role, skill, method or site the protocol
   * renamed and the register followed: that is the protocol's change (its
   * diff says so), not a change of who is entitled or trained.
   */
  private readonly protocolRenames: Record<ProtocolKind, Map<string, string>> = { role: new Map(), skill: new Map(), method: new Map(), site: new Map() };

  constructor(
    private readonly a: Side,
    private readonly b: Side,
  ) {}

  run(): Change[] {
    this.matchProtocolIds();
    const people = this.matchPeople();
    this.register();
    this.people(people);
    this.entitlements();
    this.training();
    this.supervision();
    // Names are never shown: withhold any either version holds from every text (a name written in a note, say).
    const withholdOld = nameWithholder(this.a.model);
    const withholdNew = nameWithholder(this.b.model);
    const withhold = (text: string) => withholdNew(withholdOld(text));
    return this.changes.map((c) => ({
      ...c,
      subject: withhold(c.subject),
      message: withhold(c.message),
      ...(c.old !== undefined ? { old: withhold(c.old) } : {}),
      ...(c.new !== undefined ? { new: withhold(c.new) } : {}),
    }));
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

  private scalar(
    kind: ChangeKind,
    subject: string,
    field: string,
    o: Entry,
    n: Entry,
    before: string | undefined,
    after: string | undefined,
    words = field,
  ): void {
    if (before === after) return;
    const message =
      before === undefined
        ? `${subject}: ${words} now stated: ${after}.`
        : after === undefined
          ? `${subject}: ${words} no longer stated (was ${before}).`
          : `${subject}: ${words} changed from ${before} to ${after}.`;
    // A value that ends a sentence itself ("Locum until March.") gets no second full stop.
    this.add(kind, subject, message.replace(/([.!?])\.$/, '$1'), { old: before, new: after }, this.a.place(o, [field]), this.b.place(n, [field]));
  }

  /**
   * A protocol id the register followed to a new one: the old id is named in
   * the old register and defined by its protocol only, the new id likewise in
   * the new, the register names the new one as often as it named the old, and
   * it is the one such pair of its kind (so two renames at once are left as
   * they are: removals and additions).
   */
  private matchProtocolIds(): void {
    const before = protocolIds(this.a.model);
    const after = protocolIds(this.b.model);
    const defined = (side: Side, kind: ProtocolKind) =>
      ({ role: side.basis.roleById, skill: side.basis.skillById, method: side.basis.methodById, site: side.basis.siteById })[kind];
    for (const kind of ['role', 'skill', 'method', 'site'] as const) {
      const [oldDefined, newDefined] = [defined(this.a, kind), defined(this.b, kind)];
      const gone = [...before[kind].keys()].filter((id) => !after[kind].has(id) && oldDefined.has(id) && !newDefined.has(id));
      const come = [...after[kind].keys()].filter((id) => !before[kind].has(id) && newDefined.has(id) && !oldDefined.has(id));
      if (gone.length === 1 && come.length === 1 && before[kind].get(gone[0]!) === after[kind].get(come[0]!))
        this.protocolRenames[kind].set(gone[0]!, come[0]!);
    }
  }

  /** An old protocol id as the new version names it. */
  private id(kind: ProtocolKind, id: string | undefined): string | undefined {
    return id === undefined ? undefined : (this.protocolRenames[kind].get(id) ?? id);
  }

  /** An old person id as the new version names it. */
  private person(id: string | undefined): string | undefined {
    return id === undefined ? undefined : (this.renamed.get(id) ?? id);
  }

  // ---- the register itself ----

  private register(): void {
    // The same file written `./x.roles.yaml` or `x.roles.yaml` is the same protocol.
    const written = (path: string) => path.replace(/\\/g, '/').replace(/(^|\/)(\.\/)+/g, '$1');
    const before = this.a.model.protocols.map((p) => written(p.path));
    const after = this.b.model.protocols.map((p) => written(p.path));
    const root: Entry = { path: [] };
    const added = after.filter((p) => !before.includes(p));
    const removed = before.filter((p) => !after.includes(p));
    if (added.length || removed.length) {
      const parts = [
        ...(added.length ? [`now checked against ${sentenceList(added.map(q))}`] : []),
        ...(removed.length ? [`no longer against ${sentenceList(removed.map(q))}`] : []),
      ];
      this.add(
        'register-protocol',
        'Register',
        `The register is ${parts.join(' and ')}.`,
        { old: before.join(', '), new: after.join(', ') },
        this.a.place(root, ['protocol']),
        this.b.place(root, ['protocol']),
      );
    }
    const info: Entry = { path: ['register'] };
    const ia = this.a.model.info;
    const ib = this.b.model.info;
    this.scalar('register-details', 'Register', 'department', info, info, ia.department, ib.department);
    this.scalar('register-details', 'Register', 'owner', info, info, ia.owner, ib.owner);
    this.scalar('register-details', 'Register', 'updated', info, info, ia.updated, ib.updated, 'date updated');
    this.scalar('register-details', 'Register', 'notes', info, info, ia.notes, ib.notes);
  }

  // ---- people ----

  /**
   * People by id; a removed id and an added id are one person renamed when
   * their staff group, band and registrations are the same, any names they
   * both state agree, and the references moved: the old id is named nowhere
   * in the new version, the new one nowhere in the old, as often as the old
   * was (and at least once, unless a registration number says who it is).
   */
  private matchPeople(): Matched<Person> & { renames: [Person, Person][] } {
    const firstOf = (list: readonly Person[]) => {
      const map = new Map<string, Person>();
      for (const p of list) if (p.id && !map.has(p.id)) map.set(p.id, p);
      return map;
    };
    const oldById = firstOf(this.a.model.people);
    const newById = firstOf(this.b.model.people);
    const pairs: [Person, Person][] = [];
    const removed: Person[] = [];
    for (const [id, o] of oldById) {
      const n = newById.get(id);
      if (n) pairs.push([o, n]);
      else removed.push(o);
    }
    let added = [...newById.values()].filter((p) => !oldById.has(p.id));
    const fingerprint = (p: Person) =>
      JSON.stringify([
        p.staffGroup ?? null,
        p.band === undefined ? null : String(p.band),
        p.registrations.map((r) => [r.register ?? '', r.number ?? '', r.expires ?? '']).sort(),
      ]);
    const renames: [Person, Person][] = [];
    const left = removed.filter((o) => {
      const count = this.a.references.get(o.id) ?? 0;
      if (this.b.references.has(o.id)) return true;
      const identified = count > 0 || o.registrations.some((r) => r.number !== undefined);
      if (!identified) return true;
      const n = added.find(
        (candidate) =>
          fingerprint(candidate) === fingerprint(o) &&
          !this.a.references.has(candidate.id) &&
          (this.b.references.get(candidate.id) ?? 0) === count &&
          (o.name === undefined || candidate.name === undefined || o.name === candidate.name),
      );
      if (!n) return true;
      renames.push([o, n]);
      this.renamed.set(o.id, n.id);
      added = added.filter((p) => p !== n);
      return false;
    });
    return { pairs, removed: left, added, renames };
  }

  private people(matched: ReturnType<RegisterDiff['matchPeople']>): void {
    const subject = (p: Person) => `Person ${q(p.id)}`;
    for (const o of matched.removed) this.add('person-removed', subject(o), `${subject(o)} removed.`, { old: o.id }, this.a.place(o));
    for (const [o, n] of matched.renames) {
      this.add(
        'person-renamed',
        subject(n),
        `${subject(n)}: id renamed from ${q(o.id)} to ${q(n.id)}.`,
        { old: o.id, new: n.id },
        this.a.place(o, ['id']),
        this.b.place(n, ['id']),
      );
      this.comparePerson(o, n);
    }
    for (const [o, n] of matched.pairs) this.comparePerson(o, n);
    for (const n of matched.added) this.add('person-added', subject(n), `${subject(n)} added.`, { new: n.id }, undefined, this.b.place(n));
  }

  private comparePerson(o: Person, n: Person): void {
    const subject = `Person ${q(n.id)}`;
    this.scalar('person-staff-group', subject, 'staffGroup', o, n, o.staffGroup, n.staffGroup, 'staff group');
    this.scalar('person-band', subject, 'band', o, n, bandText(o.band), bandText(n.band), 'band');
    this.registrations(subject, o, n);
    if (o.name !== n.name) {
      // Personal data: said, never shown.
      const message =
        o.name === undefined ? `${subject}: name now stated.` : n.name === undefined ? `${subject}: name no longer stated.` : `${subject}: name changed.`;
      this.add('person-wording', subject, message, {}, this.a.place(o, ['name']), this.b.place(n, ['name']));
    }
    this.scalar('person-wording', subject, 'notes', o, n, o.notes, n.notes);
  }

  /** Registrations by register (a person holds one of each); a second of the same register by order. */
  private registrations(subject: string, o: Person, n: Person): void {
    const text = (r: RegistrationHeld) => [r.register ?? 'a registration', r.number, r.expires ? `expires ${r.expires}` : undefined].filter(Boolean).join(', ');
    const matched = matchByKeys(o.registrations, n.registrations, [(r) => r.register]);
    for (const r of matched.removed)
      this.add(
        'person-registration-removed',
        subject,
        `${subject}: registration ${q(r.register ?? '')} removed.`,
        { old: text(r) },
        this.a.place(r),
        this.b.place(n, ['registrations']),
      );
    for (const [ro, rn] of matched.pairs) {
      const registration = `${subject}: ${rn.register ?? 'registration'}`;
      this.scalar('person-registration-number', subject, 'number', ro, rn, ro.number, rn.number, `${rn.register ?? 'registration'} number`);
      if (ro.expires !== rn.expires) {
        const earlier = rn.expires === undefined || (ro.expires !== undefined && dateOrder(rn.expires, ro.expires) < 0);
        const message =
          rn.expires === undefined
            ? `${registration}: expiry no longer stated (was ${ro.expires}).`
            : ro.expires === undefined
              ? `${registration}: now expires ${rn.expires} (not stated before).`
              : `${registration}: expires ${rn.expires} (was ${ro.expires}).`;
        this.add(
          earlier ? 'person-registration-expiry-earlier' : 'person-registration-renewed',
          subject,
          message,
          { old: ro.expires, new: rn.expires },
          this.a.place(ro, ['expires']),
          this.b.place(rn, ['expires']),
        );
      }
    }
    for (const r of matched.added)
      this.add(
        'person-registration-added',
        subject,
        `${subject}: registration ${q(r.register ?? '')} added.`,
        { new: text(r) },
        this.a.place(o, ['registrations']),
        this.b.place(r),
      );
  }

  // ---- entitlements ----

  private entitlementSubject(side: Side, e: Entitlement): string {
    return `Entitlement of ${q(e.person ?? 'no one')} as ${q(side.roleName(e.role))}`;
  }

  /** Matched by person and role: the same start date first, when a person holds a role twice. */
  private entitlements(): void {
    const key =
      (withFrom: boolean) =>
      (e: Entitlement, version: 'old' | 'new'): string =>
        [version === 'old' ? this.person(e.person) : e.person, version === 'old' ? this.id('role', e.role) : e.role, withFrom ? (e.from ?? '') : ''].join(
          '\u0000',
        );
    const matched = matchByKeys(this.a.model.entitlements, this.b.model.entitlements, [key(true), key(false)]);
    for (const e of matched.removed) {
      const subject = this.entitlementSubject(this.a, e);
      this.add('entitlement-removed', subject, `${subject} removed.`, { old: this.entitlementSummary(this.a, e) }, this.a.place(e));
    }
    for (const [o, n] of matched.pairs) this.entitlement(o, n);
    for (const e of matched.added) {
      const subject = this.entitlementSubject(this.b, e);
      this.add('entitlement-added', subject, `${subject} added.`, { new: this.entitlementSummary(this.b, e) }, undefined, this.b.place(e));
    }
  }

  private entitlementSummary(side: Side, e: Entitlement): string {
    return [
      e.from ? `from ${e.from}` : undefined,
      e.until ? `until ${e.until}` : undefined,
      e.sites ? `at ${e.sites.map(side.siteName).join(', ')}` : undefined,
      e.supervised ? 'supervised' : undefined,
      e.entitledBy ? `entitled by ${e.entitledBy}` : undefined,
    ]
      .filter(Boolean)
      .join(', ');
  }

  private entitlement(o: Entitlement, n: Entitlement): void {
    const subject = this.entitlementSubject(this.b, n);
    this.scalar('entitlement-from', subject, 'from', o, n, o.from, n.from, 'start date');
    if (o.until !== n.until) {
      const ended = n.until !== undefined && (o.until === undefined || dateOrder(n.until, o.until) < 0);
      const message =
        n.until === undefined
          ? `${subject}: no longer ends (was until ${o.until}).`
          : `${subject}: now ends on ${n.until}${o.until === undefined ? ' (had no end date)' : ` (was ${o.until})`}.`;
      this.add(
        ended ? 'entitlement-ended' : 'entitlement-extended',
        subject,
        message,
        { old: o.until, new: n.until },
        this.a.place(o, ['until']),
        this.b.place(n, ['until']),
      );
    }
    this.sites('entitlement-sites', 'entitlement-sites', subject, o, n, o.sites, n.sites);
    if (o.supervised !== n.supervised) {
      const text = (s: boolean) => (s ? 'supervised' : 'not supervised');
      this.add(
        'entitlement-supervised',
        subject,
        `${subject}: ${n.supervised ? 'now under supervision' : 'no longer under supervision'}.`,
        { old: text(o.supervised), new: text(n.supervised) },
        this.a.place(o, ['supervised']),
        this.b.place(n, ['supervised']),
      );
    }
    this.scalar('entitlement-entitled-by', subject, 'entitledBy', o, n, this.person(o.entitledBy), n.entitledBy, 'entitled by');
    this.scalar('entitlement-scope', subject, 'scope', o, n, o.scope, n.scope, 'scope');
  }

  /** Sites an entry covers; undefined is every site. Narrowing and widening are apart unless one kind is given for both. */
  private sites(
    narrowed: ChangeKind,
    widened: ChangeKind,
    subject: string,
    o: Entry,
    n: Entry,
    before: string[] | undefined,
    after: string[] | undefined,
  ): void {
    if (before === undefined && after === undefined) return;
    const text = (side: Side, ids: string[] | undefined) => (ids === undefined ? 'every site' : ids.map(side.siteName).join(', ') || 'no site');
    const values = { old: text(this.a, before), new: text(this.b, after) };
    const placeA = this.a.place(o, ['sites']);
    const placeB = this.b.place(n, ['sites']);
    if (before === undefined || after === undefined) {
      this.add(after === undefined ? widened : narrowed, subject, `${subject}: sites changed from ${values.old} to ${values.new}.`, values, placeA, placeB);
      return;
    }
    const mappedBefore = before.map((s) => this.id('site', s)!);
    const added = [...new Set(after)].filter((s) => !mappedBefore.includes(s));
    const removed = [...new Set(before)].filter((s) => !after.includes(this.id('site', s)!));
    if (added.length === 0 && removed.length === 0) return;
    const addedNames = added.map(this.b.siteName);
    const removedNames = removed.map(this.a.siteName);
    if (narrowed === widened) {
      const parts = [
        ...(addedNames.length ? [`now also at ${sentenceList(addedNames)}`] : []),
        ...(removedNames.length ? [`no longer at ${sentenceList(removedNames)}`] : []),
      ];
      this.add(narrowed, subject, `${subject}: ${parts.join('; ')}.`, values, placeA, placeB);
      return;
    }
    if (removedNames.length) this.add(narrowed, subject, `${subject}: no longer covers ${sentenceList(removedNames)}.`, values, placeA, placeB);
    if (addedNames.length) this.add(widened, subject, `${subject}: now also covers ${sentenceList(addedNames)}.`, values, placeA, placeB);
  }

  // ---- training records ----

  private trainingSubject(side: Side, t: TrainingRecord): string {
    return `Training of ${q(t.person ?? 'no one')} in ${q(side.skillName(t.skill))}${t.completed ? ` completed ${t.completed}` : ' (under way)'}`;
  }

  private trainingSummary(side: Side, t: TrainingRecord): string {
    return [
      t.method ? side.methodName(t.method) : undefined,
      t.completed ? `completed ${t.completed}` : 'under way',
      t.result !== undefined ? `result ${t.result}` : undefined,
      t.signedOffBy ? `signed off by ${t.signedOffBy}` : undefined,
      t.record ? `evidence: ${t.record}` : undefined,
    ]
      .filter(Boolean)
      .join(', ');
  }

  /** Matched by person, skill and completion date; then by person, skill and method (a date changed, or training completed). */
  private training(): void {
    const person = (t: TrainingRecord, version: 'old' | 'new') => (version === 'old' ? this.person(t.person) : t.person) ?? '';
    const skill = (t: TrainingRecord, version: 'old' | 'new') => (version === 'old' ? this.id('skill', t.skill) : t.skill) ?? '';
    const method = (t: TrainingRecord, version: 'old' | 'new') => (version === 'old' ? this.id('method', t.method) : t.method) ?? '';
    const matched = matchByKeys(this.a.model.training, this.b.model.training, [
      (t, v) => [person(t, v), skill(t, v), t.completed ?? 'under way'].join('\u0000'),
      (t, v) => [person(t, v), skill(t, v), method(t, v)].join('\u0000'),
    ]);
    for (const t of matched.removed) {
      const subject = this.trainingSubject(this.a, t);
      this.add('training-record-removed', subject, `${subject} removed.`, { old: this.trainingSummary(this.a, t) }, this.a.place(t));
    }
    for (const [o, n] of matched.pairs) this.trainingRecord(o, n);
    for (const t of matched.added) {
      const subject = this.trainingSubject(this.b, t);
      this.add('training-record-added', subject, `${subject} added.`, { new: this.trainingSummary(this.b, t) }, undefined, this.b.place(t));
    }
  }

  private trainingRecord(o: TrainingRecord, n: TrainingRecord): void {
    // Named as it was (its completion then), by the new version's ids.
    const subject = this.trainingSubject(this.b, { ...n, completed: o.completed });
    // Training completed: the evidence, sign-off and result it now states are part of that one change.
    const completing = o.completed === undefined && n.completed !== undefined;
    const stated = (before: unknown, after: unknown) => completing && before === undefined && after !== undefined;
    if (o.completed !== n.completed) {
      const message = completing
        ? `${subject}: completed on ${n.completed}${[
            stated(o.signedOffBy, n.signedOffBy) ? `, signed off by ${n.signedOffBy}` : '',
            stated(o.result, n.result) ? `, result ${n.result}` : '',
            stated(o.record, n.record) ? `, evidence in ${n.record}` : '',
          ].join('')}.`
        : n.completed === undefined
          ? `${subject}: no longer completed (was completed ${o.completed}).`
          : `${subject}: completion date changed from ${o.completed} to ${n.completed}.`;
      this.add(
        completing ? 'training-record-completed' : 'training-record-date',
        subject,
        message,
        completing ? { old: 'under way', new: this.trainingSummary(this.b, n) } : { old: o.completed, new: n.completed },
        this.a.place(o, ['completed']),
        this.b.place(n, ['completed']),
      );
    }
    const method = (side: Side, id: string | undefined) => (id === undefined ? undefined : side.methodName(id));
    if (this.id('method', o.method) !== n.method)
      this.scalar('training-record-method', subject, 'method', o, n, method(this.a, o.method), method(this.b, n.method), 'method');
    if (!stated(o.record, n.record))
      this.scalar(
        o.record !== undefined && n.record === undefined ? 'training-record-evidence-removed' : 'training-record-evidence',
        subject,
        'record',
        o,
        n,
        o.record,
        n.record,
        'record of evidence',
      );
    const signedOffBefore = this.person(o.signedOffBy);
    if (!stated(o.signedOffBy, n.signedOffBy) && signedOffBefore !== n.signedOffBy) {
      // A sign-off newly stated adds evidence; one changed or removed changes the independent check.
      const message =
        signedOffBefore === undefined
          ? `${subject}: now says who signed it off: ${n.signedOffBy}.`
          : n.signedOffBy === undefined
            ? `${subject}: no longer says who signed it off (was ${signedOffBefore}).`
            : `${subject}: now signed off by ${n.signedOffBy} (was ${signedOffBefore}).`;
      this.add(
        signedOffBefore === undefined ? 'training-record-evidence' : 'training-record-sign-off',
        subject,
        message,
        { old: signedOffBefore, new: n.signedOffBy },
        this.a.place(o, ['signedOffBy']),
        this.b.place(n, ['signedOffBy']),
      );
    }
    if (o.result !== n.result && !stated(o.result, n.result)) {
      const lower = n.result === undefined || (o.result !== undefined && n.result < o.result);
      this.scalar(
        lower ? 'training-record-result-lower' : 'training-record-result-higher',
        subject,
        'result',
        o,
        n,
        o.result?.toString(),
        n.result?.toString(),
        'result',
      );
    }
    this.sites('training-record-sites-removed', 'training-record-sites-added', subject, o, n, o.sites, n.sites);
    this.scalar('training-record-notes', subject, 'notes', o, n, o.notes, n.notes);
  }

  // ---- supervision ----

  private supervisionSubject(s: Supervision): string {
    return `Supervision of ${q(s.trainee ?? 'no one')} by ${q(s.supervisor ?? 'no one')}`;
  }

  /** Matched by trainee and supervisor (the same start first); then by trainee and skills, a supervisor changed. */
  private supervision(): void {
    const trainee = (s: Supervision, v: 'old' | 'new') => (v === 'old' ? this.person(s.trainee) : s.trainee) ?? '';
    const supervisor = (s: Supervision, v: 'old' | 'new') => (v === 'old' ? this.person(s.supervisor) : s.supervisor) ?? '';
    const matched = matchByKeys(this.a.model.supervision, this.b.model.supervision, [
      (s, v) => [trainee(s, v), supervisor(s, v), s.from ?? ''].join('\u0000'),
      (s, v) => [trainee(s, v), supervisor(s, v)].join('\u0000'),
      (s, v) => [trainee(s, v), [...new Set(v === 'old' ? s.skills.map((k) => this.id('skill', k)!) : s.skills)].sort().join(',')].join('\u0000'),
    ]);
    const summary = (side: Side, s: Supervision) =>
      [s.skills.map(side.skillName).join(', ') || 'no skill', s.from ? `from ${s.from}` : undefined, s.until ? `until ${s.until}` : undefined]
        .filter(Boolean)
        .join(', ');
    for (const s of matched.removed) {
      const subject = this.supervisionSubject(s);
      this.add('supervision-removed', subject, `${subject} removed.`, { old: summary(this.a, s) }, this.a.place(s));
    }
    for (const [o, n] of matched.pairs) {
      const subject = this.supervisionSubject(n);
      this.scalar('supervision-supervisor', subject, 'supervisor', o, n, this.person(o.supervisor), n.supervisor, 'supervisor');
      const before = new Set(o.skills.map((k) => this.id('skill', k)!));
      const after = new Set(n.skills);
      const added = [...after].filter((s) => !before.has(s));
      const removed = o.skills.filter((s) => !after.has(this.id('skill', s)!));
      if (added.length || removed.length) {
        const parts = [
          ...(added.length ? [`now also ${sentenceList(added.map((s) => q(this.b.skillName(s))))}`] : []),
          ...(removed.length ? [`no longer ${sentenceList(removed.map((s) => q(this.a.skillName(s))))}`] : []),
        ];
        this.add(
          'supervision-skills',
          subject,
          `${subject}: ${parts.join('; ')}.`,
          { old: o.skills.map(this.a.skillName).join(', '), new: n.skills.map(this.b.skillName).join(', ') },
          this.a.place(o, ['skills']),
          this.b.place(n, ['skills']),
        );
      }
      this.scalar('supervision-dates', subject, 'from', o, n, o.from, n.from, 'start date');
      this.scalar('supervision-dates', subject, 'until', o, n, o.until, n.until, 'end date');
      this.scalar('supervision-notes', subject, 'notes', o, n, o.notes, n.notes);
    }
    for (const s of matched.added) {
      const subject = this.supervisionSubject(s);
      this.add('supervision-added', subject, `${subject} added.`, { new: summary(this.b, s) }, undefined, this.b.place(s));
    }
  }
}
