import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IndexKeySchema } from '@trailmap/schema';
import {
  compareByIndex,
  indexFor,
  indexesFor,
  keyBetween,
  keysAfter,
  keysBetween,
  sortByIndex,
} from './ordering';

const isValidKey = (key: string) => IndexKeySchema.safeParse(key).success;

describe('keyBetween', () => {
  it('returns a key strictly between two keys', () => {
    const key = keyBetween('a0', 'a1');
    expect(key > 'a0' && key < 'a1').toBe(true);
    expect(keyBetween(null, 'a0') < 'a0').toBe(true);
    expect(keyBetween('a0', null) > 'a0').toBe(true);
  });

  it('tolerates equal or inverted neighbours by going after the first', () => {
    expect(keyBetween('a0', 'a0') > 'a0').toBe(true);
    expect(keyBetween('a5', 'a1') > 'a5').toBe(true);
  });

  it('still orders keys that fractional-indexing rejects (hand-written files)', () => {
    for (const [low, high] of [
      ['a', 'b'],
      ['b', null],
      [null, 'b'],
      ['a00', 'a01'],
      ['a', 'a0V'],
      ['a', 'a1'],
    ] as const) {
      const key = keyBetween(low, high);
      if (low !== null) expect(key > low, `${low} < ${key}`).toBe(true);
      if (high !== null) expect(key < high, `${key} < ${high}`).toBe(true);
      expect(isValidKey(key)).toBe(true);
    }
  });

  it('finds a key between any two distinct schema-valid keys unless none exists (property)', () => {
    const key = fc.stringMatching(/^[A-Za-z][0-9A-Za-z]{0,6}$/);
    fc.assert(
      fc.property(key, key, (x, y) => {
        fc.pre(x !== y);
        const [low, high] = x < y ? [x, y] : [y, x];
        // Only "a" and "a0", "a00"… have nothing between them in this alphabet.
        if (high.startsWith(low) && /^0+$/.test(high.slice(low.length))) {
          expect(() => keyBetween(low, high)).toThrowError(
            expect.objectContaining({ code: 'INDEX_EXHAUSTED' }),
          );
          return;
        }
        const between = keyBetween(low, high);
        expect(between > low && between < high, `${low} < ${between} < ${high}`).toBe(true);
        expect(isValidKey(between)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('keysBetween and keysAfter', () => {
  it('make ascending distinct keys, also from invalid neighbours', () => {
    for (const keys of [keysAfter(null, 5), keysBetween('a0', 'a1', 4), keysBetween('b', 'c', 3)]) {
      expect([...keys].sort()).toEqual(keys);
      expect(new Set(keys).size).toBe(keys.length);
    }
    expect(keysBetween('b', 'c', 3).every((key) => key > 'b' && key < 'c')).toBe(true);
  });
});

describe('indexFor with concurrent inserts (equal keys)', () => {
  // Two people inserted "after a0" at the same time: b and c share a key.
  const siblings = [
    { id: 'x:a', index: 'a0' },
    { id: 'x:b', index: 'a1' },
    { id: 'x:c', index: 'a1' },
    { id: 'x:d', index: 'a2' },
  ];
  const order = (records: { id: string; index: string }[]) => sortByIndex(records).map((record) => record.id);

  it('never reuses an existing key', () => {
    for (const placement of [
      { after: 'x:b' },
      { after: 'x:c' },
      { before: 'x:b' },
      { before: 'x:c' },
      { after: 'x:a' },
    ]) {
      const index = indexFor(siblings, placement);
      expect(siblings.map((sibling) => sibling.index)).not.toContain(index);
    }
  });

  it('places after/before the whole group of tied siblings', () => {
    expect(order([...siblings, { id: 'x:new', index: indexFor(siblings, { after: 'x:b' }) }])).toEqual([
      'x:a',
      'x:b',
      'x:c',
      'x:new',
      'x:d',
    ]);
    expect(order([...siblings, { id: 'x:new', index: indexFor(siblings, { before: 'x:c' }) }])).toEqual([
      'x:a',
      'x:new',
      'x:b',
      'x:c',
      'x:d',
    ]);
  });

  it('falls back to the end when the sibling is gone, and honours start', () => {
    expect(order([...siblings, { id: 'x:new', index: indexFor(siblings, { after: 'x:gone' }) }]).at(-1)).toBe(
      'x:new',
    );
    expect(order([...siblings, { id: 'x:new', index: indexFor(siblings, { position: 'start' }) }])[0]).toBe(
      'x:new',
    );
  });

  it('inserts several records together in the right gap', () => {
    const indexes = indexesFor(siblings, { after: 'x:a' }, 3);
    const added = indexes.map((index, i) => ({ id: `y:${i}`, index }));
    expect(order([...siblings, ...added])).toEqual(['x:a', 'y:0', 'y:1', 'y:2', 'x:b', 'x:c', 'x:d']);
  });

  it('orders ties by id, a total order', () => {
    expect(compareByIndex({ id: 'x:b', index: 'a1' }, { id: 'x:c', index: 'a1' })).toBe(-1);
    expect(compareByIndex({ id: 'x:c', index: 'a1' }, { id: 'x:c', index: 'a1' })).toBe(0);
  });

  it('keeps random insert sequences strictly ordered without duplicate keys (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('before', 'after', 'start', 'end')), { maxLength: 60 }),
        (moves) => {
          const records: { id: string; index: string }[] = [];
          moves.forEach(([pick, where], i) => {
            const anchor = records.length === 0 ? undefined : records[pick % records.length]!.id;
            const placement =
              where === 'before'
                ? { before: anchor }
                : where === 'after'
                  ? { after: anchor }
                  : { position: where as 'start' | 'end' };
            records.push({ id: `r:${i}`, index: indexFor(records, placement) });
          });
          const keys = records.map((record) => record.index);
          expect(new Set(keys).size).toBe(keys.length);
          expect(keys.every(isValidKey)).toBe(true);
        },
      ),
    );
  });
});
