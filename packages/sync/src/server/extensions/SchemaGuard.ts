import * as Y from 'yjs';
import type { Extension, beforeHandleMessagePayload } from '@hocuspocus/server';
import {
  CURRENT_SCHEMA_VERSION,
  CardSchema,
  ConnectionSchema,
  DOCUMENT_LIMITS,
  EmotionPointSchema,
  EvidenceSchema,
  JourneyMapSchema,
  LaneSchema,
  MetricBindingSchema,
  OpportunitySchema,
  PersonaSchema,
  StageSchema,
  StepSchema,
  issuesFromZod,
  type CollectionName,
} from '@trailmap/schema';
import type { z } from 'zod';
import { MAP_KEY, META_KEY } from '../../doc/layout';
import { SOCIAL_KEYS } from '../../social/model';
import { closeWithCode } from './Auth';
import { clientUpdateOf } from './Persistence';

/** Close event for an update that would make the document invalid; clients should reload. */
export const INVALID_UPDATE = { code: 4422, reason: 'Invalid document update' };

const RECORD_SCHEMAS: Record<CollectionName, z.ZodType> = {
  personas: PersonaSchema,
  stages: StageSchema,
  steps: StepSchema,
  lanes: LaneSchema,
  cards: CardSchema,
  emotions: EmotionPointSchema,
  connections: ConnectionSchema,
  opportunities: OpportunitySchema,
  evidence: EvidenceSchema,
  metricBindings: MetricBindingSchema,
};
const isCollection = (root: string): root is CollectionName => root in RECORD_SCHEMAS;
const socialRoots = new Set<string>(SOCIAL_KEYS);

/** Where a struct of an update writes: a field of a root map, or a record, or a record's field. */
interface Slot {
  root: string;
  record?: string;
  field?: string;
}

class Invalid extends Error {}

/** What one record (or the map/meta fields) will look like once an update is applied. */
interface Candidate {
  fields: Record<string, unknown>;
  isNew: boolean;
  deleted: boolean;
}

/**
 * Reads a client's update against the document it is about to change and computes, for every
 * record it touches, the record as it would be afterwards (existing fields, plus the fields the
 * update sets, minus the ones it deletes). Each is checked against its `@trailmap/schema` record
 * schema, so a document that no longer converts to a valid journey is never produced.
 */
class UpdateCheck {
  private readonly structs: Y.Item[] = [];
  private readonly candidates = new Map<string, Candidate>();
  private readonly newRecords = new Map<string, number>();

  constructor(
    private readonly document: Y.Doc,
    update: Uint8Array,
  ) {
    const decoded = Y.decodeUpdate(update);
    for (const struct of decoded.structs) if (struct instanceof Y.Item) this.structs.push(struct);
    for (const item of this.structs) this.write(item);
    const deleted: Y.Item[] = [];
    for (const [client, deletions] of decoded.ds.clients) {
      for (const { clock, len } of deletions) deleted.push(...this.existingRange(client, clock, len));
    }
    // Removing a record removes its fields too: those are no field deletions of a live record.
    const removedRecords = new Set(deleted);
    for (const item of deleted) {
      if (!removedRecords.has((item.parent as Y.AbstractType<unknown>)._item as Y.Item)) this.delete(item);
    }
  }

  /** The issues found, empty when the update keeps the document valid. */
  issues(): string[] {
    const issues: string[] = [];
    for (const [key, candidate] of this.candidates) {
      if (candidate.deleted) continue;
      const [root, record] = key.split('\u0000') as [string, string | undefined];
      issues.push(...this.check(root, record, candidate.fields));
    }
    for (const [collection, added] of this.newRecords) {
      const limit = DOCUMENT_LIMITS[collection as CollectionName];
      const records = this.document.getMap(collection);
      // `_map` also holds deleted keys, so it bounds the live count from above in O(1); only near
      // the limit are the live records counted (an O(document) walk on a 2,000-card map).
      if (records._map.size + added > limit && records.size + added > limit) {
        issues.push(`/${collection}: a map holds at most ${limit} ${collection}`);
      }
    }
    return issues;
  }

