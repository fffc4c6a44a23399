import { afterEach, describe, expect, it, vi } from 'vitest';
import { readThreads, readVoteSessions, yDocToJourney, type LiveJourney } from '@trailmap/sync/client';
import { SESSION_COOKIE } from '../http/authHook';
import { createShareLink } from '../services/shareLinks';
import { liveClient, removeDir, seedWorkspace, startTestServer, synced } from './testServer';

const waitOptions = { timeout: 15_000, interval: 25 };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup() {
  const server = await startTestServer();
  const seed = await seedWorkspace(server);
  cleanups.push(() => removeDir(server.dir), server.stop);
  const open = (auth: { token?: string; cookie?: string }, onFailed?: (reason: string) => void) => {
    const live = liveClient(server.url, seed.mapId, auth, onFailed);
    cleanups.push(() => live.destroy());
    return live;
  };
  const api = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    token: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    server.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}`, ...headers },
      ...(payload ? { payload: payload as object } : {}),
    });
  return { server, seed, open, api };
}

const texts = (live: LiveJourney) => yDocToJourney(live.ydoc).cards.map((card) => card.text);
const addCard = (text: string) => ({
  command: 'card.add',
  input: { laneId: 'lane:a', stageId: 'stage:a', text },
});

describe('/collab inside the Trailmap server', () => {
  it('REST commands reach live editors, and live edits are what GET /maps returns', async () => {
    const { seed, open, api } = await setup();
    const editor = open({ token: seed.editor.token });
    await synced(editor);

    const response = await api('POST', `/api/v1/maps/${seed.mapId}/commands`, seed.owner.token, {
      commands: [addCard('via REST')],
    });
    expect(response.statusCode).toBe(200);
    await vi.waitFor(() => expect(texts(editor)).toEqual(['via REST']), waitOptions);

    editor.session.run(addCard('live'));
    await vi.waitFor(() => expect(editor.provider.hasUnsyncedChanges).toBe(false), waitOptions);
    const get = await api('GET', `/api/v1/maps/${seed.mapId}`, seed.viewer.token);
    expect(
      JSON.parse(get.body)
        .cards.map((card: { text: string }) => card.text)
        .sort(),
    ).toEqual(['live', 'via REST']);
    // and a REST write based on that version still works (the live save bumped the ETag)
    const again = await api('POST', `/api/v1/maps/${seed.mapId}/commands`, seed.owner.token, {
      commands: [addCard('after')],
    });
    expect(again.statusCode).toBe(200);
    await vi.waitFor(() => expect(texts(editor).sort()).toEqual(['after', 'live', 'via REST']), waitOptions);
  });

  it('a PUT of the whole document shows up live; history lists collab saves with their author', async () => {
    const { seed, open, api } = await setup();
    const editor = open({ token: seed.editor.token });
    await synced(editor);
    editor.session.run(addCard('by eddie'));
    await vi.waitFor(() => expect(editor.provider.hasUnsyncedChanges).toBe(false), waitOptions);
    const current = await api('GET', `/api/v1/maps/${seed.mapId}`, seed.owner.token);
    const doc = JSON.parse(current.body);
    const renamed = { ...doc, map: { ...doc.map, title: 'Renamed by PUT' } };
    const withEtag = await api('PUT', `/api/v1/maps/${seed.mapId}`, seed.owner.token, renamed, {
      'if-match': current.headers.etag as string,
    });
    expect(withEtag.statusCode, withEtag.body).toBe(200);
    await vi.waitFor(() => expect(yDocToJourney(editor.ydoc).map.title).toBe('Renamed by PUT'), waitOptions);
    const versions = await api('GET', `/api/v1/maps/${seed.mapId}/versions`, seed.owner.token);
    expect(versions.body).toContain('collab');
    expect(versions.body).toContain(seed.editor.user.id);
  });

  it('people editing live in one window each get their own history entry with their own changes', async () => {
    const { seed, open, api } = await setup();
    const owner = open({ token: seed.owner.token });
    const editor = open({ token: seed.editor.token });
    await Promise.all([synced(owner), synced(editor)]);
    const before = JSON.parse((await api('GET', `/api/v1/maps/${seed.mapId}`, seed.owner.token)).body);
    const stageName = before.stages[0].name;
    owner.session.run(addCard('by olga'));
    editor.session.run({ command: 'stage.update', input: { id: 'stage:a', name: 'Renamed by eddie' } });
    await vi.waitFor(() => {
      expect(owner.provider.hasUnsyncedChanges || editor.provider.hasUnsyncedChanges).toBe(false);
      expect(yDocToJourney(owner.ydoc).stages[0]!.name).toBe('Renamed by eddie');
    }, waitOptions);
    // Reading through the API writes the JSON: one version per author, in order of first edit.
    const after = JSON.parse((await api('GET', `/api/v1/maps/${seed.mapId}`, seed.viewer.token)).body);
    expect(after.cards.map((card: { text: string }) => card.text)).toEqual(['by olga']);
    const listed = JSON.parse(
      (await api('GET', `/api/v1/maps/${seed.mapId}/versions`, seed.owner.token)).body,
    ).versions as { version: number; via: string; author: { id: string } | null }[];
    const [editorVersion, ownerVersion] = listed;
    expect([ownerVersion?.author?.id, ownerVersion?.via]).toEqual([seed.owner.user.id, 'collab']);
    expect([editorVersion?.author?.id, editorVersion?.via]).toEqual([seed.editor.user.id, 'collab']);
    const ownersDoc = JSON.parse(
      (await api('GET', `/api/v1/maps/${seed.mapId}/versions/${ownerVersion!.version}`, seed.owner.token))
        .body,
    );
    expect(ownersDoc.cards.map((card: { text: string }) => card.text)).toEqual(['by olga']);
    expect(ownersDoc.stages[0].name).toBe(stageName);
  });

  it("a viewer's live update is rejected and never persisted; commenters cannot edit either", async () => {
    const { server, seed, open, api } = await setup();
    const viewer = open({ token: seed.viewer.token });
    const commenter = open({ cookie: `${SESSION_COOKIE}=${seed.commenterSession}` });
    const editor = open({ token: seed.editor.token });
    await Promise.all([synced(viewer), synced(commenter), synced(editor)]);
    viewer.session.run(addCard('viewer card'));
    commenter.session.run(addCard('commenter card'));
    editor.session.run(addCard('editor card'));
    await vi.waitFor(() => expect(texts(viewer)).toContain('editor card'), waitOptions);
    await server.collab.server!.flush(seed.mapId);
    const stored = JSON.parse((await api('GET', `/api/v1/maps/${seed.mapId}`, seed.owner.token)).body);
    expect(stored.cards.map((card: { text: string }) => card.text)).toEqual(['editor card']);
    expect(texts(editor)).toEqual(['editor card']);
    const rows = await server.database.db.selectFrom('map_changes').select('snapshot').execute();
    expect(JSON.stringify(rows)).not.toContain('viewer card');
  });

  it('revoking a share link disconnects its live clients at once', async () => {
    const { server, seed, open, api } = await setup();
    const { ctx } = server.services;
    const { row, token } = await createShareLink(ctx, seed.owner.user, seed.workspace.id, seed.mapId, {
      role: 'commenter',
    });
    const failures: string[] = [];
    const guest = open({ token }, (reason) => failures.push(reason));
    await synced(guest);
    const codes: number[] = [];
    guest.provider.on('close', ({ event }: { event: { code: number } }) => codes.push(event.code));
    const revoke = await api('DELETE', `/api/v1/maps/${seed.mapId}/share-links/${row.id}`, seed.owner.token);
    expect(revoke.statusCode).toBe(204);
    await vi.waitFor(() => expect(codes).toContain(4403), waitOptions);
    await vi.waitFor(() => expect(failures).toContain('Unauthorized'), waitOptions);
  });

  it('comments with @mentions create notifications (API and live), votes are ranked', async () => {
    const { seed, open, api } = await setup();
    const commenter = open({ token: seed.commenter.token });
    await synced(commenter);
    const { thread } = await commenter.social.comment(
      { kind: 'stage', id: 'stage:a' },
      'Ask @Eddie <b>now</b>',
      [seed.editor.user.id],
    );
    const reply = await api(
      'POST',
      `/api/v1/maps/${seed.mapId}/comments/${thread.id}/replies`,
      seed.editor.token,
      {
        text: 'On it @Carla',
        mentions: [seed.commenter.user.id, 'usr_notamember'],
      },
    );
    expect(reply.statusCode, reply.body).toBe(200);
    await vi.waitFor(() => expect(readThreads(commenter.ydoc)[0]?.comments).toHaveLength(2), waitOptions);

    const forEddie = JSON.parse(
      (await api('GET', '/api/v1/notifications', seed.editor.token)).body,
    ).notifications;
    expect(forEddie).toHaveLength(1);
    expect(forEddie[0]).toMatchObject({
      kind: 'mention',
      threadId: thread.id,
      author: { name: 'Carla' },
      readAt: null,
    });
    const read = await api('POST', `/api/v1/notifications/${forEddie[0].id}/read`, seed.editor.token);
    expect(read.statusCode).toBe(204);
    expect(
      JSON.parse((await api('GET', '/api/v1/notifications?unread=true', seed.editor.token)).body)
        .notifications,
    ).toEqual([]);
    expect(
      JSON.parse((await api('GET', '/api/v1/notifications', seed.commenter.token)).body).notifications,
    ).toHaveLength(1);

    const listed = JSON.parse(
      (await api('GET', `/api/v1/maps/${seed.mapId}/comments`, seed.viewer.token)).body,
    );
    expect(listed.threads[0].comments[0].html).toContain('&lt;b&gt;now&lt;/b&gt;');
    expect(
      (
        await api('POST', `/api/v1/maps/${seed.mapId}/comments`, seed.viewer.token, {
          anchor: { kind: 'stage', id: 'stage:a' },
          text: 'x',
        })
      ).statusCode,
    ).toBe(403);

    const started = await api('POST', `/api/v1/maps/${seed.mapId}/votes`, seed.owner.token, {
      votesPerPerson: 2,
      isHidden: true,
    });
    expect(started.statusCode, started.body).toBe(201);
    const sessionId = JSON.parse(started.body).session.id;
    await commenter.social.vote(sessionId, { 'opp:one': 2 });
    const hidden = JSON.parse((await api('GET', `/api/v1/maps/${seed.mapId}/votes`, seed.viewer.token)).body);
    expect(hidden.sessions[0]).toMatchObject({ tallies: null, results: [] });
    const closed = await api('POST', `/api/v1/maps/${seed.mapId}/votes/${sessionId}/close`, seed.owner.token);
    expect(closed.statusCode, closed.body).toBe(200);
    await vi.waitFor(() => expect(readVoteSessions(commenter.ydoc)[0]?.status).toBe('closed'), waitOptions);
    const shown = JSON.parse((await api('GET', `/api/v1/maps/${seed.mapId}/votes`, seed.viewer.token)).body);
    expect(shown.sessions[0].results).toEqual([{ opportunityId: 'opp:one', votes: 2 }]);
    const map = JSON.parse((await api('GET', `/api/v1/maps/${seed.mapId}`, seed.viewer.token)).body);
    expect(map.opportunities[0].votes).toBe(2);
  });

  it('a restarted server serves every acknowledged live change', async () => {
    const first = await setup();
    const editor = first.open({ token: first.seed.editor.token });
    await synced(editor);
    for (let i = 0; i < 5; i++) editor.session.run(addCard(`card ${i}`));
    await vi.waitFor(() => expect(editor.provider.hasUnsyncedChanges).toBe(false), waitOptions);
    editor.destroy();
    await first.server.stop();
    const restarted = await startTestServer({ dir: first.server.dir });
    cleanups.push(restarted.stop);
    const reader = liveClient(restarted.url, first.seed.mapId, { token: first.seed.viewer.token });
    cleanups.push(() => reader.destroy());
    await synced(reader);
    expect(texts(reader)).toHaveLength(5);
    const get = await restarted.app.inject({
      method: 'GET',
      url: `/api/v1/maps/${first.seed.mapId}`,
      headers: { authorization: `Bearer ${first.seed.viewer.token}` },
    });
    expect(JSON.parse(get.body).cards).toHaveLength(5);
  });
});
