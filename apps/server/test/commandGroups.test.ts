import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandCall } from '@trailmap/core';
import { isTrailmapError, type Journey } from '@trailmap/schema';
import { createMapStore, type MapWrite } from '../src/services/maps/mapStore';
import { blankMap } from '../src/services/maps/newMapDocument';
import { documentAt } from '../src/services/maps/versions';
import { createWorkspace } from '../src/services/workspaces';
import { BACKENDS, openTestApp, userWithToken, type TestApp } from './support/testApp';

/**
 * Group commit: concurrent command batches for one map are stored together, yet each is validated,
 * versioned and answered on its own, and a failing batch fails alone.
 */
describe.each(BACKENDS)('command batches committed in groups on %s', (backend) => {
  let t: TestApp;
  let actorId: string;
  let workspaceId: string;

  beforeAll(async () => {
    t = await openTestApp(backend, { maxDocumentBytes: 200_000 });
    const owner = await userWithToken(t.services, 'owner@example.com');
    actorId = owner.user.id;
    workspaceId = (await createWorkspace(t.services.ctx, owner.user, 'Groups')).id;
  });
  afterAll(() => t?.close());

  const newMap = async () => {
    const doc = blankMap('Groups', 'current-state');
    const created = await t.services.store.createMap(
      workspaceId,
      { ...doc, lanes: [{ id: 'lane:a', index: 'a0', kind: 'actions', label: 'Doing' }] },
      { actorId },
    );
    return created.mapId;
  };
  const addStage = (name: string): CommandCall[] => [{ command: 'stage.add', input: { name } }];
  const settle = (promises: Promise<MapWrite>[]) =>
    Promise.all(
      promises.map((p) =>
        p.then(
          (write) => ({ write }),
          (error: unknown) => ({ error: isTrailmapError(error) ? error.code : String(error) }),
        ),
      ),
    );

  it('gives every good batch its own version in arrival order and fails only the bad ones', async () => {
    const mapId = await newMap();
    const huge = 'x'.repeat(4900);
    const batches: { calls: CommandCall[]; ifMatch?: string; expect: string }[] = [];
    for (let i = 0; i < 30; i++) {
      if (i % 7 === 3) {
        batches.push({
          calls: [
            ...addStage(`bad ${i}`),
            { command: 'card.add', input: { laneId: 'lane:nope', text: 'x' } },
          ],
          expect: 'error',
        });
      } else if (i === 10) {
        batches.push({ calls: addStage('pinned to v1'), ifMatch: '"v1"', expect: 'STALE_MAP' });
      } else if (i === 20) {
        const tooBig = Array.from({ length: 60 }, (_, n) => ({
          command: 'stage.add',
          input: { name: `big ${n}`, description: huge },
        }));
        batches.push({ calls: tooBig, expect: 'DOCUMENT_TOO_LARGE' });
      } else batches.push({ calls: addStage(`S${i}`), expect: 'ok' });
    }
    const results = await settle(
      batches.map((batch) =>
        t.services.store.applyCommands(mapId, batch.calls, {
          actorId,
          ...(batch.ifMatch ? { ifMatch: batch.ifMatch } : {}),
        }),
      ),
    );

    const good = batches.flatMap((batch, i) => (batch.expect === 'ok' ? [i] : []));
    const versions = good.map((i) => ('write' in results[i]! ? results[i].write.version : -1));
    expect(versions).toEqual(good.map((_, n) => n + 2));
    batches.forEach((batch, i) => {
      const result = results[i]!;
      if (batch.expect === 'ok') expect(result).toHaveProperty('write');
      else if (batch.expect === 'error') expect(result).toHaveProperty('error');
      else expect(result).toEqual({ error: batch.expect });
    });

    const current = await t.services.store.getMap(mapId);
    expect(current.version).toBe(good.length + 1);
    expect(current.doc.stages.map((stage) => stage.name)).toEqual(good.map((i) => `S${i}`));
    // Every acknowledged version is in the history and rebuilds to exactly what its caller got.
    for (const i of good) {
      const { write } = results[i] as { write: MapWrite };
      expect(await documentAt(t.services.ctx, mapId, write.version)).toEqual(write.doc);
    }
  });

  it('a batch pinned to the version an earlier batch of the same group creates succeeds', async () => {
    const mapId = await newMap();
    const [first, second] = await settle([
      t.services.store.applyCommands(mapId, addStage('one'), { actorId, ifMatch: '"v1"' }),
      t.services.store.applyCommands(mapId, addStage('two'), { actorId, ifMatch: '"v2"' }),
    ]);
    expect(first).toMatchObject({ write: { version: 2 } });
    expect(second).toMatchObject({ write: { version: 3 } });
  });

  it('stores the periodic full snapshot and the size of the last version when a group spans them', async () => {
    const mapId = await newMap();
    // 60 batches at once: one group holding versions 2–61, so version 50's snapshot is mid-group.
    const results = await settle(
      Array.from({ length: 60 }, (_, i) =>
        t.services.store.applyCommands(mapId, addStage(`G${i}`), { actorId }),
      ),
    );
    const writes = results.map((result) => (result as { write: MapWrite }).write);
    expect(writes.map((write) => write.version)).toEqual(Array.from({ length: 60 }, (_, i) => i + 2));
    const rows = await t.services.ctx.db
      .selectFrom('map_changes')
      .select(['version', 'snapshot'])
      .where('map_id', '=', mapId)
      .where('snapshot', 'is not', null)
      .orderBy('version')
      .execute();
    expect(rows.map((row) => row.version)).toEqual([1, 50]);
    expect(JSON.parse(rows[1]!.snapshot!)).toEqual(writes[48]!.doc);
    const map = await t.services.ctx.db
      .selectFrom('maps')
      .select(['version', 'size_bytes'])
      .where('id', '=', mapId)
      .executeTakeFirstOrThrow();
    expect(Number(map.version)).toBe(61);
    expect(Number(map.size_bytes)).toBe(Buffer.byteLength(JSON.stringify(writes[59]!.doc)));
    expect((await t.services.store.getSnapshot(mapId)).json).toBe(JSON.stringify(writes[59]!.doc));
  });

  it('two stores on one database (two server processes) lose no acknowledged write', async () => {
    const mapId = await newMap();
    const other = createMapStore({ ...t.services.ctx });
    const stores = [t.services.store, other];
    const results = await settle(
      Array.from({ length: 40 }, (_, i) =>
        stores[i % 2]!.applyCommands(mapId, addStage(`P${i}`), { actorId }),
      ),
    );
    const acknowledged = results.flatMap((result, i) => ('write' in result ? [{ i, ...result.write }] : []));
    // Conflicts between processes are retried; a writer may give up with BUSY but never silently.
    for (const result of results) if ('error' in result) expect(result.error).toBe('BUSY');
    expect(new Set(acknowledged.map((write) => write.version)).size).toBe(acknowledged.length);

    const stored: Journey = (await t.services.store.getMap(mapId)).doc;
    const names = new Set(stored.stages.map((stage) => stage.name));
    for (const write of acknowledged) expect(names.has(`P${write.i}`), `P${write.i}`).toBe(true);
    expect(stored.stages).toHaveLength(acknowledged.length);
    const rows = await t.services.ctx.db
      .selectFrom('map_changes')
      .select('version')
      .where('map_id', '=', mapId)
      .orderBy('version')
      .execute();
    expect(rows.map((row) => row.version)).toEqual(
      Array.from({ length: acknowledged.length + 1 }, (_, n) => n + 1),
    );
  });
});
