import { describe, expect, it } from 'vitest';
import { emotionAt } from '../../selectors';
import { failure, run, sampleJourney } from '../testSupport';

describe('emotion.set', () => {
  it('creates a point for a stage or step without one', () => {
    const doc = run(sampleJourney(), 'emotion.set', {
      stageId: 'stage:receive',
      score: -1,
      emoji: '😠',
      note: 'Late again',
    });
    expect(emotionAt(doc, 'stage:receive')).toEqual({
      id: 'emotion:t1',
      stageId: 'stage:receive',
      score: -1,
      emoji: '😠',
      note: 'Late again',
      evidenceIds: [],
    });
    const step = run(doc, 'emotion.set', { stageId: 'stage:order', stepId: 'step:cart', score: 0.5 });
    expect(emotionAt(step, 'stage:order', 'step:cart')!.score).toBe(0.5);
  });

  it('updates the existing point instead of adding a second one', () => {
    const doc = run(sampleJourney(), 'emotion.set', {
      stageId: 'stage:order',
      stepId: 'step:pay',
      score: -1,
      emoji: '😐',
    });
    expect(doc.emotions).toHaveLength(2);
    expect(emotionAt(doc, 'stage:order', 'step:pay')).toMatchObject({
      id: 'emotion:pay',
      score: -1,
      emoji: '😐',
      evidenceIds: ['evidence:int'],
    });
    const cleared = run(doc, 'emotion.set', {
      stageId: 'stage:order',
      stepId: 'step:pay',
      score: -1,
      emoji: null,
    });
    expect(emotionAt(cleared, 'stage:order', 'step:pay')!.emoji).toBeUndefined();
  });

  it('rejects scores out of range, bad cells and unknown fields', () => {
    expect(failure(sampleJourney(), 'emotion.set', { stageId: 'stage:order', score: 3 }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
    expect(failure(sampleJourney(), 'emotion.set', { stageId: 'stage:order', score: -2.5 }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
    expect(failure(sampleJourney(), 'emotion.set', { stageId: 'stage:nope', score: 1 }).code).toBe(
      'STAGE_NOT_FOUND',
    );
    expect(
      failure(sampleJourney(), 'emotion.set', { stageId: 'stage:discover', stepId: 'step:pay', score: 1 })
        .code,
    ).toBe('STEP_OUTSIDE_STAGE');
    expect(
      failure(sampleJourney(), 'emotion.set', { stageId: 'stage:order', score: 1, mood: 'x' }).code,
    ).toBe('INVALID_COMMAND_INPUT');
  });
});
