import { describe, expect, it } from 'vitest';
import { executeBatch } from '@trailmap/core';
import { sampleJourney } from '../demo/sampleJourney';
import { diffByContent, diffDocs, emotionByStageName } from './diffDocs';

let n = 0;
const ctx = { newId: (kind: string) => `${kind}:x${n++}`, now: () => '2026-11-23T00:00:00Z' };

describe('version diff', () => {
  it('finds added, removed and changed records', () => {
    const before = sampleJourney(10);
    const { doc: after } = executeBatch(
      before,
      [
        {
          command: 'card.add',
          input: { laneId: 'lane:actions', stageId: 'stage:s0', text: 'New', tags: [] },
        },
        { command: 'card.remove', input: { id: 'card:c1' } },
        { command: 'card.update', input: { id: 'card:c2', text: 'Edited' } },
      ],
      ctx as never,
    );
    const diff = diffDocs(before, after);
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 1 });
    expect(diff.changes.get('card:c2')).toBe('changed');
    expect(diffDocs(before, before).changes.size).toBe(0);
  });

  it('keys emotion scores by stage name', () => {
    expect(emotionByStageName(sampleJourney(0)).get('Checkout')).toBe(-2);
  });
});

describe('comparing two different maps', () => {
  it('matches stages, lanes and cards by content, not by id', () => {
    const today = sampleJourney(6);
    const renamed = (id: string) => id.replace(':', ':x');
    const tomorrow = {
      ...today,
      stages: today.stages.map((stage) => ({ ...stage, id: renamed(stage.id) })),
      lanes: today.lanes.map((lane) => ({ ...lane, id: renamed(lane.id) })),
      cards: today.cards.map((card, i) => ({
        ...card,
        id: renamed(card.id),
        stageId: renamed(card.stageId),
        laneId: renamed(card.laneId),
        text: i === 0 ? 'Redesigned step' : card.text,
      })),
    };
    const diff = diffByContent(today, tomorrow);
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 0 });
    expect(diff.changes.get('card:xc0')).toBe('added');
    expect(diff.changes.get('card:c0')).toBe('removed');
  });
});
