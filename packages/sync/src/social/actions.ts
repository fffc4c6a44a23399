import type * as Y from 'yjs';
import { z } from 'zod';
import { TrailmapError, forbidden, issuesFromZod, notFound } from '@trailmap/schema';
import { collectionOf } from '../doc/layout';
import {
  COMMENTS_KEY,
  THREADS_KEY,
  VOTE_SESSIONS_KEY,
  type Actor,
  type Comment,
  type Mention,
  type Thread,
  type VoteSession,
} from './model';
import { canComment, canEdit, type Role } from './roles';
import { castVotes, closeVoteSession, revealVoteSession, startVoteSession, type BallotStore } from './voting';

/** What the host supplies to social actions: clock, ids, ballots, members and notifications. */
export interface SocialDeps {
  now: () => string;
  newId: (prefix: 'thread' | 'comment' | 'vote') => string;
  ballots: BallotStore;
  /** The subset of `userIds` who are members of the map's workspace (mentions of others are dropped). */
  members: (mapId: string, userIds: string[]) => Promise<Actor[]>;
  /** Called after a comment mentioning people was stored. */
  notifyMentions?: (event: MentionEvent) => Promise<void>;
}

export interface MentionEvent {
  mapId: string;
  thread: Thread;
  comment: Comment;
}

const text = z.string().trim().min(1, 'a comment cannot be empty').max(5000);
const mentions = z.array(z.string().min(1).max(200)).max(50).default([]);
const threadRef = z.strictObject({ threadId: z.string().min(1).max(100) });
const sessionRef = z.strictObject({ sessionId: z.string().min(1).max(100) });

/** Input schema of every social action, by action id. */
export const SOCIAL_ACTIONS = {
  'comment.create': z.strictObject({
    anchor: z.strictObject({ kind: z.enum(['card', 'stage', 'opportunity']), id: z.string().max(100) }),
    text,
    mentions,
  }),
  'comment.reply': threadRef.extend({ text, mentions }),
  'thread.resolve': threadRef,
  'thread.reopen': threadRef,
  'vote.start': z.strictObject({
    title: z.string().max(200).optional(),
    votesPerPerson: z.number().int().min(1).max(100),
    isHidden: z.boolean().default(false),
  }),
  'vote.cast': sessionRef.extend({
    allocations: z.record(z.string().max(100), z.number().int().min(0).max(100)),
  }),
  'vote.reveal': sessionRef,
  'vote.close': sessionRef,
} as const;
export type SocialActionId = keyof typeof SOCIAL_ACTIONS;

export interface SocialRequest {
  mapId: string;
  actor: Actor;
  role: Role;
  action: string;
  input: unknown;
}

const ANCHOR_COLLECTIONS = { card: 'cards', stage: 'stages', opportunity: 'opportunities' } as const;

async function addComment(
  ydoc: Y.Doc,
  request: SocialRequest,
  deps: SocialDeps,
  threadId: string,
  body: string,
  userIds: string[],
  origin: unknown,
) {
  const members = userIds.length ? await deps.members(request.mapId, [...new Set(userIds)]) : [];
  const mentionList: Mention[] = members.map((member) => ({ userId: member.id, name: member.name }));
  const comment: Comment = {
    id: deps.newId('comment'),
    threadId,
    author: request.actor,
    text: body,
    mentions: mentionList,
    createdAt: deps.now(),
  };
  ydoc.transact(() => ydoc.getMap<Comment>(COMMENTS_KEY).set(comment.id, comment), origin);
  const thread = ydoc.getMap<Thread>(THREADS_KEY).get(threadId)!;
  if (mentionList.length && deps.notifyMentions)
    await deps.notifyMentions({ mapId: request.mapId, thread, comment });
  return comment;
}

function requireThread(ydoc: Y.Doc, threadId: string): Thread {
  const thread = ydoc.getMap<Thread>(THREADS_KEY).get(threadId);
  if (!thread) throw notFound('THREAD_NOT_FOUND', `thread "${threadId}" does not exist`);
  return thread;
}

