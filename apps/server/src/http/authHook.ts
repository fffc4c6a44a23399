import type { FastifyInstance, FastifyRequest } from 'fastify';
import { TrailmapError } from '@trailmap/schema';
import { ANONYMOUS, type Principal } from '../auth/principal';
import { safeEqual } from '../auth/secrets';
import { resolveBearer, resolveSession } from '../services/auth';
import type { ServiceContext } from '../services/context';

export const SESSION_COOKIE = 'trailmap_session';
export const CSRF_COOKIE = 'trailmap_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller before the body is parsed: `Authorization: Bearer` (API token or share
 * link) wins over the session cookie. Cookie-authenticated writes must echo the session's CSRF
 * token in `x-csrf-token` (double submit: the token is also readable in the `trailmap_csrf` cookie).
 */
export function installAuth(app: FastifyInstance, ctx: ServiceContext) {
  app.decorateRequest('principal', null as unknown as { getter: () => Principal });
  app.addHook('preParsing', async (request: FastifyRequest) => {
    if ((request.routeOptions.config as { auth?: string } | undefined)?.auth === 'none') {
      request.principal = ANONYMOUS;
      return;
    }
    request.principal = await resolvePrincipal(ctx, request);
    if (
      request.principal.kind === 'user' &&
      request.principal.via === 'session' &&
      !SAFE_METHODS.has(request.method)
    ) {
      const sent = request.headers[CSRF_HEADER];
      if (
        typeof sent !== 'string' ||
        !request.principal.csrfToken ||
        !safeEqual(sent, request.principal.csrfToken)
      ) {
        throw new TrailmapError('CSRF_FAILED', `send the ${CSRF_HEADER} header with session writes`, {
          status: 403,
        });
      }
    }
  });
}

async function resolvePrincipal(ctx: ServiceContext, request: FastifyRequest): Promise<Principal> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) {
      throw new TrailmapError('INVALID_TOKEN', 'use "Authorization: Bearer <token>"', { status: 401 });
    }
    return resolveBearer(ctx, match[1]);
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  if (cookie) return (await resolveSession(ctx, cookie)) ?? ANONYMOUS;
  return ANONYMOUS;
}
