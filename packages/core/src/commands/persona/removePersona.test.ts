import { describe, expect, it } from 'vitest';
import { failure, run, sampleJourney } from '../testSupport';

describe('persona.remove', () => {
  it('removes the primary persona and leaves the map without a point of view', () => {
    const doc = run(sampleJourney(), 'persona.remove', { id: 'persona:ana' });
    expect(doc.personas.map((persona) => persona.id)).toEqual(['persona:ben']);
    expect(doc.map.personaId).toBeUndefined();
  });

  it('keeps the point of view when another persona goes', () => {
    expect(run(sampleJourney(), 'persona.remove', { id: 'persona:ben' }).map.personaId).toBe('persona:ana');
  });

  it('fails for a missing persona and unknown fields', () => {
    expect(failure(sampleJourney(), 'persona.remove', { id: 'persona:zed' }).code).toBe('PERSONA_NOT_FOUND');
    expect(failure(sampleJourney(), 'persona.remove', { id: 'persona:ben', force: true }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
