import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reorderedIds } from './reorder';

describe('reorderedIds', () => {
  it('finds nothing when the order is unchanged', () => {
    expect([...reorderedIds(['a', 'b', 'c'], ['a', 'b', 'c'])]).toEqual([]);
  });

  it('finds the one item that was moved', () => {
    expect([...reorderedIds(['a', 'b', 'c', 'd'], ['d', 'a', 'b', 'c'])]).toEqual(['d']);
    expect([...reorderedIds(['a', 'b', 'c', 'd'], ['a', 'c', 'd', 'b'])]).toEqual(['b']);
  });

  it('leaves a common order after removing the moved items, and moves as few as possible', () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 30 })
          .chain((ids) =>
            fc.tuple(
              fc.constant(ids),
              fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length }),
            ),
          ),
        ([before, after]) => {
          const moved = reorderedIds(before, after);
          const keep = (list: string[]) => list.filter((id) => !moved.has(id));
          expect(keep(after)).toEqual(keep(before));
          // minimal: exactly the items outside a longest common subsequence (O(n²) reference)
          const position = new Map(before.map((id, k) => [id, k]));
          const seq = after.map((id) => position.get(id)!);
          const longest = seq.map(() => 1);
          seq.forEach((value, k) => {
            for (let m = 0; m < k; m++)
              if (seq[m]! < value) longest[k] = Math.max(longest[k]!, longest[m]! + 1);
          });
          expect(moved.size).toBe(after.length - Math.max(0, ...longest));
        },
      ),
    );
  });
});
