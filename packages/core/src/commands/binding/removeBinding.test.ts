import { describe, expect, it } from 'vitest';
import { NOW, failure, run, sampleJourney } from '../testSupport';

describe('binding.remove', () => {
  it('tombstones the binding once', () => {
    const doc = run(sampleJourney(), 'binding.remove', { id: 'binding:pay' });
    expect(doc.metricBindings[1]).toMatchObject({ id: 'binding:pay', deletedAt: NOW });
    expect(run(doc, 'binding.remove', { id: 'binding:pay' })).toBe(doc);
  });

  it('fails for a missing binding and unknown fields', () => {
    expect(failure(sampleJourney(), 'binding.remove', { id: 'binding:nope' }).code).toBe('BINDING_NOT_FOUND');
    expect(failure(sampleJourney(), 'binding.remove', { id: 'binding:pay', now: true }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
