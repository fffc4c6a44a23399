import { sql } from 'kysely';
import type { AppServices } from '../../app';
import type { ZodApp } from '../types';

/** Liveness plus a database round trip; no auth so load balancers and scripts can call it. */
export function registerHealth(app: ZodApp, { ctx }: AppServices) {
  app.get('/healthz', { config: { auth: 'none' }, schema: { hide: true } }, async (request, reply) => {
    try {
      await sql`select 1`.execute(ctx.db);
      return reply.send({ ok: true });
    } catch (error) {
      request.log.error({ err: error }, 'health check: database unreachable');
      return reply.code(503).send({ ok: false });
    }
  });
  app.get(
    '/api/v1/openapi.json',
    { config: { auth: 'none' }, schema: { hide: true } },
    async (_request, reply) => reply.send(app.swagger()),
  );
}
