import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { yDocToJourney, type LiveJourney } from '@trailmap/sync/client';
import type { Journey } from '@trailmap/schema';
import { liveCollaboration } from '../src/collab/index';
import { liveClient } from '../src/collab/testServer';
import { blankMap } from '../src/services/maps/newMapDocument';
import { createShareLink, revokeShareLink } from '../src/services/shareLinks';
import { createWorkspace, setMember } from '../src/services/workspaces';
import { BACKENDS, openTestApp, userWithToken, type TestApp } from './support/testApp';

/**
 * The `/collab` WebSocket for every caller of the HTTP authorization matrix, through real
 * providers: who may connect, with which scope, and whose document updates are stored.
 */
type Outcome = 'read-write' | 'readonly' | 'refused';
const EXPECTED: Record<string, Outcome> = {
  anonymous: 'refused',
  viewer: 'readonly',
  commenter: 'readonly',
  editor: 'read-write',
  owner: 'read-write',
  outsider: 'refused',
  shareLink: 'readonly',
  revokedLink: 'refused',
  expiredLink: 'refused',
  badToken: 'refused',
};
const waitOptions = { timeout: 20_000, interval: 25 };

describe.each(BACKENDS)('/collab authorization on %s', (backend) => {
  let t: TestApp;
  let url: string;
  let mapId: string;
  const tokens: Record<string, string | undefined> = {
    anonymous: undefined,
    badToken: 'tmp_not-a-real-token',
  };
  const collab = liveCollaboration({ debounceMs: 50, maxDebounceMs: 200, sweepIntervalMs: 60_000 });
  const clients: LiveJourney[] = [];
  const users = {} as Record<string, Awaited<ReturnType<typeof userWithToken>>>;
  let workspaceId: string;

  beforeAll(async () => {
    t = await openTestApp(backend, {}, { wrapMapStore: collab.wrapMapStore, extend: collab.extend });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    url = `ws://127.0.0.1:${(t.app.server.address() as { port: number }).port}/collab`;
    for (const name of ['owner', 'viewer', 'commenter', 'editor', 'outsider']) {
      users[name] = await userWithToken(t.services, `${name}@example.com`);
      tokens[name] = users[name].token;
    }
    const { ctx } = t.services;
    const workspace = await createWorkspace(ctx, users.owner!.user, 'Live');
    workspaceId = workspace.id;
    for (const role of ['viewer', 'commenter', 'editor'] as const)
      await setMember(ctx, users.owner!.user, workspace.id, { userId: users[role]!.user.id }, role);
    await createWorkspace(ctx, users.outsider!.user, 'Elsewhere');
    const doc = blankMap('Live', 'current-state');
    mapId = (
      await t.services.store.createMap(
        workspace.id,
        {
          ...doc,
          stages: [{ id: 'stage:a', index: 'a0', name: 'A' }],
          lanes: [{ id: 'lane:a', index: 'a0', kind: 'actions', label: 'Doing' }],
        },
        { actorId: users.owner!.user.id },
      )
    ).mapId;
    const owner = users.owner!.user;
    tokens.shareLink = (await createShareLink(ctx, owner, workspace.id, mapId, { role: 'viewer' })).token;
    const revoked = await createShareLink(ctx, owner, workspace.id, mapId, { role: 'viewer' });
    await revokeShareLink(ctx, owner, workspace.id, mapId, revoked.row.id);
    tokens.revokedLink = revoked.token;
    tokens.expiredLink = (
      await createShareLink(ctx, owner, workspace.id, mapId, {
        role: 'viewer',
        expiresAt: new Date(Date.now() - 60_000).toISOString(),
      })
    ).token;
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await t?.close();
  });

  /** Connects as `actor` and resolves with the scope the server granted, or `refused`. */
  function connect(actor: string) {
    return new Promise<{ outcome: Outcome; live: LiveJourney }>((resolve) => {
      const token = tokens[actor];
      const live = liveClient(url, mapId, token ? { token } : {}, () =>
        resolve({ outcome: 'refused', live }),
      );
      clients.push(live);
      live.provider.on('authenticated', ({ scope }: { scope: Outcome }) => resolve({ outcome: scope, live }));
    });
  }

  it('grants each caller the expected scope and stores only editors’ and owners’ updates', async () => {
    const connected = Object.fromEntries(
      await Promise.all(Object.keys(EXPECTED).map(async (actor) => [actor, await connect(actor)] as const)),
    );
    expect(Object.fromEntries(Object.entries(connected).map(([actor, c]) => [actor, c.outcome]))).toEqual(
      EXPECTED,
    );

    const admitted = Object.entries(connected).filter(([, c]) => c.outcome !== 'refused');
    await Promise.all(
      admitted.map(
        ([, c]) =>
          new Promise<void>((done) =>
            c.live.provider.isSynced ? done() : c.live.provider.on('synced', () => done()),
          ),
      ),
    );
    for (const [actor, c] of admitted)
      c.live.session.run({
        command: 'card.add',
        input: { laneId: 'lane:a', stageId: 'stage:a', text: actor },
      });

    const writers = admitted.filter(([, c]) => c.outcome === 'read-write').map(([actor]) => actor);
    const texts = (live: LiveJourney) =>
      yDocToJourney(live.ydoc)
        .cards.map((card) => card.text)
        .sort();
    // Every admitted client sees the writers' cards, so the server has handled what each sent before.
    for (const [, c] of admitted)
      await vi.waitFor(() => expect(texts(c.live)).toEqual(expect.arrayContaining(writers)), waitOptions);
    await collab.server!.flush(mapId);
    const stored = await t.app.inject({
      method: 'GET',
      url: `/api/v1/maps/${encodeURIComponent(mapId)}`,
      headers: { authorization: `Bearer ${tokens.owner}` },
    });
    expect(
      stored
        .json<Journey>()
        .cards.map((card) => card.text)
        .sort(),
    ).toEqual(['editor', 'owner']);
  }, 60_000);

  it('an editor demoted while connected has their very next update refused, not stored', async () => {
    const { ctx } = t.services;
    const demoted = await userWithToken(t.services, 'demoted@example.com');
    const owner = users.owner!.user;
    await setMember(ctx, owner, workspaceId, { userId: demoted.user.id }, 'editor');
    tokens.demoted = demoted.token;
    const editor = await connect('demoted');
    const watcher = await connect('owner');
    expect(editor.outcome).toBe('read-write');
    for (const c of [editor, watcher])
      await new Promise<void>((done) =>
        c.live.provider.isSynced ? done() : c.live.provider.on('synced', () => done()),
      );
    const addCard = (live: LiveJourney, text: string) =>
      live.session.run({ command: 'card.add', input: { laneId: 'lane:a', stageId: 'stage:a', text } });
    addCard(editor.live, 'while editor');
    await vi.waitFor(
      () => expect(yDocToJourney(watcher.live.ydoc).cards.map((card) => card.text)).toContain('while editor'),
      waitOptions,
    );
    // No wait for a timer: the change clears the server's access caches, and the connection's
    // cached decision with them.
    await setMember(ctx, owner, workspaceId, { userId: demoted.user.id }, 'viewer');
    addCard(editor.live, 'after demotion');
    addCard(watcher.live, 'from the owner');
    await vi.waitFor(
      () =>
        expect(yDocToJourney(editor.live.ydoc).cards.map((card) => card.text)).toContain('from the owner'),
      waitOptions,
    );
    await collab.server!.flush(mapId);
    const texts = yDocToJourney(watcher.live.ydoc).cards.map((card) => card.text);
    expect(texts).toContain('while editor');
    expect(texts).not.toContain('after demotion');
    expect(collab.server!.read(mapId)?.cards.map((card) => card.text)).not.toContain('after demotion');
    expect(editor.live.provider.hasUnsyncedChanges).toBe(true);
  }, 60_000);
});
