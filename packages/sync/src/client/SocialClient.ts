import type { HocuspocusProvider } from '@hocuspocus/provider';
import { TrailmapError } from '@trailmap/schema';
import type { SocialActionId } from '../social/actions';
import type { Allocations } from '../social/voting';
import type { Anchor, Comment, Thread, VoteSession } from '../social/model';
import { SOCIAL_REQUEST, SOCIAL_RESPONSE, type SocialResponse } from '../social/protocol';
import { randomIdBody } from './context';

/**
 * Comments and votes from a live client. Requests go over the provider's stateless channel and
 * resolve with the server's answer; the stored result also arrives through the document.
 */
export class SocialClient {
  private readonly pending = new Map<
    string,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  private readonly onStateless = ({ payload }: { payload: string }) => {
    let response: SocialResponse;
    try {
      response = JSON.parse(payload);
    } catch {
      return;
    }
    if (response.type !== SOCIAL_RESPONSE) return;
    const waiting = this.pending.get(response.requestId);
    if (!waiting) return;
    this.pending.delete(response.requestId);
    if (response.ok) waiting.resolve(response.result);
    else
      waiting.reject(
        new TrailmapError(response.error.code, response.error.message, { details: response.error.details }),
      );
  };

  constructor(private readonly provider: HocuspocusProvider) {
    provider.on('stateless', this.onStateless);
  }

  /** Sends one action; rejects with the server's TrailmapError (code preserved). */
  request<T = unknown>(action: SocialActionId, input: unknown): Promise<T> {
    const requestId = randomIdBody(16);
    return new Promise<T>((resolve, reject) => {
      this.pending.set(requestId, { resolve: resolve as (value: unknown) => void, reject });
      this.provider.sendStateless(JSON.stringify({ type: SOCIAL_REQUEST, requestId, action, input }));
    });
  }

  /** Starts a thread on a card, stage or opportunity. `mentions` are user ids of workspace members. */
  comment(anchor: Anchor, text: string, mentions: string[] = []) {
    return this.request<{ thread: Thread; comment: Comment }>('comment.create', { anchor, text, mentions });
  }

  reply(threadId: string, text: string, mentions: string[] = []) {
    return this.request<{ comment: Comment }>('comment.reply', { threadId, text, mentions });
  }

  resolve(threadId: string) {
    return this.request<{ thread: Thread }>('thread.resolve', { threadId });
  }

  reopen(threadId: string) {
    return this.request<{ thread: Thread }>('thread.reopen', { threadId });
  }

  startVote(options: { votesPerPerson: number; isHidden?: boolean; title?: string }) {
    return this.request<{ session: VoteSession }>('vote.start', options);
  }

  /** Replaces this user's ballot: votes per opportunity id, at most `votesPerPerson` in total. */
  vote(sessionId: string, allocations: Allocations) {
    return this.request<{ session: VoteSession }>('vote.cast', { sessionId, allocations });
  }

  reveal(sessionId: string) {
    return this.request<{ session: VoteSession }>('vote.reveal', { sessionId });
  }

  close(sessionId: string) {
    return this.request<{ session: VoteSession }>('vote.close', { sessionId });
  }

  destroy(): void {
    this.provider.off('stateless', this.onStateless);
    for (const waiting of this.pending.values()) waiting.reject(new Error('social client destroyed'));
    this.pending.clear();
  }
}
