import type { CommandCall } from '@trailmap/core';
import { TrailmapError, type Journey } from '@trailmap/schema';
import type { KeyedMutex } from './keyedMutex';
import type { MapSnapshot, MapWrite, WriteOptions } from './mapStore';
import { etagOf } from './snapshotCache';

/** A command batch run against a document: the next document and what to record. */
export interface PreparedStep {
  doc: Journey;
  /** The document serialized: always for a group's last step, for others only when checked. */
  json?: string;
  bytes?: number;
  calls: readonly CommandCall[];
  ops: MapWrite['ops'];
  options: WriteOptions;
}

export interface CommandGroupDeps {
  /** Per-map write queue shared with every other kind of write. */
  writers: KeyedMutex;
  /** The current document: this process's cached copy unless `fromDatabase` (then re-read). */
  current(
    mapId: string,
    fromDatabase: boolean,
  ): Promise<MapSnapshot & { doc: Journey; fromDatabase: boolean }>;
  /** Runs one batch on `doc`. Throws when the batch is invalid. */
  prepare(doc: Journey, calls: readonly CommandCall[], options: WriteOptions): PreparedStep;
  /** Serializes a document. Throws when it is over the size limit. */
  serialize(doc: Journey): { json: string; bytes: number };
  /** Stores the steps as consecutive versions on top of `base` in one transaction; null on a version conflict. */
  commit(base: MapSnapshot, steps: PreparedStep[]): Promise<MapWrite[] | null>;
}

interface Pending {
  calls: readonly CommandCall[];
  options: WriteOptions;
  resolve: (write: MapWrite) => void;
  reject: (error: unknown) => void;
}

/** A SQLite statement takes at most 32,766 parameters; 9 per version row. */
const MAX_GROUP = 200;
const MAX_RETRIES = 5;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export const staleMap = (current: string) =>
  new TrailmapError('STALE_MAP', 'the map changed since you loaded it; reload and try again', {
    status: 412,
    details: { etag: current },
  });

/**
 * Group commit for command batches. While a write to a map is in flight, batches for that map
 * wait here; the next turn applies all of them in arrival order, each validated and versioned on
 * its own, and stores them in one transaction. A batch that fails is left out without failing
 * the others; every caller is answered only after the transaction holding its version committed.
 */
export function createCommandGroups(deps: CommandGroupDeps) {
  const waiting = new Map<string, Pending[]>();
  const running = new Set<Promise<void>>();

  function schedule(mapId: string) {
    const task = deps.writers.run(mapId, async () => {
      // On SQLite a commit never waits on I/O, so without this the group would close before the
      // next request is even parsed and hold one batch. Holding the map's turn for one event-loop
      // turn lets every request read in the same poll phase join (one transaction, not fifty).
      await nextTurn();
      const queue = waiting.get(mapId)!;
      const group = queue.splice(0, MAX_GROUP);
      if (queue.length === 0) waiting.delete(mapId);
      else schedule(mapId);
      await runGroup(mapId, group);
    });
    running.add(task);
    const forget = () => void running.delete(task);
    task.then(forget, forget);
  }

  async function runGroup(mapId: string, group: Pending[]) {
    try {
      await applyGroup(mapId, group);
    } catch (error) {
      for (const entry of group) entry.reject(error);
    }
  }

  /**
   * Runs the group's batches in order on `base`. Serializing the whole document is the largest
   * cost per batch, so unless `checkEach`, only the final document is serialized (it is the one
   * cached and served); when that one is over the size limit the caller rebuilds with `checkEach`
   * to fail exactly the batches that cross it.
   */
  function build(
    base: MapSnapshot & { doc: Journey; fromDatabase: boolean },
    group: Pending[],
    checkEach: boolean,
  ) {
    const steps: PreparedStep[] = [];
    const included: Pending[] = [];
    const failed: { entry: Pending; error: unknown }[] = [];
    let doc = base.doc;
    let etag = base.etag;
    for (const entry of group) {
      const { ifMatch } = entry.options;
      if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== etag) {
        // Our copy may lag a write by another process: decide staleness on the database's.
        if (!base.fromDatabase) return { cacheBehind: true as const };
        failed.push({ entry, error: staleMap(etag) });
        continue;
      }
      try {
        const step = deps.prepare(doc, entry.calls, entry.options);
        if (checkEach) Object.assign(step, deps.serialize(step.doc));
        steps.push(step);
        included.push(entry);
        doc = step.doc;
        etag = etagOf(base.version + steps.length);
      } catch (error) {
        failed.push({ entry, error });
      }
    }
    const last = steps.at(-1);
    if (last && last.json === undefined) {
      try {
        Object.assign(last, deps.serialize(last.doc));
      } catch {
        return build(base, group, true);
      }
    }
    return { cacheBehind: false as const, steps, included, failed };
  }

  async function applyGroup(mapId: string, group: Pending[]) {
    let fromDatabase = false;
    for (let attempt = 0; attempt < MAX_RETRIES; attempt += 1) {
      const base = await deps.current(mapId, fromDatabase);
      const built = build(base, group, false);
      fromDatabase = true;
      if (built.cacheBehind) continue;
      const { steps, included, failed } = built;
      const writes = steps.length > 0 ? await deps.commit(base, steps) : [];
      if (!writes) continue;
      included.forEach((entry, i) => entry.resolve(writes[i]!));
      for (const { entry, error } of failed) entry.reject(error);
      return;
    }
    throw new TrailmapError('BUSY', 'the map is being changed by many writers at once; try again', {
      status: 409,
    });
  }

  return {
    /** Queues a batch for `mapId`; resolves once its version is committed. */
    submit(mapId: string, calls: readonly CommandCall[], options: WriteOptions): Promise<MapWrite> {
      return new Promise((resolve, reject) => {
        let queue = waiting.get(mapId);
        if (!queue) {
          queue = [];
          waiting.set(mapId, queue);
          schedule(mapId);
        }
        queue.push({ calls, options, resolve, reject });
      });
    },
    /** Resolves once every batch submitted so far (and any queued meanwhile) is committed or failed. */
    async settled(): Promise<void> {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
