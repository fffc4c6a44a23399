import { executeBatch, type CommandCall, type Op } from '@trailmap/core';
import { TrailmapError, notFound, parseJourney, type Journey } from '@trailmap/schema';
import { newRecordId } from '../../ids';
import type { ServiceContext } from '../context';
import { createCommandGroups, staleMap, type PreparedStep } from './commandGroups';
import { KeyedMutex } from './keyedMutex';
import { encodeOps } from './opsCodec';
import { persistChanges, type VersionRow } from './persistChange';
import { documentAt } from './versions';
import { SnapshotCache, etagOf } from './snapshotCache';

/** Where a write came from; the collab layer uses `collab` for writes it makes itself. */
export type WriteVia = 'rest' | 'cli' | 'collab' | 'system';

export interface WriteOptions {
  actorId: string | null;
  via?: WriteVia;
  /** The ETag the caller based the change on; a different current ETag fails with 412. */
  ifMatch?: string;
}

export interface MapWrite {
  mapId: string;
  workspaceId: string;
  version: number;
  etag: string;
  kind: 'create' | 'commands' | 'replace' | 'restore';
  doc: Journey;
  /** Present for command batches. */
  ops?: Op[];
  via: WriteVia;
  actorId: string | null;
}

export interface MapSnapshot {
  mapId: string;
  workspaceId: string;
  version: number;
  etag: string;
  json: string;
}

/**
 * The one way map documents are read and written. The live-collaboration layer wraps it so REST
 * writes reach open documents (see `subscribe`) and its own saves come back in via `replaceMap`.
 */
export interface MapStore {
  /**
   * The current document, serialized once and cached by version. Pass the version the caller
   * just read (e.g. during the access check) to skip the database when it is cached.
   * @throws `MAP_NOT_FOUND`
   */
  getSnapshot(mapId: string, knownVersion?: number): Promise<MapSnapshot>;
  getMap(mapId: string): Promise<MapSnapshot & { doc: Journey }>;
  /** Runs a batch of core commands, all or nothing, and records it in the history. */
  applyCommands(mapId: string, calls: readonly CommandCall[], options: WriteOptions): Promise<MapWrite>;
  /** Replaces the whole document (validated and migrated first) and records a snapshot. */
  replaceMap(
    mapId: string,
    input: unknown,
    options: WriteOptions & { kind?: 'replace' | 'restore' },
  ): Promise<MapWrite>;
  /** Stores a new map in a workspace; a taken `map.id` is replaced by a fresh one. */
  createMap(workspaceId: string, input: unknown, options: WriteOptions): Promise<MapWrite>;
  /** Called after every committed write, in commit order per process. Returns an unsubscribe. */
  subscribe(listener: (write: MapWrite) => void): () => void;
}

/** Every this-many versions a full snapshot is stored so rebuilding a version replays few ops. */
const SNAPSHOT_EVERY = 50;
const MAX_RETRIES = 5;

export const mapNotFound = () => notFound('MAP_NOT_FOUND', 'no such map');

type Change = { kind: MapWrite['kind']; commands?: readonly CommandCall[]; ops?: Op[] };

