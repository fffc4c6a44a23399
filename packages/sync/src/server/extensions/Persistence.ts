import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import {
  Connection,
  type Extension,
  type beforeHandleMessagePayload,
  type onChangePayload,
  type onDisconnectPayload,
  type onLoadDocumentPayload,
  type onStoreDocumentPayload,
} from '@hocuspocus/server';
import { applyOpsToYDoc } from '../../doc/applyOps';
import { diffToOps } from '../../doc/diffOps';
import { yDocToJourney } from '../../doc/fromYDoc';
import { mapRecordOf } from '../../doc/layout';
import { journeyToYDoc } from '../../doc/toYDoc';
import { touchedRecords, type Contribution } from '../../doc/contributions';
import type { Actor } from '../../social/model';
import type { AuthContext } from './Auth';
import { noLock, type DocumentLock } from '../documentLock';
import {
  isServerOrigin,
  type CollabStore,
  type OutsideChanges,
  type ServerOrigin,
  type StoredUpdate,
} from '../types';

const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;
const REDIS_ORIGIN = '__hocuspocus__redis__origin__';
export const LOAD_ORIGIN = Symbol('trailmap.load');
/** Origin of outside (HTTP/CLI) changes merged in before a compaction; logged like any server write. */
const MERGE_ORIGIN: ServerOrigin = { kind: 'system' };

/** The Yjs update inside a client's sync message, or null for any other message. */
export function clientUpdateOf(message: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return null;
  const step = decoding.readVarUint(decoder);
  if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return null;
  const update = decoding.readVarUint8Array(decoder);
  // [0, 0] = no structs, empty delete set: what a client in sync sends back
  return update.length <= 2 ? null : update;
}

/**
 * Stores live documents through the host's {@link CollabStore}. A client's update is appended
 * to the log BEFORE Hocuspocus applies and acknowledges it (write-ahead), server-side writes are
 * appended as they happen, and the debounced store hook compacts the log into a snapshot and
 * refreshes the JSON document.
 */
export class Persistence implements Extension {
  // Last, so updates refused by Auth never reach the log.
  priority = 10;

  /** Per document: who edited which records since the JSON was last written, in order of first edit. */
  private readonly contributions = new Map<string, Map<string, { author: Actor; records: Set<string> }>>();
  /** Log entries this process loaded or appended and has not compacted yet, per document. */
  private readonly pending = new Map<string, StoredUpdate[]>();

  /** Documents changed since their JSON was last written, and when that was. */
  private readonly jsonDirty = new Set<string>();
  private readonly jsonWrittenAt = new Map<string, number>();
  private readonly urgent = new Set<string>();

  constructor(
    private readonly store: CollabStore,
    private readonly jsonIntervalMs = 60_000,
    /** With several server processes: loads must not interleave (see {@link onLoadDocument}). */
    private readonly lock: DocumentLock = noLock,
    /**
     * A map with at least `connections` people on it is compacted at most every `intervalMs`:
     * folding a big document competes with fan-out for the event loop, and the write-ahead log
     * already holds every update. API flushes and the last client leaving still store at once.
     */
    private readonly busy = { connections: 2, intervalMs: 60_000 },
  ) {}

  /** When each document was last compacted, and which have a compaction put off while busy. */
  private readonly compactedAt = new Map<string, number>();
  private readonly deferred = new Set<string>();

  /** Whether the JSON document lags the live one. */
  isJsonBehind(documentName: string): boolean {
    return this.jsonDirty.has(documentName);
  }

  /** Makes the next store of this document write the JSON too (the HTTP API is about to read). */
  requireJson(documentName: string): void {
    this.urgent.add(documentName);
  }

  /**
   * Loads the document and merges JSON written outside, under the cross-process lock: two
   * processes loading one map at once would otherwise both turn the same JSON into Yjs records,
   * and as every record is a nested Y.Map, one copy of each would win and edits made inside the
   * other copy would vanish. Under the lock the second process reads what the first stored.
   */
  async onLoadDocument({ document, documentName }: onLoadDocumentPayload) {
    await this.lock(documentName, () => this.load(document, documentName));
  }

  private async load(document: Y.Doc, documentName: string) {
    const { state, updates } = await this.store.load(documentName);
    if (state) Y.applyUpdate(document, state, LOAD_ORIGIN);
    for (const { update } of updates) Y.applyUpdate(document, update, LOAD_ORIGIN);
    this.pending.set(documentName, [...updates]);
    // After a crash the log may hold edits the JSON never saw: treat the JSON as behind.
    if (updates.length > 0) this.jsonDirty.add(documentName);
    const outside = await this.store.outsideChanges(documentName);
    if (!outside) return;
    const before = Y.encodeStateVector(document);
    mergeOutside(document, outside, LOAD_ORIGIN);
    const delta = Y.encodeStateAsUpdate(document, before);
    if (delta.length > 2) await this.append(documentName, delta);
    // Record what was merged, so the next merge starts from here.
    await this.compact(document, documentName, outside.version, true);
  }

  async beforeHandleMessage({ connection, documentName, update }: beforeHandleMessagePayload) {
    if (connection.readOnly) return;
    const change = clientUpdateOf(update);
    if (change) await this.append(documentName, change);
  }

  async onChange({ document, documentName, update, transactionOrigin }: onChangePayload) {
    this.jsonDirty.add(documentName);
    const actor =
      transactionOrigin instanceof Connection
        ? (transactionOrigin.context as AuthContext).identity?.user
        : isServerOrigin(transactionOrigin)
          ? transactionOrigin.actor
          : undefined;
    if (actor) this.contribute(documentName, actor, touchedRecords(document, update));
    // Client updates are already in the log; Redis-relayed ones are logged by the process that got them.
    if (transactionOrigin instanceof Connection || transactionOrigin === REDIS_ORIGIN) return;
    await this.append(documentName, update);
  }

