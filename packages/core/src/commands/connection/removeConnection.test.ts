import { describe, expect, it } from 'vitest';
import { failure, run, sampleJourney } from '../testSupport';

describe('connection.remove', () => {
  it('removes only the connection', () => {
    const doc = run(sampleJourney(), 'connection.remove', { id: 'conn:site-app' });
    expect(doc.connections).toEqual([]);
    expect(doc.cards).toHaveLength(6);
  });

  it('fails for a missing connection and unknown fields', () => {
    expect(failure(sampleJourney(), 'connection.remove', { id: 'conn:nope' }).code).toBe(
      'CONNECTION_NOT_FOUND',
    );
    expect(failure(sampleJourney(), 'connection.remove', { id: 'conn:site-app', x: 1 }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
