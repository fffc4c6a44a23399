import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareCodePoints, quantileSorted, quantileUnsorted } from './quantiles';

describe('quantiles', () => {
  it('selection gives the same interpolated quantile as sorting', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, q) => {
          const sorted = Float64Array.from(values).sort();
          expect(quantileUnsorted(Float64Array.from(values), q)).toBe(quantileSorted(sorted, q));
        },
      ),
    );
  });
  it('compares strings by code point, not by UTF-16 unit', () => {
    expect(compareCodePoints('\uFF21', '\u{1F600}')).toBeLessThan(0);
    expect('\uFF21' < '\u{1F600}').toBe(false);
    expect(compareCodePoints('ab', 'abc')).toBeLessThan(0);
  });
});
