import { useEffect, useState } from 'react';
import { endpoints } from '../api/endpoints';

/**
 * The workspace that holds the map: datasets belong to it, not to the workspace picked in the
 * switcher (a map opened from a link may live elsewhere). Looks the map up by title in the
 * current workspace first, then in the others; falls back to the current one.
 */
export async function findMapWorkspace(mapId: string, title: string, current: string): Promise<string> {
  const holds = async (workspaceId: string) => {
    const { maps } = await endpoints.maps(workspaceId, { q: title });
    return maps.some((map) => map.id === mapId);
  };
  if (await holds(current).catch(() => false)) return current;
  const others = (await endpoints.workspaces()).filter((workspace) => workspace.id !== current);
  for (const workspace of others) if (await holds(workspace.id).catch(() => false)) return workspace.id;
  return current;
}

/** `findMapWorkspace` as a hook: undefined until known. */
export function useMapWorkspace(mapId: string, title: string, current: string): string | undefined {
  const [found, setFound] = useState<{ key: string; workspaceId: string } | undefined>();
  const key = `${mapId}\u0000${current}`;
  useEffect(() => {
    let isCurrent = true;
    void findMapWorkspace(mapId, title, current).then(
      (workspaceId) => isCurrent && setFound({ key, workspaceId }),
    );
    return () => {
      isCurrent = false;
    };
    // The title only narrows the search; a rename must not trigger a new one.
  }, [mapId, current, key]);
  return found?.key === key ? found.workspaceId : undefined;
}
