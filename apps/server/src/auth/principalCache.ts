import type { Principal } from './principal';

/** How long a resolved token is trusted without asking the database again. */
export const PRINCIPAL_TTL_MS = 2000;

/**
 * Remembers who a bearer secret or session belongs to for a moment, so hot read paths skip one
 * query per request. Revoking anything in this process clears it at once; other processes
 * sharing the database notice within {@link PRINCIPAL_TTL_MS}.
 */
export class PrincipalCache {
  private entries = new Map<string, { principal: Principal; until: number }>();

  constructor(private readonly clock: () => number = Date.now) {}

  get(key: string): Principal | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= this.clock()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.principal;
  }

  /** `notAfter` (epoch ms) caps the entry, e.g. at a share link's expiry. */
  set(key: string, principal: Principal, notAfter = Infinity) {
    if (this.entries.size > 10_000) this.entries.clear();
    this.entries.set(key, { principal, until: Math.min(this.clock() + PRINCIPAL_TTL_MS, notAfter) });
  }

  clear() {
    this.entries.clear();
  }
}
