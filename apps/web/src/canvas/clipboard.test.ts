import { describe, expect, it } from 'vitest';
import { executeBatch } from '@trailmap/core';
import { sampleJourney } from '../demo/sampleJourney';
import { copyCards, parseClipboard, pasteCalls } from './clipboard';

let counter = 0;
const context = {
  newId: (kind: string) => `${kind === 'opportunity' ? 'opp' : kind}:t${counter++}`,
  now: () => '2026-11-23T00:00:00Z',
};

describe('card clipboard', () => {
  const doc = sampleJourney(30);

  it('round-trips through text and pastes into another map', () => {
    const ids = doc.cards
      .filter((card) => card.laneId === 'lane:actions')
      .slice(0, 2)
      .map((card) => card.id);
    const text = JSON.stringify(copyCards(doc, ids));
    const clipboard = parseClipboard(text)!;
    expect(clipboard.cards).toHaveLength(2);
    const other = sampleJourney(0, 3);
    const calls = pasteCalls(other, clipboard, { laneId: 'lane:thoughts', stageId: 'stage:s1' });
    const { doc: after } = executeBatch(other, calls, context as never);
    expect(after.cards).toHaveLength(2);
    expect(after.cards.every((card) => card.laneId === 'lane:thoughts')).toBe(true);
  });

  it('keeps lanes when cards come from several lanes', () => {
    const ids = [
      doc.cards.find((c) => c.laneId === 'lane:actions')!.id,
      doc.cards.find((c) => c.laneId === 'lane:pain-points')!.id,
    ];
    const calls = pasteCalls(doc, copyCards(doc, ids), { laneId: 'lane:thoughts', stageId: 'stage:s2' });
    expect(calls.map((call) => (call.input as { laneId: string }).laneId).sort()).toEqual([
      'lane:actions',
      'lane:pain-points',
    ]);
  });

  it('pastes plain text as one card per line and ignores junk JSON', () => {
    expect(parseClipboard('{"x":1}')).toBeUndefined();
    expect(pasteCalls(doc, 'one\n\n two ', { laneId: 'lane:actions', stageId: 'stage:s0' })).toHaveLength(2);
  });
});
