import { describe, expect, it } from 'vitest';
import { failure, run, sampleJourney } from '../testSupport';

const lane = (doc: ReturnType<typeof sampleJourney>, id: string) => doc.lanes.find((each) => each.id === id)!;

describe('lane.update', () => {
  it('relabels, changes kind and collapses', () => {
    const doc = run(sampleJourney(), 'lane.update', {
      id: 'lane:touch',
      label: 'Channels',
      kind: 'channels',
      collapsed: true,
    });
    expect(lane(doc, 'lane:touch')).toMatchObject({ label: 'Channels', kind: 'channels', collapsed: true });
  });

  it('moves a blueprint line from one lane to another, and clears it', () => {
    const doc = run(sampleJourney(), 'lane.update', { id: 'lane:touch', lineAbove: 'visibility' });
    expect(lane(doc, 'lane:touch').lineAbove).toBe('visibility');
    expect(lane(doc, 'lane:back').lineAbove).toBeUndefined();
    expect(
      lane(run(doc, 'lane.update', { id: 'lane:touch', lineAbove: null }), 'lane:touch').lineAbove,
    ).toBeUndefined();
  });

  it('fails for a missing lane and unknown fields', () => {
    expect(failure(sampleJourney(), 'lane.update', { id: 'lane:nope', label: 'X' }).code).toBe(
      'LANE_NOT_FOUND',
    );
    expect(failure(sampleJourney(), 'lane.update', { id: 'lane:touch', color: 'red' }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
