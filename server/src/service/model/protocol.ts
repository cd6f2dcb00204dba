import type { Path } from '../parse/tree';
import { band, entries, isObject, num, optionalStrings, own, str, strings, type Data } from './data';

/**
 * A typed, forgiving view of a protocol's data for the rules and tables.
 * Built once per document from whatever the author wrote: a field of the
 * wrong type is left out here (the schema check reports it), so rules never
 * have to guard against it. Every entry keeps its path for placing findings.
 */

export type Band = number | string;

export interface Entry {
  /** Path of this entry in its file, e.g. ['roles', 2]. */
  path: Path;
  /** The included catalogue the entry comes from; undefined for the document's own entries. */
  file?: string;
}

export interface Entity extends Entry {
  id: string;
}

export interface Role extends Entity {
  title: string;
  shortName?: string;
  staffGroups: string[];
  minBand?: Band;
  maxBand?: Band;
  careerLevel?: string;
  /** The national job profile (or IPEM proposed level) the role is banded against. */
  nationalProfile?: string;
  registrations: string[];
  capacities: string[];
  /** For a practitioner: the exposures the entitlement covers (imaging, therapeutic, both); undefined when not stated. */
  practitionerScope?: string;
  /** The ids of the references (the employer's procedures) that entitle the role's holders in its IR(ME)R capacities. */
  procedures: string[];
  /** The ids of the records where its holders' core IR(ME)R and radiation protection training (Schedule 3) is recorded. */
  coreTraining: string[];
  responsibilities: string[];
  notes?: string;
}

/**
 * The parts a role can play in a step, as the responsibility matrix letters them.
 * `operates` is driving the console under the direction of the roles responsible
 * for the step; every other part that acts on the step (performs, edits,
 * approves) carries clinical responsibility for its outcome.
 */
export const STEP_PARTS = ['performs', 'edits', 'approves', 'agrees', 'supports', 'reviews', 'operates'] as const;
export type StepPart = (typeof STEP_PARTS)[number];
export const PART_LETTERS: Record<StepPart, string> = { performs: 'P', edits: 'E', approves: 'A', agrees: 'G', supports: 'S', reviews: 'R', operates: 'O' };
/** The parts that carry clinical responsibility for a step's outcome: entitlement, extended scope and independence read these. */
export const RESPONSIBLE_PARTS: readonly StepPart[] = ['performs', 'edits', 'approves'];

export interface Step extends Entity, Record<StepPart, string[]> {
  name: string;
  /** Position in the workflow, from 0. */
  order: number;
  phase: 'online' | 'offline';
  /** Whether every approver must approve (`all`, the default) or any one may (`any`). */
  approval: 'all' | 'any';
  activity?: string;
  skills: string[];
  /** The sites this step applies to; undefined means every site. */
  sites?: string[];
  covers: string[];
  /** For an online step: what happens when its role is unavailable or its check fails. */
  contingency?: string;
  /** For an offline review: when it happens after the session. */
  timing?: { beforeNextFraction?: boolean; withinDays?: number };
  notes?: string;
}

export interface Skill extends Entity {
  name: string;
  description?: string;
}

export interface Method extends Entity {
  name: string;
  type?: string;
  passMark?: number;
  certificate?: boolean;
  description?: string;
}

export interface EvidenceRecord extends Entity {
  name: string;
  location?: string;
  description?: string;
}

export interface Site extends Entity {
  name: string;
  clinicalProtocol?: { reference?: string; approvedBy?: string; approvedOn?: string };
  mpeInvolvement?: string;
  clinicianPresence?: string;
  fractions?: number;
  fractionsPerWeek?: number;
}

export interface Prerequisites {
  experienceYears?: number;
  registrations: string[];
  notes?: string;
}

export interface TrainingRow extends Entry {
  order: number;
  skill?: string;
  roles: string[];
  roleLabel?: string;
  methods: string[];
  records: string[];
  prerequisites?: Prerequisites;
  signOff?: string;
  reassessEveryMonths?: number;
  /** The sites this row's training covers; undefined means every site. */
  sites?: string[];
  notes?: string;
}

/** One entry of the top-level `contingencies` section: for a step, when something fails, what happens instead. */
export interface Contingency extends Entry {
  step?: string;
  when?: string;
  then?: string;
}

export interface Approval extends Entry {
  name?: string;
  /** The role of this protocol the person approved in. */
  role?: string;
  /** Or the post they approved in, when it is not a role of the protocol (a clinical director). */
  post?: string;
  date?: string;
}

/** A document the protocol implements or depends on; roles name it by its `id` (its number in the quality system). */
export interface Reference extends Entity {
  title: string;
  /** employer-procedure, clinical-protocol, work-instruction, guidance, legislation, other; undefined when not stated. */
  kind?: string;
  url?: string;
}

/** One version in the document's change history. */
export interface Change extends Entry {
  version?: string;
  date?: string;
  summary?: string;
  approvedBy?: string;
}

