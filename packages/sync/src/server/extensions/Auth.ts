import type { Extension, beforeHandleMessagePayload, onAuthenticatePayload } from '@hocuspocus/server';
import { isTrailmapError } from '@trailmap/schema';
import { canEdit } from '../../social/roles';
import type { CollabAuthCallbacks, CollabIdentity } from '../types';

/** Close events on the wire (the codes of Hocuspocus' CloseEvents). */
export const UNAUTHORIZED = { code: 4401, reason: 'Unauthorized' };
export const FORBIDDEN = { code: 4403, reason: 'Forbidden' };

/** What the Auth extension keeps in a connection's context. */
export interface AuthContext {
  identity: CollabIdentity;
  checkedAt: number;
}

/**
 * Authenticates every connection (session cookie, bearer token or share-link token, through
 * the host's callback) and re-authorizes on incoming messages, so a changed role or a revoked
 * link takes effect on a live connection. Viewers and commenters are read-only: Hocuspocus
 * answers their document updates with a failed sync status and never applies them.
 */
export class Auth implements Extension {
  priority = 200;

  constructor(
    private readonly callbacks: CollabAuthCallbacks,
    private readonly reauthorizeAfterMs = 5_000,
  ) {}

  async onAuthenticate({ documentName, token, requestHeaders, connectionConfig }: onAuthenticatePayload) {
    let identity: CollabIdentity | null;
    try {
      identity = await this.callbacks.authenticate({
        mapId: documentName,
        token: token || null,
        cookie: requestHeaders.cookie,
      });
    } catch (error) {
      if (isTrailmapError(error) && error.status === 401) throw UNAUTHORIZED;
      if (isTrailmapError(error)) throw FORBIDDEN;
      throw error;
    }
    if (!identity) throw UNAUTHORIZED;
    connectionConfig.readOnly = !canEdit(identity.role);
    return { identity, checkedAt: Date.now() } satisfies AuthContext;
  }

  async beforeHandleMessage({ connection, documentName }: beforeHandleMessagePayload) {
    const context = connection.context as AuthContext;
    if (!this.callbacks.authorize || Date.now() - context.checkedAt < this.reauthorizeAfterMs) return;
    context.checkedAt = Date.now();
    const role = await this.callbacks.authorize(documentName, context.identity);
    if (role === null) {
      closeWithCode(connection, FORBIDDEN);
      throw FORBIDDEN;
    }
    context.identity = { ...context.identity, role };
    connection.readOnly = !canEdit(role);
  }
}

/** Closes one document connection and its socket with a close code the client can act on. */
export function closeWithCode(
  connection: {
    close(event?: { code: number; reason: string }): void;
    webSocket: { close(code?: number, reason?: string): void };
  },
  event: { code: number; reason: string },
): void {
  connection.close(event);
  connection.webSocket.close(event.code, event.reason);
}
