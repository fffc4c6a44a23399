import { describe, expect, it } from 'vitest';
import { failure, run, sampleJourney } from '../testSupport';

describe('map.update', () => {
  it('sets and clears fields', () => {
    const doc = run(sampleJourney(), 'map.update', {
      title: 'Grocery order v2',
      type: 'future-state',
      scenario: 'Ana orders for the weekend',
      review: { cadence: 'quarterly', nextReviewDate: '2027-02-01' },
      compare: { mapId: 'map:current', relation: 'current-state' },
    });
    expect(doc.map).toMatchObject({
      title: 'Grocery order v2',
      type: 'future-state',
      scenario: 'Ana orders for the weekend',
      review: { cadence: 'quarterly', nextReviewDate: '2027-02-01' },
    });
    const cleared = run(doc, 'map.update', { scenario: null, personaId: null, compare: null });
    expect(cleared.map.scenario).toBeUndefined();
    expect(cleared.map.personaId).toBeUndefined();
    expect(cleared.map.compare).toBeUndefined();
    expect(cleared.map.title).toBe('Grocery order v2');
  });

  it('points the map at another persona of the map', () => {
    expect(run(sampleJourney(), 'map.update', { personaId: 'persona:ben' }).map.personaId).toBe(
      'persona:ben',
    );
    expect(failure(sampleJourney(), 'map.update', { personaId: 'persona:nobody' }).code).toBe(
      'PERSONA_NOT_FOUND',
    );
  });

  it('refuses to compare the map with itself', () => {
    const error = failure(sampleJourney(), 'map.update', {
      compare: { mapId: 'map:sample', relation: 'related' },
    });
    expect(error.code).toBe('SELF_REFERENCE');
  });

  it('rejects empty titles, unknown types and unknown fields', () => {
    expect(failure(sampleJourney(), 'map.update', { title: '' }).code).toBe('INVALID_COMMAND_INPUT');
    expect(failure(sampleJourney(), 'map.update', { type: 'dream-state' }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
    expect(failure(sampleJourney(), 'map.update', { id: 'map:other' }).code).toBe('INVALID_COMMAND_INPUT');
  });

  it('does nothing for an empty update', () => {
    const doc = sampleJourney();
    expect(run(doc, 'map.update', {})).toBe(doc);
  });
});
