import type { AppServices } from '../../app';
import { presentToken } from '../../presenters/users';
import { createApiToken, listApiTokens, requireUser, revokeApiToken } from '../../services/auth';
import { SENSITIVE_RATE_LIMIT, type ZodApp } from '../types';
import { CreateTokenBody, TokenParams } from './schema';

/** Personal API tokens for the CLI and automation; the secret is shown only when created. */
export function registerTokens(app: ZodApp, { ctx }: AppServices) {
  app.get('/api/v1/me/tokens', { schema: { tags: ['tokens'] } }, async (request, reply) => {
    const user = requireUser(request.principal);
    return reply.send({ tokens: (await listApiTokens(ctx, user.id)).map(presentToken) });
  });
  app.post(
    '/api/v1/me/tokens',
    { config: { rateLimit: SENSITIVE_RATE_LIMIT }, schema: { tags: ['tokens'], body: CreateTokenBody } },
    async (request, reply) => {
      const user = requireUser(request.principal);
      const created = await createApiToken(ctx, user, request.body.name);
      return reply
        .code(201)
        .send({ id: created.id, name: created.name, createdAt: created.createdAt, token: created.token });
    },
  );
  app.delete(
    '/api/v1/me/tokens/:tokenId',
    { schema: { tags: ['tokens'], params: TokenParams } },
    async (request, reply) => {
      const user = requireUser(request.principal);
      await revokeApiToken(ctx, user.id, request.params.tokenId);
      return reply.code(204).send();
    },
  );
}
