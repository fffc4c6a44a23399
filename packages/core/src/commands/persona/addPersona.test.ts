import { describe, expect, it } from 'vitest';
import { failure, run, sampleJourney } from '../testSupport';

describe('persona.add', () => {
  it('adds a persona without changing an existing point of view', () => {
    const doc = run(sampleJourney(), 'persona.add', {
      name: 'Chloe',
      role: 'Busy parent',
      goals: ['Save time'],
    });
    const added = doc.personas.find((persona) => persona.name === 'Chloe');
    expect(added).toMatchObject({ role: 'Busy parent', goals: ['Save time'], needs: [], context: {} });
    expect(doc.map.personaId).toBe('persona:ana');
  });

  it('becomes the point of view of a map without one, or when asked to', () => {
    const without = run(sampleJourney(), 'map.update', { personaId: null });
    expect(run(without, 'persona.add', { name: 'Chloe', id: 'persona:chloe' }).map.personaId).toBe(
      'persona:chloe',
    );
    const asked = run(sampleJourney(), 'persona.add', { name: 'Dan', id: 'persona:dan', makePrimary: true });
    expect(asked.map.personaId).toBe('persona:dan');
  });

  it('refuses a taken or malformed id and unknown fields', () => {
    expect(failure(sampleJourney(), 'persona.add', { name: 'X', id: 'persona:ana' }).code).toBe('ID_TAKEN');
    expect(failure(sampleJourney(), 'persona.add', { name: 'X', id: 'stage:x' }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
    expect(failure(sampleJourney(), 'persona.add', { name: 'X', age: 4 }).code).toBe('INVALID_COMMAND_INPUT');
    expect(failure(sampleJourney(), 'persona.add', { name: '' }).code).toBe('INVALID_COMMAND_INPUT');
  });
});
