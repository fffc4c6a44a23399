import { ID_PREFIXES, type RecordKind } from '@trailmap/schema';
import type { CommandContext } from './defineCommand';

/**
 * A deterministic id generator for tests, scripts and imports: `card:<seed>1`, `card:<seed>2`, …
 * Apps make random ids themselves (core never calls Math.random).
 * @param seed letters/digits that keep ids from different generators apart (default `n`)
 * @example const ctx = { newId: sequentialIds('t'), now: () => '2026-01-01T00:00:00Z' };
 */
export function sequentialIds(seed = 'n'): CommandContext['newId'] {
  let next = 0;
  return (kind: RecordKind) => {
    next += 1;
    return `${ID_PREFIXES[kind]}:${seed}${next}`;
  };
}

/** A command context with sequential ids and a fixed clock, for tests and scripts. */
export const fixedContext = (now = '2026-01-01T00:00:00.000Z', seed = 'n'): CommandContext => ({
  newId: sequentialIds(seed),
  now: () => now,
});
