import { endpoints } from '../api/endpoints';
import type { Role } from '../api/types';
import type { CollaborationApi, Member } from '../collab/CollaborationApi';
import type { MapSession } from './MapSession';
import { RestMapSession } from './RestMapSession';

export interface OpenedMap {
  session: MapSession;
  collaboration?: CollaborationApi & { destroy(): void };
  role: Role;
  mode: 'live' | 'rest';
}

/**
 * Opens a map: loads it over HTTP, then tries the live Yjs connection; when the collab endpoint
 * is not reachable the map is edited over REST instead (autosave + polling).
 */
export async function openMapSession(
  mapId: string,
  options: { user: Member; token?: string; members?: () => Promise<Member[]> },
): Promise<OpenedMap> {
  const loaded = await endpoints.map(mapId);
  const canEdit = loaded.role === 'editor' || loaded.role === 'owner';
  try {
    const [{ LiveMapSession }, { LiveCollaboration }] = await Promise.all([
      import('./LiveMapSession'),
      import('../collab/LiveCollaboration'),
    ]);
    const live = new LiveMapSession(
      {
        mapId,
        user: { id: options.user.id, name: options.user.name },
        canEdit,
        ...(options.token ? { token: options.token } : {}),
      },
      loaded.doc,
    );
    try {
      await live.whenSynced(5000);
    } catch (error) {
      live.destroy();
      throw error;
    }
    const collaboration = new LiveCollaboration(live.live, options.user, [options.user]);
    options.members?.().then(
      (members) => collaboration.setMembers(members),
      (error: unknown) => console.info('members unavailable', error),
    );
    return { session: live, collaboration, role: loaded.role, mode: 'live' };
  } catch (error) {
    console.info('live collaboration unavailable, editing over HTTP', error);
    return { session: new RestMapSession(mapId, loaded, canEdit), role: loaded.role, mode: 'rest' };
  }
}
