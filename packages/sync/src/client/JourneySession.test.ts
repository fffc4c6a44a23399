import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { patch } from '@trailmap/core';
import { journeyToYDoc } from '../doc/toYDoc';
import { yDocToJourney } from '../doc/fromYDoc';
import { peerContext } from '../../test/randomEdits';
import { JourneySession } from './JourneySession';

const empty = () =>
  journeyToYDoc(
    {
      schemaVersion: 2,
      map: { id: 'map:u', title: 'Undo', type: 'current-state', expectations: [], tags: [] },
      personas: [],
      stages: [{ id: 'stage:a', index: 'a0', name: 'A' }],
      steps: [],
      lanes: [{ id: 'lane:a', index: 'a0', kind: 'actions', label: 'L' }],
      cards: [],
      emotions: [],
      connections: [],
      opportunities: [],
      evidence: [],
      metricBindings: [],
    },
    new Y.Doc(),
  );
const addCard = (text: string) => ({
  command: 'card.add',
  input: { laneId: 'lane:a', stageId: 'stage:a', text },
});
const texts = (ydoc: Y.Doc) => yDocToJourney(ydoc).cards.map((card) => card.text);

describe('JourneySession', () => {
  it("makes each 'record' command one undo step, even when run back to back", () => {
    const ydoc = empty();
    const session = new JourneySession(ydoc, peerContext('a'));
    session.run(addCard('one'));
    session.run(addCard('two'));
    session.run({ command: 'stage.add', input: { name: 'B' } });
    expect(session.undo()).toBe(true);
    expect(yDocToJourney(ydoc).stages).toHaveLength(1);
    expect(texts(ydoc)).toEqual(['one', 'two']);
    session.undo();
    expect(texts(ydoc)).toEqual(['one']);
    session.redo();
    expect(texts(ydoc)).toEqual(['one', 'two']);
  });

  it('never undoes what another user did', () => {
    const alice = empty();
    const bob = new Y.Doc();
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    alice.on(
      'update',
      (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(bob, update, 'remote'),
    );
    bob.on(
      'update',
      (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(alice, update, 'remote'),
    );
    const aliceSession = new JourneySession(alice, peerContext('a'));
    const bobSession = new JourneySession(bob, peerContext('b'));
    aliceSession.run(addCard('alice'));
    bobSession.run(addCard('bob'));
    aliceSession.undo();
    expect(texts(bob)).toEqual(['bob']);
    expect(bobSession.canUndo).toBe(true);
    expect(aliceSession.canUndo).toBe(false);
  });

  it("merges consecutive 'merge' commands until the gesture ends, and never records 'skip'", () => {
    const typing = (text: string) => [patch('cards', 'card:t', { text })];
    {
      const ydoc = empty();
      const session = new JourneySession(ydoc, peerContext('a'));
      session.run({ ...addCard('t'), input: { ...addCard('t').input, id: 'card:t' } });
      session.commit(typing('ty'), 'merge');
      session.commit(typing('typed'), 'merge');
      session.endGesture();
      session.commit(typing('typed again'), 'merge');
      session.commit([patch('cards', 'card:t', { color: 'red' })], 'skip');
      const card = () => yDocToJourney(ydoc).cards[0];
      expect(card()).toMatchObject({ text: 'typed again', color: 'red' });
      session.undo();
      expect(card()).toMatchObject({ text: 'typed', color: 'red' });
      session.undo();
      expect(card()).toMatchObject({ text: 't', color: 'red' });
      session.undo();
      expect(texts(ydoc)).toEqual([]);
      expect(session.canUndo).toBe(false);
    }
  });
});
