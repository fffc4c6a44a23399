import type { FastifyReply } from 'fastify';
import { TrailmapError, notFound } from '@trailmap/schema';
import type { AppServices } from '../../app';
import { requireMapRole } from '../../services/maps/mapAccess';
import type { MapSnapshot } from '../../services/maps/mapStore';
import type { ServiceContext } from '../../services/context';
import type { ZodApp } from '../types';
import { exportEtag, exportKey, type Exporter } from './exportService';
import { TokenParams } from './schema';
import { resolveShareToken } from './shareToken';

/** No scripts, nothing fetched: the page is the inline SVG. Any site may frame it (that is its job). */
export const EMBED_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors *";

/** Share-link lookups hash a secret and query the database; tokens are unguessable, this caps load. */
const TOKEN_RATE_LIMIT = { max: 120, timeWindow: '1 minute' } as const;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const page = (title: string, body: string) =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
  `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">` +
  `<title>${escapeHtml(title)}</title>` +
  `<style>html,body{margin:0;background:#fff;font-family:sans-serif}svg{display:block;max-width:100%;height:auto}main{padding:2rem}</style>` +
  `</head><body>${body}</body></html>\n`;

const NOT_FOUND_PAGE = page(
  'Map not available',
  '<main><h1>This map is not available</h1><p>The link is unknown, revoked or has expired.</p></main>',
);

/** The map a share-link token opens, at its current version, or null (unknown, revoked, expired, deleted). */
async function sharedSnapshot(
  ctx: ServiceContext,
  store: AppServices['store'],
  token: string,
): Promise<{ snapshot: MapSnapshot; role: string; expiresAt: string | null } | null> {
  if (token.length > 500) return null;
  const principal = await resolveShareToken(ctx, token);
  if (!principal) return null;
  try {
    const access = await requireMapRole(ctx, principal, principal.mapId, 'viewer');
    const snapshot = await store.getSnapshot(access.mapId, access.version);
    return { snapshot, role: principal.role, expiresAt: principal.expiresAt ?? null };
  } catch (error) {
    if (error instanceof TrailmapError && error.status === 404) return null;
    throw error;
  }
}

function secureHeaders(reply: FastifyReply) {
  return reply
    .header('content-security-policy', EMBED_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'private, no-cache');
}

/**
 * Read-only views for a share-link token in the URL: `/embed/:token` (an HTML page with the map's
 * SVG inline, for wiki iframes), `/embed/:token/map.svg`, and `GET /api/v1/share/:token` (what the
 * web app needs to open a shared link). Always the current version, so a reload shows live edits.
 */
export function registerEmbed(app: ZodApp, { ctx, store }: AppServices, exportSnapshot: Exporter) {
  const config = { auth: 'none', rateLimit: TOKEN_RATE_LIMIT };
  app.get(
    '/embed/:token',
    { config, schema: { tags: ['embed'], params: TokenParams } },
    async (request, reply) => {
      secureHeaders(reply).type('text/html; charset=utf-8');
      const shared = await sharedSnapshot(ctx, store, request.params.token);
      if (!shared) return reply.code(404).send(NOT_FOUND_PAGE);
      const etag = exportEtag(`${exportKey(shared.snapshot, { format: 'svg' })}|page`);
      reply.header('etag', etag);
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      const svg = await exportSnapshot(shared.snapshot, { format: 'svg' });
      const title = (JSON.parse(shared.snapshot.json) as { map: { title: string } }).map.title;
      const inline = svg.body.toString('utf8').replace(/^<\?xml[^>]*\?>\s*/, '');
      return reply.send(page(title, inline));
    },
  );
  app.get(
    '/embed/:token/map.svg',
    { config, schema: { tags: ['embed'], params: TokenParams } },
    async (request, reply) => {
      secureHeaders(reply);
      const shared = await sharedSnapshot(ctx, store, request.params.token);
      if (!shared) return reply.code(404).type('text/html; charset=utf-8').send(NOT_FOUND_PAGE);
      const etag = exportEtag(exportKey(shared.snapshot, { format: 'svg' }));
      reply.header('etag', etag);
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      const svg = await exportSnapshot(shared.snapshot, { format: 'svg' });
      return reply.type(svg.contentType).send(svg.body);
    },
  );
  app.get(
    '/api/v1/share/:token',
    { config, schema: { tags: ['share links'], params: TokenParams } },
    async (request, reply) => {
      const shared = await sharedSnapshot(ctx, store, request.params.token);
      if (!shared)
        throw notFound('SHARE_LINK_NOT_FOUND', 'this share link is unknown, revoked or has expired');
      return reply
        .header('cache-control', 'no-store')
        .header('referrer-policy', 'no-referrer')
        .send({ mapId: shared.snapshot.mapId, role: shared.role, expiresAt: shared.expiresAt });
    },
  );
}
