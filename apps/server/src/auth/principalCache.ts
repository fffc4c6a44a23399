import type { Principal } from './principal';

/** How long a resolved token or access check is trusted without asking the database again. */
export const CACHE_TTL_MS = 2000;

/**
 * Remembers answers for a moment so hot read paths skip queries. Anything that changes them in
 * this process (revoking a token, changing a role, deleting a map) clears the cache at once;
 * other processes sharing the database notice within {@link CACHE_TTL_MS}.
 */
export class TtlCache<T> {
  private entries = new Map<string, { value: T; until: number }>();
  private clears = 0;

  constructor(
    private readonly ttlMs = CACHE_TTL_MS,
    private readonly clock: () => number = Date.now,
  ) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= this.clock()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** `notAfter` (epoch ms) caps the entry, e.g. at a share link's expiry. */
  set(key: string, value: T, notAfter = Infinity) {
    if (this.entries.size > 10_000) this.entries.clear();
    this.entries.set(key, { value, until: Math.min(this.clock() + this.ttlMs, notAfter) });
  }

  clear() {
    this.entries.clear();
    this.clears++;
  }

  /** How many times the cache was cleared: holders of derived decisions compare it to notice changes. */
  get generation(): number {
    return this.clears;
  }
}

export class PrincipalCache extends TtlCache<Principal> {}