export function createMapStore(ctx: ServiceContext): MapStore & { settled(): Promise<void> } {
  const cache = new SnapshotCache();
  const listeners = new Set<(write: MapWrite) => void>();
  const writers = new KeyedMutex();

  const serialize = (doc: Journey) => {
    const json = JSON.stringify(doc);
    const bytes = Buffer.byteLength(json);
    if (bytes > ctx.config.maxDocumentBytes) {
      throw new TrailmapError(
        'DOCUMENT_TOO_LARGE',
        `the map would be ${bytes} bytes; the limit is ${ctx.config.maxDocumentBytes}`,
        { status: 413, details: { bytes, limit: ctx.config.maxDocumentBytes } },
      );
    }
    return { json, bytes };
  };

  const loadRow = (mapId: string) =>
    ctx.db
      .selectFrom('maps')
      .select(['id', 'workspace_id', 'version', 'deleted_at'])
      .where('id', '=', mapId)
      .executeTakeFirst();

  async function getSnapshot(mapId: string, knownVersion?: number): Promise<MapSnapshot> {
    // The caller read `knownVersion` from the database moments ago; our copy may be newer (a
    // write in this process since), never older, so it can be served without another query.
    const latest = knownVersion === undefined ? undefined : cache.latest(mapId);
    if (latest && latest.version >= knownVersion!) {
      return {
        mapId,
        workspaceId: latest.workspaceId,
        version: latest.version,
        etag: latest.etag,
        json: latest.json,
      };
    }
    const row = await loadRow(mapId);
    if (!row || row.deleted_at !== null) throw mapNotFound();
    const cached = cache.get(mapId, row.version);
    if (cached)
      return {
        mapId,
        workspaceId: row.workspace_id,
        version: row.version,
        etag: cached.etag,
        json: cached.json,
      };
    // The current document is the last full snapshot plus the ops recorded since.
    const doc = await documentAt(ctx, mapId, row.version);
    const entry = {
      workspaceId: row.workspace_id,
      version: row.version,
      json: JSON.stringify(doc),
      etag: etagOf(row.version),
      doc,
    };
    cache.set(mapId, entry);
    return { mapId, ...entry };
  }

  async function getMap(mapId: string) {
    const snapshot = await getSnapshot(mapId);
    const cached = cache.get(mapId, snapshot.version);
    const doc = cached?.doc ?? (JSON.parse(snapshot.json) as Journey);
    if (cached && !cached.doc) cached.doc = doc;
    return { ...snapshot, doc };
  }

  function publish(write: MapWrite) {
    for (const listener of listeners) listener(write);
  }

  /**
   * Commits consecutive versions on top of `base.version` in one transaction unless someone else
   * got there first (then null, nothing written).
   */
  async function commit(
    base: MapSnapshot,
    steps: readonly { doc: Journey; json?: string; bytes?: number; change: Change; options: WriteOptions }[],
  ): Promise<MapWrite[] | null> {
    const now = ctx.now();
    const rows: VersionRow[] = steps.map(({ doc, json, bytes, change, options }, i) => {
      const version = base.version + 1 + i;
      const keepSnapshot = change.kind !== 'commands' || version % SNAPSHOT_EVERY === 0;
      // Command batches only append their ops; the full document is written now and then. Only
      // the last step of a group comes serialized (and size-checked); the maps row takes its size.
      const snapshot = keepSnapshot ? (json ?? JSON.stringify(doc)) : null;
      return {
        version,
        kind: change.kind,
        snapshot,
        sizeBytes: bytes ?? (snapshot === null ? 0 : Buffer.byteLength(snapshot)),
        title: doc.map.title,
        type: doc.map.type,
        tags: tagsColumn(doc.map.tags),
        commands: change.commands ? JSON.stringify(change.commands) : null,
        ops: change.ops ? encodeOps(change.ops) : null,
        actorId: options.actorId,
        via: options.via ?? 'rest',
        at: now,
      };
    });
    if (!(await persistChanges(ctx, base.mapId, base.version, rows))) return null;
    const writes = steps.map(({ doc, change, options }, i): MapWrite => {
      const version = base.version + 1 + i;
      return {
        mapId: base.mapId,
        workspaceId: base.workspaceId,
        version,
        etag: etagOf(version),
        kind: change.kind,
        doc,
        ops: change.ops,
        via: options.via ?? 'rest',
        actorId: options.actorId,
      };
    });
    const last = writes.at(-1)!;
    cache.set(base.mapId, {
      workspaceId: base.workspaceId,
      version: last.version,
      json: steps.at(-1)!.json ?? JSON.stringify(last.doc),
      etag: last.etag,
      doc: last.doc,
    });
    writes.forEach(publish);
    return writes;
  }

  /** Re-reads and retries when another writer committed in between, unless the caller pinned an ETag. */
  async function writeWithRetry(
    mapId: string,
    options: WriteOptions,
    build: (current: MapSnapshot & { doc: Journey }) => { doc: Journey; change: Change },
  ): Promise<MapWrite> {
    return writers.run(mapId, () => writeLoop(mapId, options, build));
  }

  async function writeLoop(
    mapId: string,
    options: WriteOptions,
    build: Parameters<typeof writeWithRetry>[2],
  ): Promise<MapWrite> {
    const pinned = options.ifMatch !== undefined && options.ifMatch !== '*';
    for (let attempt = 0; attempt < MAX_RETRIES; attempt += 1) {
      // First try the cached copy: this process's writes keep it current, and the version check
      // in commit() catches writes by other processes (then we re-read from the database).
      const cached = attempt === 0 ? cache.latest(mapId) : undefined;
      let current: MapSnapshot & { doc: Journey } =
        cached?.doc && (!pinned || options.ifMatch === cached.etag)
          ? {
              mapId,
              workspaceId: cached.workspaceId,
              version: cached.version,
              etag: cached.etag,
              json: cached.json,
              doc: cached.doc,
            }
          : await getMap(mapId);
      if (pinned && options.ifMatch !== current.etag) {
        current = await getMap(mapId);
        if (options.ifMatch !== current.etag) throw staleMap(current.etag);
      }
      const { doc, change } = build(current);
      const written = await commit(current, [{ doc, ...serialize(doc), change, options }]);
      if (written) return written[0]!;
      if (pinned && attempt > 0) throw staleMap((await getSnapshot(mapId)).etag);
    }
    throw new TrailmapError('BUSY', 'the map is being changed by many writers at once; try again', {
      status: 409,
    });
  }

  async function current(mapId: string, fromDatabase: boolean) {
    const cached = fromDatabase ? undefined : cache.latest(mapId);
    if (cached?.doc) {
      return { mapId, ...cached, doc: cached.doc, fromDatabase: false };
    }
    return { ...(await getMap(mapId)), fromDatabase: true };
  }

  function prepare(doc: Journey, calls: readonly CommandCall[], options: WriteOptions): PreparedStep {
    const result = executeBatch(doc, calls, {
      newId: newRecordId,
      now: ctx.now,
      actor: options.actorId ? { id: options.actorId } : undefined,
    });
    return { doc: result.doc, calls, ops: result.ops, options };
  }

  const commandGroups = createCommandGroups({
    writers,
    current,
    prepare,
    serialize,
    commit: (base, steps) =>
      commit(
        base,
        steps.map((step) => ({ ...step, change: { kind: 'commands', commands: step.calls, ops: step.ops } })),
      ),
  });

  return {
    getSnapshot,
    getMap,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    applyCommands: (mapId, calls, options) => commandGroups.submit(mapId, calls, options),
    /** Resolves once every queued command batch has been committed or failed (for shutdown). */
    settled: () => commandGroups.settled(),
    replaceMap(mapId, input, options) {
      const parsed = parseJourney(input);
      return writeWithRetry(mapId, options, () => ({
        // The stored map keeps its id whatever the uploaded file says.
        doc: { ...parsed, map: { ...parsed.map, id: mapId } },
        change: { kind: options.kind ?? 'replace' },
      }));
    },
    async createMap(workspaceId, input, options) {
      const parsed = parseJourney(input);
      const taken = await ctx.db
        .selectFrom('maps')
        .select('id')
        .where('id', '=', parsed.map.id)
        .executeTakeFirst();
      const mapId = taken ? newRecordId('map') : parsed.map.id;
      const doc: Journey = { ...parsed, map: { ...parsed.map, id: mapId } };
      const { json, bytes } = serialize(doc);
      const now = ctx.now();
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('maps')
          .values({
            id: mapId,
            workspace_id: workspaceId,
            title: doc.map.title,
            type: doc.map.type,
            tags: tagsColumn(doc.map.tags),
            version: 1,
            snapshot: json,
            size_bytes: bytes,
            created_by: options.actorId,
            created_at: now,
            updated_by: options.actorId,
            updated_at: now,
            archived_at: null,
            deleted_at: null,
          })
          .execute();
        await trx
          .insertInto('map_changes')
          .values({
            map_id: mapId,
            version: 1,
            kind: 'create',
            commands: null,
            ops: null,
            snapshot: json,
            author_id: options.actorId,
            via: options.via ?? 'rest',
            created_at: now,
          })
          .execute();
      });
      const etag = etagOf(1);
      cache.set(mapId, { workspaceId, version: 1, json, etag, doc });
      const write: MapWrite = {
        mapId,
        workspaceId,
        version: 1,
        etag,
        kind: 'create',
        doc,
        via: options.via ?? 'rest',
        actorId: options.actorId,
      };
      publish(write);
      return write;
    },
  };
}

/** Tags stored as `|a|b|` so `LIKE '%|tag|%'` matches one whole tag on both engines. */
export const tagsColumn = (tags: readonly string[]) => (tags.length > 0 ? `|${tags.join('|')}|` : '');
