import { describe, expect, it } from 'vitest';
import { DOCUMENT_LIMITS } from '@trailmap/schema';
import { executeCommand } from './execute';
import { NOW, failure, sampleJourney } from './testSupport';

describe('id allocation and limits', () => {
  it('skips generated ids that are already used', () => {
    const ids = ['stage:order', 'stage:discover', 'stage:fresh'];
    const ctx = { newId: () => ids.shift()!, now: () => NOW };
    const { doc } = executeCommand(sampleJourney(), { command: 'stage.add', input: { name: 'New' } }, ctx);
    expect(doc.stages.at(-1)!.id).toBe('stage:fresh');
  });

  it('gives up on a generator that only returns used ids', () => {
    const ctx = { newId: () => 'stage:order', now: () => NOW };
    expect(failure(sampleJourney(), 'stage.add', { name: 'New' }, ctx).code).toBe('ID_TAKEN');
  });

  it('treats a generator returning the wrong kind of id as a bug', () => {
    const ctx = { newId: () => 'card:x', now: () => NOW };
    expect(() =>
      executeCommand(sampleJourney(), { command: 'stage.add', input: { name: 'New' } }, ctx),
    ).toThrowError(/newId returned "card:x"/);
  });

  it('refuses to grow a collection past the document limit', () => {
    const doc = sampleJourney();
    const full = Array.from({ length: DOCUMENT_LIMITS.personas }, (_, i) => ({
      id: `persona:p${i}`,
      name: `P${i}`,
      goals: [],
      needs: [],
      frustrations: [],
      context: {},
    }));
    const error = failure(
      { ...doc, personas: full, map: { ...doc.map, personaId: undefined } },
      'persona.add',
      { name: 'One more' },
    );
    expect(error).toMatchObject({ code: 'LIMIT_REACHED', status: 422 });
  });
});
