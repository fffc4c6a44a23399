import { describe, expect, it } from 'vitest';
import { validateJourney } from '@trailmap/schema';
import { sampleJourney } from './testSupport';

describe('sampleJourney', () => {
  it('is a valid document', () => {
    const result = validateJourney(sampleJourney());
    expect(result.issues).toEqual([]);
  });
});
