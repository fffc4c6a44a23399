import { applyOps } from '@trailmap/core';
import { TrailmapError, notFound, type Journey } from '@trailmap/schema';
import type { SessionUser } from '../../auth/principal';
import { audit } from '../audit';
import type { ServiceContext } from '../context';
import type { MapStore } from './mapStore';
import { decodeOps } from './opsCodec';

const versionNotFound = (version: number) =>
  notFound('VERSION_NOT_FOUND', `the map has no version ${version}`);

/** Every recorded change of a map, newest first, with its author and optional name. */
export async function listVersions(
  ctx: ServiceContext,
  mapId: string,
  options: { limit: number; before?: number },
) {
  let query = ctx.db
    .selectFrom('map_changes as c')
    .leftJoin('users as u', 'u.id', 'c.author_id')
    .leftJoin('named_versions as n', (join) =>
      join.onRef('n.map_id', '=', 'c.map_id').onRef('n.version', '=', 'c.version'),
    )
    .select([
      'c.version',
      'c.kind',
      'c.via',
      'c.created_at',
      'c.author_id',
      'u.email as author_email',
      'u.name as author_name',
      'n.name',
      'c.commands',
    ])
    .where('c.map_id', '=', mapId);
  if (options.before !== undefined) query = query.where('c.version', '<', options.before);
  return query.orderBy('c.version', 'desc').limit(options.limit).execute();
}

/**
 * Rebuilds the document as it was at `version`: the nearest stored snapshot at or before it,
 * then the recorded ops of every later batch up to it.
 * @throws TrailmapError `VERSION_NOT_FOUND` (404)
 */
export async function documentAt(ctx: ServiceContext, mapId: string, version: number): Promise<Journey> {
  const base = await ctx.db
    .selectFrom('map_changes')
    .select(['version', 'snapshot'])
    .where('map_id', '=', mapId)
    .where('version', '<=', version)
    .where('snapshot', 'is not', null)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  const exists = await ctx.db
    .selectFrom('map_changes')
    .select('version')
    .where('map_id', '=', mapId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!base || !exists) throw versionNotFound(version);
  let doc = JSON.parse(base.snapshot!) as Journey;
  if (base.version === version) return doc;
  const later = await ctx.db
    .selectFrom('map_changes')
    .select(['version', 'ops'])
    .where('map_id', '=', mapId)
    .where('version', '>', base.version)
    .where('version', '<=', version)
    .orderBy('version')
    .execute();
  for (const change of later) if (change.ops) doc = applyOps(doc, decodeOps(change.ops));
  return doc;
}

/** Names a version ("workshop 2026-11"); naming it again renames it. */
export async function nameVersion(
  ctx: ServiceContext,
  actor: SessionUser,
  workspaceId: string,
  mapId: string,
  version: number,
  name: string,
) {
  await documentAt(ctx, mapId, version);
  await ctx.db
    .deleteFrom('named_versions')
    .where('map_id', '=', mapId)
    .where('version', '=', version)
    .execute();
  await ctx.db
    .insertInto('named_versions')
    .values({ map_id: mapId, version, name, created_by: actor.id, created_at: ctx.now() })
    .execute();
  await audit(ctx, {
    workspaceId,
    actorId: actor.id,
    action: 'version.name',
    target: mapId,
    details: { version, name },
  });
  return { version, name };
}

/** Makes an old version current again as a new version; history is never rewritten. */
export async function restoreVersion(
  ctx: ServiceContext,
  store: MapStore,
  actor: SessionUser,
  workspaceId: string,
  mapId: string,
  version: number,
  ifMatch?: string,
) {
  const doc = await documentAt(ctx, mapId, version);
  const write = await store.replaceMap(mapId, doc, { actorId: actor.id, kind: 'restore', ifMatch });
  await audit(ctx, {
    workspaceId,
    actorId: actor.id,
    action: 'version.restore',
    target: mapId,
    details: { version, newVersion: write.version },
  });
  return write;
}

export const parseVersion = (text: string) => {
  const version = Number(text);
  if (!Number.isInteger(version) || version < 1) {
    throw new TrailmapError('INVALID_VERSION', 'versions are whole numbers from 1', { status: 400 });
  }
  return version;
};
