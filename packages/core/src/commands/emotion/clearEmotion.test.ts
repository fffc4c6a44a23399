import { describe, expect, it } from 'vitest';
import { failure, run, sampleJourney } from '../testSupport';

describe('emotion.clear', () => {
  it('removes the point of a stage or step, and is a no-op when there is none', () => {
    const doc = run(sampleJourney(), 'emotion.clear', { stageId: 'stage:order', stepId: 'step:pay' });
    expect(doc.emotions.map((point) => point.id)).toEqual(['emotion:d']);
    const none = sampleJourney();
    expect(run(none, 'emotion.clear', { stageId: 'stage:receive' })).toBe(none);
  });

  it('fails for a missing stage and unknown fields', () => {
    expect(failure(sampleJourney(), 'emotion.clear', { stageId: 'stage:nope' }).code).toBe('STAGE_NOT_FOUND');
    expect(failure(sampleJourney(), 'emotion.clear', { stageId: 'stage:order', score: 1 }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
