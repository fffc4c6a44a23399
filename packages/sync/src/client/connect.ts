import * as Y from 'yjs';
import { HocuspocusProvider, type HocuspocusProviderConfiguration } from '@hocuspocus/provider';
import { JourneySession } from './JourneySession';
import { liveContext } from './context';
import { colorForUser, setPresence } from './presence';
import { SocialClient } from './SocialClient';

export interface ConnectOptions {
  /** WebSocket URL of the collab endpoint, e.g. `wss://trailmap.example/collab`. */
  url: string;
  mapId: string;
  /** Bearer token or share-link token; browsers with a session cookie may omit it. */
  token?: string;
  user: { id: string; name: string };
  /** Node has no global WebSocket: pass `ws` here. */
  WebSocketPolyfill?: unknown;
  /** Any other provider option (onAuthenticationFailed, onSynced, ...). */
  provider?: Partial<HocuspocusProviderConfiguration>;
  /**
   * The server refused an update that would have made the map invalid (close code 4422) and
   * the connection stays closed: resending would be refused again. Reload the map to resync.
   */
  onRejected?: (reason: string) => void;
}

/** Close code of an update the server refused because the map would no longer be valid. */
export const INVALID_UPDATE_CODE = 4422;

export interface LiveJourney {
  ydoc: Y.Doc;
  provider: HocuspocusProvider;
  session: JourneySession;
  social: SocialClient;
  destroy(): void;
}

/**
 * Opens a map for live editing: a Y.Doc synced through Hocuspocus, this user's undo session,
 * presence announced, and the social channel for comments and votes.
 * @example
 * const live = connectJourney({ url, mapId, token, user });
 * live.session.run({ command: 'card.add', input: { laneId, stageId, text: 'Idea' } });
 */
export function connectJourney(options: ConnectOptions): LiveJourney {
  const ydoc = new Y.Doc();
  const provider = new HocuspocusProvider({
    url: options.url,
    name: options.mapId,
    document: ydoc,
    token: options.token ?? 'cookie',
    ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
    ...options.provider,
  } as HocuspocusProviderConfiguration);
  if (provider.awareness) {
    setPresence(provider.awareness, { user: { ...options.user, color: colorForUser(options.user.id) } });
  }
  provider.on('close', ({ event }: { event: { code: number; reason: string } }) => {
    if (event.code !== INVALID_UPDATE_CODE) return;
    provider.disconnect();
    options.onRejected?.(event.reason);
  });
  const session = new JourneySession(ydoc, liveContext(options.user));
  const social = new SocialClient(provider);
  return {
    ydoc,
    provider,
    session,
    social,
    destroy() {
      social.destroy();
      session.destroy();
      provider.destroy();
      ydoc.destroy();
    },
  };
}
