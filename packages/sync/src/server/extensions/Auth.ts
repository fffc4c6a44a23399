import type { Extension, beforeHandleMessagePayload, onAuthenticatePayload } from '@hocuspocus/server';
import { isTrailmapError } from '@trailmap/schema';
import { canEdit } from '../../social/roles';
import type { CollabAuthCallbacks, CollabIdentity } from '../types';

/** Close events on the wire (the codes of Hocuspocus' CloseEvents). */
export const UNAUTHORIZED = { code: 4401, reason: 'Unauthorized' };
export const FORBIDDEN = { code: 4403, reason: 'Forbidden' };
/** What a hook returns when it has nothing to wait for (Hocuspocus' hook types want a promise). */
export const SETTLED: Promise<void> = Promise.resolve();

/** What the Auth extension keeps in a connection's context. */
export interface AuthContext {
  identity: CollabIdentity;
  checkedAt: number;
  /** The host's authorization generation the decision was made in (see `CollabAuthCallbacks.generation`). */
  generation?: number;
  /** A re-authorization in flight: every message of the connection waits for it. */
  pending?: Promise<void>;
}

/**
 * Authenticates every connection (session cookie, bearer token or share-link token, through
 * the host's callback) and authorizes every incoming message from the connection's cached
 * decision, so a changed role or a revoked link takes effect on a live connection. The decision
 * is re-checked with the host when it is older than `reauthorizeAfterMs` or when the host's
 * authorization generation moved (a role, member or share link changed in this process); until
 * then a message costs no query and no await. While a re-check is in flight, every message of
 * that connection waits for its answer. Viewers and commenters are read-only: Hocuspocus
 * answers their document updates with a failed sync status and never applies them.
 */
export class Auth implements Extension {
  priority = 200;

  constructor(
    private readonly callbacks: CollabAuthCallbacks,
    private readonly reauthorizeAfterMs = 5_000,
  ) {}

  async onAuthenticate({ documentName, token, requestHeaders, connectionConfig }: onAuthenticatePayload) {
    // Read before asking: a change landing while the answer is on its way triggers a re-check.
    const [askedAt, generation] = [Date.now(), this.callbacks.generation?.()];
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
    const context: AuthContext = { identity, checkedAt: askedAt };
    if (generation !== undefined) context.generation = generation;
    return context;
  }

  /** Synchronous while the cached decision holds: the hot path of every live update. */
  beforeHandleMessage({ connection, documentName }: beforeHandleMessagePayload): Promise<void> {
    const context = connection.context as AuthContext;
    const authorize = this.callbacks.authorize;
    if (!authorize) return SETTLED;
    if (!context.pending && this.isCurrent(context)) return SETTLED;
    context.pending ??= this.reauthorize(authorize, connection, documentName, context).finally(() => {
      context.pending = undefined;
    });
    return context.pending;
  }

  private isCurrent(context: AuthContext): boolean {
    return (
      Date.now() - context.checkedAt < this.reauthorizeAfterMs &&
      context.generation === this.callbacks.generation?.()
    );
  }

  private async reauthorize(
    authorize: NonNullable<CollabAuthCallbacks['authorize']>,
    connection: beforeHandleMessagePayload['connection'],
    documentName: string,
    context: AuthContext,
  ): Promise<void> {
    // (as on connect, the decision dates from when it was asked for)
    const [askedAt, generation] = [Date.now(), this.callbacks.generation?.()];
    const role = await authorize(documentName, context.identity);
    if (role === null) {
      closeWithCode(connection, FORBIDDEN);
      throw FORBIDDEN;
    }
    context.identity = { ...context.identity, role };
    context.checkedAt = askedAt;
    if (generation === undefined) delete context.generation;
    else context.generation = generation;
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