/**
 * Validates and applies one social action to a map's Y.Doc, stamping author and time on the
 * server. Returns the stored thread/comment/session.
 * @throws TrailmapError `FORBIDDEN`, `UNKNOWN_SOCIAL_ACTION`, `INVALID_INPUT`, `ANCHOR_NOT_FOUND`,
 * `THREAD_NOT_FOUND`, `VOTE_SESSION_NOT_FOUND`, `VOTE_SESSION_CLOSED`, `TOO_MANY_VOTES`
 */
export async function applySocialAction(
  ydoc: Y.Doc,
  request: SocialRequest,
  deps: SocialDeps,
  origin: unknown = null,
): Promise<unknown> {
  const schema = SOCIAL_ACTIONS[request.action as SocialActionId];
  if (!schema)
    throw new TrailmapError('UNKNOWN_SOCIAL_ACTION', `unknown action "${request.action}"`, { status: 422 });
  if (!canComment(request.role)) throw forbidden('Viewers cannot comment or vote');
  const parsed = schema.safeParse(request.input ?? {});
  if (!parsed.success) {
    throw new TrailmapError('INVALID_INPUT', `invalid input for ${request.action}`, {
      status: 422,
      details: issuesFromZod(parsed.error),
    });
  }
  const input = parsed.data as unknown as { threadId: string; sessionId: string };
  const action = request.action as SocialActionId;
  switch (action) {
    case 'comment.create': {
      const {
        anchor,
        text: body,
        mentions: userIds,
      } = parsed.data as z.output<(typeof SOCIAL_ACTIONS)['comment.create']>;
      if (!collectionOf(ydoc, ANCHOR_COLLECTIONS[anchor.kind]).has(anchor.id)) {
        throw notFound('ANCHOR_NOT_FOUND', `${anchor.kind} "${anchor.id}" does not exist in this map`);
      }
      const thread: Thread = {
        id: deps.newId('thread'),
        anchor,
        createdBy: request.actor,
        createdAt: deps.now(),
      };
      ydoc.transact(() => ydoc.getMap<Thread>(THREADS_KEY).set(thread.id, thread), origin);
      const comment = await addComment(ydoc, request, deps, thread.id, body, userIds, origin);
      return { thread, comment };
    }
    case 'comment.reply': {
      const {
        threadId,
        text: body,
        mentions: userIds,
      } = parsed.data as z.output<(typeof SOCIAL_ACTIONS)['comment.reply']>;
      requireThread(ydoc, threadId);
      return { comment: await addComment(ydoc, request, deps, threadId, body, userIds, origin) };
    }
    case 'thread.resolve':
    case 'thread.reopen': {
      const { resolvedAt: _at, resolvedBy: _by, ...open } = requireThread(ydoc, input.threadId);
      const thread: Thread =
        action === 'thread.resolve' ? { ...open, resolvedAt: deps.now(), resolvedBy: request.actor } : open;
      ydoc.transact(() => ydoc.getMap<Thread>(THREADS_KEY).set(thread.id, thread), origin);
      return { thread };
    }
    case 'vote.start':
      if (!canEdit(request.role)) throw forbidden('Only editors can facilitate a vote');
      return {
        session: startVoteSession(
          ydoc,
          request.actor,
          parsed.data as z.output<(typeof SOCIAL_ACTIONS)['vote.start']>,
          deps,
          origin,
        ),
      };
    case 'vote.cast': {
      const { sessionId, allocations } = parsed.data as z.output<(typeof SOCIAL_ACTIONS)['vote.cast']>;
      return { session: await castVotes(ydoc, request.actor, sessionId, allocations, deps, origin) };
    }
    case 'vote.reveal':
    case 'vote.close': {
      const session = ydoc.getMap<VoteSession>(VOTE_SESSIONS_KEY).get(input.sessionId);
      if (session && session.facilitator.id !== request.actor.id && request.role !== 'owner') {
        throw forbidden('Only the facilitator can reveal or close this vote');
      }
      const run = action === 'vote.reveal' ? revealVoteSession : closeVoteSession;
      return { session: await run(ydoc, input.sessionId, deps, origin) };
    }
  }
}