  private contribute(documentName: string, actor: Actor, records: Set<string>) {
    if (!this.contributions.has(documentName)) this.contributions.set(documentName, new Map());
    const byAuthor = this.contributions.get(documentName)!;
    const mine = byAuthor.get(actor.id) ?? { author: actor, records: new Set<string>() };
    byAuthor.set(actor.id, mine);
    for (const record of records) mine.records.add(record);
  }

  private async append(documentName: string, update: Uint8Array) {
    const seq = await this.store.append(documentName, update);
    if (!this.pending.has(documentName)) this.pending.set(documentName, []);
    this.pending.get(documentName)!.push({ seq, update });
  }

  async afterUnloadDocument({ documentName }: { documentName: string }) {
    this.pending.delete(documentName);
    this.contributions.delete(documentName);
    this.jsonDirty.delete(documentName);
    this.jsonWrittenAt.delete(documentName);
    this.compactedAt.delete(documentName);
    this.deferred.delete(documentName);
  }

  /**
   * Hocuspocus stores a document when its last client leaves only if a store is scheduled; a
   * compaction put off while the map was busy is not, so it runs here, before the unload.
   */
  async onDisconnect({ document, documentName }: onDisconnectPayload) {
    if (!this.deferred.has(documentName) || document.getConnectionsCount() > 0) return;
    await this.lock(documentName, () =>
      document.saveMutex.runExclusive(() =>
        this.onStoreDocument({ document, documentName } as onStoreDocumentPayload),
      ),
    );
  }

  async onStoreDocument({ document, documentName }: onStoreDocumentPayload) {
    const people = document.getConnectionsCount();
    const waitsForCalm =
      people >= this.busy.connections &&
      !this.urgent.has(documentName) &&
      Date.now() - (this.compactedAt.get(documentName) ?? 0) < this.busy.intervalMs;
    if (waitsForCalm) {
      this.deferred.add(documentName);
      return;
    }
    const outside = await this.store.outsideChanges(documentName);
    if (outside) mergeOutside(document, outside, MERGE_ORIGIN);
    const writeJson =
      this.urgent.delete(documentName) ||
      // (not the payload's clientsCount: a debounced store carries the count from when it was scheduled)
      document.getConnectionsCount() === 0 ||
      outside !== null ||
      Date.now() - (this.jsonWrittenAt.get(documentName) ?? 0) >= this.jsonIntervalMs;
    await this.compact(document, documentName, outside?.version, writeJson);
  }

  private async compact(
    document: Y.Doc,
    documentName: string,
    basedOn: number | undefined,
    writeJson: boolean,
  ) {
    this.compactedAt.set(documentName, Date.now());
    this.deferred.delete(documentName);
    const contributions: Contribution<Actor>[] = [
      ...(this.contributions.get(documentName)?.values() ?? []),
    ].map(({ author, records }) => ({ author, records: [...records] }));
    const authors = contributions.map(({ author }) => author);
    if (writeJson) {
      this.contributions.delete(documentName);
      this.jsonDirty.delete(documentName);
      this.jsonWrittenAt.set(documentName, Date.now());
    }
    // Only entries known to be in this document's state are deleted; entries appended meanwhile
    // (or by another process) stay in the log until a later compaction.
    const snapshot = Y.snapshot(document);
    const known = this.pending.get(documentName) ?? [];
    const covered = known.filter(({ update }) => Y.snapshotContainsUpdate(snapshot, update));
    const coveredSeqs = covered.map(({ seq }) => seq);
    await this.store.compact(documentName, {
      state: Y.encodeStateAsUpdate(document),
      ...(writeJson ? { journey: yDocToJourney(document) } : {}),
      coveredSeqs,
      authors,
      contributions,
      ...(basedOn !== undefined ? { basedOn } : {}),
      writeJson,
    });
    const done = new Set(coveredSeqs);
    this.pending.set(
      documentName,
      (this.pending.get(documentName) ?? []).filter(({ seq }) => !done.has(seq)),
    );
  }
}

/** Merges JSON changes made outside into the live document: only what changed since `base`. */
function mergeOutside(document: Y.Doc, outside: OutsideChanges, origin: unknown): void {
  if (outside.base) applyOpsToYDoc(document, diffToOps(outside.base, outside.current), origin);
  // No base: the first load of a map. Convert it, unless a log exists that was never compacted
  // (a crash right after the first edits): then the log wins and is compacted next.
  else if (isEmpty(document)) convertIdentically(outside.current, document, origin);
}

/**
 * Converts a map's first JSON into Yjs so that every process converting the same JSON produces
 * the very same Yjs items (the client id is a hash of the JSON, and the conversion is
 * deterministic): should two processes ever convert it at once anyway (a lock that timed out),
 * Yjs sees one set of records instead of two competing ones.
 */
function convertIdentically(journey: Parameters<typeof journeyToYDoc>[0], document: Y.Doc, origin: unknown) {
  const scratch = new Y.Doc();
  scratch.clientID = createHash('sha256').update(JSON.stringify(journey)).digest().readUInt32BE(0);
  journeyToYDoc(journey, scratch);
  Y.applyUpdate(document, Y.encodeStateAsUpdate(scratch), origin);
  scratch.destroy();
}

const isEmpty = (document: Y.Doc) => !mapRecordOf(document).has('id');
