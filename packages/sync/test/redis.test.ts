import { describe, expect, it, vi } from 'vitest';
import { yDocToJourney, type LiveJourney } from '../src/client/index';
import { client, freshMapId, seedJourney, synced } from './helpers';
import { seedFileStore } from './fixtures/fileStore';
import { startCollabProcess, startRedis, tempDir } from './fixtures/processes';

const waitOptions = { timeout: 10_000, interval: 25 };
const ROUNDS = 20;

const journeyOf = (live: LiveJourney) => yDocToJourney(live.ydoc);
const cardTexts = (live: LiveJourney) =>
  journeyOf(live)
    .cards.map((card) => card.text)
    .sort();
const addCard = (text: string) => ({
  command: 'card.add',
  input: { laneId: 'lane:a', stageId: 'stage:a', text },
});

/** Two server processes sharing one store directory and one Redis, and a fresh seeded map per round. */
async function twoProcesses() {
  const redisUrl = await startRedis();
  const dir = tempDir('trailmap-collab-redis-');
  const [one, two] = await Promise.all([
    startCollabProcess(dir, redisUrl),
    startCollabProcess(dir, redisUrl),
  ]);
  const seededMap = () => {
    const mapId = freshMapId();
    seedFileStore(dir, mapId, seedJourney(mapId));
    return mapId;
  };
  return { one, two, seededMap };
}

/** Both clients see every edit of the round, and identical documents. */
async function expectConverged(alice: LiveJourney, bob: LiveJourney, round: number) {
  await vi.waitFor(() => {
    const seen = journeyOf(alice);
    expect({
      round,
      stage: seen.stages[0]?.name,
      lane: seen.lanes[0]?.label,
      cards: cardTexts(alice),
    }).toEqual({
      round,
      stage: `stage by bob ${round}`,
      lane: `lane by alice ${round}`,
      cards: [`alice ${round}`, `bob ${round}`],
    });
    expect(journeyOf(bob)).toEqual(seen);
  }, waitOptions);
}

// Every round edits records that existed before the map was opened (the seeded stage and lane):
// if each process had built its own Yjs copy of the JSON, one copy would lose the other's edits.
describe('scale-out with Redis', () => {
  it('a client on process two sees and edits what a client on process one already changed', async () => {
    const { one, two, seededMap } = await twoProcesses();
    for (let round = 0; round < ROUNDS; round++) {
      const mapId = seededMap();
      const alice = client(one.url, mapId, 'tok-owner');
      await synced(alice);
      alice.session.run(addCard(`alice ${round}`));
      alice.session.run({ command: 'lane.update', input: { id: 'lane:a', label: `lane by alice ${round}` } });
      const bob = client(two.url, mapId, 'tok-editor');
      await synced(bob);
      bob.session.run(addCard(`bob ${round}`));
      bob.session.run({ command: 'stage.update', input: { id: 'stage:a', name: `stage by bob ${round}` } });
      await expectConverged(alice, bob, round);
      alice.destroy();
      bob.destroy();
    }
  }, 180_000);

  it('two processes loading the same map at the same instant converge', async () => {
    const { one, two, seededMap } = await twoProcesses();
    for (let round = 0; round < ROUNDS; round++) {
      const mapId = seededMap();
      const alice = client(one.url, mapId, 'tok-owner');
      const bob = client(two.url, mapId, 'tok-editor');
      await Promise.all([synced(alice), synced(bob)]);
      alice.session.run(addCard(`alice ${round}`));
      alice.session.run({ command: 'lane.update', input: { id: 'lane:a', label: `lane by alice ${round}` } });
      bob.session.run(addCard(`bob ${round}`));
      bob.session.run({ command: 'stage.update', input: { id: 'stage:a', name: `stage by bob ${round}` } });
      await expectConverged(alice, bob, round);
      alice.destroy();
      bob.destroy();
    }
  }, 180_000);
});
