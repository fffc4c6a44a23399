import { describe, expect, it } from 'vitest';
import { failure, run, sampleJourney } from '../testSupport';

describe('evidence.add', () => {
  it('adds evidence with a default confidence', () => {
    const doc = run(sampleJourney(), 'evidence.add', {
      source: 'survey',
      title: 'NPS Q3',
      date: '2026-09-30',
    });
    expect(doc.evidence.at(-1)).toEqual({
      id: 'evidence:t1',
      source: 'survey',
      title: 'NPS Q3',
      date: '2026-09-30',
      confidence: 'medium',
    });
  });

  it('cites the new evidence on a card, emotion point or opportunity at once', () => {
    const card = run(sampleJourney(), 'evidence.add', { source: 'support', linkTo: 'card:late' });
    expect(card.cards.find((each) => each.id === 'card:late')!.evidenceIds).toEqual(['evidence:t1']);
    const emotion = run(sampleJourney(), 'evidence.add', { source: 'observation', linkTo: 'emotion:d' });
    expect(emotion.emotions[0]!.evidenceIds).toEqual(['evidence:t1']);
    const opportunity = run(sampleJourney(), 'evidence.add', {
      source: 'analytics',
      linkTo: 'opp:track',
      query: 'late deliveries',
    });
    expect(opportunity.opportunities[1]!.evidenceIds).toEqual(['evidence:t1']);
  });

  it('rejects bad targets, sources and unknown fields', () => {
    expect(failure(sampleJourney(), 'evidence.add', { source: 'survey', linkTo: 'card:nope' }).code).toBe(
      'CARD_NOT_FOUND',
    );
    expect(failure(sampleJourney(), 'evidence.add', { source: 'survey', linkTo: 'stage:order' }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
    expect(failure(sampleJourney(), 'evidence.add', { source: 'rumour' }).code).toBe('INVALID_COMMAND_INPUT');
    expect(
      failure(sampleJourney(), 'evidence.add', { source: 'survey', deletedAt: '2026-01-01T00:00:00Z' }).code,
    ).toBe('INVALID_COMMAND_INPUT');
  });
});
