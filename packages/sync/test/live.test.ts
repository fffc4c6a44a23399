import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { validateJourney } from '@trailmap/schema';
import { yDocToJourney } from '../src/client/index';
import { client, freshMapId, seedJourney, startCollab, synced } from './helpers';
import { editArbitrary, resolveEdit, type Edit } from './randomEdits';

const waitOptions = { timeout: 15_000, interval: 20 };

async function editConcurrently(clientCount: number, edits: { who: number; edit: Edit }[]) {
  const mapId = freshMapId();
  const { url, collab, store } = await startCollab([seedJourney(mapId)]);
  const clients = Array.from({ length: clientCount }, (_, i) =>
    client(url, mapId, i % 2 ? 'tok-editor' : 'tok-owner'),
  );
  await Promise.all(clients.map(synced));
  for (const { who, edit } of edits) {
    const live = clients[who % clientCount]!;
    const resolved = resolveEdit(yDocToJourney(live.ydoc), edit, live.session.ctx);
    if (resolved === undefined) continue;
    if (Array.isArray(resolved)) live.session.commit(resolved, 'record');
    else live.session.run(resolved);
  }
  await vi.waitFor(() => {
    const server = collab.read(mapId)!;
    for (const live of clients) expect(yDocToJourney(live.ydoc)).toEqual(server);
    expect(clients.every((live) => !live.provider.hasUnsyncedChanges)).toBe(true);
  }, waitOptions);
  const final = collab.read(mapId)!;
  const result = validateJourney(final);
  expect(result.ok ? [] : result.issues).toEqual([]);
  return { final, store, mapId, collab };
}

describe('live editing through a real Hocuspocus server', () => {
  it('two clients editing concurrently converge (random command sequences)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ who: fc.nat(), edit: editArbitrary }), { minLength: 1, maxLength: 25 }),
        async (edits) => {
          await editConcurrently(2, edits);
        },
      ),
      { numRuns: 6 },
    );
  });

  it('ten clients editing concurrently converge (random command sequences)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ who: fc.nat(), edit: editArbitrary }), { minLength: 10, maxLength: 40 }),
        async (edits) => {
          await editConcurrently(10, edits);
        },
      ),
      { numRuns: 3 },
    );
  });

  it('stores what clients wrote: the JSON snapshot catches up with the live document', async () => {
    const edits: { who: number; edit: Edit }[] = [
      { who: 0, edit: { kind: 'addCard', pick: 0, text: 'kept' } },
      { who: 1, edit: { kind: 'addStage', name: 'Second' } },
    ];
    const { final, store, mapId } = await editConcurrently(2, edits);
    await vi.waitFor(() => expect(store.journeys.get(mapId)).toEqual(final), waitOptions);
  });
});
