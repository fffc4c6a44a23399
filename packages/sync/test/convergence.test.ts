import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { validateJourney, type Journey } from '@trailmap/schema';
import { journeyToYDoc } from '../src/doc/toYDoc';
import { yDocToJourney, readRawJourney } from '../src/doc/fromYDoc';
import { runCommand } from '../src/doc/runCommand';
import { applyEdit, editArbitrary, peerContext } from './randomEdits';

const seed: Journey = {
  schemaVersion: 2,
  map: { id: 'map:live', title: 'Workshop', type: 'current-state', expectations: [], tags: [] },
  personas: [],
  stages: [{ id: 'stage:a', index: 'a0', name: 'Discover' }],
  steps: [],
  lanes: [{ id: 'lane:a', index: 'a0', kind: 'actions', label: 'Doing' }],
  cards: [],
  emotions: [],
  connections: [],
  opportunities: [],
  evidence: [],
  metricBindings: [],
};

const syncPair = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

function simulate(peerCount: number, rounds: { peer: number; edit: Parameters<typeof applyEdit>[1] }[][]) {
  const origin = journeyToYDoc(seed, new Y.Doc());
  const peers = Array.from({ length: peerCount }, () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(origin));
    return ydoc;
  });
  const contexts = peers.map((_, i) => peerContext(`p${i}`));
  for (const round of rounds) {
    for (const { peer, edit } of round) {
      const at = peer % peerCount;
      applyEdit(peers[at]!, edit, contexts[at]!, (call) =>
        runCommand(peers[at]!, call, contexts[at]!, 'test'),
      );
    }
    // partial exchange between rounds: neighbours only, so peers see different histories
    for (let i = 0; i + 1 < peerCount; i += 2) syncPair(peers[i]!, peers[i + 1]!);
  }
  for (let pass = 0; pass < 2; pass++) for (let i = 1; i < peerCount; i++) syncPair(peers[0]!, peers[i]!);
  return peers;
}

const roundsArbitrary = fc.array(
  fc.array(fc.record({ peer: fc.nat(), edit: editArbitrary }), { minLength: 1, maxLength: 8 }),
  { minLength: 1, maxLength: 6 },
);

describe('concurrent editing converges', () => {
  for (const peerCount of [2, 10]) {
    it(`${peerCount} peers reach identical, valid documents`, () => {
      fc.assert(
        fc.property(roundsArbitrary, (rounds) => {
          const peers = simulate(peerCount, rounds);
          const first = yDocToJourney(peers[0]!);
          for (const peer of peers) expect(yDocToJourney(peer)).toEqual(first);
          const result = validateJourney(first);
          expect(result.ok ? [] : result.issues).toEqual([]);
        }),
        { numRuns: peerCount === 2 ? 150 : 40 },
      );
    });
  }

  it('a card added into a lane that another peer deletes concurrently is hidden, then restored by undo', () => {
    const [alice, bob] = simulate(2, []);
    const undo = new Y.UndoManager(alice!.getMap('lanes'), { trackedOrigins: new Set(['alice']) });
    alice!.transact(() => alice!.getMap('lanes').delete('lane:a'), 'alice');
    runCommand(
      bob!,
      { command: 'card.add', input: { laneId: 'lane:a', stageId: 'stage:a', text: 'x' } },
      peerContext('b'),
    );
    syncPair(alice!, bob!);
    expect(readRawJourney(alice!).cards).toHaveLength(1);
    expect(yDocToJourney(alice!).cards).toEqual([]);
    expect(validateJourney(yDocToJourney(bob!)).ok).toBe(true);
    undo.undo();
    expect(yDocToJourney(alice!).cards.map((card) => card.text)).toEqual(['x']);
  });

  it('two cards inserted at the same place keep both, ordered by id on every peer', () => {
    const [alice, bob] = simulate(2, []);
    const add = (ydoc: Y.Doc, peer: string) =>
      runCommand(
        ydoc,
        { command: 'card.add', input: { laneId: 'lane:a', stageId: 'stage:a', text: peer } },
        peerContext(peer),
      );
    add(alice!, 'a');
    add(bob!, 'b');
    syncPair(alice!, bob!);
    const cards = yDocToJourney(alice!).cards;
    expect(cards.map((card) => card.text)).toEqual(['a', 'b']);
    expect(cards[0]!.index).toBe(cards[1]!.index);
    expect(yDocToJourney(bob!)).toEqual(yDocToJourney(alice!));
  });

  it('concurrent edits of different fields of one card both survive', () => {
    const [alice, bob] = simulate(2, []);
    runCommand(
      alice!,
      { command: 'card.add', input: { id: 'card:one', laneId: 'lane:a', stageId: 'stage:a', text: 'v0' } },
      peerContext('a'),
    );
    syncPair(alice!, bob!);
    (alice!.getMap('cards').get('card:one') as Y.Map<unknown>).set('text', 'edited');
    (bob!.getMap('cards').get('card:one') as Y.Map<unknown>).set('color', 'red');
    syncPair(alice!, bob!);
    expect(yDocToJourney(bob!).cards[0]).toMatchObject({ text: 'edited', color: 'red' });
  });
});
