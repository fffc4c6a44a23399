import { useEffect, useState } from 'react';
import { endpoints } from '../api/endpoints';

/**
 * The workspace that holds the map: datasets belong to it, not to the workspace picked in the
 * switcher (a map opened from a link may live elsewhere). The server names it in a header of the
 * map; falls back to the current workspace when it cannot be read.
 */
export async function findMapWorkspace(mapId: string, current: string): Promise<string> {
  const found = await endpoints.mapWorkspace(mapId).catch(() => undefined);
  return found ?? current;
}

/** `findMapWorkspace` as a hook: undefined until known. */
export function useMapWorkspace(mapId: string, current: string): string | undefined {
  const [found, setFound] = useState<{ key: string; workspaceId: string } | undefined>();
  const key = `${mapId}\u0000${current}`;
  useEffect(() => {
    let isCurrent = true;
    void findMapWorkspace(mapId, current).then((workspaceId) => isCurrent && setFound({ key, workspaceId }));
    return () => {
      isCurrent = false;
    };
  }, [mapId, current, key]);
  return found?.key === key ? found.workspaceId : undefined;
}
