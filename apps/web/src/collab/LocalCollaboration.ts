import { createStore } from '../lib/store';
import { randomIdBody } from '../session/commandContext';
import type { CardComment, CollaborationApi, Member, VotingState } from './CollaborationApi';

interface State {
  comments: CardComment[];
  voting: VotingState;
  /** Every dot cast, by target id. */
  dots: Record<string, number>;
}

/** In-memory comments and voting for a single person (the offline sandbox). */
export class LocalCollaboration implements CollaborationApi {
  private readonly store = createStore<State>({
    comments: [],
    voting: { phase: 'idle', votesPerPerson: 3, myVotes: [], totals: {} },
    dots: {},
  });

  constructor(
    private readonly me: Member,
    private readonly people: Member[] = [me],
  ) {}

  subscribe = (listener: () => void) => this.store.subscribe(listener);
  private cache = new WeakMap<State, Map<string, CardComment[]>>();

  /** Stable array per state so React's external-store reads do not loop. */
  comments = (cardId: string) => {
    const state = this.store.get();
    let byCard = this.cache.get(state);
    if (!byCard) this.cache.set(state, (byCard = new Map()));
    let list = byCard.get(cardId);
    if (!list) byCard.set(cardId, (list = state.comments.filter((comment) => comment.cardId === cardId)));
    return list;
  };
  private counts = new WeakMap<CardComment[], Record<string, number>>();
  /** Counted once per comment list: every card on the grid asks on each render. */
  commentCounts = () => {
    const { comments } = this.store.get();
    let counts = this.counts.get(comments);
    if (!counts) {
      counts = {};
      for (const comment of comments) counts[comment.cardId] = (counts[comment.cardId] ?? 0) + 1;
      this.counts.set(comments, counts);
    }
    return counts;
  };
  members = () => this.people;

  addComment(cardId: string, text: string, mentions: string[]) {
    const comment: CardComment = {
      id: `comment:${randomIdBody()}`,
      cardId,
      authorId: this.me.id,
      authorName: this.me.name,
      text,
      mentions,
      createdAt: new Date().toISOString(),
    };
    this.store.set((state) => ({ ...state, comments: [...state.comments, comment] }));
  }

  voting = () => this.store.get().voting;

  startVoting(votesPerPerson: number) {
    this.store.set((state) => ({
      ...state,
      dots: {},
      voting: { phase: 'open', votesPerPerson, myVotes: [], totals: {} },
    }));
  }

  vote(targetId: string) {
    this.store.set((state) => {
      const { voting } = state;
      if (voting.phase !== 'open' || voting.myVotes.length >= voting.votesPerPerson) return state;
      return {
        ...state,
        dots: { ...state.dots, [targetId]: (state.dots[targetId] ?? 0) + 1 },
        voting: { ...voting, myVotes: [...voting.myVotes, targetId] },
      };
    });
  }

  unvote(targetId: string) {
    this.store.set((state) => {
      const at = state.voting.myVotes.indexOf(targetId);
      if (state.voting.phase !== 'open' || at === -1) return state;
      const myVotes = state.voting.myVotes.filter((_, i) => i !== at);
      return {
        ...state,
        dots: { ...state.dots, [targetId]: (state.dots[targetId] ?? 1) - 1 },
        voting: { ...state.voting, myVotes },
      };
    });
  }

  revealVotes() {
    this.store.set((state) => ({
      ...state,
      voting: { ...state.voting, phase: 'revealed', totals: { ...state.dots } },
    }));
  }

  endVoting() {
    this.store.set((state) => ({ ...state, voting: { ...state.voting, phase: 'idle', myVotes: [] } }));
  }
}
