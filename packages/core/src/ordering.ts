import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

interface Indexed {
  id: string;
  index: string;
}

/** Deterministic order of indexed records: by fractional index, ties (concurrent inserts) by id. */
export const compareByIndex = (a: Indexed, b: Indexed) =>
  a.index < b.index ? -1 : a.index > b.index ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export const sortByIndex = <T extends Indexed>(records: readonly T[]): T[] =>
  [...records].sort(compareByIndex);

/**
 * A key strictly between two keys. Equal neighbours (two people inserted at the same place)
 * are tolerated by placing the new key after the shared one.
 */
export function keyBetween(before: string | null | undefined, after: string | null | undefined): string {
  const low = before ?? null;
  let high = after ?? null;
  if (low !== null && high !== null && low >= high) high = null;
  return generateKeyBetween(low, high);
}

/** `count` ascending keys after `last` (or from the start), e.g. for a template or an import. */
export const keysAfter = (last: string | null, count: number): string[] =>
  generateNKeysBetween(last, null, count);

export type Placement = { before?: string; after?: string; position?: 'start' | 'end' };

/**
 * The index for a record placed among siblings: right after/before a sibling id, or at the
 * start/end (default end).
 */
export function indexFor(siblings: readonly Indexed[], placement: Placement = {}): string {
  const sorted = sortByIndex(siblings);
  const at = (id: string) => sorted.findIndex((record) => record.id === id);
  if (placement.after !== undefined) {
    const i = at(placement.after);
    if (i !== -1) return keyBetween(sorted[i]!.index, sorted[i + 1]?.index);
  }
  if (placement.before !== undefined) {
    const i = at(placement.before);
    if (i !== -1) return keyBetween(sorted[i - 1]?.index, sorted[i]!.index);
  }
  if (placement.position === 'start') return keyBetween(null, sorted[0]?.index);
  return keyBetween(sorted[sorted.length - 1]?.index, null);
}
