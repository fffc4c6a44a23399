import { describe, expect, it, vi } from 'vitest';
import { yDocToJourney } from '../src/client/index';
import { client, freshMapId, seedJourney, synced } from './helpers';
import { seedFileStore } from './fixtures/fileStore';
import { startCollabProcess, startRedis, tempDir } from './fixtures/processes';

const waitOptions = { timeout: 20_000, interval: 25 };

describe('scale-out with Redis', () => {
  // Retried: Hocuspocus 3.4's Redis extension sometimes leaves a client unsynced when two
  // processes load one document at the same instant (about 1 run in 5 on a loaded machine; fixed
  // upstream by `awaitInitialSyncTimeout`). Known limitation, see packages/sync/README.md.
  it(
    'delivers an edit from a client on one server process to a client on another',
    { retry: 2 },
    async () => {
      const redisUrl = await startRedis();
      const dir = tempDir('trailmap-collab-redis-');
      const mapId = freshMapId();
      seedFileStore(dir, mapId, seedJourney(mapId));
      const [one, two] = await Promise.all([
        startCollabProcess(dir, redisUrl),
        startCollabProcess(dir, redisUrl),
      ]);
      const alice = client(one.url, mapId, 'tok-owner');
      const bob = client(two.url, mapId, 'tok-editor');
      await Promise.all([synced(alice), synced(bob)]);
      alice.session.run({
        command: 'card.add',
        input: { laneId: 'lane:a', stageId: 'stage:a', text: 'from process one' },
      });
      await vi.waitFor(
        () => expect(yDocToJourney(bob.ydoc).cards.map((card) => card.text)).toEqual(['from process one']),
        waitOptions,
      );
      bob.session.run({ command: 'stage.add', input: { name: 'from process two' } });
      await vi.waitFor(() => expect(yDocToJourney(alice.ydoc)).toEqual(yDocToJourney(bob.ydoc)), waitOptions);
      expect(yDocToJourney(alice.ydoc).stages.map((stage) => stage.name)).toContain('from process two');
    },
  );
});
