import { TrailmapError, notFound } from '@trailmap/schema';
import type { SessionUser } from '../../auth/principal';
import type { Role } from '../../auth/roles';
import { newRecordId } from '../../ids';
import { audit } from '../audit';
import { addDays, forgetAccess, type ServiceContext } from '../context';
import type { MapStore } from './mapStore';

export interface MapListQuery {
  q?: string;
  tag?: string;
  type?: string;
  status: 'active' | 'archived' | 'deleted' | 'all';
  limit: number;
  offset: number;
}

/** Lists a workspace's maps (metadata only, newest change first) with a total for pagination. */
export async function listMaps(ctx: ServiceContext, workspaceId: string, query: MapListQuery) {
  let base = ctx.db.selectFrom('maps').where('workspace_id', '=', workspaceId);
  if (query.status === 'active') base = base.where('deleted_at', 'is', null).where('archived_at', 'is', null);
  if (query.status === 'archived')
    base = base.where('deleted_at', 'is', null).where('archived_at', 'is not', null);
  if (query.status === 'deleted') base = base.where('deleted_at', 'is not', null);
  if (query.type) base = base.where('type', '=', query.type);
  if (query.tag) base = base.where('tags', 'like', `%|${escapeLike(query.tag)}|%`);
  if (query.q)
    base = base.where((eb) =>
      eb(eb.fn('lower', ['title']), 'like', `%${escapeLike(query.q!.toLowerCase())}%`),
    );
  const [rows, total] = await Promise.all([
    base
      .select([
        'id',
        'workspace_id',
        'title',
        'type',
        'tags',
        'version',
        'size_bytes',
        'created_at',
        'updated_at',
        'archived_at',
        'deleted_at',
      ])
      .orderBy('updated_at', 'desc')
      .orderBy('id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

// Both engines treat `\` as the LIKE escape only when asked; we keep the pattern free of wildcards.
const escapeLike = (text: string) => text.replace(/[%_|]/g, '');

async function setFlag(
  ctx: ServiceContext,
  mapId: string,
  column: 'archived_at' | 'deleted_at',
  value: string | null,
) {
  await ctx.db
    .updateTable('maps')
    .set({ [column]: value })
    .where('id', '=', mapId)
    .execute();
  forgetAccess(ctx);
}

export async function softDeleteMap(
  ctx: ServiceContext,
  actor: SessionUser,
  workspaceId: string,
  mapId: string,
) {
  const deletedAt = ctx.now();
  await setFlag(ctx, mapId, 'deleted_at', deletedAt);
  await audit(ctx, { workspaceId, actorId: actor.id, action: 'map.delete', target: mapId });
  return { deletedAt, restorableUntil: addDays(deletedAt, ctx.config.trashDays) };
}

/** @throws TrailmapError `MAP_NOT_DELETED` (409), `RESTORE_EXPIRED` (404) */
export async function restoreMap(
  ctx: ServiceContext,
  actor: SessionUser,
  workspaceId: string,
  mapId: string,
) {
  const row = await ctx.db
    .selectFrom('maps')
    .select('deleted_at')
    .where('id', '=', mapId)
    .executeTakeFirstOrThrow();
  if (row.deleted_at === null)
    throw new TrailmapError('MAP_NOT_DELETED', 'the map is not deleted', { status: 409 });
  if (addDays(row.deleted_at, ctx.config.trashDays) < ctx.now()) {
    throw notFound('RESTORE_EXPIRED', `deleted maps can be restored for ${ctx.config.trashDays} days`);
  }
  await setFlag(ctx, mapId, 'deleted_at', null);
  await audit(ctx, { workspaceId, actorId: actor.id, action: 'map.restore', target: mapId });
}

export async function archiveMap(
  ctx: ServiceContext,
  actor: SessionUser,
  workspaceId: string,
  mapId: string,
  archived: boolean,
) {
  await setFlag(ctx, mapId, 'archived_at', archived ? ctx.now() : null);
  await audit(ctx, {
    workspaceId,
    actorId: actor.id,
    action: archived ? 'map.archive' : 'map.unarchive',
    target: mapId,
  });
}

/** Copies the current document into a new map of the same workspace, with a fresh map id. */
export async function duplicateMap(
  ctx: ServiceContext,
  store: MapStore,
  actor: SessionUser,
  workspaceId: string,
  mapId: string,
  title?: string,
) {
  const { doc } = await store.getMap(mapId);
  const copy = {
    ...doc,
    map: { ...doc.map, id: newRecordId('map'), title: title ?? `${doc.map.title} (copy)`.slice(0, 200) },
  };
  const write = await store.createMap(workspaceId, copy, { actorId: actor.id });
  await audit(ctx, {
    workspaceId,
    actorId: actor.id,
    action: 'map.duplicate',
    target: write.mapId,
    details: { from: mapId },
  });
  return write;
}

/** Sets (or with `null` clears) a member's role override on one map. */
export async function setMapMemberRole(
  ctx: ServiceContext,
  actor: SessionUser,
  workspaceId: string,
  mapId: string,
  userId: string,
  role: Role | null,
) {
  const member = await ctx.db
    .selectFrom('workspace_members')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!member) throw notFound('MEMBER_NOT_FOUND', 'map roles can only be set for workspace members');
  await ctx.db.deleteFrom('map_members').where('map_id', '=', mapId).where('user_id', '=', userId).execute();
  if (role) await ctx.db.insertInto('map_members').values({ map_id: mapId, user_id: userId, role }).execute();
  forgetAccess(ctx);
  await audit(ctx, {
    workspaceId,
    actorId: actor.id,
    action: 'map.member.set',
    target: mapId,
    details: { userId, role },
  });
}

export async function listMapMembers(ctx: ServiceContext, mapId: string) {
  return ctx.db
    .selectFrom('map_members')
    .innerJoin('users', 'users.id', 'map_members.user_id')
    .select(['users.id', 'users.email', 'users.name', 'map_members.role'])
    .where('map_members.map_id', '=', mapId)
    .execute();
}
