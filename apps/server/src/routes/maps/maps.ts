import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { TrailmapError, forbidden } from '@trailmap/schema';
import type { AppServices } from '../../app';
import { actorId } from '../../auth/principal';
import { presentMapSummary, presentWrite } from '../../presenters/maps';
import { requireUser } from '../../services/auth';
import { requireMapRole } from '../../services/maps/mapAccess';
import {
  archiveMap,
  duplicateMap,
  listMaps,
  restoreMap,
  softDeleteMap,
} from '../../services/maps/mapLifecycle';
import { blankMap, commandContext, mapFromTemplate } from '../../services/maps/newMapDocument';
import { requireWorkspaceRole } from '../../services/workspaces';
import type { ZodApp } from '../types';
import { EncodedBodies, acceptsGzip } from '../../http/encodedBodies';
import {
  ArchiveBody,
  CommandsBody,
  CreateMapBody,
  DuplicateBody,
  JourneyBody,
  MapListQuery,
  MapParams,
  UploadQuery,
  WorkspaceParams,
} from './schema';
import { UPLOAD_FORMAT_BY_TYPE, journeyFromUpload, stashUpload, takeUpload } from './upload';

/** Maps: list and create in a workspace; read, replace, commands, delete, restore, duplicate, archive. */
export function registerMaps(app: ZodApp, { ctx, store }: AppServices) {
  const encodedBodies = new EncodedBodies();
  const tags = ['maps'];
  app.get(
    '/api/v1/workspaces/:workspaceId/maps',
    { schema: { tags, params: WorkspaceParams, querystring: MapListQuery } },
    async (request, reply) => {
      await requireWorkspaceRole(ctx, request.principal, request.params.workspaceId, 'viewer');
      const { rows, total } = await listMaps(ctx, request.params.workspaceId, request.query);
      return reply.send({
        maps: rows.map(presentMapSummary),
        total,
        limit: request.query.limit,
        offset: request.query.offset,
      });
    },
  );

  // Raw uploads (YAML, Mermaid, CSV, .xlsx) get their own body parser, scoped to this route.
  app.register(async (scoped) => {
    const typed = scoped.withTypeProvider<ZodTypeProvider>();
    typed.addContentTypeParser(
      Object.keys(UPLOAD_FORMAT_BY_TYPE),
      { parseAs: 'buffer', bodyLimit: ctx.config.maxDocumentBytes },
      (_request, body, done) => done(null, body),
    );
    typed.post(
      '/api/v1/workspaces/:workspaceId/maps',
      {
        schema: { tags, params: WorkspaceParams, querystring: UploadQuery, body: CreateMapBody },
        // The file waits beside an empty API body until the caller is authorized.
        preValidation: async (request) => {
          if (!Buffer.isBuffer(request.body)) return;
          const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
          stashUpload(request, { contentType, bytes: request.body });
          request.body = {};
        },
      },
      async (request, reply) => {
        const { user } = await requireWorkspaceRole(
          ctx,
          request.principal,
          request.params.workspaceId,
          'editor',
        );
        const { title, type, template, document, text, filename } = request.body;
        const newIds = commandContext(ctx.now, user.id);
        const upload = takeUpload(request);
        let input: unknown;
        if (upload) input = await journeyFromUpload(upload, request.query.filename, newIds);
        else if (template) input = mapFromTemplate(template, title, newIds);
        else if (document) input = document;
        else if (text !== undefined) {
          input = await journeyFromUpload(
            { contentType: 'application/octet-stream', bytes: Buffer.from(text) },
            filename,
            newIds,
            /^\s*[{[]/.test(text) ? 'json' : 'yaml',
          );
        } else input = blankMap(title ?? 'Untitled journey', type ?? 'current-state');
        const write = await store.createMap(request.params.workspaceId, input, { actorId: user.id });
        return reply.code(201).header('etag', write.etag).send(presentWrite(write));
      },
    );
  });

  app.get('/api/v1/maps/:mapId', { schema: { tags, params: MapParams } }, async (request, reply) => {
    const access = await requireMapRole(ctx, request.principal, request.params.mapId, 'viewer');
    const snapshot = await store.getSnapshot(access.mapId, access.version);
    reply
      .header('etag', snapshot.etag)
      .header('x-trailmap-role', access.role)
      .header('x-trailmap-workspace', access.workspaceId)
      .header('cache-control', 'private, no-cache')
      .header('vary', 'accept-encoding');
    if (request.headers['if-none-match'] === snapshot.etag) return reply.code(304).send();
    reply.type('application/json; charset=utf-8');
    const encoding = acceptsGzip(request.headers['accept-encoding']) ? 'gzip' : 'identity';
    const body = await encodedBodies.body(access.mapId, snapshot.etag, snapshot.json, encoding);
    if (!body) return reply.send(snapshot.json);
    if (encoding === 'gzip') reply.header('content-encoding', 'gzip');
    return reply.send(body);
  });

  app.put(
    '/api/v1/maps/:mapId',
    { schema: { tags, params: MapParams, body: JourneyBody } },
    async (request, reply) => {
      const access = await requireMapRole(ctx, request.principal, request.params.mapId, 'editor');
      const ifMatch = request.headers['if-match'];
      if (typeof ifMatch !== 'string') {
        // 412 rather than 428: every precondition failure has one status and a code to tell them apart.
        throw new TrailmapError(
          'IF_MATCH_REQUIRED',
          'send If-Match with the ETag you loaded (or * to overwrite on purpose)',
          { status: 412 },
        );
      }
      const write = await store.replaceMap(access.mapId, request.body, {
        actorId: actorId(request.principal),
        ifMatch,
      });
      return reply.header('etag', write.etag).send(presentWrite(write));
    },
  );

  app.post(
    '/api/v1/maps/:mapId/commands',
    { schema: { tags, params: MapParams, body: CommandsBody } },
    async (request, reply) => {
      const access = await requireMapRole(ctx, request.principal, request.params.mapId, 'editor');
      const ifMatch = request.headers['if-match'];
      const write = await store.applyCommands(access.mapId, request.body.commands, {
        actorId: actorId(request.principal),
        ...(typeof ifMatch === 'string' ? { ifMatch } : {}),
      });
      return reply.header('etag', write.etag).send(presentWrite(write));
    },
  );

  app.delete('/api/v1/maps/:mapId', { schema: { tags, params: MapParams } }, async (request, reply) => {
    const access = await requireMapRole(ctx, request.principal, request.params.mapId, 'editor');
    const user = requireUser(request.principal);
    return reply.send(await softDeleteMap(ctx, user, access.workspaceId, access.mapId));
  });

  app.post('/api/v1/maps/:mapId/restore', { schema: { tags, params: MapParams } }, async (request, reply) => {
    const access = await requireMapRole(ctx, request.principal, request.params.mapId, 'editor', {
      includeDeleted: true,
    });
    await restoreMap(ctx, requireUser(request.principal), access.workspaceId, access.mapId);
    return reply.code(204).send();
  });

  app.post(
    '/api/v1/maps/:mapId/duplicate',
    { schema: { tags, params: MapParams, body: DuplicateBody } },
    async (request, reply) => {
      const access = await requireMapRole(ctx, request.principal, request.params.mapId, 'viewer');
      const user = requireUser(request.principal);
      // Duplicating creates a map in the workspace, which needs the editor role there.
      const { role } = await requireWorkspaceRole(ctx, request.principal, access.workspaceId, 'viewer');
      if (role !== 'editor' && role !== 'owner')
        throw forbidden('duplicating needs the editor role in the workspace');
      const write = await duplicateMap(
        ctx,
        store,
        user,
        access.workspaceId,
        access.mapId,
        request.body?.title,
      );
      return reply.code(201).header('etag', write.etag).send(presentWrite(write));
    },
  );

  app.post(
    '/api/v1/maps/:mapId/archive',
    { schema: { tags, params: MapParams, body: ArchiveBody } },
    async (request, reply) => {
      const access = await requireMapRole(ctx, request.principal, request.params.mapId, 'editor');
      await archiveMap(
        ctx,
        requireUser(request.principal),
        access.workspaceId,
        access.mapId,
        request.body.archived,
      );
      return reply.code(204).send();
    },
  );
}
