import type { Band, Entity, Entry } from '../model/protocol';
import { band as bandOf, entries, isObject, optionalStrings, own, str, strings, type Data } from '../model/data';

/**
 * A typed, forgiving view of a register of people (`role-register/1`), built
 * like the protocol's (`model/protocol.ts`): a field of the wrong type is left
 * out (the schema check reports it), every entry keeps its path for placing
 * findings, and the first definition of a person wins.
 */

export interface RegistrationHeld extends Entry {
  register?: string;
  number?: string;
  expires?: string;
}

export interface Person extends Entity {
  /** Optional: the tool never shows it in tables, reports or machine output. */
  name?: string;
  staffGroup?: string;
  band?: Band;
  registrations: RegistrationHeld[];
  notes?: string;
}

export interface Entitlement extends Entry {
  person?: string;
  role?: string;
  from?: string;
  until?: string;
  entitledBy?: string;
  /** The sites it covers; undefined means every site. */
  sites?: string[];
  /** Works in the role under supervision, before signed off in every skill. */
  supervised: boolean;
  scope?: string;
}

export interface TrainingRecord extends Entry {
  person?: string;
  skill?: string;
  method?: string;
  /** Undefined while the training is under way. */
  completed?: string;
  record?: string;
  signedOffBy?: string;
  result?: number;
  /** The sites it covers; undefined means every site. */
  sites?: string[];
  notes?: string;
}

export interface Supervision extends Entry {
  trainee?: string;
  supervisor?: string;
  skills: string[];
  from?: string;
  until?: string;
  notes?: string;
}

export interface Register {
  format?: string;
  /** The protocols it is checked against, as written (relative paths), with where each is written. */
  protocols: { path: string; at: (string | number)[] }[];
  info: { department?: string; owner?: string; updated?: string; notes?: string };
  people: Person[];
  entitlements: Entitlement[];
  training: TrainingRecord[];
  supervision: Supervision[];
  personById: Map<string, Person>;
  entitlementsByPerson: Map<string, Entitlement[]>;
  trainingByPerson: Map<string, TrainingRecord[]>;
  supervisionByTrainee: Map<string, Supervision[]>;
}

function group<T>(items: T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Builds the typed view from plain data (what the YAML or JSON loaded as). */
export function buildRegister(data: unknown): Register {
  const root: Data = isObject(data) ? data : {};
  const written = own(root, 'protocol');
  const protocols =
    typeof written === 'string'
      ? [{ path: written, at: ['protocol'] }]
      : Array.isArray(written)
        ? written.flatMap((p, i) => (typeof p === 'string' ? [{ path: p, at: ['protocol', i] }] : []))
        : [];
  const about = own(root, 'register');
  const r: Data = isObject(about) ? about : {};
  const people: Person[] = entries(root, 'people').map(([x, i]) => {
    return {
      path: ['people', i],
      id: str(x, 'id') ?? '',
      name: str(x, 'name'),
      staffGroup: str(x, 'staffGroup'),
      band: bandOf(x, 'band'),
      registrations: entries(x, 'registrations').map(([g, j]) => ({
        path: ['people', i, 'registrations', j],
        register: str(g, 'register'),
        number: str(g, 'number'),
        expires: str(g, 'expires'),
      })),
      notes: str(x, 'notes'),
    };
  });
  const entitlements: Entitlement[] = entries(root, 'entitlements').map(([x, i]) => ({
    path: ['entitlements', i],
    person: str(x, 'person'),
    role: str(x, 'role'),
    from: str(x, 'from'),
    until: str(x, 'until'),
    entitledBy: str(x, 'entitledBy'),
    sites: optionalStrings(x, 'sites'),
    supervised: own(x, 'supervised') === true,
    scope: str(x, 'scope'),
  }));
  const training: TrainingRecord[] = entries(root, 'training').map(([x, i]) => {
    const result = own(x, 'result');
    return {
      path: ['training', i],
      person: str(x, 'person'),
      skill: str(x, 'skill'),
      method: str(x, 'method'),
      completed: str(x, 'completed'),
      record: str(x, 'record'),
      signedOffBy: str(x, 'signedOffBy'),
      result: typeof result === 'number' && Number.isFinite(result) ? result : undefined,
      sites: optionalStrings(x, 'sites'),
      notes: str(x, 'notes'),
    };
  });
  const supervision: Supervision[] = entries(root, 'supervision').map(([x, i]) => ({
    path: ['supervision', i],
    trainee: str(x, 'trainee'),
    supervisor: str(x, 'supervisor'),
    skills: strings(x, 'skills'),
    from: str(x, 'from'),
    until: str(x, 'until'),
    notes: str(x, 'notes'),
  }));
  const personById = new Map<string, Person>();
  for (const person of people) if (person.id && !personById.has(person.id)) personById.set(person.id, person);
  return {
    format: str(root, 'format'),
    protocols,
    info: { department: str(r, 'department'), owner: str(r, 'owner'), updated: str(r, 'updated'), notes: str(r, 'notes') },
    people,
    entitlements,
    training,
    supervision,
    personById,
    entitlementsByPerson: group(entitlements, (e) => e.person),
    trainingByPerson: group(training, (t) => t.person),
    supervisionByTrainee: group(supervision, (s) => s.trainee),
  };
}
