import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import { TrailmapError } from '@trailmap/schema';

interface Indexed {
  id: string;
  index: string;
}

/** Deterministic order of indexed records: by fractional index, ties (concurrent inserts) by id. */
export const compareByIndex = (a: Indexed, b: Indexed) =>
  a.index < b.index ? -1 : a.index > b.index ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export const sortByIndex = <T extends Indexed>(records: readonly T[]): T[] =>
  [...records].sort(compareByIndex);

/** Characters of index keys in ASCII (= string comparison) order. */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const MAX_KEY_LENGTH = 64;

/** Hand-written keys can leave no room (nothing sorts between "a" and "a0"); say so plainly. */
const noRoom = (message: string) =>
  new TrailmapError('INDEX_EXHAUSTED', `${message}; give these records new index keys`, { status: 422 });

/**
 * A key strictly between `low` and `high` for keys that `fractional-indexing` rejects (hand-written
 * files may use keys like "b" or "a10"). Plain string order is all that matters here.
 */
function looseBetween(low: string | null, high: string | null): string {
  let key: string;
  if (low === null) {
    if (high === null) return 'a0';
    if (high <= 'A') throw noRoom(`no index key sorts before "${high}"`);
    key = 'A';
  } else if (high === null || !high.startsWith(low)) {
    key = `${low}V`;
  } else {
    // `high` extends `low`: find a non-empty suffix that sorts below the rest of `high`.
    let suffix = '';
    let rest = high.slice(low.length);
    while (rest.startsWith('0')) {
      suffix += '0';
      rest = rest.slice(1);
    }
    if (rest === '') throw noRoom(`no index key sorts between "${low}" and "${high}"`);
    const below = DIGITS.indexOf(rest[0]!);
    key = `${low}${suffix}${DIGITS[Math.floor(below / 2)]}`;
    if (below === 0 || key >= high) key = `${low}${suffix}0V`;
  }
  if (key.length > MAX_KEY_LENGTH) throw noRoom('index keys grew too long');
  return key;
}

/**
 * A key strictly between two keys (`null` = open end). Equal or inverted neighbours (two people
 * inserted at the same place) are tolerated by placing the new key after `before`; keys that are
 * not valid `fractional-indexing` keys still get a key that sorts between them.
 */
export function keyBetween(before: string | null | undefined, after: string | null | undefined): string {
  const low = before ?? null;
  let high = after ?? null;
  if (low !== null && high !== null && low >= high) high = null;
  try {
    return generateKeyBetween(low, high);
  } catch {
    return looseBetween(low, high);
  }
}

/** `count` ascending keys strictly between `low` and `high` (`null` = open end). */
export function keysBetween(
  before: string | null | undefined,
  after: string | null | undefined,
  count: number,
): string[] {
  const low = before ?? null;
  let high = after ?? null;
  if (low !== null && high !== null && low >= high) high = null;
  try {
    return generateNKeysBetween(low, high, count);
  } catch {
    const keys: string[] = [];
    let previous = low;
    for (let i = 0; i < count; i += 1) {
      previous = keyBetween(previous, high);
      keys.push(previous);
    }
    return keys;
  }
}

/** `count` ascending keys after `last` (or from the start), e.g. for a template or an import. */
export const keysAfter = (last: string | null, count: number): string[] => keysBetween(last, null, count);

export type Placement = { before?: string; after?: string; position?: 'start' | 'end' };

/**
 * The gap a placement points at, as the keys on either side. Siblings that share a key (two
 * concurrent inserts) are treated as one slot: "after X" lands after every sibling sharing X's key,
 * "before X" before all of them, so the new key never equals an existing one.
 */
function gapFor(sorted: readonly Indexed[], placement: Placement): [string | null, string | null] {
  const at = (id: string) => sorted.findIndex((record) => record.id === id);
  if (placement.after !== undefined) {
    const i = at(placement.after);
    if (i !== -1) {
      const low = sorted[i]!.index;
      const next = sorted.slice(i + 1).find((record) => record.index > low);
      return [low, next?.index ?? null];
    }
  }
  if (placement.before !== undefined) {
    const i = at(placement.before);
    if (i !== -1) {
      const high = sorted[i]!.index;
      const previous = sorted
        .slice(0, i)
        .reverse()
        .find((record) => record.index < high);
      return [previous?.index ?? null, high];
    }
  }
  if (placement.position === 'start') return [null, sorted[0]?.index ?? null];
  return [sorted[sorted.length - 1]?.index ?? null, null];
}

/**
 * The index for a record placed among siblings: right after/before a sibling id, or at the
 * start/end (default end). A sibling id that is not among `siblings` (e.g. deleted meanwhile by
 * someone else) falls back to `position`, then to the end.
 */
export function indexFor(siblings: readonly Indexed[], placement: Placement = {}): string {
  const [low, high] = gapFor(sortByIndex(siblings), placement);
  return keyBetween(low, high);
}

/** `count` ascending indexes for records inserted together at one placement (paste, import). */
export function indexesFor(siblings: readonly Indexed[], placement: Placement, count: number): string[] {
  const [low, high] = gapFor(sortByIndex(siblings), placement);
  return keysBetween(low, high, count);
}
