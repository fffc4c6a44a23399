import { describe, expect, it } from 'vitest';
import { failure, run, sampleJourney } from '../testSupport';

describe('connection.update', () => {
  it('changes the kind and sets or clears the label', () => {
    const doc = run(sampleJourney(), 'connection.update', {
      id: 'conn:site-app',
      kind: 'bidirectional',
      label: 'QR code',
    });
    expect(doc.connections[0]).toMatchObject({ kind: 'bidirectional', label: 'QR code' });
    expect(
      run(doc, 'connection.update', { id: 'conn:site-app', label: null }).connections[0]!.label,
    ).toBeUndefined();
  });

  it('fails for a missing connection and for rewiring attempts', () => {
    expect(failure(sampleJourney(), 'connection.update', { id: 'conn:nope', kind: 'direct' }).code).toBe(
      'CONNECTION_NOT_FOUND',
    );
    expect(
      failure(sampleJourney(), 'connection.update', { id: 'conn:site-app', toCardId: 'card:late' }).code,
    ).toBe('INVALID_COMMAND_INPUT');
  });
});
