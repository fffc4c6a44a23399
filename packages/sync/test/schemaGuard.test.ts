import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { journeyToYDoc, liveContext, runCommand, yDocToJourney } from '../src/client/index';
import { updateIssues } from '../src/server/index';
import { client, freshMapId, seedJourney, startCollab, synced } from './helpers';

const waitOptions = { timeout: 10_000, interval: 20 };

/** The server's document and a peer in sync with it; `edit` changes the peer, the result is checked. */
function issuesOf(edit: (peer: Y.Doc) => void): string[] {
  const server = journeyToYDoc(seedJourney(), new Y.Doc());
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(peer);
  edit(peer);
  return updateIssues(server, Y.encodeStateAsUpdate(peer, before));
}
const stage = (peer: Y.Doc) => peer.getMap<Y.Map<unknown>>('stages').get('stage:a')!;

describe('schema guard: which client updates keep the document a valid journey', () => {
  it('lets every command through (adds, edits, moves, deletes)', () => {
    const context = liveContext({ id: 'user:olga', name: 'Olga' });
    const addCard = { command: 'card.add', input: { laneId: 'lane:a', stageId: 'stage:a', text: 'Hi' } };
    expect(issuesOf((peer) => runCommand(peer, addCard, context))).toEqual([]);
    expect(
      issuesOf((peer) => runCommand(peer, { command: 'stage.add', input: { name: 'Next' } }, context)),
    ).toEqual([]);
    expect(issuesOf((peer) => stage(peer).set('name', 'Renamed'))).toEqual([]);
    expect(issuesOf((peer) => peer.getMap('opportunities').delete('opp:one'))).toEqual([]);
    expect(issuesOf((peer) => peer.getMap('map').set('title', 'New title'))).toEqual([]);
  });

  it('refuses wrong types, missing or unknown fields, foreign types and id mismatches', () => {
    expect(issuesOf((peer) => stage(peer).set('name', 42))).toEqual([
      expect.stringMatching(/^\/stages\/stage:a\/name: /),
    ]);
    expect(issuesOf((peer) => stage(peer).delete('name'))).toEqual([
      expect.stringMatching(/^\/stages\/stage:a\/name: /),
    ]);
    expect(issuesOf((peer) => stage(peer).set('colour', 'red'))[0]).toMatch(/^\/stages\/stage:a/);
    expect(issuesOf((peer) => stage(peer).set('id', 'stage:b'))).toContain(
      "/stages/stage:a/id: must equal the record's key",
    );
    expect(
      issuesOf((peer) => peer.getMap('cards').set('card:x', new Y.Map<unknown>([['id', 'card:x']]))).length,
    ).toBeGreaterThan(0);
    expect(issuesOf((peer) => stage(peer).set('name', new Y.Text('nested')))).toEqual([
      '/stages/stage:a/name: fields hold plain JSON values',
    ]);
    expect(issuesOf((peer) => peer.getMap('scribbles').set('x', 1))).toEqual([
      '/scribbles: not part of a journey document',
    ]);
    expect(issuesOf((peer) => peer.getMap('meta').set('schemaVersion', 1))).toEqual([
      '/schemaVersion: must stay 2',
    ]);
    expect(issuesOf((peer) => peer.getMap('map').set('title', ''))[0]).toMatch(/^\/map\/title: /);
  });

  it('counts live records against the limits, not deleted keys', () => {
    const server = journeyToYDoc(seedJourney(), new Y.Doc());
    const lanes = server.getMap<Y.Map<unknown>>('lanes');
    const lane = (id: string) =>
      new Y.Map<unknown>([
        ['id', id],
        ['index', 'b0'],
        ['kind', 'actions'],
        ['label', id],
      ]);
    server.transact(() => {
      for (let i = lanes.size; i < 100; i++) lanes.set(`lane:n${i}`, lane(`lane:n${i}`));
    });
    lanes.delete('lane:n99'); // 99 live lanes, 100 keys
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(server));
    const adding = (count: number) => {
      const before = Y.encodeStateVector(peer);
      const scratch = new Y.Doc();
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(peer));
      for (let i = 0; i < count; i++) scratch.getMap('lanes').set(`lane:x${i}`, lane(`lane:x${i}`));
      return updateIssues(server, Y.encodeStateAsUpdate(scratch, before));
    };
    expect(adding(1)).toEqual([]);
    expect(adding(2)).toEqual(['/lanes: a map holds at most 100 lanes']);
  });

  it('a live client writing an invalid field is disconnected with 4422; nothing is applied, relayed or logged', async () => {
    const mapId = freshMapId();
    const { url, collab, store } = await startCollab([seedJourney(mapId)]);
    const rejected: string[] = [];
    const vandal = client(url, mapId, 'tok-editor', { rejected });
    const witness = client(url, mapId, 'tok-owner');
    await Promise.all([synced(vandal), synced(witness)]);
    vandal.ydoc.getMap<Y.Map<unknown>>('stages').get('stage:a')!.set('name', 42);
    await vi.waitFor(
      () => expect(rejected).toEqual([expect.stringContaining('/stages/stage:a/name')]),
      waitOptions,
    );
    // The witness keeps editing and the server keeps the valid document.
    witness.session.run({ command: 'stage.update', input: { id: 'stage:a', name: 'Explore' } });
    await vi.waitFor(() => expect(collab.read(mapId)?.stages[0]?.name).toBe('Explore'), waitOptions);
    expect(yDocToJourney(witness.ydoc).stages[0]?.name).toBe('Explore');
    const persisted = new Y.Doc();
    for (const { update } of store.logs.get(mapId) ?? []) Y.applyUpdate(persisted, update);
    expect(JSON.stringify(persisted.toJSON())).not.toContain('42');
    // It stays disconnected instead of resending the refused update.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(vandal.provider.isSynced).toBe(false);
    expect(rejected).toHaveLength(1);
  });
});