export interface DocumentControl {
  present: boolean;
  id?: string;
  title?: string;
  version?: string;
  status?: string;
  owner?: string;
  approvals: Approval[];
  effectiveDate?: string;
  reviewDue?: string;
  /** The references in the order written; one without an id has `id: ''` (nothing can name it). */
  references: Reference[];
  /** The change history, in the order written (a document control built elsewhere may leave it out). */
  changes?: Change[];
}

export interface Service {
  employer?: string;
  department?: string;
  platform?: string;
  replaces?: string;
  doseCheckSystem?: string;
  contourTrainingTool?: string;
}

export interface Protocol {
  format?: string;
  document: DocumentControl;
  service: Service;
  sites: Site[];
  roles: Role[];
  workflow: Step[];
  skills: Skill[];
  methods: Method[];
  records: EvidenceRecord[];
  training: TrainingRow[];
  /** The top-level contingency plan, in the order written. */
  contingencies: Contingency[];
  includes: string[];
  /** Indexes, computed once: the first definition of each id wins. */
  roleById: Map<string, Role>;
  stepById: Map<string, Step>;
  skillById: Map<string, Skill>;
  methodById: Map<string, Method>;
  recordById: Map<string, EvidenceRecord>;
  siteById: Map<string, Site>;
  referenceById: Map<string, Reference>;
  trainingBySkill: Map<string, TrainingRow[]>;
}

function timing(value: unknown): Step['timing'] {
  if (!isObject(value)) return undefined;
  const before = own(value, 'beforeNextFraction');
  return { beforeNextFraction: typeof before === 'boolean' ? before : undefined, withinDays: num(value, 'withinDays') };
}

function index<T extends Entity>(items: T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (item.id && !map.has(item.id)) map.set(item.id, item);
  return map;
}

