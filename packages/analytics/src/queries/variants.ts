import { caseCount, type EventLog } from '../model/EventLog';
import { compareCodePoints } from './quantiles';

export interface Variant {
  activities: string[];
  cases: number;
  share: number;
}

/** The `trailmap analyze variants --json` shape. */
export interface VariantsResult {
  variantCount: number;
  variants: Variant[];
}

export interface VariantGroups {
  /** Variant number of each case. */
  variantOfCase: Int32Array;
  /** A case that represents each variant (its first case). */
  representative: Int32Array;
  /** Cases per variant. */
  counts: Int32Array;
}

/**
 * Groups cases by their exact activity sequence using an open-addressing hash table over the
 * encoded arrays (no strings are built per case); sequences are compared on hash collision.
 */
export function groupVariants(log: EventLog): VariantGroups {
  const cases = caseCount(log);
  const { caseStart, activity } = log;
  let slots = 1024;
  while (slots < cases * 2) slots *= 2;
  const mask = slots - 1;
  const table = new Int32Array(slots).fill(-1);
  let hashes = new Int32Array(1024);
  let representative = new Int32Array(1024);
  let counts = new Int32Array(1024);
  let variantTotal = 0;
  const variantOfCase = new Int32Array(cases);
  const same = (a: number, b: number) => {
    const lengthA = caseStart[a + 1]! - caseStart[a]!;
    if (lengthA !== caseStart[b + 1]! - caseStart[b]!) return false;
    const offsetA = caseStart[a]!;
    const offsetB = caseStart[b]!;
    for (let i = 0; i < lengthA; i++) if (activity[offsetA + i] !== activity[offsetB + i]) return false;
    return true;
  };
  for (let c = 0; c < cases; c++) {
    let hash = 0x9e3779b9 ^ (caseStart[c + 1]! - caseStart[c]!);
    for (let e = caseStart[c]!; e < caseStart[c + 1]!; e++) {
      hash = Math.imul(hash ^ activity[e]!, 0x85ebca6b);
      hash ^= hash >>> 13;
    }
    let slot = hash & mask;
    for (;;) {
      const variant = table[slot]!;
      if (variant < 0) {
        if (variantTotal === hashes.length) {
          const grow = (from: Int32Array) => {
            const to = new Int32Array(from.length * 2);
            to.set(from);
            return to;
          };
          hashes = grow(hashes);
          representative = grow(representative);
          counts = grow(counts);
        }
        table[slot] = variantTotal;
        variantOfCase[c] = variantTotal;
        hashes[variantTotal] = hash;
        representative[variantTotal] = c;
        counts[variantTotal] = 1;
        variantTotal++;
        break;
      }
      if (hashes[variant] === hash && same(representative[variant]!, c)) {
        variantOfCase[c] = variant;
        counts[variant]!++;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return {
    variantOfCase,
    representative: representative.slice(0, variantTotal),
    counts: counts.slice(0, variantTotal),
  };
}

/** Compares two activity sequences element by element (code-point order; a proper prefix first). */
export function compareSequences(a: readonly string[], b: readonly string[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const order = compareCodePoints(a[i]!, b[i]!);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/**
 * Distinct activity sequences with their case counts and shares, most frequent first; ties are
 * ordered by the sequence. `limit` keeps only the first variants (the count stays total).
 */
export function variants(log: EventLog, options: { limit?: number } = {}): VariantsResult {
  const groups = groupVariants(log);
  const total = caseCount(log);
  const { caseStart, activity } = log;
  // Rank of each activity in code-point order, so sequences compare as integers.
  const rank = new Int32Array(log.activities.length);
  log.activities
    .map((_, code) => code)
    .sort((a, b) => compareCodePoints(log.activities[a]!, log.activities[b]!))
    .forEach((code, position) => (rank[code] = position));
  const compareVariants = (x: number, y: number) => {
    const byCount = groups.counts[y]! - groups.counts[x]!;
    if (byCount !== 0) return byCount;
    const a = groups.representative[x]!;
    const b = groups.representative[y]!;
    const lengthA = caseStart[a + 1]! - caseStart[a]!;
    const lengthB = caseStart[b + 1]! - caseStart[b]!;
    for (let i = 0; i < Math.min(lengthA, lengthB); i++) {
      const order = rank[activity[caseStart[a]! + i]!]! - rank[activity[caseStart[b]! + i]!]!;
      if (order !== 0) return order;
    }
    return lengthA - lengthB;
  };
  const variantCount = groups.counts.length;
  const sorted = candidatesForTop(groups.counts, options.limit).sort(compareVariants);
  const kept = options.limit === undefined ? sorted : sorted.slice(0, options.limit);
  return {
    variantCount,
    variants: kept.map((variant) => {
      const c = groups.representative[variant]!;
      const activities: string[] = [];
      for (let e = caseStart[c]!; e < caseStart[c + 1]!; e++) activities.push(log.activities[activity[e]!]!);
      const cases = groups.counts[variant]!;
      return { activities, cases, share: total === 0 ? 0 : cases / total };
    }),
  };
}

/**
 * The variants that can be among the first `limit` (all when there is no limit): those counted at
 * least as often as the limit-th most frequent one. Sorting only these, not every variant, is
 * what a `--limit` query needs (logs have tens of thousands of one-case variants).
 */
function candidatesForTop(counts: Int32Array, limit: number | undefined): number[] {
  const all = counts.length;
  if (limit === undefined || !Number.isInteger(limit) || limit <= 0 || limit >= all) {
    return Array.from(counts, (_, variant) => variant);
  }
  const descending = Int32Array.from(counts).sort().reverse();
  const threshold = descending[limit - 1]!;
  const out: number[] = [];
  for (let variant = 0; variant < all; variant++) if (counts[variant]! >= threshold) out.push(variant);
  return out;
}