  private check(root: string, record: string | undefined, fields: Record<string, unknown>): string[] {
    if (root === META_KEY) {
      return fields.schemaVersion === CURRENT_SCHEMA_VERSION &&
        (fields.$schema === undefined || typeof fields.$schema === 'string')
        ? []
        : [`/schemaVersion: must stay ${CURRENT_SCHEMA_VERSION}`];
    }
    const schema = root === MAP_KEY ? JourneyMapSchema : RECORD_SCHEMAS[root as CollectionName];
    const pointer = root === MAP_KEY ? '/map' : `/${root}/${record}`;
    const issues: string[] = [];
    if (record !== undefined && fields.id !== record)
      issues.push(`${pointer}/id: must equal the record's key`);
    const parsed = schema.safeParse(fields);
    if (!parsed.success) {
      for (const issue of issuesFromZod(parsed.error))
        issues.push(`${pointer}${issue.pointer}: ${issue.message}`);
    }
    return issues;
  }

  private candidate(slot: Slot, isNew = false): Candidate {
    const key = slot.record === undefined ? slot.root : `${slot.root}\u0000${slot.record}`;
    let candidate = this.candidates.get(key);
    if (!candidate || (isNew && !candidate.isNew)) {
      const existing =
        slot.record === undefined
          ? this.document.getMap(slot.root).toJSON()
          : (this.document.getMap(slot.root).get(slot.record) as Y.Map<unknown> | undefined)?.toJSON();
      candidate = { fields: isNew ? {} : { ...(existing ?? {}) }, isNew, deleted: false };
      this.candidates.set(key, candidate);
      if (isNew) this.newRecords.set(slot.root, (this.newRecords.get(slot.root) ?? 0) + 1);
    }
    return candidate;
  }

  private write(item: Y.Item) {
    const slot = this.slotOf(item);
    if (!slot || item.content instanceof Y.ContentDeleted) return;
    if (socialRoots.has(slot.root)) return; // SocialGuard's business
    if (slot.field === undefined) {
      // a record itself, in a collection
      if (!(item.content instanceof Y.ContentType) || !(item.content.type instanceof Y.Map)) {
        throw new Invalid(`/${slot.root}/${slot.record}: a record must be a map of fields`);
      }
      this.candidate(slot, true);
      return;
    }
    if (!(item.content instanceof Y.ContentAny)) {
      throw new Invalid(`${pointerOf(slot)}: fields hold plain JSON values`);
    }
    this.candidate(slot).fields[slot.field] = item.content.arr.at(-1);
  }

  /** The live items of the document in a deleted range (items not here yet are skipped). */
  private existingRange(client: number, clock: number, length: number): Y.Item[] {
    const items: Y.Item[] = [];
    const known = Y.getState(this.document.store, client);
    for (let at = clock; at < Math.min(clock + length, known);) {
      const struct = Y.getItem(this.document.store, Y.createID(client, at));
      at = struct.id.clock + struct.length;
      if (struct instanceof Y.Item && !struct.deleted) items.push(struct);
    }
    return items;
  }

  private delete(struct: Y.Item) {
    const slot = this.slotOfExisting(struct);
    if (!slot || socialRoots.has(slot.root)) return;
    if (slot.field === undefined) {
      if (slot.record !== undefined) this.candidate(slot).deleted = true;
      return;
    }
    // Only the current value of a field matters; older values are already overwritten.
    if ((struct.parent as Y.Map<unknown>)._map.get(slot.field) !== struct) return;
    // An update that builds on structs this server has not applied yet (Hocuspocus does not keep
    // a connection's messages in order while hooks await) may set the field in one of those:
    // removing it cannot be judged now.
    if (this.structs.some((item) => this.slotOf(item) === null)) return;
    const setAgain = this.structs.some((item) => {
      const written = this.slotOf(item);
      return written?.root === slot.root && written.record === slot.record && written.field === slot.field;
    });
    if (!setAgain) delete this.candidate(slot).fields[slot.field];
  }

