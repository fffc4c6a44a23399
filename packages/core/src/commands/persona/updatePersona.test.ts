import { describe, expect, it } from 'vitest';
import { failure, run, sampleJourney } from '../testSupport';

describe('persona.update', () => {
  it('sets and clears fields', () => {
    const doc = run(sampleJourney(), 'persona.update', {
      id: 'persona:ana',
      role: 'Nurse',
      frustrations: ['Hidden fees'],
      context: { device: 'phone' },
    });
    expect(doc.personas[0]).toMatchObject({
      role: 'Nurse',
      frustrations: ['Hidden fees'],
      context: { device: 'phone' },
    });
    const cleared = run(doc, 'persona.update', { id: 'persona:ana', role: null });
    expect(cleared.personas[0]!.role).toBeUndefined();
  });

  it('fails for a missing persona, an empty name or unknown fields', () => {
    expect(failure(sampleJourney(), 'persona.update', { id: 'persona:zed', name: 'Z' }).code).toBe(
      'PERSONA_NOT_FOUND',
    );
    expect(failure(sampleJourney(), 'persona.update', { id: 'persona:ana', name: '' }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
    expect(failure(sampleJourney(), 'persona.update', { id: 'persona:ana', mood: 'ok' }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
