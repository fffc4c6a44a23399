import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { connectJourney, type LiveJourney } from '@trailmap/sync/client';
import { createServer } from '../app';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { createApiToken, login } from '../services/auth';
import { blankMap } from '../services/maps/newMapDocument';
import { createUser } from '../services/users';
import { createWorkspace, setMember } from '../services/workspaces';
import { liveCollaboration, type CollabOptions } from './index';

/**
 * A real, listening Trailmap server (SQLite in a temp dir) with live collaboration, a workspace
 * with an owner, an editor, a commenter and a viewer (each with an API token), and one map.
 */
export async function startTestServer(options: { dir?: string; collab?: CollabOptions } = {}) {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'trailmap-collab-'));
  const config = {
    ...loadConfig({ dataDir: dir, port: 0, logLevel: 'silent' }, {}),
    databaseUrl: `sqlite:${join(dir, 'trailmap.db')}`,
  };
  const database = openDatabase(config.databaseUrl);
  await migrateToLatest(database.db);
  const collab = liveCollaboration({ debounceMs: 50, maxDebounceMs: 200, ...options.collab });
  const { app, services } = await createServer({
    config,
    database,
    pepper: 'test-pepper',
    logger: false,
    wrapMapStore: collab.wrapMapStore,
    extend: collab.extend,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const stop = async () => {
    await app.close();
    await database.close();
  };
  return { app, services, database, dir, port, url: `ws://127.0.0.1:${port}/collab`, collab, stop };
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** A blank map with a stage, a lane and an opportunity, so comments and ballots have something to point at. */
export function mapWithAnchors(title: string) {
  const doc = blankMap(title, 'current-state');
  return {
    ...doc,
    stages: [{ id: 'stage:a', index: 'a0', name: 'Discover' }],
    lanes: [{ id: 'lane:a', index: 'a0', kind: 'actions' as const, label: 'Doing' }],
    opportunities: [
      {
        id: 'opp:one',
        stageId: 'stage:a',
        index: 'a0',
        title: 'One',
        problemCardIds: [],
        status: 'idea' as const,
        votes: 0,
        tags: [],
        evidenceIds: [],
      },
    ],
  };
}

/** Users of every role with tokens, a workspace and a blank map with one stage and one lane. */
export async function seedWorkspace(server: TestServer) {
  const { ctx, store } = server.services;
  const make = async (email: string, name: string) => {
    const user = await createUser(ctx, { email, password: 'correct horse battery', name });
    const { token } = await createApiToken(ctx, user, 'test');
    return { user, token };
  };
  const owner = await make('olga@example.com', 'Olga');
  const editor = await make('eddie@example.com', 'Eddie');
  const commenter = await make('carla@example.com', 'Carla');
  const viewer = await make('vic@example.com', 'Vic');
  const workspace = await createWorkspace(ctx, owner.user, 'Workshop');
  await setMember(ctx, owner.user, workspace.id, { userId: editor.user.id }, 'editor');
  await setMember(ctx, owner.user, workspace.id, { userId: commenter.user.id }, 'commenter');
  await setMember(ctx, owner.user, workspace.id, { userId: viewer.user.id }, 'viewer');
  const seeded = mapWithAnchors('Live map');
  const write = await store.createMap(workspace.id, seeded, { actorId: owner.user.id });
  const session = await login(ctx, 'carla@example.com', 'correct horse battery');
  return {
    owner,
    editor,
    commenter,
    viewer,
    workspace,
    mapId: write.mapId,
    commenterSession: session.sessionToken,
  };
}

/** A real provider client; `cookie` sends a session cookie on the upgrade like a browser would. */
export function liveClient(
  url: string,
  mapId: string,
  auth: { token?: string; cookie?: string },
  onFailed?: (reason: string) => void,
): LiveJourney {
  const WebSocketWithCookie = class extends WebSocket {
    constructor(address: string) {
      super(address, auth.cookie ? { headers: { cookie: auth.cookie } } : {});
    }
  };
  return connectJourney({
    url,
    mapId,
    ...(auth.token ? { token: auth.token } : {}),
    user: { id: 'client', name: 'Client' },
    WebSocketPolyfill: WebSocketWithCookie,
    provider: { onAuthenticationFailed: ({ reason }) => onFailed?.(reason) },
  });
}

export const synced = (live: LiveJourney) =>
  live.provider.isSynced
    ? Promise.resolve()
    : new Promise<void>((resolve) => live.provider.on('synced', () => resolve()));

export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });
