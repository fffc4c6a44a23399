import { describe, expect, it } from 'vitest';
import { opportunitiesOf } from '../../selectors';
import { failure, run, sampleJourney } from '../testSupport';

describe('opportunity.move', () => {
  it('moves an opportunity to another stage at a placement', () => {
    const doc = run(sampleJourney(), 'opportunity.move', {
      id: 'opp:fees',
      stageId: 'stage:receive',
      before: 'opp:track',
    });
    expect(opportunitiesOf(doc, 'stage:receive').map((opportunity) => opportunity.id)).toEqual([
      'opp:fees',
      'opp:track',
    ]);
    expect(opportunitiesOf(doc, 'stage:discover')).toEqual([]);
  });

  it('fails for missing records and unknown fields', () => {
    expect(failure(sampleJourney(), 'opportunity.move', { id: 'opp:nope' }).code).toBe(
      'OPPORTUNITY_NOT_FOUND',
    );
    expect(failure(sampleJourney(), 'opportunity.move', { id: 'opp:fees', stageId: 'stage:nope' }).code).toBe(
      'STAGE_NOT_FOUND',
    );
    expect(failure(sampleJourney(), 'opportunity.move', { id: 'opp:fees', laneId: 'lane:pain' }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
