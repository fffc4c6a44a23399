import type { BallotStore, MentionEvent, SocialDeps } from '@trailmap/sync/server';
import { randomId } from '../ids';
import type { ServiceContext } from '../services/context';
import { collabDb } from './tables';

/** Ballots in the database, one row per voter and session. */
export function databaseBallots(ctx: ServiceContext): BallotStore {
  const db = collabDb(ctx.db);
  return {
    async put(mapId, sessionId, userId, allocations) {
      const values = { allocations: JSON.stringify(allocations), updated_at: ctx.now() };
      await db
        .insertInto('collab_ballots')
        .values({ map_id: mapId, session_id: sessionId, user_id: userId, ...values })
        .onConflict((conflict) => conflict.columns(['map_id', 'session_id', 'user_id']).doUpdateSet(values))
        .execute();
    },
    async list(mapId, sessionId) {
      const rows = await db
        .selectFrom('collab_ballots')
        .select(['user_id', 'allocations'])
        .where('map_id', '=', mapId)
        .where('session_id', '=', sessionId)
        .orderBy('user_id')
        .execute();
      return rows.map((row) => ({ userId: row.user_id, allocations: JSON.parse(row.allocations) }));
    },
  };
}

/** Mentioned users who can see the map: members of its workspace. */
async function workspaceMembers(ctx: ServiceContext, mapId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  return ctx.db
    .selectFrom('maps')
    .innerJoin('workspace_members as wm', 'wm.workspace_id', 'maps.workspace_id')
    .innerJoin('users', 'users.id', 'wm.user_id')
    .select(['users.id', 'users.name'])
    .where('maps.id', '=', mapId)
    .where('users.id', 'in', userIds)
    .orderBy('users.id')
    .execute();
}

/** One notification per mentioned member (never for mentioning yourself). */
async function notifyMentions(ctx: ServiceContext, { mapId, thread, comment }: MentionEvent) {
  const rows = comment.mentions
    .filter((mention) => mention.userId !== comment.author.id)
    .map((mention) => ({
      id: `ntf_${randomId(16)}`,
      user_id: mention.userId,
      map_id: mapId,
      kind: 'mention',
      thread_id: thread.id,
      comment_id: comment.id,
      author_id: comment.author.id,
      author_name: comment.author.name,
      excerpt: comment.text.slice(0, 280),
      created_at: comment.createdAt,
      read_at: null,
    }));
  if (rows.length) await collabDb(ctx.db).insertInto('notifications').values(rows).execute();
}

/** The server side of comments and votes: clock, ids, ballots, members and notifications. */
export function socialDeps(ctx: ServiceContext): SocialDeps {
  return {
    now: ctx.now,
    newId: (prefix) => `${prefix}_${randomId(16)}`,
    ballots: databaseBallots(ctx),
    members: (mapId, userIds) => workspaceMembers(ctx, mapId, userIds),
    notifyMentions: (event) => notifyMentions(ctx, event),
  };
}
