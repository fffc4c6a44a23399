import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
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

describe('applyOps on long batches', () => {
  /** The obvious implementation, kept as the reference the indexed one must agree with. */
  function naive(doc: Journey, ops: ReturnType<typeof put>[]): Journey {
    let stages = [...doc.stages];
    for (const op of ops) {
      if (op.op === 'put') {
        const at = stages.findIndex((stage) => stage.id === op.record.id);
        if (at === -1) stages.push(op.record as Journey['stages'][number]);
        else stages[at] = op.record as Journey['stages'][number];
      } else if (op.op === 'remove') stages = stages.filter((stage) => stage.id !== op.id);
      else if (op.op === 'patch') {
        stages = stages.map((stage) => {
          if (stage.id !== op.id) return stage;
          const next: Record<string, unknown> = { ...stage };
          for (const [key, value] of Object.entries(op.changes)) {
            if (value === undefined) delete next[key];
            else next[key] = value;
          }
          return next as Journey['stages'][number];
        });
      }
    }
    return { ...doc, stages };
  }

  it('agrees with the naive implementation for random mixes of puts, patches and removes', () => {
    const id = fc.constantFrom('stage:a', 'stage:b', 'stage:c', 'stage:d', 'stage:e');
    const op = fc.oneof(
      fc
        .record({ id, name: fc.string({ minLength: 1, maxLength: 3 }) })
        .map(({ id: stageId, name }) => put('stages', { id: stageId, index: 'a0', name })),
      fc
        .record({ id, name: fc.string({ minLength: 1, maxLength: 3 }) })
        .map(({ id: stageId, name }) => patch('stages', stageId, { name, goal: undefined })),
      id.map((stageId) => remove('stages', stageId)),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        expect(applyOps(base(), ops).stages).toEqual(naive(base(), ops).stages);
      }),
    );
  });
});
