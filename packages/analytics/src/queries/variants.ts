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
  const hashes: number[] = [];
  const representative: number[] = [];
  const counts: number[] = [];
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
        table[slot] = representative.length;
        variantOfCase[c] = representative.length;
        hashes.push(hash);
        representative.push(c);
        counts.push(1);
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
  return { variantOfCase, representative: Int32Array.from(representative), counts: Int32Array.from(counts) };
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
  const sequenceOf = (variant: number) => {
    const c = groups.representative[variant]!;
    const out: string[] = [];
    for (let e = log.caseStart[c]!; e < log.caseStart[c + 1]!; e++)
      out.push(log.activities[log.activity[e]!]!);
    return out;
  };
  const all = Array.from(groups.counts, (cases, variant) => ({
    variant,
    cases,
    activities: sequenceOf(variant),
  }));
  all.sort((x, y) => y.cases - x.cases || compareSequences(x.activities, y.activities));
  const kept = options.limit === undefined ? all : all.slice(0, options.limit);
  return {
    variantCount: all.length,
    variants: kept.map(({ activities, cases }) => ({
      activities,
      cases,
      share: total === 0 ? 0 : cases / total,
    })),
  };
}
