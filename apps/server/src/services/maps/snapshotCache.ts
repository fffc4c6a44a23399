import type { Journey } from '@trailmap/schema';

/** A map's current document kept both parsed (for commands) and serialized (for GET). */
export interface CachedSnapshot {
  workspaceId: string;
  version: number;
  json: string;
  etag: string;
  doc?: Journey;
}

/**
 * Least-recently-used cache of serialized maps, bounded by total bytes. Entries are keyed by map
 * id and always checked against the version read from the database, so several server processes
 * sharing one PostgreSQL never serve each other's stale copies.
 */
export class SnapshotCache {
  private entries = new Map<string, CachedSnapshot>();
  private bytes = 0;

  constructor(private readonly maxBytes = 256 * 1024 * 1024) {}

  get(mapId: string, version: number): CachedSnapshot | undefined {
    const entry = this.entries.get(mapId);
    if (!entry || entry.version !== version) return undefined;
    this.entries.delete(mapId);
    this.entries.set(mapId, entry);
    return entry;
  }

  /** The newest entry whatever its version; writers verify it with the database's version check. */
  latest(mapId: string): CachedSnapshot | undefined {
    return this.entries.get(mapId);
  }

  set(mapId: string, entry: CachedSnapshot) {
    this.delete(mapId);
    this.entries.set(mapId, entry);
    // Parsed documents take roughly three times the JSON size in memory.
    this.bytes += entry.json.length * (entry.doc ? 4 : 1);
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes || oldest === mapId) break;
      this.delete(oldest);
    }
  }

  delete(mapId: string) {
    const entry = this.entries.get(mapId);
    if (!entry) return;
    this.entries.delete(mapId);
    this.bytes -= entry.json.length * (entry.doc ? 4 : 1);
  }
}

export const etagOf = (version: number) => `"v${version}"`;
