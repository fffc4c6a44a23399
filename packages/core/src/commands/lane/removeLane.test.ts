import { describe, expect, it } from 'vitest';
import { failure, run, sampleJourney } from '../testSupport';

const ids = (records: { id: string }[]) => records.map((record) => record.id);

describe('lane.remove', () => {
  it('removes the lane, its cards and their connections, bindings and problem links', () => {
    const touch = run(sampleJourney(), 'lane.remove', { id: 'lane:touch' });
    expect(ids(touch.lanes)).not.toContain('lane:touch');
    expect(ids(touch.cards)).toEqual(['card:search', 'card:compare', 'card:fees', 'card:late']);
    expect(touch.connections).toEqual([]);
    const pain = run(sampleJourney(), 'lane.remove', { id: 'lane:pain' });
    expect(pain.opportunities.map((opportunity) => opportunity.problemCardIds)).toEqual([[], []]);
    expect(ids(pain.metricBindings)).toEqual(['binding:order', 'binding:pay']);
    expect(ids(pain.stages)).toHaveLength(3);
  });

  it('fails for a missing lane and unknown fields', () => {
    expect(failure(sampleJourney(), 'lane.remove', { id: 'lane:nope' }).code).toBe('LANE_NOT_FOUND');
    expect(failure(sampleJourney(), 'lane.remove', { id: 'lane:pain', all: true }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
