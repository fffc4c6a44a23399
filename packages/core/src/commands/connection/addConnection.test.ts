import { describe, expect, it } from 'vitest';
import { failure, run, sampleJourney } from '../testSupport';

describe('connection.add', () => {
  it('connects two cards, direct by default', () => {
    const doc = run(sampleJourney(), 'connection.add', { fromCardId: 'card:app', toCardId: 'card:site' });
    expect(doc.connections.at(-1)).toEqual({
      id: 'conn:t1',
      fromCardId: 'card:app',
      toCardId: 'card:site',
      kind: 'direct',
    });
    const labelled = run(sampleJourney(), 'connection.add', {
      fromCardId: 'card:search',
      toCardId: 'card:site',
      kind: 'open-exploration',
      label: 'Googles',
    });
    expect(labelled.connections.at(-1)).toMatchObject({ kind: 'open-exploration', label: 'Googles' });
  });

  it('refuses missing cards, self-loops and duplicates', () => {
    expect(
      failure(sampleJourney(), 'connection.add', { fromCardId: 'card:nope', toCardId: 'card:app' }).code,
    ).toBe('CARD_NOT_FOUND');
    expect(
      failure(sampleJourney(), 'connection.add', { fromCardId: 'card:app', toCardId: 'card:app' }).code,
    ).toBe('SELF_REFERENCE');
    expect(
      failure(sampleJourney(), 'connection.add', { fromCardId: 'card:site', toCardId: 'card:app' }).code,
    ).toBe('CONNECTION_EXISTS');
  });

  it('rejects unknown kinds and fields', () => {
    const base = { fromCardId: 'card:app', toCardId: 'card:site' };
    expect(failure(sampleJourney(), 'connection.add', { ...base, kind: 'teleport' }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
    expect(failure(sampleJourney(), 'connection.add', { ...base, weight: 2 }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
