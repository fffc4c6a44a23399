import { TrailmapError, forbidden } from '@trailmap/schema';
import type { Principal } from '../../auth/principal';
import { atLeast, isRole, type Role } from '../../auth/roles';
import type { ServiceContext } from '../context';
import { mapNotFound } from './mapStore';

export interface MapAccess {
  mapId: string;
  workspaceId: string;
  /** The map version seen by the check (at most 2 s old); lets readers skip another query. */
  version: number;
  role: Role;
  archived: boolean;
  deleted: boolean;
}

/**
 * The caller's effective role on a map: a per-map override wins over the workspace role; a share
 * link grants its role on its own map only. Callers without access get 404 (ids do not leak),
 * callers with too weak a role 403. Deleted maps are visible only with `includeDeleted`.
 */
export async function requireMapRole(
  ctx: ServiceContext,
  principal: Principal,
  mapId: string,
  needed: Role,
  options: { includeDeleted?: boolean } = {},
): Promise<MapAccess> {
  if (principal.kind === 'anonymous')
    throw new TrailmapError('UNAUTHORIZED', 'Sign in first', { status: 401 });
  const found = await lookUpAccess(ctx, principal, mapId);
  if (!found || !found.role) throw mapNotFound();
  if (found.deleted && (!options.includeDeleted || principal.kind === 'share')) throw mapNotFound();
  if (!atLeast(found.role, needed)) throw forbidden(`this needs the ${needed} role on the map`);
  return { ...found, role: found.role };
}

type FoundAccess = Omit<MapAccess, 'role'> & { role: Role | null };

/** The map row joined with the caller's roles, cached briefly per caller and map. */
async function lookUpAccess(
  ctx: ServiceContext,
  principal: Exclude<Principal, { kind: 'anonymous' }>,
  mapId: string,
): Promise<FoundAccess | undefined> {
  const key = `${principal.kind === 'user' ? principal.user.id : principal.linkId}|${mapId}`;
  const cached = ctx.access?.get(key) as FoundAccess | undefined;
  if (cached) return cached;
  let query = ctx.db
    .selectFrom('maps')
    .select(['maps.id', 'maps.workspace_id', 'maps.version', 'maps.archived_at', 'maps.deleted_at'])
    .where('maps.id', '=', mapId);
  if (principal.kind === 'user') {
    const userId = principal.user.id;
    query = query
      .leftJoin('workspace_members as wm', (join) =>
        join.onRef('wm.workspace_id', '=', 'maps.workspace_id').on('wm.user_id', '=', userId),
      )
      .leftJoin('map_members as mm', (join) =>
        join.onRef('mm.map_id', '=', 'maps.id').on('mm.user_id', '=', userId),
      )
      .select(['wm.role as workspace_role', 'mm.role as map_role']);
  }
  const row = (await query.executeTakeFirst()) as
    | {
        id: string;
        workspace_id: string;
        version: number;
        archived_at: string | null;
        deleted_at: string | null;
        workspace_role?: string | null;
        map_role?: string | null;
      }
    | undefined;
  if (!row) return undefined;
  let role: Role | null = null;
  if (principal.kind === 'share') {
    role = principal.mapId === row.id ? principal.role : null;
  } else {
    const granted = row.map_role ?? row.workspace_role ?? null;
    // A map override only applies to workspace members; removing someone removes all access.
    role = row.workspace_role && granted && isRole(granted) ? granted : null;
  }
  const found: FoundAccess = {
    mapId: row.id,
    workspaceId: row.workspace_id,
    version: Number(row.version),
    role,
    archived: row.archived_at !== null,
    deleted: row.deleted_at !== null,
  };
  ctx.access?.set(key, found);
  return found;
}
