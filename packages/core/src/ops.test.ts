import { describe, expect, it } from 'vitest';
import type { Journey } from '@trailmap/schema';
import { applyOps, patch, patchMap, put, remove } from './ops';

const base = (): Journey => ({
  schemaVersion: 2,
  map: { id: 'map:m', title: 'M', type: 'current-state', expectations: [], tags: [], scenario: 'old' },
  personas: [],
  stages: [
    { id: 'stage:a', index: 'a0', name: 'A', goal: 'g' },
    { id: 'stage:b', index: 'a1', name: 'B' },
  ],
  steps: [],
  lanes: [],
  cards: [],
  emotions: [],
  connections: [],
  opportunities: [],
  evidence: [],
  metricBindings: [],
});

describe('applyOps', () => {
  it('puts, patches and removes without mutating the input', () => {
    const doc = base();
    const snapshot = JSON.stringify(doc);
    const next = applyOps(doc, [
      put('stages', { id: 'stage:c', index: 'a2', name: 'C' }),
      patch('stages', 'stage:a', { name: 'A2', goal: undefined }),
      remove('stages', 'stage:b'),
      patchMap({ title: 'M2', scenario: undefined }),
    ]);
    expect(next.stages).toEqual([
      { id: 'stage:a', index: 'a0', name: 'A2' },
      { id: 'stage:c', index: 'a2', name: 'C' },
    ]);
    expect(next.map.title).toBe('M2');
    expect('scenario' in next.map).toBe(false);
    expect(JSON.stringify(doc)).toBe(snapshot);
    expect(next.lanes).toBe(doc.lanes);
  });

  it('replaces a record put twice and ignores patches and removals of unknown ids', () => {
    const next = applyOps(base(), [
      put('stages', { id: 'stage:a', index: 'a5', name: 'Replaced' }),
      patch('stages', 'stage:gone', { name: 'x' }),
      remove('stages', 'stage:gone'),
    ]);
    expect(next.stages).toEqual([
      { id: 'stage:a', index: 'a5', name: 'Replaced' },
      { id: 'stage:b', index: 'a1', name: 'B' },
    ]);
  });
});
