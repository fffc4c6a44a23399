import { useEffect, useState } from 'react';
import { endpoints } from '../api/endpoints';
import type { MapSummary } from '../api/types';
import { workspaceStore } from '../shell/workspace';
import { toastError } from '../ui/toasts';

/** Picks another map of the workspace (e.g. the current state of a future-state map) to compare with. */
export function CompareWithMap({ mapId, onPick }: { mapId: string; onPick: (summary: MapSummary) => void }) {
  const [maps, setMaps] = useState<MapSummary[]>([]);
  useEffect(() => {
    const workspaceId = workspaceStore.get();
    if (workspaceId)
      endpoints
        .maps(workspaceId)
        .then((result) => setMaps(result.maps.filter((map) => map.id !== mapId)), toastError);
  }, [mapId]);
  if (maps.length === 0) return null;
  return (
    <label className="field">
      Compare with another map
      <select
        value=""
        data-testid="compare-with-map"
        onChange={(e) => {
          const summary = maps.find((map) => map.id === e.target.value);
          if (summary) onPick(summary);
        }}
      >
        <option value="">Choose a map…</option>
        {maps.map((map) => (
          <option key={map.id} value={map.id}>
            {map.title} ({map.type})
          </option>
        ))}
      </select>
    </label>
  );
}
