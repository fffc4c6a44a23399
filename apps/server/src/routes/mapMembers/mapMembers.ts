import type { AppServices } from '../../app';
import { requireUser } from '../../services/auth';
import { requireMapRole } from '../../services/maps/mapAccess';
import { listMapMembers, setMapMemberRole } from '../../services/maps/mapLifecycle';
import type { ZodApp } from '../types';
import { MapMemberBody, MapMemberParams, MapParams } from '../maps/schema';

/** Per-map role overrides for workspace members (owners only). */
export function registerMapMembers(app: ZodApp, { ctx }: AppServices) {
  const tags = ['maps'];
  app.get('/api/v1/maps/:mapId/members', { schema: { tags, params: MapParams } }, async (request, reply) => {
    const access = await requireMapRole(ctx, request.principal, request.params.mapId, 'owner');
    const rows = await listMapMembers(ctx, access.mapId);
    return reply.send({
      overrides: rows.map((row) => ({ userId: row.id, email: row.email, name: row.name, role: row.role })),
    });
  });
  app.put(
    '/api/v1/maps/:mapId/members/:userId',
    { schema: { tags, params: MapMemberParams, body: MapMemberBody } },
    async (request, reply) => {
      const access = await requireMapRole(ctx, request.principal, request.params.mapId, 'owner');
      await setMapMemberRole(
        ctx,
        requireUser(request.principal),
        access.workspaceId,
        access.mapId,
        request.params.userId,
        request.body.role,
      );
      return reply.code(204).send();
    },
  );
}
