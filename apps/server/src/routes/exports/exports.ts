import type { AppServices } from '../../app';
import { requireMapRole } from '../../services/maps/mapAccess';
import type { ZodApp } from '../types';
import { exportEtag, exportKey, type Exporter } from './exportService';
import { ExportQuery, MapParams } from './schema';

/** Exported files are downloads: never rendered in the API's origin, never sniffed. */
export const DOWNLOAD_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; sandbox";

/** `GET /maps/:mapId/export`: the current version as a poster, spreadsheet or text file; readers and share links. */
export function registerMapExport(app: ZodApp, { ctx, store }: AppServices, exportSnapshot: Exporter) {
  app.get(
    '/api/v1/maps/:mapId/export',
    { schema: { tags: ['maps'], params: MapParams, querystring: ExportQuery } },
    async (request, reply) => {
      const access = await requireMapRole(ctx, request.principal, request.params.mapId, 'viewer');
      const snapshot = await store.getSnapshot(access.mapId, access.version);
      const etag = exportEtag(exportKey(snapshot, request.query));
      reply.header('etag', etag).header('cache-control', 'private, no-cache');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      const file = await exportSnapshot(snapshot, request.query);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('content-security-policy', DOWNLOAD_CSP)
        .header('x-content-type-options', 'nosniff')
        .header('x-trailmap-version', String(snapshot.version))
        .send(file.body);
    },
  );
}
