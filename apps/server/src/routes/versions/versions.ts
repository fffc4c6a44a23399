import * as core from '@trailmap/core';
import type { Journey } from '@trailmap/schema';
import type { AppServices } from '../../app';
import { presentVersion, presentWrite } from '../../presenters/maps';
import { requireUser } from '../../services/auth';
import { requireMapRole } from '../../services/maps/mapAccess';
import { documentAt, listVersions, nameVersion, restoreVersion } from '../../services/maps/versions';
import { MapParams } from '../maps/schema';
import type { ZodApp } from '../types';
import { DiffQuery, NameVersionBody, VersionListQuery, VersionParams } from './schema';

// The semantic diff lives in @trailmap/core; looked up by name so history works without it.
const diffApi = core as unknown as { diffJourneys?: (a: Journey, b: Journey) => unknown };

/** History: every change with author and time, named versions, past documents, diffs, restore. */
export function registerVersions(app: ZodApp, { ctx, store }: AppServices) {
  const tags = ['versions'];
  app.get(
    '/api/v1/maps/:mapId/versions',
    { schema: { tags, params: MapParams, querystring: VersionListQuery } },
    async (request, reply) => {
      const access = await requireMapRole(ctx, request.principal, request.params.mapId, 'viewer');
      const rows = await listVersions(ctx, access.mapId, request.query);
      return reply.send({ versions: rows.map(presentVersion) });
    },
  );
  app.post(
    '/api/v1/maps/:mapId/versions',
    { schema: { tags, params: MapParams, body: NameVersionBody } },
    async (request, reply) => {
      const access = await requireMapRole(ctx, request.principal, request.params.mapId, 'editor');
      const version = request.body.version ?? (await store.getSnapshot(access.mapId)).version;
      const named = await nameVersion(
        ctx,
        requireUser(request.principal),
        access.workspaceId,
        access.mapId,
        version,
        request.body.name,
      );
      return reply.code(201).send(named);
    },
  );
  app.get(
    '/api/v1/maps/:mapId/versions/:version',
    { schema: { tags, params: VersionParams } },
    async (request, reply) => {
      const access = await requireMapRole(ctx, request.principal, request.params.mapId, 'viewer');
      return reply.send(await documentAt(ctx, access.mapId, request.params.version));
    },
  );
  app.get(
    '/api/v1/maps/:mapId/diff',
    { schema: { tags, params: MapParams, querystring: DiffQuery } },
    async (request, reply) => {
      const access = await requireMapRole(ctx, request.principal, request.params.mapId, 'viewer');
      const [from, to] = await Promise.all([
        documentAt(ctx, access.mapId, request.query.from),
        documentAt(ctx, access.mapId, request.query.to),
      ]);
      const diff = diffApi.diffJourneys ? diffApi.diffJourneys(from, to) : null;
      return reply.send({ from: request.query.from, to: request.query.to, diff });
    },
  );
  app.post(
    '/api/v1/maps/:mapId/versions/:version/restore',
    { schema: { tags, params: VersionParams } },
    async (request, reply) => {
      const access = await requireMapRole(ctx, request.principal, request.params.mapId, 'editor');
      const ifMatch = request.headers['if-match'];
      const write = await restoreVersion(
        ctx,
        store,
        requireUser(request.principal),
        access.workspaceId,
        access.mapId,
        request.params.version,
        typeof ifMatch === 'string' ? ifMatch : undefined,
      );
      return reply.header('etag', write.etag).send(presentWrite(write));
    },
  );
}
