import { z } from 'zod';
import { commentToHtml, rankVotes, type CollabServer, type SocialActionId } from '@trailmap/sync/server';
import type { AppServices } from '../app';
import type { Principal } from '../auth/principal';
import { requireUser } from '../services/auth';
import { requireMapRole } from '../services/maps/mapAccess';
import { MapParams } from '../routes/maps/schema';
import type { ZodApp } from '../routes/types';
import { collabDb } from './tables';

const actorOf = (principal: Principal) =>
  principal.kind === 'user'
    ? { id: principal.user.id, name: principal.user.name }
    : { id: `share:${principal.kind === 'share' ? principal.linkId : 'anonymous'}`, name: 'Guest' };

const ThreadParams = MapParams.extend({ threadId: z.string().max(100) });
const SessionParams = MapParams.extend({ sessionId: z.string().max(100) });
const Body = z.record(z.string(), z.unknown()).nullish();

/** Comment and vote actions over HTTP: the same actions the live social channel runs. */
const ACTION_ROUTES: { path: string; action: SocialActionId; params: z.ZodObject; pick?: string }[] = [
  { path: '/api/v1/maps/:mapId/comments', action: 'comment.create', params: MapParams },
  {
    path: '/api/v1/maps/:mapId/comments/:threadId/replies',
    action: 'comment.reply',
    params: ThreadParams,
    pick: 'threadId',
  },
  {
    path: '/api/v1/maps/:mapId/comments/:threadId/resolve',
    action: 'thread.resolve',
    params: ThreadParams,
    pick: 'threadId',
  },
  {
    path: '/api/v1/maps/:mapId/comments/:threadId/reopen',
    action: 'thread.reopen',
    params: ThreadParams,
    pick: 'threadId',
  },
  { path: '/api/v1/maps/:mapId/votes', action: 'vote.start', params: MapParams },
  {
    path: '/api/v1/maps/:mapId/votes/:sessionId/ballot',
    action: 'vote.cast',
    params: SessionParams,
    pick: 'sessionId',
  },
  {
    path: '/api/v1/maps/:mapId/votes/:sessionId/reveal',
    action: 'vote.reveal',
    params: SessionParams,
    pick: 'sessionId',
  },
  {
    path: '/api/v1/maps/:mapId/votes/:sessionId/close',
    action: 'vote.close',
    params: SessionParams,
    pick: 'sessionId',
  },
];

/** Comments, votes and notifications; comment text is plain text, `html` is its escaped rendering. */
export function registerCollabRoutes(app: ZodApp, { ctx }: AppServices, collab: CollabServer) {
  const db = collabDb(ctx.db);

  for (const route of ACTION_ROUTES) {
    app.post(
      route.path,
      { schema: { tags: ['comments and votes'], params: route.params, body: Body } },
      async (request, reply) => {
        const params = request.params as Record<string, string>;
        const access = await requireMapRole(ctx, request.principal, params.mapId!, 'commenter');
        const body = request.body ?? {};
        const input = route.pick ? { ...body, [route.pick]: params[route.pick] } : body;
        const result = await collab.social({
          mapId: access.mapId,
          actor: actorOf(request.principal),
          role: access.role,
          action: route.action,
          input,
        });
        return reply
          .code(route.action === 'comment.create' || route.action === 'vote.start' ? 201 : 200)
          .send(result);
      },
    );
  }

  app.get(
    '/api/v1/maps/:mapId/comments',
    { schema: { tags: ['comments and votes'], params: MapParams } },
    async (request) => {
      const access = await requireMapRole(ctx, request.principal, request.params.mapId, 'viewer');
      const { threads } = await collab.readSocial(access.mapId);
      return {
        threads: threads.map((thread) => ({
          ...thread,
          comments: thread.comments.map((comment) => ({ ...comment, html: commentToHtml(comment) })),
        })),
      };
    },
  );

  app.get(
    '/api/v1/maps/:mapId/votes',
    { schema: { tags: ['comments and votes'], params: MapParams } },
    async (request) => {
      const access = await requireMapRole(ctx, request.principal, request.params.mapId, 'viewer');
      const { voteSessions } = await collab.readSocial(access.mapId);
      return { sessions: voteSessions.map((session) => ({ ...session, results: rankVotes(session) })) };
    },
  );

  app.get(
    '/api/v1/notifications',
    {
      schema: {
        tags: ['notifications'],
        querystring: z.object({ unread: z.enum(['true', 'false']).optional() }),
      },
    },
    async (request) => {
      const user = requireUser(request.principal);
      let query = db.selectFrom('notifications').selectAll().where('user_id', '=', user.id);
      if (request.query.unread === 'true') query = query.where('read_at', 'is', null);
      const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(200).execute();
      return {
        notifications: rows.map((row) => ({
          id: row.id,
          kind: row.kind,
          mapId: row.map_id,
          threadId: row.thread_id,
          commentId: row.comment_id,
          author: { id: row.author_id, name: row.author_name },
          excerpt: row.excerpt,
          createdAt: row.created_at,
          readAt: row.read_at,
        })),
      };
    },
  );

  app.post(
    '/api/v1/notifications/:notificationId/read',
    { schema: { tags: ['notifications'], params: z.object({ notificationId: z.string().max(100) }) } },
    async (request, reply) => {
      const user = requireUser(request.principal);
      await db
        .updateTable('notifications')
        .set({ read_at: ctx.now() })
        .where('id', '=', request.params.notificationId)
        .where('user_id', '=', user.id)
        .where('read_at', 'is', null)
        .execute();
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/notifications/read-all',
    { schema: { tags: ['notifications'] } },
    async (request, reply) => {
      const user = requireUser(request.principal);
      await db
        .updateTable('notifications')
        .set({ read_at: ctx.now() })
        .where('user_id', '=', user.id)
        .where('read_at', 'is', null)
        .execute();
      return reply.code(204).send();
    },
  );
}
