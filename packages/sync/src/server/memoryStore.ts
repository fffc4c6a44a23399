import type { Journey } from '@trailmap/schema';
import type { CollabStore, StoredUpdate } from './types';

/** A CollabStore in memory: tests, benchmarks and demos. `seed` provides JSON documents. */
export function memoryCollabStore(seed: Record<string, Journey> = {}): CollabStore & {
  journeys: Map<string, Journey>;
  logs: Map<string, StoredUpdate[]>;
} {
  const states = new Map<string, Uint8Array>();
  const logs = new Map<string, StoredUpdate[]>();
  const journeys = new Map<string, Journey>(Object.entries(seed));
  let seq = 0;
  return {
    journeys,
    logs,
    async load(mapId) {
      return {
        state: states.get(mapId) ?? null,
        updates: [...(logs.get(mapId) ?? [])],
      };
    },
    async outsideChanges(mapId) {
      // Seeded JSON is converted once; afterwards the Yjs state is the truth.
      const journey = journeys.get(mapId);
      return journey && !states.has(mapId) && !logs.get(mapId)?.length
        ? { base: null, current: journey }
        : null;
    },
    async append(mapId, update) {
      if (!logs.has(mapId)) logs.set(mapId, []);
      logs.get(mapId)!.push({ seq: ++seq, update });
      return seq;
    },
    async compact(mapId, { state, journey, coveredSeqs }) {
      states.set(mapId, state);
      if (journey) journeys.set(mapId, journey);
      const covered = new Set(coveredSeqs);
      logs.set(
        mapId,
        (logs.get(mapId) ?? []).filter((entry) => !covered.has(entry.seq)),
      );
    },
  };
}