/** Builds the typed view from plain data (what the YAML or JSON loaded as). */
export function buildProtocol(data: unknown): Protocol {
  const root: Data = isObject(data) ? data : {};
  const doc = own(root, 'document');
  const d: Data = isObject(doc) ? doc : {};
  const document: DocumentControl = {
    present: isObject(doc),
    id: str(d, 'id'),
    title: str(d, 'title'),
    version: str(d, 'version'),
    status: str(d, 'status'),
    owner: str(d, 'owner'),
    approvals: entries(d, 'approvals').map(([a, i]) => ({
      path: ['document', 'approvals', i],
      name: str(a, 'name'),
      role: str(a, 'role'),
      post: str(a, 'post'),
      date: str(a, 'date'),
    })),
    effectiveDate: str(d, 'effectiveDate'),
    reviewDue: str(d, 'reviewDue'),
    references: entries(d, 'references').map(([r, i]) => ({
      path: ['document', 'references', i],
      id: str(r, 'id') ?? '',
      title: str(r, 'title') ?? str(r, 'id') ?? '',
      kind: str(r, 'kind'),
      url: str(r, 'url'),
    })),
    changes: entries(d, 'changes').map(([c, i]) => ({
      path: ['document', 'changes', i],
      version: str(c, 'version'),
      date: str(c, 'date'),
      summary: str(c, 'summary'),
      approvedBy: str(c, 'approvedBy'),
    })),
  };
  const svc = own(root, 'service');
  const s: Data = isObject(svc) ? svc : {};
  const service: Service = {
    employer: str(s, 'employer'),
    department: str(s, 'department'),
    platform: str(s, 'platform'),
    replaces: str(s, 'replaces'),
    doseCheckSystem: str(s, 'doseCheckSystem'),
    contourTrainingTool: str(s, 'contourTrainingTool'),
  };
  const sites: Site[] = entries(root, 'sites').map(([x, i]) => {
    const cp = own(x, 'clinicalProtocol');
    return {
      path: ['sites', i],
      id: str(x, 'id') ?? '',
      name: str(x, 'name') ?? str(x, 'id') ?? '',
      clinicalProtocol: isObject(cp) ? { reference: str(cp, 'reference'), approvedBy: str(cp, 'approvedBy'), approvedOn: str(cp, 'approvedOn') } : undefined,
      mpeInvolvement: str(x, 'mpeInvolvement'),
      clinicianPresence: str(x, 'clinicianPresence'),
      fractions: num(x, 'fractions'),
      fractionsPerWeek: num(x, 'fractionsPerWeek'),
    };
  });
  const roles: Role[] = entries(root, 'roles').map(([x, i]) => ({
    path: ['roles', i],
    id: str(x, 'id') ?? '',
    title: str(x, 'title') ?? str(x, 'id') ?? '',
    shortName: str(x, 'shortName'),
    staffGroups: strings(x, 'staffGroups'),
    minBand: band(x, 'minBand'),
    maxBand: band(x, 'maxBand'),
    careerLevel: str(x, 'careerLevel'),
    nationalProfile: str(x, 'nationalProfile'),
    registrations: strings(x, 'registrations'),
    capacities: strings(x, 'capacities'),
    practitionerScope: str(x, 'practitionerScope'),
    procedures: strings(x, 'procedures'),
    coreTraining: strings(x, 'coreTraining'),
    responsibilities: strings(x, 'responsibilities'),
    notes: str(x, 'notes'),
  }));
  const workflow: Step[] = entries(root, 'workflow').map(([x, i]) => ({
    path: ['workflow', i],
    id: str(x, 'id') ?? '',
    name: str(x, 'name') ?? str(x, 'id') ?? '',
    order: i,
    phase: str(x, 'phase') === 'offline' ? 'offline' : 'online',
    approval: str(x, 'approval') === 'any' ? 'any' : 'all',
    activity: str(x, 'activity'),
    performs: strings(x, 'performs'),
    edits: strings(x, 'edits'),
    approves: strings(x, 'approves'),
    agrees: strings(x, 'agrees'),
    supports: strings(x, 'supports'),
    reviews: strings(x, 'reviews'),
    operates: strings(x, 'operates'),
    skills: strings(x, 'skills'),
    sites: optionalStrings(x, 'sites'),
    covers: strings(x, 'covers'),
    contingency: str(x, 'contingency'),
    timing: timing(own(x, 'timing')),
    notes: str(x, 'notes'),
  }));
  const skills: Skill[] = entries(root, 'skills').map(([x, i]) => ({
    path: ['skills', i],
    id: str(x, 'id') ?? '',
    name: str(x, 'name') ?? str(x, 'id') ?? '',
    description: str(x, 'description'),
  }));
  const methods: Method[] = entries(root, 'methods').map(([x, i]) => {
    const certificate = own(x, 'certificate');
    return {
      path: ['methods', i],
      id: str(x, 'id') ?? '',
      name: str(x, 'name') ?? str(x, 'id') ?? '',
      type: str(x, 'type'),
      passMark: num(x, 'passMark'),
      certificate: typeof certificate === 'boolean' ? certificate : undefined,
      description: str(x, 'description'),
    };
  });
  const records: EvidenceRecord[] = entries(root, 'records').map(([x, i]) => ({
    path: ['records', i],
    id: str(x, 'id') ?? '',
    name: str(x, 'name') ?? str(x, 'id') ?? '',
    location: str(x, 'location'),
    description: str(x, 'description'),
  }));
  const training: TrainingRow[] = entries(root, 'training').map(([x, i]) => {
    const pre = own(x, 'prerequisites');
    return {
      path: ['training', i],
      order: i,
      skill: str(x, 'skill'),
      roles: strings(x, 'roles'),
      roleLabel: str(x, 'roleLabel'),
      methods: strings(x, 'methods'),
      records: strings(x, 'records'),
      prerequisites: isObject(pre)
        ? { experienceYears: num(pre, 'experienceYears'), registrations: strings(pre, 'registrations'), notes: str(pre, 'notes') }
        : undefined,
      signOff: str(x, 'signOff'),
      reassessEveryMonths: num(x, 'reassessEveryMonths'),
      sites: optionalStrings(x, 'sites'),
      notes: str(x, 'notes'),
    };
  });
  const contingencies: Contingency[] = entries(root, 'contingencies').map(([x, i]) => ({
    path: ['contingencies', i],
    step: str(x, 'step'),
    when: str(x, 'when'),
    then: str(x, 'then'),
  }));
  const trainingBySkill = new Map<string, TrainingRow[]>();
  for (const row of training) {
    if (!row.skill) continue;
    const rows = trainingBySkill.get(row.skill);
    if (rows) rows.push(row);
    else trainingBySkill.set(row.skill, [row]);
  }
  return {
    format: str(root, 'format'),
    document,
    service,
    sites,
    roles,
    workflow,
    skills,
    methods,
    records,
    training,
    contingencies,
    includes: strings(root, 'includes'),
    roleById: index(roles),
    stepById: index(workflow),
    skillById: index(skills),
    methodById: index(methods),
    recordById: index(records),
    siteById: index(sites),
    referenceById: index(document.references),
    trainingBySkill,
  };
}

/**
 * The roles a protocol's tables show: its own, then those of included
 * catalogues that its steps or training rows name (a shared catalogue may
 * hold roles this protocol never uses).
 */
export function rolesInUse(protocol: Protocol): Role[] {
  const own = new Set(protocol.roles);
  const named = new Set<string>();
  for (const step of protocol.workflow) for (const part of STEP_PARTS) for (const id of step[part]) named.add(id);
  for (const row of protocol.training) for (const id of row.roles) named.add(id);
  const included = [...protocol.roleById.values()].filter((role) => !own.has(role) && named.has(role.id));
  return [...protocol.roles, ...included];
}

/** A role's capacities as a person writes them, the practitioner's scope beside it: "practitioner (imaging), operator". */
export function capacitiesText(role: Role, written: (text: string) => string = (text) => text): string {
  // `written` shows the document's words (a Markdown hover escapes them); the joining is ours.
  return role.capacities
    .map((c) => (c === 'practitioner' && role.practitionerScope ? `practitioner (${written(role.practitionerScope)})` : written(c)))
    .join(', ');
}

/** The name a table shows for a role: its title. */
export function roleName(protocol: Protocol, id: string): string {
  return protocol.roleById.get(id)?.title ?? id;
}
