import { describe, expect, it } from 'vitest';
import { failure, run, sampleJourney } from '../testSupport';

describe('persona.set-primary', () => {
  it('switches and clears the point of view', () => {
    const doc = run(sampleJourney(), 'persona.set-primary', { id: 'persona:ben' });
    expect(doc.map.personaId).toBe('persona:ben');
    expect(run(doc, 'persona.set-primary', { id: null }).map.personaId).toBeUndefined();
  });

  it('fails for a missing persona and unknown fields', () => {
    expect(failure(sampleJourney(), 'persona.set-primary', { id: 'persona:zed' }).code).toBe(
      'PERSONA_NOT_FOUND',
    );
    expect(failure(sampleJourney(), 'persona.set-primary', {}).code).toBe('INVALID_COMMAND_INPUT');
    expect(failure(sampleJourney(), 'persona.set-primary', { id: null, x: 1 }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
