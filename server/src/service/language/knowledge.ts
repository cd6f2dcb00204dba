import type { IdOccurrence } from '../model/ids';
import type { Protocol } from '../model/protocol';
import type { DocumentKind, EntityKind } from '../schema/schema';

/** One defined entry, as completion and hover show it. */
export interface KnownEntity {
  kind: EntityKind;
  id: string;
  /** Its title or name. */
  name: string;
  /** Where it is defined: the file (undefined: this document) and the id's offsets. */
  source?: string;
  start: number;
  end: number;
}

/**
 * What the document defines, kept from the last text that parsed so that
 * completion still knows the ids while the author is mid-edit.
 */
export interface Knowledge {
  protocol?: Protocol;
  entities: KnownEntity[];
  /** A protocol or a catalogue: which keys completion offers at the top. Protocol when unknown. */
  kind?: DocumentKind;
}

export function knowledgeFrom(protocol: Protocol | undefined, ids: IdOccurrence[], source?: string): Knowledge {
  const entities: KnownEntity[] = [];
  for (const occurrence of ids) {
    if (occurrence.use !== 'definition') continue;
    entities.push({
      kind: occurrence.kind,
      id: occurrence.id,
      name: protocol ? entityName(protocol, occurrence.kind, occurrence.id) : occurrence.id,
      source,
      start: occurrence.node.start,
      end: occurrence.node.end,
    });
  }
  return { protocol, entities };
}

/** A role's title, the name of a step, skill, method, record or site, or a reference's title. */
export function entityName(protocol: Protocol, kind: EntityKind, id: string): string {
  switch (kind) {
    case 'role':
      return protocol.roleById.get(id)?.title ?? id;
    case 'step':
      return protocol.stepById.get(id)?.name ?? id;
    case 'skill':
      return protocol.skillById.get(id)?.name ?? id;
    case 'method':
      return protocol.methodById.get(id)?.name ?? id;
    case 'record':
      return protocol.recordById.get(id)?.name ?? id;
    case 'site':
      return protocol.siteById.get(id)?.name ?? id;
    case 'person':
      // A register's people are named by their ids everywhere the tool shows them (names are personal data).
      return id;
    case 'reference':
      return protocol.referenceById.get(id)?.title ?? id;
  }
}
