import { describe, expect, it } from 'vitest';
import { cardsIn } from '../../selectors';
import { failure, run, sampleJourney } from '../testSupport';

const cell = { laneId: 'lane:actions', stageId: 'stage:discover' };

describe('card.add', () => {
  it('adds a card to a cell at a placement', () => {
    const doc = run(sampleJourney(), 'card.add', {
      ...cell,
      text: 'Asks a friend',
      after: 'card:search',
      color: 'blue',
    });
    const texts = cardsIn(doc, cell.laneId, cell.stageId).map((card) => card.text);
    expect(texts).toEqual(['Searches for a shop', 'Asks a friend', 'Compares delivery fees']);
    expect(doc.cards.at(-1)).toMatchObject({ id: 'card:t1', color: 'blue', tags: [], evidenceIds: [] });
  });

  it('adds a card on a step with evidence', () => {
    const input = {
      laneId: 'lane:pain',
      stageId: 'stage:order',
      stepId: 'step:cart',
      text: 'Slow',
      evidenceIds: ['evidence:int'],
    };
    const doc = run(sampleJourney(), 'card.add', input);
    expect(cardsIn(doc, 'lane:pain', 'stage:order', 'step:cart')).toHaveLength(1);
  });

  it('checks the cell and the evidence', () => {
    const doc = sampleJourney();
    expect(failure(doc, 'card.add', { ...cell, laneId: 'lane:nope', text: 'x' }).code).toBe('LANE_NOT_FOUND');
    expect(failure(doc, 'card.add', { ...cell, stageId: 'stage:nope', text: 'x' }).code).toBe(
      'STAGE_NOT_FOUND',
    );
    expect(failure(doc, 'card.add', { ...cell, stepId: 'step:nope', text: 'x' }).code).toBe('STEP_NOT_FOUND');
    expect(failure(doc, 'card.add', { ...cell, stepId: 'step:pay', text: 'x' }).code).toBe(
      'STEP_OUTSIDE_STAGE',
    );
    expect(failure(doc, 'card.add', { ...cell, text: 'x', evidenceIds: ['evidence:nope'] }).code).toBe(
      'EVIDENCE_NOT_FOUND',
    );
    expect(failure(doc, 'card.add', { ...cell, text: 'x', evidenceIds: ['evidence:old'] }).code).toBe(
      'EVIDENCE_DELETED',
    );
  });

  it('rejects bad values and unknown fields', () => {
    expect(failure(sampleJourney(), 'card.add', { ...cell, text: 'x', color: 'octarine' }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
    expect(failure(sampleJourney(), 'card.add', { ...cell, text: 'x'.repeat(2001) }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
    expect(failure(sampleJourney(), 'card.add', { ...cell, text: 'x', index: 'a0' }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
    expect(failure(sampleJourney(), 'card.add', { ...cell, text: 'x', votes: 1 }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
