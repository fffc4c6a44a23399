import type { Readable } from 'node:stream';
import { runQuery } from '@trailmap/analytics';
import { TrailmapError } from '@trailmap/schema';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppServices } from '../../app';
import {
  datasetEngines,
  dropDataset,
  listDatasets,
  loadDataset,
  loadDatasetWithInfo,
  measureMap,
  uploadDataset,
} from '../../services/datasets';
import { requireMapRole } from '../../services/maps/mapAccess';
import { mapNotFound } from '../../services/maps/mapStore';
import { requireWorkspaceRole } from '../../services/workspaces';
import type { ZodApp } from '../types';
import { WorkspaceParams } from '../workspaces/schema';
import { DatasetParams, MeasureBody, QueryBody, UPLOAD_CONTENT_TYPES, UploadQuery } from './schema';

const isStream = (body: unknown): body is Readable =>
  typeof body === 'object' && body !== null && typeof (body as Readable).pipe === 'function';

/**
 * Event-log datasets of a workspace (DuckDB, one file per workspace): editors upload and drop,
 * viewers list, query and measure maps against them.
 */
export function registerDatasets(app: ZodApp, services: AppServices) {
  const { ctx, store } = services;
  app.register(async (scoped) => {
    const typed = scoped.withTypeProvider<ZodTypeProvider>();
    // Uploads stream to disk; this parser only hands the raw body over, scoped to these routes.
    typed.addContentTypeParser(UPLOAD_CONTENT_TYPES, (_request, payload, done) => done(null, payload));
    typed.addHook('onClose', async () => datasetEngines(ctx).close());
    const tags = ['datasets'];
    const base = '/api/v1/workspaces/:workspaceId/datasets';

    typed.post(
      base,
      { schema: { tags, params: WorkspaceParams, querystring: UploadQuery } },
      async (request, reply) => {
        const { workspaceId } = request.params;
        await requireWorkspaceRole(ctx, request.principal, workspaceId, 'editor');
        if (!isStream(request.body)) {
          throw new TrailmapError(
            'UNSUPPORTED_MEDIA_TYPE',
            `send the log as one of ${UPLOAD_CONTENT_TYPES.join(', ')}`,
            {
              status: 400,
            },
          );
        }
        const { name, format, onError, ...columns } = request.query;
        const declared = Number(request.headers['content-length']);
        const result = await uploadDataset(
          ctx,
          workspaceId,
          request.body,
          { name, format, onError, columns },
          Number.isFinite(declared) ? declared : undefined,
        );
        return reply.code(201).send(result);
      },
    );

    typed.get(base, { schema: { tags, params: WorkspaceParams } }, async (request, reply) => {
      await requireWorkspaceRole(ctx, request.principal, request.params.workspaceId, 'viewer');
      return reply.send({ datasets: await listDatasets(ctx, request.params.workspaceId) });
    });

    typed.delete(`${base}/:name`, { schema: { tags, params: DatasetParams } }, async (request, reply) => {
      const { workspaceId, name } = request.params;
      await requireWorkspaceRole(ctx, request.principal, workspaceId, 'editor');
      await dropDataset(ctx, workspaceId, name);
      return reply.code(204).send();
    });

    typed.post(
      `${base}/:name/query`,
      { schema: { tags, params: DatasetParams, body: QueryBody } },
      async (request, reply) => {
        const { workspaceId, name } = request.params;
        await requireWorkspaceRole(ctx, request.principal, workspaceId, 'viewer');
        const log = await loadDataset(ctx, workspaceId, name);
        return reply.send({
          query: request.body.query,
          result: runQuery(log, request.body.query, request.body.params),
        });
      },
    );

    typed.post(
      `${base}/:name/measure`,
      { schema: { tags, params: DatasetParams, body: MeasureBody } },
      async (request, reply) => {
        const { workspaceId, name } = request.params;
        await requireWorkspaceRole(ctx, request.principal, workspaceId, 'viewer');
        const access = await requireMapRole(ctx, request.principal, request.body.mapId, 'viewer');
        if (access.workspaceId !== workspaceId) throw mapNotFound();
        const { log, info } = await loadDatasetWithInfo(ctx, workspaceId, name);
        const { doc } = await store.getMap(request.body.mapId);
        return reply.send({
          dataset: { name: info.name, events: info.events, cases: info.cases, createdAt: info.createdAt },
          ...measureMap(log, doc, name, request.body.filters),
        });
      },
    );
  });
}
