import type * as Y from 'yjs';
import { TrailmapError, conflict, notFound } from '@trailmap/schema';
import { applyOpsToYDoc } from '../doc/applyOps';
import { collectionOf } from '../doc/layout';
import { VOTE_SESSIONS_KEY, type Actor, type VoteSession } from './model';

/** Votes per opportunity id, one ballot per user and session. */
export type Allocations = Record<string, number>;

/**
 * Where ballots are kept. They stay out of the shared doc, so a hidden vote is really hidden:
 * the doc only shows how many votes each person used until the facilitator reveals.
 */
export interface BallotStore {
  put(mapId: string, sessionId: string, userId: string, allocations: Allocations): Promise<void>;
  list(mapId: string, sessionId: string): Promise<{ userId: string; allocations: Allocations }[]>;
}

/** Ballots in memory (tests, single process without a database). */
export function memoryBallotStore(): BallotStore {
  const ballots = new Map<string, Map<string, Allocations>>();
  return {
    async put(mapId, sessionId, userId, allocations) {
      const key = `${mapId}|${sessionId}`;
      if (!ballots.has(key)) ballots.set(key, new Map());
      ballots.get(key)!.set(userId, allocations);
    },
    async list(mapId, sessionId) {
      return [...(ballots.get(`${mapId}|${sessionId}`) ?? new Map<string, Allocations>())].map(
        ([userId, allocations]) => ({ userId, allocations }),
      );
    },
  };
}

interface VotingDeps {
  now: () => string;
  newId: (prefix: 'vote') => string;
  ballots: BallotStore;
}

const sessions = (ydoc: Y.Doc) => ydoc.getMap<VoteSession>(VOTE_SESSIONS_KEY);
/** Ballots are keyed by the map's own id so one store can serve every map. */
const mapIdOf = (ydoc: Y.Doc) => String(ydoc.getMap('map').get('id') ?? ydoc.guid);

function requireSession(ydoc: Y.Doc, sessionId: string): VoteSession {
  const session = sessions(ydoc).get(sessionId);
  if (!session) throw notFound('VOTE_SESSION_NOT_FOUND', `vote session "${sessionId}" does not exist`);
  return session;
}

async function publish(
  ydoc: Y.Doc,
  session: VoteSession,
  deps: VotingDeps,
  origin: unknown,
): Promise<VoteSession> {
  const ballots = await deps.ballots.list(mapIdOf(ydoc), session.id);
  const used: Record<string, number> = {};
  const tallies: Record<string, number> = {};
  for (const { userId, allocations } of ballots) {
    used[userId] = Object.values(allocations).reduce((sum, count) => sum + count, 0);
    for (const [opportunityId, count] of Object.entries(allocations)) {
      if (count > 0) tallies[opportunityId] = (tallies[opportunityId] ?? 0) + count;
    }
  }
  const isVisible = !session.isHidden || session.status !== 'open';
  const next: VoteSession = { ...session, used, tallies: isVisible ? tallies : null };
  ydoc.transact(() => sessions(ydoc).set(next.id, next), origin);
  return next;
}

export function startVoteSession(
  ydoc: Y.Doc,
  facilitator: Actor,
  options: { title?: string; votesPerPerson: number; isHidden: boolean },
  deps: VotingDeps,
  origin: unknown,
): VoteSession {
  const session: VoteSession = {
    id: deps.newId('vote'),
    ...(options.title ? { title: options.title } : {}),
    facilitator,
    votesPerPerson: options.votesPerPerson,
    isHidden: options.isHidden,
    status: 'open',
    createdAt: deps.now(),
    used: {},
    tallies: options.isHidden ? null : {},
  };
  ydoc.transact(() => sessions(ydoc).set(session.id, session), origin);
  return session;
}

/** Replaces the voter's ballot in an open session. */
export async function castVotes(
  ydoc: Y.Doc,
  voter: Actor,
  sessionId: string,
  allocations: Allocations,
  deps: VotingDeps,
  origin: unknown,
): Promise<VoteSession> {
  const session = requireSession(ydoc, sessionId);
  if (session.status !== 'open') throw conflict('VOTE_SESSION_CLOSED', 'this vote is no longer open');
  const opportunities = collectionOf(ydoc, 'opportunities');
  for (const opportunityId of Object.keys(allocations)) {
    if (!opportunities.has(opportunityId)) {
      throw notFound('ANCHOR_NOT_FOUND', `opportunity "${opportunityId}" does not exist in this map`);
    }
  }
  const total = Object.values(allocations).reduce((sum, count) => sum + count, 0);
  if (total > session.votesPerPerson) {
    throw new TrailmapError('TOO_MANY_VOTES', `you have ${session.votesPerPerson} votes, not ${total}`, {
      status: 422,
      details: { votesPerPerson: session.votesPerPerson, requested: total },
    });
  }
  await deps.ballots.put(mapIdOf(ydoc), sessionId, voter.id, allocations);
  return publish(ydoc, requireSession(ydoc, sessionId), deps, origin);
}

export async function revealVoteSession(ydoc: Y.Doc, sessionId: string, deps: VotingDeps, origin: unknown) {
  const session = requireSession(ydoc, sessionId);
  return publish(
    ydoc,
    { ...session, status: session.status === 'closed' ? 'closed' : 'revealed' },
    deps,
    origin,
  );
}

/** Closes the vote, shows the results, and writes each voted opportunity's total into `votes`. */
export async function closeVoteSession(ydoc: Y.Doc, sessionId: string, deps: VotingDeps, origin: unknown) {
  const session = await publish(ydoc, { ...requireSession(ydoc, sessionId), status: 'closed' }, deps, origin);
  const ops = Object.entries(session.tallies ?? {})
    .filter(([opportunityId]) => collectionOf(ydoc, 'opportunities').has(opportunityId))
    .map(([opportunityId, votes]) => ({
      op: 'patch' as const,
      collection: 'opportunities' as const,
      id: opportunityId,
      changes: { votes },
    }));
  applyOpsToYDoc(ydoc, ops, origin);
  return session;
}
