import type { FastifyReply } from 'fastify';
import { TrailmapError } from '@trailmap/schema';
import type { AppServices } from '../../app';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../http/authHook';
import { presentUser } from '../../presenters/users';
import { login, logout, requireUser } from '../../services/auth';
import { createUser } from '../../services/users';
import { SENSITIVE_RATE_LIMIT, type ZodApp } from '../types';
import { CreateUserBody, LoginBody, SignupBody } from './schema';

/** Sessions: signup (when open), login, logout, and who am I. */
export function registerAuth(app: ZodApp, { ctx }: AppServices) {
  const secure = ctx.config.publicUrl.startsWith('https:');
  const startSession = async (reply: FastifyReply, email: string, password: string) => {
    const session = await login(ctx, email, password);
    const maxAge = ctx.config.sessionDays * 86_400;
    reply.setCookie(SESSION_COOKIE, session.sessionToken, {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      maxAge,
    });
    reply.setCookie(CSRF_COOKIE, session.csrfToken, {
      httpOnly: false,
      sameSite: 'lax',
      secure,
      path: '/',
      maxAge,
    });
    return { user: presentUser(session.user), csrfToken: session.csrfToken };
  };

  app.post(
    '/api/v1/auth/login',
    { config: { rateLimit: SENSITIVE_RATE_LIMIT }, schema: { tags: ['auth'], body: LoginBody } },
    async (request, reply) =>
      reply.send(await startSession(reply, request.body.email, request.body.password)),
  );

  app.post(
    '/api/v1/auth/signup',
    { config: { rateLimit: SENSITIVE_RATE_LIMIT }, schema: { tags: ['auth'], body: SignupBody } },
    async (request, reply) => {
      if (ctx.config.signup !== 'open') {
        throw new TrailmapError('SIGNUP_CLOSED', 'this server is invite-only; ask an admin for an account', {
          status: 403,
        });
      }
      await createUser(ctx, request.body);
      return reply.code(201).send(await startSession(reply, request.body.email, request.body.password));
    },
  );

  app.post('/api/v1/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await logout(ctx, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/api/v1/me', { schema: { tags: ['auth'] } }, async (request, reply) => {
    const user = requireUser(request.principal);
    return reply.send({
      user: presentUser(user),
      csrfToken: request.principal.kind === 'user' ? (request.principal.csrfToken ?? null) : null,
    });
  });

  app.post(
    '/api/v1/users',
    { config: { rateLimit: SENSITIVE_RATE_LIMIT }, schema: { tags: ['auth'], body: CreateUserBody } },
    async (request, reply) => {
      const admin = requireUser(request.principal);
      if (!admin.isAdmin)
        throw new TrailmapError('FORBIDDEN', 'only server admins create accounts', { status: 403 });
      return reply.code(201).send({ user: presentUser(await createUser(ctx, request.body)) });
    },
  );
}
