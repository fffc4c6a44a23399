import { readThreads, readVoteSessions, type LiveJourney, type VoteSession } from '@trailmap/sync/client';
import { toastError } from '../ui/toasts';
import type { CardComment, CollaborationApi, Member, VotingState } from './CollaborationApi';

const IDLE: VotingState = { phase: 'idle', votesPerPerson: 3, myVotes: [], totals: {} };

/**
 * Comments and dot-voting over the live document's social channel: requests go to the server,
 * which stamps the author and checks the role; results come back through the shared Y.Doc.
 */
export class LiveCollaboration implements CollaborationApi {
  private readonly listeners = new Set<() => void>();
  private commentsByCard = new Map<string, CardComment[]>();
  private counts: Record<string, number> = {};
  private threadByCard = new Map<string, string>();
  private votingState: VotingState = IDLE;
  private session: VoteSession | undefined;
  /** My ballot per vote session (the server keeps ballots private until reveal). */
  private readonly ballots = new Map<string, Record<string, number>>();

  constructor(
    private readonly live: LiveJourney,
    private readonly me: Member,
    private people: Member[],
  ) {
    live.ydoc.on('update', this.rebuild);
    this.rebuild();
  }

  setMembers(members: Member[]) {
    this.people = members;
    this.emit();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  comments = (cardId: string) => this.commentsByCard.get(cardId) ?? NO_COMMENTS;
  commentCounts = () => this.counts;
  members = () => this.people;
  voting = () => this.votingState;

  addComment(cardId: string, text: string, mentions: string[]): void {
    const threadId = this.threadByCard.get(cardId);
    const request = threadId
      ? this.live.social.reply(threadId, text, mentions)
      : this.live.social.comment({ kind: 'card', id: cardId }, text, mentions);
    request.catch(toastError);
  }

  startVoting(votesPerPerson: number): void {
    this.live.social.startVote({ votesPerPerson, isHidden: true }).catch(toastError);
  }

  vote(targetId: string): void {
    this.cast(targetId, 1);
  }

  unvote(targetId: string): void {
    this.cast(targetId, -1);
  }

  revealVotes(): void {
    if (this.session) this.live.social.reveal(this.session.id).catch(toastError);
  }

  endVoting(): void {
    if (this.session) this.live.social.close(this.session.id).catch(toastError);
  }

  destroy(): void {
    this.live.ydoc.off('update', this.rebuild);
    this.listeners.clear();
  }

  private cast(targetId: string, delta: 1 | -1) {
    const session = this.session;
    if (!session || session.status !== 'open') return;
    const ballot = { ...(this.ballots.get(session.id) ?? {}) };
    const used = Object.values(ballot).reduce((sum, n) => sum + n, 0);
    if (delta > 0 && used >= session.votesPerPerson) return;
    ballot[targetId] = Math.max(0, (ballot[targetId] ?? 0) + delta);
    if (ballot[targetId] === 0) delete ballot[targetId];
    this.ballots.set(session.id, ballot);
    this.rebuild();
    this.live.social.vote(session.id, ballot).catch((error: unknown) => {
      this.ballots.delete(session.id);
      this.rebuild();
      toastError(error);
    });
  }

  private readonly rebuild = () => {
    const commentsByCard = new Map<string, CardComment[]>();
    const counts: Record<string, number> = {};
    const threadByCard = new Map<string, string>();
    for (const thread of readThreads(this.live.ydoc)) {
      if (thread.anchor.kind !== 'card') continue;
      if (!threadByCard.has(thread.anchor.id) && !thread.resolvedAt)
        threadByCard.set(thread.anchor.id, thread.id);
      const list = commentsByCard.get(thread.anchor.id) ?? [];
      for (const comment of thread.comments) {
        list.push({
          id: comment.id,
          cardId: thread.anchor.id,
          authorId: comment.author.id,
          authorName: comment.author.name,
          text: comment.text,
          mentions: comment.mentions.map((mention) => mention.userId),
          createdAt: comment.createdAt,
        });
      }
      commentsByCard.set(thread.anchor.id, list);
      counts[thread.anchor.id] = list.length;
    }
    this.commentsByCard = commentsByCard;
    this.counts = counts;
    this.threadByCard = threadByCard;
    this.session = readVoteSessions(this.live.ydoc)
      .filter((session) => session.status !== 'closed')
      .at(-1);
    this.votingState = this.session ? this.votingOf(this.session) : IDLE;
    this.emit();
  };

  private votingOf(session: VoteSession): VotingState {
    const ballot = this.ballots.get(session.id) ?? {};
    const myVotes = Object.entries(ballot).flatMap(([id, count]) => Array<string>(count).fill(id));
    return {
      phase: session.status === 'open' ? 'open' : 'revealed',
      votesPerPerson: session.votesPerPerson,
      myVotes,
      totals: session.tallies ?? {},
    };
  }

  private emit() {
    for (const listener of [...this.listeners]) listener();
  }
}

const NO_COMMENTS: CardComment[] = [];
