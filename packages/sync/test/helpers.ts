import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { afterEach } from 'vitest';
import type { Journey } from '@trailmap/schema';
import { connectJourney, type LiveJourney } from '../src/client/index';
import { TOKENS, USERS } from './fixtures/identities';
import {
  CollabServer,
  memoryBallotStore,
  memoryCollabStore,
  type CollabServerOptions,
  type MentionEvent,
  type VersionEntry,
} from '../src/server/index';

export const seedJourney = (mapId = 'map:live'): Journey => ({
  schemaVersion: 2,
  map: { id: mapId, title: 'Workshop', type: 'current-state', expectations: [], tags: [] },
  personas: [],
  stages: [{ id: 'stage:a', index: 'a0', name: 'Discover' }],
  steps: [],
  lanes: [{ id: 'lane:a', index: 'a0', kind: 'actions', label: 'Doing' }],
  cards: [],
  emotions: [],
  connections: [],
  opportunities: [
    {
      id: 'opp:one',
      stageId: 'stage:a',
      index: 'a0',
      title: 'One',
      problemCardIds: [],
      status: 'idea',
      votes: 0,
      tags: [],
      evidenceIds: [],
    },
    {
      id: 'opp:two',
      stageId: 'stage:a',
      index: 'a1',
      title: 'Two',
      problemCardIds: [],
      status: 'idea',
      votes: 0,
      tags: [],
      evidenceIds: [],
    },
  ],
  evidence: [],
  metricBindings: [],
});

export interface TestCollab {
  url: string;
  collab: CollabServer;
  store: ReturnType<typeof memoryCollabStore>;
  revokedLinks: Set<string>;
  mentions: MentionEvent[];
  versions: VersionEntry[];
  http: Server;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

let counter = 0;
export { TOKENS, USERS };

/** A unique map id per test, seeded in the store. */
export const freshMapId = () => `map:t${process.pid}-${++counter}`;

/** A real HTTP server on port 0 hosting the collab endpoint at /collab; torn down after the test. */
export async function startCollab(
  seeds: Journey[] = [],
  overrides: Partial<CollabServerOptions> = {},
): Promise<TestCollab> {
  const store = memoryCollabStore(Object.fromEntries(seeds.map((doc) => [doc.map.id, doc])));
  const revokedLinks = new Set<string>();
  const mentions: MentionEvent[] = [];
  const versions: VersionEntry[] = [];
  let ids = 0;
  const collab = new CollabServer({
    store,
    debounceMs: 50,
    jsonIntervalMs: 0,
    maxDebounceMs: 200,
    reauthorizeAfterMs: 0,
    auth: {
      async authenticate({ token }) {
        const identity = token ? TOKENS[token] : undefined;
        if (!identity || (identity.shareLinkId && revokedLinks.has(identity.shareLinkId))) return null;
        return identity;
      },
      async authorize(_mapId, identity) {
        return identity.shareLinkId && revokedLinks.has(identity.shareLinkId) ? null : identity.role;
      },
    },
    social: {
      now: () => new Date().toISOString(),
      newId: (prefix) => `${prefix}:${++ids}`,
      ballots: memoryBallotStore(),
      members: async (_mapId, userIds) => Object.values(USERS).filter((user) => userIds.includes(user.id)),
      notifyMentions: async (event) => void mentions.push(event),
    },
    history: { record: async (entry) => void versions.push(entry), minIntervalMs: 0 },
    // Compact on every debounced store, so tests can watch the JSON catch up (see the busy test).
    busy: { connections: Number.POSITIVE_INFINITY, compactionIntervalMs: 0 },
    ...overrides,
  });
  const http = createServer((_request, response) => response.writeHead(404).end());
  collab.attach(http, '/collab');
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  cleanups.push(async () => {
    await collab.destroy();
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
  });
  return { url: `ws://127.0.0.1:${port}/collab`, collab, store, revokedLinks, mentions, versions, http };
}

/** A real @hocuspocus/provider client over WebSocket, destroyed after the test. */
export function client(
  url: string,
  mapId: string,
  token: string,
  events: { failed?: string[]; rejected?: string[] } = {},
): LiveJourney {
  const identity = TOKENS[token];
  const live = connectJourney({
    url,
    mapId,
    token,
    user: identity ? { id: identity.user.id, name: identity.user.name } : { id: 'nobody', name: 'Nobody' },
    WebSocketPolyfill: WebSocket,
    provider: { onAuthenticationFailed: ({ reason }) => void events.failed?.push(reason) },
    onRejected: (reason) => void events.rejected?.push(reason),
  });
  cleanups.push(() => live.destroy());
  return live;
}

/** Resolves when the provider has synced with the server. */
export const synced = (live: LiveJourney) =>
  live.provider.isSynced
    ? Promise.resolve()
    : new Promise<void>((resolve) => live.provider.on('synced', () => resolve()));

export const onCleanup = (cleanup: () => Promise<void> | void) => cleanups.push(cleanup);
