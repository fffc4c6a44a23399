import type * as Y from 'yjs';

/**
 * Comments and dot-voting live beside the journey content in the same Y.Doc (so they sync live
 * and are stored with the map) but in their own top-level maps. Only the server writes them:
 * clients ask through the social channel, and the server stamps the author and checks the role.
 */
export const THREADS_KEY = 'threads';
export const COMMENTS_KEY = 'comments';
export const VOTE_SESSIONS_KEY = 'voteSessions';
export const SOCIAL_KEYS: readonly string[] = [THREADS_KEY, COMMENTS_KEY, VOTE_SESSIONS_KEY];

export interface Actor {
  id: string;
  name: string;
}

export type AnchorKind = 'card' | 'stage' | 'opportunity';
export interface Anchor {
  kind: AnchorKind;
  id: string;
}

export interface Thread {
  id: string;
  anchor: Anchor;
  createdBy: Actor;
  createdAt: string;
  resolvedAt?: string;
  resolvedBy?: Actor;
}

export interface Mention {
  userId: string;
  name: string;
}

/** A comment's text is plain text; mentions are listed beside it, never parsed out of markup. */
export interface Comment {
  id: string;
  threadId: string;
  author: Actor;
  text: string;
  mentions: Mention[];
  createdAt: string;
}

export type VoteSessionStatus = 'open' | 'revealed' | 'closed';

export interface VoteSession {
  id: string;
  title?: string;
  facilitator: Actor;
  votesPerPerson: number;
  /** Hidden sessions publish only how many votes each person has used until revealed. */
  isHidden: boolean;
  status: VoteSessionStatus;
  createdAt: string;
  /** Votes used per user id. */
  used: Record<string, number>;
  /** Votes per opportunity id; null while hidden and not yet revealed. */
  tallies: Record<string, number> | null;
}

export interface ThreadView extends Thread {
  comments: Comment[];
}

const byCreated = <T extends { createdAt: string; id: string }>(a: T, b: T) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;

/** Every thread with its comments in order, oldest thread first; optionally for one anchor. */
export function readThreads(ydoc: Y.Doc, anchor?: Anchor): ThreadView[] {
  const comments = [...ydoc.getMap<Comment>(COMMENTS_KEY).values()].sort(byCreated);
  return [...ydoc.getMap<Thread>(THREADS_KEY).values()]
    .filter((thread) => !anchor || (thread.anchor.kind === anchor.kind && thread.anchor.id === anchor.id))
    .sort(byCreated)
    .map((thread) => ({ ...thread, comments: comments.filter((comment) => comment.threadId === thread.id) }));
}

export const readVoteSessions = (ydoc: Y.Doc): VoteSession[] =>
  [...ydoc.getMap<VoteSession>(VOTE_SESSIONS_KEY).values()].sort(byCreated);

/** Results of a session, most votes first (ties by opportunity id); empty while hidden. */
export function rankVotes(session: VoteSession): { opportunityId: string; votes: number }[] {
  return Object.entries(session.tallies ?? {})
    .map(([opportunityId, votes]) => ({ opportunityId, votes }))
    .filter((entry) => entry.votes > 0)
    .sort((a, b) => b.votes - a.votes || (a.opportunityId < b.opportunityId ? -1 : 1));
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML text and attribute positions. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);

/**
 * A comment as safe HTML: the text escaped, line breaks kept, and each `@Name` of a listed
 * mention wrapped in a span carrying the user id. Nothing in the text can create markup.
 */
export function commentToHtml(comment: Pick<Comment, 'text' | 'mentions'>): string {
  const html = escapeHtml(comment.text);
  const byToken = new Map(comment.mentions.map((mention) => [escapeHtml(`@${mention.name}`), mention]));
  const tokens = [...byToken.keys()].sort((a, b) => b.length - a.length);
  // One pass over the escaped text, so inserted markup is never matched again.
  const withMentions = tokens.length
    ? html.replace(
        new RegExp(tokens.map((token) => token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g'),
        (token) =>
          `<span class="mention" data-user-id="${escapeHtml(byToken.get(token)!.userId)}">${token}</span>`,
      )
    : html;
  return withMentions.replace(/\n/g, '<br>');
}
