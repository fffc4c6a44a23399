import { describe, expect, it } from 'vitest';
import { orderedLanes } from '../../selectors';
import { failure, run, sampleJourney } from '../testSupport';

describe('lane.move', () => {
  it('reorders lanes', () => {
    const doc = run(sampleJourney(), 'lane.move', { id: 'lane:back', before: 'lane:actions' });
    expect(orderedLanes(doc).map((lane) => lane.id)).toEqual([
      'lane:back',
      'lane:actions',
      'lane:pain',
      'lane:touch',
    ]);
    const end = run(doc, 'lane.move', { id: 'lane:actions', position: 'end' });
    expect(
      orderedLanes(end)
        .map((lane) => lane.id)
        .at(-1),
    ).toBe('lane:actions');
  });

  it('fails for a missing lane and unknown fields', () => {
    expect(failure(sampleJourney(), 'lane.move', { id: 'lane:nope' }).code).toBe('LANE_NOT_FOUND');
    expect(failure(sampleJourney(), 'lane.move', { id: 'lane:back', index: 'a0' }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
