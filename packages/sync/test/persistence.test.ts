import { describe, expect, it, vi } from 'vitest';
import { yDocToJourney } from '../src/client/index';
import { client, freshMapId, seedJourney, startCollab, synced } from './helpers';
import { seedFileStore } from './fixtures/fileStore';
import { crash, startCollabProcess, tempDir } from './fixtures/processes';

const waitOptions = { timeout: 15_000, interval: 20 };
const addCard = (text: string) => ({
  command: 'card.add',
  input: { laneId: 'lane:a', stageId: 'stage:a', text },
});
const texts = (live: { ydoc: Parameters<typeof yDocToJourney>[0] }) =>
  yDocToJourney(live.ydoc).cards.map((card) => card.text);

describe('persistence', () => {
  it('a server crash loses no acknowledged change (write-ahead log)', async () => {
    const dir = tempDir('trailmap-collab-');
    const mapId = freshMapId();
    seedFileStore(dir, mapId, seedJourney(mapId));
    const first = await startCollabProcess(dir);
    const writer = client(first.url, mapId, 'tok-editor');
    await synced(writer);
    for (let i = 0; i < 20; i++) writer.session.run(addCard(`card ${i}`));
    // acknowledged = the server confirmed every update (sync status), nothing unsynced
    await vi.waitFor(() => expect(writer.provider.hasUnsyncedChanges).toBe(false), waitOptions);
    const acknowledged = yDocToJourney(writer.ydoc);
    await crash(first.child);

    const second = await startCollabProcess(dir);
    const reader = client(second.url, mapId, 'tok-viewer');
    await synced(reader);
    expect(yDocToJourney(reader.ydoc)).toEqual(acknowledged);
    expect(acknowledged.cards).toHaveLength(20);
  });

  it("an offline client's edits merge when it reconnects", async () => {
    const mapId = freshMapId();
    const { url, collab } = await startCollab([seedJourney(mapId)]);
    const online = client(url, mapId, 'tok-owner');
    const traveller = client(url, mapId, 'tok-editor');
    await Promise.all([synced(online), synced(traveller)]);
    traveller.provider.disconnect();
    await vi.waitFor(
      () => expect(traveller.provider.configuration.websocketProvider.status).toBe('disconnected'),
      waitOptions,
    );
    traveller.session.run(addCard('written on the train'));
    traveller.session.run({ command: 'stage.add', input: { name: 'Offline stage' } });
    online.session.run(addCard('written in the office'));
    await vi.waitFor(() => expect(collab.read(mapId)?.cards).toHaveLength(1), waitOptions);
    expect(texts(traveller)).toEqual(['written on the train']);

    await traveller.provider.connect();
    await vi.waitFor(() => {
      const server = collab.read(mapId)!;
      expect(server.cards.map((card) => card.text).sort()).toEqual([
        'written in the office',
        'written on the train',
      ]);
      expect(server.stages.map((stage) => stage.name)).toEqual(['Discover', 'Offline stage']);
      expect(yDocToJourney(online.ydoc)).toEqual(server);
      expect(yDocToJourney(traveller.ydoc)).toEqual(server);
    }, waitOptions);
  });

  it('REST writes go through the live document: open editors see them and the JSON snapshot is current', async () => {
    const mapId = freshMapId();
    const { url, collab, store } = await startCollab([seedJourney(mapId)]);
    const editor = client(url, mapId, 'tok-editor');
    await synced(editor);
    const ctx = {
      newId: () => 'card:fromapi',
      now: () => '2026-11-23T12:00:00Z',
      actor: { id: 'user:olga', name: 'Olga' },
    };
    const { doc } = await collab.runCommands(mapId, [addCard('via API')], ctx);
    expect(doc.cards.map((card) => card.text)).toEqual(['via API']);
    expect(store.journeys.get(mapId)).toEqual(doc);
    await vi.waitFor(() => expect(texts(editor)).toEqual(['via API']), waitOptions);

    // a whole-document PUT keeps a concurrent live edit to another field
    editor.session.commit(
      [{ op: 'patch', collection: 'cards', id: 'card:fromapi', changes: { color: 'red' } }],
      'record',
    );
    await vi.waitFor(() => expect(collab.read(mapId)?.cards[0]?.color).toBe('red'), waitOptions);
    const replaced = await collab.replace(
      mapId,
      { ...doc, map: { ...doc.map, title: 'Renamed' } },
      { base: doc },
    );
    expect(replaced.map.title).toBe('Renamed');
    expect(replaced.cards[0]?.color).toBe('red');
    await vi.waitFor(() => expect(yDocToJourney(editor.ydoc).map.title).toBe('Renamed'), waitOptions);
  });

  it('writes through the API when nobody has the map open, converting the JSON document once', async () => {
    const mapId = freshMapId();
    const { collab, store } = await startCollab([seedJourney(mapId)]);
    await collab.applyOps(mapId, [{ op: 'patchMap', changes: { title: 'Closed map' } }]);
    expect(store.journeys.get(mapId)?.map.title).toBe('Closed map');
    expect(collab.hocuspocus.getDocumentsCount()).toBe(0);
    await collab.applyOps(mapId, [{ op: 'patchMap', changes: { description: 'again' } }]);
    expect(store.journeys.get(mapId)?.map).toMatchObject({ title: 'Closed map', description: 'again' });
  });

  it('records debounced version entries attributed to the people who edited', async () => {
    const mapId = freshMapId();
    const { url, versions } = await startCollab([seedJourney(mapId)]);
    const owner = client(url, mapId, 'tok-owner');
    const editor = client(url, mapId, 'tok-editor');
    await Promise.all([synced(owner), synced(editor)]);
    owner.session.run(addCard('one'));
    editor.session.run(addCard('two'));
    await vi.waitFor(() => {
      const authors = new Set(versions.flatMap((entry) => entry.authors.map((author) => author.id)));
      expect([...authors].sort()).toEqual(['user:eddie', 'user:olga']);
      expect(versions.at(-1)!.journey.cards).toHaveLength(2);
    }, waitOptions);
  });

  it('a busy map defers compaction (the log keeps every update) and compacts when people leave', async () => {
    const mapId = freshMapId();
    const { url, collab, store } = await startCollab([seedJourney(mapId)], {
      busy: { connections: 2, compactionIntervalMs: 60_000 },
    });
    const owner = client(url, mapId, 'tok-owner');
    const editor = client(url, mapId, 'tok-editor');
    await Promise.all([synced(owner), synced(editor)]);
    for (let i = 0; i < 5; i++) owner.session.run(addCard(`busy ${i}`));
    await vi.waitFor(() => expect(collab.read(mapId)?.cards).toHaveLength(5), waitOptions);
    // well past the 50 ms debounce and 200 ms max debounce of the test server
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(store.logs.get(mapId)?.length).toBeGreaterThanOrEqual(5);
    expect(store.journeys.get(mapId)?.cards).toEqual([]);
    owner.destroy();
    editor.destroy();
    await vi.waitFor(() => {
      expect(
        store.journeys
          .get(mapId)
          ?.cards.map((card) => card.text)
          .sort(),
      ).toEqual(['busy 0', 'busy 1', 'busy 2', 'busy 3', 'busy 4']);
      expect(store.logs.get(mapId)).toEqual([]);
    }, waitOptions);
  });
});
