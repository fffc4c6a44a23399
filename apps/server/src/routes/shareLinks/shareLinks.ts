import { TrailmapError } from '@trailmap/schema';
import type { AppServices } from '../../app';
import { presentShareLink } from '../../presenters/maps';
import { requireUser } from '../../services/auth';
import { requireMapRole } from '../../services/maps/mapAccess';
import { createShareLink, listShareLinks, revokeShareLink } from '../../services/shareLinks';
import { MapParams } from '../maps/schema';
import type { ZodApp } from '../types';
import { CreateShareLinkBody, ShareLinkParams } from './schema';

/** Share links: a token granting viewer or commenter on one map, optionally expiring, revocable. */
export function registerShareLinks(app: ZodApp, { ctx }: AppServices) {
  const tags = ['share links'];
  app.get(
    '/api/v1/maps/:mapId/share-links',
    { schema: { tags, params: MapParams } },
    async (request, reply) => {
      const access = await requireMapRole(ctx, request.principal, request.params.mapId, 'editor');
      const now = ctx.now();
      return reply.send({
        links: (await listShareLinks(ctx, access.mapId)).map((row) => presentShareLink(row, now)),
      });
    },
  );
  app.post(
    '/api/v1/maps/:mapId/share-links',
    { schema: { tags, params: MapParams, body: CreateShareLinkBody } },
    async (request, reply) => {
      const access = await requireMapRole(ctx, request.principal, request.params.mapId, 'editor');
      const expiresAt = request.body.expiresAt ? new Date(request.body.expiresAt).toISOString() : undefined;
      if (expiresAt && expiresAt <= ctx.now()) {
        throw new TrailmapError('INVALID_EXPIRY', 'expiresAt must be in the future', { status: 400 });
      }
      const { row, token } = await createShareLink(
        ctx,
        requireUser(request.principal),
        access.workspaceId,
        access.mapId,
        {
          role: request.body.role,
          ...(expiresAt ? { expiresAt } : {}),
        },
      );
      return reply
        .code(201)
        .send({ link: presentShareLink(row, ctx.now()), token, url: `${ctx.config.publicUrl}/s/${token}` });
    },
  );
  app.delete(
    '/api/v1/maps/:mapId/share-links/:linkId',
    { schema: { tags, params: ShareLinkParams } },
    async (request, reply) => {
      const access = await requireMapRole(ctx, request.principal, request.params.mapId, 'editor');
      await revokeShareLink(
        ctx,
        requireUser(request.principal),
        access.workspaceId,
        access.mapId,
        request.params.linkId,
      );
      return reply.code(204).send();
    },
  );
}
