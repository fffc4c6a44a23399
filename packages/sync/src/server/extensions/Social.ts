import type { Extension, onStatelessPayload } from '@hocuspocus/server';
import { isTrailmapError } from '@trailmap/schema';
import { applySocialAction, type SocialDeps } from '../../social/actions';
import { SOCIAL_REQUEST, SOCIAL_RESPONSE, type SocialResponse } from '../../social/protocol';
import type { AuthContext } from './Auth';

/**
 * The social channel: comments and votes arrive as stateless messages, are checked against the
 * sender's role (commenters may use it although their document updates are refused), stamped
 * with the sender and the server clock, and written into the document by the server.
 */
export class Social implements Extension {
  constructor(private readonly deps: SocialDeps) {}

  async onStateless({ connection, document, documentName, payload }: onStatelessPayload) {
    let message: { type?: string; requestId?: string; action?: string; input?: unknown };
    try {
      message = JSON.parse(payload);
    } catch {
      return; // not ours: other stateless traffic is ignored
    }
    if (message.type !== SOCIAL_REQUEST || typeof message.requestId !== 'string') return;
    const { identity } = connection.context as AuthContext;
    let response: SocialResponse;
    try {
      const result = await applySocialAction(
        document,
        {
          mapId: documentName,
          actor: identity.user,
          role: identity.role,
          action: String(message.action),
          input: message.input,
        },
        this.deps,
        { kind: 'social', actor: identity.user },
      );
      response = { type: SOCIAL_RESPONSE, requestId: message.requestId, ok: true, result };
    } catch (error) {
      if (!isTrailmapError(error)) throw error;
      response = {
        type: SOCIAL_RESPONSE,
        requestId: message.requestId,
        ok: false,
        error: { code: error.code, message: error.message, details: error.details },
      };
    }
    connection.sendStateless(JSON.stringify(response));
  }
}
