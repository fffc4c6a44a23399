import { notFound } from '@trailmap/schema';
import type { SessionUser } from '../auth/principal';
import type { ShareRole } from '../auth/roles';
import { hashSecret, newSecret } from '../auth/secrets';
import { newRowId } from '../ids';
import { audit } from './audit';
import type { ServiceContext } from './context';

/** Creates a link granting `role` on one map; the token is shown once, only its hash is kept. */
export async function createShareLink(
  ctx: ServiceContext,
  actor: SessionUser,
  workspaceId: string,
  mapId: string,
  input: { role: ShareRole; expiresAt?: string },
) {
  const token = newSecret('share');
  const row = {
    id: newRowId('link'),
    map_id: mapId,
    role: input.role,
    token_hash: hashSecret(ctx.pepper, token),
    created_by: actor.id,
    created_at: ctx.now(),
    expires_at: input.expiresAt ?? null,
    revoked_at: null,
  };
  await ctx.db.insertInto('share_links').values(row).execute();
  await audit(ctx, {
    workspaceId,
    actorId: actor.id,
    action: 'share.create',
    target: mapId,
    details: { linkId: row.id, role: input.role, expiresAt: row.expires_at },
  });
  return { row, token };
}

export async function listShareLinks(ctx: ServiceContext, mapId: string) {
  return ctx.db
    .selectFrom('share_links')
    .selectAll()
    .where('map_id', '=', mapId)
    .orderBy('created_at')
    .execute();
}

/** @throws TrailmapError `SHARE_LINK_NOT_FOUND` (404) */
export async function revokeShareLink(
  ctx: ServiceContext,
  actor: SessionUser,
  workspaceId: string,
  mapId: string,
  linkId: string,
) {
  const result = await ctx.db
    .updateTable('share_links')
    .set({ revoked_at: ctx.now() })
    .where('id', '=', linkId)
    .where('map_id', '=', mapId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  ctx.principals?.clear();
  ctx.access?.clear();
  if (Number(result.numUpdatedRows) === 0)
    throw notFound('SHARE_LINK_NOT_FOUND', 'no active share link with that id');
  await audit(ctx, {
    workspaceId,
    actorId: actor.id,
    action: 'share.revoke',
    target: mapId,
    details: { linkId },
  });
}
