/** A comment on a card; lives beside the document in the live session, never inside it. */
export interface CardComment {
  id: string;
  cardId: string;
  authorId: string;
  authorName: string;
  text: string;
  mentions: string[];
  createdAt: string;
}

export interface Member {
  id: string;
  name: string;
  email?: string;
}

export interface VotingState {
  phase: 'idle' | 'open' | 'revealed';
  votesPerPerson: number;
  /** Card or opportunity ids this person voted for (one entry per dot). */
  myVotes: string[];
  /** Totals per target, only known once revealed. */
  totals: Record<string, number>;
}

/**
 * Comments, mentions and dot-voting for one map. The live implementation comes from
 * @trailmap/sync/client; the local one keeps everything in memory for the sandbox.
 */
export interface CollaborationApi {
  subscribe(listener: () => void): () => void;
  comments(cardId: string): CardComment[];
  commentCounts(): Record<string, number>;
  addComment(cardId: string, text: string, mentions: string[]): void;
  members(): Member[];
  voting(): VotingState;
  startVoting(votesPerPerson: number): void;
  vote(targetId: string): void;
  unvote(targetId: string): void;
  revealVotes(): void;
  endVoting(): void;
}