  /**
   * The slot of a struct of this update; null when it hangs off something this server has not
   * seen (Yjs keeps such structs pending; they do not change the document now).
   */
  private slotOf(item: Y.Item): Slot | null {
    const parent = item.parent as unknown;
    if (typeof parent === 'string') return this.slotUnder(parent, item.parentSub);
    if (parent instanceof Y.ID) {
      const inUpdate = this.findInUpdate(parent);
      if (inUpdate) {
        const record = this.slotOf(inUpdate);
        if (!record || socialRoots.has(record.root)) return record;
        if (record.field !== undefined || record.record === undefined)
          throw new Invalid(nestedMessage(record));
        return { ...record, field: item.parentSub ?? '' };
      }
      const existing = this.existingItem(parent);
      if (!existing) return null;
      if (!(existing.content instanceof Y.ContentType)) throw new Invalid('a value is not a container');
      const record = this.slotOfExisting(existing);
      if (record && socialRoots.has(record.root)) return record;
      if (!record || record.field !== undefined || record.record === undefined) {
        throw new Invalid(nestedMessage(record));
      }
      return { ...record, field: item.parentSub ?? '' };
    }
    const neighbour = item.origin ?? item.rightOrigin;
    if (!neighbour) throw new Invalid('an update item without a place in the document');
    const inUpdate = this.findInUpdate(neighbour);
    if (inUpdate) return this.slotOf(inUpdate);
    const existing = this.existingItem(neighbour);
    return existing && this.slotOfExisting(existing);
  }

  /** The slot of an item already in the document. */
  private slotOfExisting(item: Y.Item): Slot | null {
    const parent = item.parent as Y.AbstractType<unknown>;
    if (!parent._item) return this.slotUnder(Y.findRootTypeKey(parent), item.parentSub);
    const recordItem = parent._item;
    const collection = recordItem.parent as Y.AbstractType<unknown>;
    if (collection._item) return null; // deeper than a record's fields: not ours to judge
    const root = Y.findRootTypeKey(collection);
    if (socialRoots.has(root)) return { root };
    return { root, record: recordItem.parentSub ?? '', field: item.parentSub ?? '' };
  }

  private slotUnder(root: string, sub: string | null): Slot {
    if (socialRoots.has(root)) return { root };
    if (sub === null) throw new Invalid(`/${root}: only map entries belong in the document`);
    if (isCollection(root)) return { root, record: sub };
    if (root === MAP_KEY || root === META_KEY) return { root, field: sub };
    throw new Invalid(`/${root}: not part of a journey document`);
  }

  private findInUpdate(id: Y.ID): Y.Item | undefined {
    return this.structs.find(
      (item) =>
        item.id.client === id.client && item.id.clock <= id.clock && id.clock < item.id.clock + item.length,
    );
  }

  private existingItem(id: Y.ID): Y.Item | null {
    if (id.clock >= Y.getState(this.document.store, id.client)) return null;
    const struct = Y.getItem(this.document.store, id);
    return struct instanceof Y.Item ? struct : null;
  }
}

const pointerOf = (slot: Slot) =>
  `/${slot.root}${slot.record !== undefined ? `/${slot.record}` : ''}${slot.field !== undefined ? `/${slot.field}` : ''}`;
const nestedMessage = (slot: Slot | null) =>
  `${slot ? pointerOf(slot) : ''}: fields hold plain JSON values, not nested shared types`;

/** The problems a client's update would cause, or [] (exported for tests of the rules). */
export function updateIssues(document: Y.Doc, update: Uint8Array): string[] {
  try {
    return new UpdateCheck(document, update).issues();
  } catch (error) {
    if (error instanceof Invalid) return [error.message];
    throw error;
  }
}

/**
 * Refuses a client update that would make the live document stop converting to a valid journey
 * (a card without text, a wrong type, an unknown field, a foreign top-level type, too many
 * records): it is never applied, logged or relayed, and the client is disconnected with 4422 and
 * the first problem as reason, so it reloads the map instead of resending the same update.
 * References between records are not checked here: concurrent deletes legitimately leave them
 * dangling, and `yDocToJourney` hides those (`repairJourney`).
 */
export class SchemaGuard implements Extension {
  // After Auth and SocialGuard, before Persistence appends to the log.
  priority = 100;

  async beforeHandleMessage({ connection, document, update }: beforeHandleMessagePayload) {
    if (connection.readOnly) return;
    const change = clientUpdateOf(update);
    if (!change) return;
    const issues = updateIssues(document, change);
    if (issues.length === 0) return;
    const event = {
      code: INVALID_UPDATE.code,
      reason: `${INVALID_UPDATE.reason}: ${issues[0]}`.slice(0, 120),
    };
    closeWithCode(connection, event);
    throw event;
  }
}
