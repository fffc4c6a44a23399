import { CompiledQuery } from 'kysely';
import { isTrailmapError, type Journey } from '@trailmap/schema';
import { journeysEqual, versionsByAuthor, type CollabStore } from '@trailmap/sync/server';
import type { ServiceContext } from '../services/context';
import type { MapStore } from '../services/maps/mapStore';
import { collabDb } from './tables';

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

/**
 * Live documents in the server's database. The JSON document stays owned by the MapStore
 * (versions, ETags, history): compaction writes it back with `replaceMap(via: 'collab')`, guarded
 * by the version it merged, and JSON written by REST/CLI since is merged into the live doc first.
 */
export function createDatabaseCollabStore(ctx: ServiceContext, maps: MapStore): CollabStore {
  const db = collabDb(ctx.db);
  const documentRow = (mapId: string) =>
    db.selectFrom('collab_documents').selectAll().where('map_id', '=', mapId).executeTakeFirst();

  // Group commit: appends arriving in the same turn of the event loop share one INSERT, so a
  // burst of edits waits for one statement instead of queueing one each for the connection. The
  // statement is compiled by Kysely once per row count and reused (building it per batch showed
  // in the 200-client profile); its parameters go row by row in the listed column order.
  const insertSql = new Map<number, string>();
  const insertOf = (rows: number) => {
    let source = insertSql.get(rows);
    if (!source) {
      const row = { map_id: '', update_b64: '', created_at: '' };
      source = db
        .insertInto('collab_updates')
        .values(Array.from({ length: rows }, () => row) as never)
        .returning('seq')
        .compile().sql;
      if (insertSql.size < 64) insertSql.set(rows, source);
    }
    return source;
  };
  let queue: {
    mapId: string;
    update: Uint8Array;
    done: (seq: number) => void;
    fail: (error: unknown) => void;
  }[] = [];
  const flushAppends = async () => {
    const batch = queue;
    queue = [];
    const now = ctx.now();
    // (at most 300 rows per statement: SQLite caps the number of bound parameters)
    for (let start = 0; start < batch.length; start += 300) {
      const rows = batch.slice(start, start + 300);
      try {
        const parameters = rows.flatMap((entry) => [entry.mapId, toBase64(entry.update), now]);
        const result = await db.executeQuery<{ seq: number | string }>(
          CompiledQuery.raw(insertOf(rows.length), parameters),
        );
        // Sequence numbers are assigned in VALUES order.
        const seqs = result.rows.map((row) => Number(row.seq)).sort((a, b) => a - b);
        rows.forEach((entry, i) => entry.done(seqs[i]!));
      } catch (error) {
        rows.forEach((entry) => entry.fail(error));
      }
    }
  };
  const appendBatched = (mapId: string, update: Uint8Array) =>
    new Promise<number>((done, fail) => {
      if (queue.length === 0) setImmediate(() => void flushAppends());
      queue.push({ mapId, update, done, fail });
    });

  return {
    async load(mapId) {
      const row = await documentRow(mapId);
      const updates = await db
        .selectFrom('collab_updates')
        .select(['seq', 'update_b64'])
        .where('map_id', '=', mapId)
        .orderBy('seq')
        .execute();
      return {
        state: row ? fromBase64(row.state) : null,
        updates: updates.map((entry) => ({ seq: Number(entry.seq), update: fromBase64(entry.update_b64) })),
      };
    },

    append: (mapId, update) => appendBatched(mapId, update),

    async outsideChanges(mapId) {
      const [row, current] = await Promise.all([documentRow(mapId), maps.getMap(mapId)]);
      if (row && row.map_version === current.version) return null;
      return {
        base: row ? (JSON.parse(row.journey) as Journey) : null,
        current: current.doc,
        version: current.version,
      };
    },

    async compact(mapId, { state, journey, coveredSeqs, authors, contributions, basedOn, writeJson }) {
      const row = await documentRow(mapId);
      const current = await maps.getMap(mapId);
      let stored = { journey: row?.journey, version: row?.map_version };
      if (!writeJson || !journey) {
        // Only the Yjs state this time; the JSON document and its base stay as they were.
      } else if (journeysEqual(journey, current.doc)) {
        stored = { journey: current.json, version: current.version };
      } else if (current.version === (basedOn ?? row?.map_version)) {
        try {
          // One version per person who edited since the last write, each with their own records.
          const versions = contributions.length
            ? versionsByAuthor(current.doc, journey, contributions)
            : [{ author: authors[0], doc: journey }];
          let etag = current.etag;
          for (const [i, version] of versions.entries()) {
            const write = await maps
              .replaceMap(mapId, version.doc, {
                actorId: version.author?.id.startsWith('usr_') ? version.author.id : null,
                via: 'collab',
                ifMatch: etag,
              })
              .catch((error: unknown) => {
                // An in-between version that does not validate on its own joins the next one.
                const last = i === versions.length - 1;
                if (!last && isTrailmapError(error) && error.code === 'VALIDATION_FAILED') return null;
                throw error;
              });
            if (!write) continue;
            etag = write.etag;
            stored = { journey: JSON.stringify(write.doc), version: write.version };
          }
        } catch (error) {
          // Someone wrote through the API meanwhile: keep the Yjs state, merge on the next compaction.
          if (!isTrailmapError(error) || error.code !== 'STALE_MAP') throw error;
        }
      }
      const now = ctx.now();
      const values = {
        state: toBase64(state),
        journey: stored.journey ?? current.json,
        map_version: stored.version ?? 0,
        updated_at: now,
      };
      await db
        .insertInto('collab_documents')
        .values({ map_id: mapId, ...values })
        .onConflict((conflict) => conflict.column('map_id').doUpdateSet(values))
        .execute();
      if (coveredSeqs.length > 0) {
        await db
          .deleteFrom('collab_updates')
          .where('map_id', '=', mapId)
          .where('seq', 'in', coveredSeqs)
          .execute();
      }
    },
  };
}
