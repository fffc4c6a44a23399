import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { validateJourney, type Journey } from '@trailmap/schema';
import { toCanonicalJson, toYaml } from './canonical';
import { journeyArbitrary } from './journeyArbitrary.testSupport';

// Property runs are CPU-bound; a loaded 2-core machine can take several times longer than idle.
vi.setConfig({ testTimeout: 120_000 });

/** Changed line ranges of a minimal line diff (LCS), grouped into hunks like `git diff -U3`. */
function countHunks(before: string, after: string, context = 3): number {
  const a = before.split('\n');
  const b = after.split('\n');
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1)
    for (let j = b.length - 1; j >= 0; j -= 1)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const changedAt: number[] = []; // positions in `a` where a change starts
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i += 1;
      j += 1;
    } else {
      changedAt.push(i);
      if (j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) j += 1;
      else i += 1;
    }
  }
  let hunks = 0;
  let last = -Infinity;
  for (const at of changedAt) {
    if (at - last > 2 * context) hunks += 1;
    last = at;
  }
  return hunks;
}

const valid = (input: unknown): Journey => {
  const result = validateJourney(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};

const edit = fc.record({
  text: fc.string({ minLength: 1, maxLength: 80 }),
  color: fc.constantFrom('red', 'blue', undefined),
  tags: fc.uniqueArray(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 3 }),
});

describe('one-card edit', () => {
  it('counts hunks like git', () => {
    expect(countHunks('a\nb\nc', 'a\nb\nc')).toBe(0);
    expect(countHunks('1\n2\n3\n4\n5\n6\n7\n8\n9\n10', '1\nX\n3\n4\n5\n6\n7\n8\nY\n10')).toBe(2);
    expect(countHunks('1\n2\n3\n4\n5', '1\nX\n3\nY\n5')).toBe(1);
  });

  it('is one hunk of the canonical JSON and YAML', () => {
    const withCards = journeyArbitrary.filter((input) => (input.cards?.length ?? 0) > 0);
    fc.assert(
      fc.property(withCards, fc.nat(), edit, (input, pick, change) => {
        const doc = valid(input);
        const target = doc.cards[pick % doc.cards.length]!;
        const changed: Journey = {
          ...doc,
          cards: doc.cards.map((card) =>
            card.id === target.id
              ? { ...card, text: change.text, color: change.color, tags: change.tags }
              : card,
          ),
        };
        const beforeJson = toCanonicalJson(doc);
        const afterJson = toCanonicalJson(changed);
        fc.pre(beforeJson !== afterJson);
        expect(countHunks(beforeJson, afterJson)).toBe(1);
        expect(countHunks(toYaml(doc), toYaml(changed))).toBeLessThanOrEqual(1);
      }),
      { numRuns: 100 },
    );
  });
});
