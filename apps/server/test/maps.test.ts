import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as core from '@trailmap/core';
import type { Journey } from '@trailmap/schema';
import { BACKENDS, openTestApp, userWithToken, type TestApp } from './support/testApp';

/** Map lifecycle, commands, ETags and history, on every storage backend. */
describe.each(BACKENDS)('maps on %s', (backend) => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof userWithToken>>;
  let workspaceId: string;

  const api = (
    method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      headers: { ...owner.headers, ...headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  const createBlank = async (title = 'Onboarding') => {
    const response = await api('POST', `/api/v1/workspaces/${workspaceId}/maps`, {
      title,
      type: 'current-state',
    });
    expect(response.statusCode).toBe(201);
    return response.json<{ mapId: string; etag: string; version: number }>();
  };
  const skeleton = [
    { command: 'stage.add', input: { name: 'Discover', id: 'stage:discover' } },
    { command: 'lane.add', input: { label: 'Actions', kind: 'actions', id: 'lane:actions' } },
  ];

  beforeAll(async () => {
    t = await openTestApp(backend);
    owner = await userWithToken(t.services, 'owner@example.com');
    const created = await api('POST', '/api/v1/workspaces', { name: 'Research' });
    expect(created.statusCode).toBe(201);
    workspaceId = created.json().workspace.id;
  });
  afterAll(() => t?.close());

  it('serves /healthz and echoes request ids', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true });
    expect(response.headers['x-request-id']).toBe('abc-123');
  });

  it('creates a blank map, reads it with an ETag and answers If-None-Match with 304', async () => {
    const { mapId, etag } = await createBlank();
    const read = await api('GET', `/api/v1/maps/${mapId}`);
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe(etag);
    expect(read.json<Journey>().map).toMatchObject({ id: mapId, title: 'Onboarding', type: 'current-state' });
    const again = await api('GET', `/api/v1/maps/${mapId}`, undefined, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
  });

  it('names the workspace holding a map in a header, also on HEAD without the document', async () => {
    const { mapId } = await createBlank('Headed');
    const head = await api('HEAD', `/api/v1/maps/${mapId}`);
    expect(head.statusCode).toBe(200);
    expect(head.headers['x-trailmap-workspace']).toBe(workspaceId);
    expect(head.body).toBe('');
  });

  it('creates maps from a template, an uploaded document and uploaded YAML text', async () => {
    const templates = (await api('GET', '/api/v1/templates')).json<{ templates: { id: string }[] }>()
      .templates;
    expect(templates.length).toBeGreaterThan(0);
    const fromTemplate = await api('POST', `/api/v1/workspaces/${workspaceId}/maps`, {
      template: templates[0]!.id,
      title: 'From template',
    });
    expect(fromTemplate.statusCode).toBe(201);
    const doc = (await api('GET', `/api/v1/maps/${fromTemplate.json().mapId}`)).json<Journey>();
    expect(doc.map.title).toBe('From template');
    expect(doc.stages.length).toBeGreaterThan(0);

    const uploaded = await api('POST', `/api/v1/workspaces/${workspaceId}/maps`, {
      document: { ...doc, map: { ...doc.map, title: 'Uploaded' } },
    });
    expect(uploaded.statusCode).toBe(201);
    // The uploaded document reused a taken map id, so the server assigned a fresh one.
    expect(uploaded.json().mapId).not.toBe(fromTemplate.json().mapId);

    const yaml = `schemaVersion: 2\nmap:\n  id: map:yaml-upload\n  title: From YAML\n  type: future-state\n`;
    const fromText = await api('POST', `/api/v1/workspaces/${workspaceId}/maps`, {
      text: yaml,
      filename: 'x.journey.yaml',
    });
    expect(fromText.statusCode).toBe(201);
    expect(fromText.json().mapId).toBe('map:yaml-upload');

    const invalid = await api('POST', `/api/v1/workspaces/${workspaceId}/maps`, {
      document: { schemaVersion: 2, map: { id: 'map:x', title: '' } },
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('applies command batches all-or-nothing and checks If-Match', async () => {
    const { mapId, etag } = await createBlank('Commands');
    const ok = await api(
      'POST',
      `/api/v1/maps/${mapId}/commands`,
      { commands: skeleton },
      { 'if-match': etag },
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, etag: '"v2"' });
    expect(ok.json().ops.length).toBe(2);

    const broken = await api('POST', `/api/v1/maps/${mapId}/commands`, {
      commands: [
        { command: 'card.add', input: { laneId: 'lane:actions', stageId: 'stage:discover', text: 'Search' } },
        { command: 'card.add', input: { laneId: 'lane:missing', stageId: 'stage:discover', text: 'Nope' } },
      ],
    });
    // The failing command's own status (a missing lane is a dangling reference).
    expect([404, 422]).toContain(broken.statusCode);
    expect(broken.json().error.details.at).toBe(1);
    const after = await api('GET', `/api/v1/maps/${mapId}`);
    expect(after.headers.etag).toBe('"v2"');
    expect(after.json<Journey>().cards).toHaveLength(0);

    const unknown = await api('POST', `/api/v1/maps/${mapId}/commands`, {
      commands: [{ command: 'card.explode' }],
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.code).toBe('UNKNOWN_COMMAND');

    const stale = await api(
      'POST',
      `/api/v1/maps/${mapId}/commands`,
      { commands: skeleton },
      { 'if-match': etag },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error).toMatchObject({ code: 'STALE_MAP', details: { etag: '"v2"' } });
  });

  it('replaces with PUT only under a matching If-Match and keeps the map id', async () => {
    const { mapId, etag } = await createBlank('Replace me');
    const doc = (await api('GET', `/api/v1/maps/${mapId}`)).json<Journey>();
    const next = { ...doc, map: { ...doc.map, id: 'map:other', title: 'Replaced', tags: ['b2b'] } };
    const missing = await api('PUT', `/api/v1/maps/${mapId}`, next);
    expect(missing.statusCode).toBe(412);
    expect(missing.json().error.code).toBe('IF_MATCH_REQUIRED');
    const wrong = await api('PUT', `/api/v1/maps/${mapId}`, next, { 'if-match': '"v99"' });
    expect(wrong.statusCode).toBe(412);
    const ok = await api('PUT', `/api/v1/maps/${mapId}`, next, { 'if-match': etag });
    expect(ok.statusCode).toBe(200);
    const read = (await api('GET', `/api/v1/maps/${mapId}`)).json<Journey>();
    expect(read.map).toMatchObject({ id: mapId, title: 'Replaced', tags: ['b2b'] });
    const replayed = await api('PUT', `/api/v1/maps/${mapId}`, next, { 'if-match': etag });
    expect(replayed.statusCode).toBe(412);
  });

  it('lists maps with search by title, tag and type, and paginates', async () => {
    for (const [title, tag, type] of [
      ['Alpha checkout', 'retail', 'current-state'],
      ['Beta checkout', 'retail', 'future-state'],
      ['Gamma support', 'care', 'current-state'],
    ] as const) {
      const created = await api('POST', `/api/v1/workspaces/${workspaceId}/maps`, { title, type });
      const { mapId, etag } = created.json();
      await api(
        'POST',
        `/api/v1/maps/${mapId}/commands`,
        { commands: [{ command: 'map.update', input: { tags: [tag] } }] },
        { 'if-match': etag },
      );
    }
    const list = (query: string) =>
      api('GET', `/api/v1/workspaces/${workspaceId}/maps?${query}`).then((r) => r.json());
    expect((await list('q=CHECKOUT')).maps.map((m: { title: string }) => m.title).sort()).toEqual([
      'Alpha checkout',
      'Beta checkout',
    ]);
    expect((await list('tag=care')).maps.map((m: { title: string }) => m.title)).toEqual(['Gamma support']);
    expect((await list('q=checkout&type=future-state')).total).toBe(1);
    const page = await list('limit=2&offset=0');
    const rest = await list('limit=2&offset=2');
    expect(page.maps).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(3);
    expect(rest.maps[0].id).not.toBe(page.maps[0].id);
  });

  it('records every change with its author, rebuilds old versions, names, diffs and restores them', async () => {
    const { mapId } = await createBlank('History');
    await api('POST', `/api/v1/maps/${mapId}/commands`, { commands: skeleton });
    // Enough batches to cross a stored snapshot, so old versions are rebuilt from snapshot + ops.
    for (let i = 0; i < 55; i += 1) {
      const r = await api('POST', `/api/v1/maps/${mapId}/commands`, {
        commands: [
          {
            command: 'card.add',
            input: { id: `card:c${i}`, laneId: 'lane:actions', stageId: 'stage:discover', text: `Card ${i}` },
          },
        ],
      });
      expect(r.statusCode).toBe(200);
    }
    await api('POST', `/api/v1/maps/${mapId}/commands`, {
      commands: [{ command: 'card.update', input: { id: 'card:c3', text: 'Renamed' } }],
    });
    const versions = (await api('GET', `/api/v1/maps/${mapId}/versions?limit=500`)).json().versions;
    expect(versions).toHaveLength(58);
    expect(versions[0]).toMatchObject({
      version: 58,
      kind: 'commands',
      author: { email: 'owner@example.com' },
      commands: ['card.update'],
    });
    expect(versions.at(-1)).toMatchObject({ version: 1, kind: 'create' });

    const v54 = (await api('GET', `/api/v1/maps/${mapId}/versions/54`)).json<Journey>();
    expect(v54.cards).toHaveLength(52);
    expect(v54.cards.find((c) => c.id === 'card:c3')?.text).toBe('Card 3');
    const current = (await api('GET', `/api/v1/maps/${mapId}`)).json<Journey>();
    const rebuilt = (await api('GET', `/api/v1/maps/${mapId}/versions/58`)).json<Journey>();
    expect(rebuilt).toEqual(current);

    const named = await api('POST', `/api/v1/maps/${mapId}/versions`, {
      version: 2,
      name: 'workshop 2026-11',
    });
    expect(named.statusCode).toBe(201);
    const listed = (await api('GET', `/api/v1/maps/${mapId}/versions?limit=500`)).json().versions;
    expect(listed.find((v: { version: number }) => v.version === 2).name).toBe('workshop 2026-11');

    const diff = await api('GET', `/api/v1/maps/${mapId}/diff?from=2&to=58`);
    expect(diff.statusCode).toBe(200);
    if ('diffJourneys' in core) expect(JSON.stringify(diff.json().diff)).toContain('card:c3');
    else expect(diff.json().diff).toBeNull();

    const restored = await api('POST', `/api/v1/maps/${mapId}/versions/2/restore`);
    expect(restored.json()).toMatchObject({ version: 59 });
    const now = (await api('GET', `/api/v1/maps/${mapId}`)).json<Journey>();
    expect(now.cards).toHaveLength(0);
    expect(now.stages.map((s) => s.id)).toEqual(['stage:discover']);
    expect((await api('GET', `/api/v1/maps/${mapId}/versions/999`)).statusCode).toBe(404);
  });

  it('soft-deletes, restores within 30 days, duplicates and archives', async () => {
    const { mapId } = await createBlank('Lifecycle');
    const deleted = await api('DELETE', `/api/v1/maps/${mapId}`);
    expect(deleted.statusCode).toBe(200);
    expect((await api('GET', `/api/v1/maps/${mapId}`)).statusCode).toBe(404);
    const trash = (await api('GET', `/api/v1/workspaces/${workspaceId}/maps?status=deleted`)).json().maps;
    expect(trash.map((m: { id: string }) => m.id)).toContain(mapId);
    expect((await api('POST', `/api/v1/maps/${mapId}/restore`)).statusCode).toBe(204);
    expect((await api('GET', `/api/v1/maps/${mapId}`)).statusCode).toBe(200);

    await api('DELETE', `/api/v1/maps/${mapId}`);
    const realNow = t.services.ctx.now;
    t.services.ctx.now = () => new Date(Date.now() + 31 * 86_400_000).toISOString();
    try {
      const expired = await api('POST', `/api/v1/maps/${mapId}/restore`);
      expect(expired.statusCode).toBe(404);
      expect(expired.json().error.code).toBe('RESTORE_EXPIRED');
    } finally {
      t.services.ctx.now = realNow;
    }

    const { mapId: source } = await createBlank('Original');
    const copy = await api('POST', `/api/v1/maps/${source}/duplicate`, {});
    expect(copy.statusCode).toBe(201);
    const copyDoc = (await api('GET', `/api/v1/maps/${copy.json().mapId}`)).json<Journey>();
    expect(copyDoc.map.title).toBe('Original (copy)');
    expect(copyDoc.map.id).not.toBe(source);

    expect((await api('POST', `/api/v1/maps/${source}/archive`, { archived: true })).statusCode).toBe(204);
    const active = (await api('GET', `/api/v1/workspaces/${workspaceId}/maps?limit=200`))
      .json()
      .maps.map((m: { id: string }) => m.id);
    expect(active).not.toContain(source);
    const archived = (await api('GET', `/api/v1/workspaces/${workspaceId}/maps?status=archived`))
      .json()
      .maps.map((m: { id: string }) => m.id);
    expect(archived).toEqual([source]);
  });

  it('serializes concurrent command batches without losing any', async () => {
    const { mapId } = await createBlank('Concurrent');
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        api('POST', `/api/v1/maps/${mapId}/commands`, {
          commands: [{ command: 'stage.add', input: { name: `S${i}`, id: `stage:s${i}` } }],
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(12).fill(200));
    const doc = (await api('GET', `/api/v1/maps/${mapId}`)).json<Journey>();
    expect(doc.stages).toHaveLength(12);
    expect((await api('GET', `/api/v1/maps/${mapId}`)).headers.etag).toBe('"v13"');
  });

  it('sends large maps gzipped to clients that accept it, the same JSON once unzipped', async () => {
    const { mapId } = await createBlank('Compressed');
    const stages = Array.from({ length: 60 }, (_, i) => ({
      command: 'stage.add',
      input: { name: `Stage ${i}`, description: `Customers compare offers in step ${i}. `.repeat(8) },
    }));
    expect((await api('POST', `/api/v1/maps/${mapId}/commands`, { commands: stages })).statusCode).toBe(200);
    const plain = await api('GET', `/api/v1/maps/${mapId}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(8 * 1024);
    const zipped = await api('GET', `/api/v1/maps/${mapId}`, undefined, { 'accept-encoding': 'br, gzip' });
    expect(zipped.statusCode).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toContain('accept-encoding');
    expect(zipped.headers.etag).toBe(plain.headers.etag);
    expect(zipped.rawPayload.length).toBeLessThan(plain.body.length / 4);
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(plain.body);
    const refused = await api('GET', `/api/v1/maps/${mapId}`, undefined, { 'accept-encoding': 'gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    // A new version is compressed afresh, not served from the old one.
    const rename = [{ command: 'map.update', input: { title: 'Compressed again' } }];
    expect((await api('POST', `/api/v1/maps/${mapId}/commands`, { commands: rename })).statusCode).toBe(200);
    const next = await api('GET', `/api/v1/maps/${mapId}`, undefined, { 'accept-encoding': 'gzip' });
    expect(JSON.parse(gunzipSync(next.rawPayload).toString('utf8')).map.title).toBe('Compressed again');
  });

  it('rejects documents over the per-document size limit with 413', async () => {
    const { mapId } = await createBlank('Big');
    const huge = 'x'.repeat(4900);
    const commands = Array.from({ length: 1000 }, (_, i) => ({
      command: 'stage.add',
      input: { name: `S${i}`, description: huge },
    }));
    const small = await openTestApp(backend, { maxDocumentBytes: 200_000 });
    try {
      const other = await userWithToken(small.services, 'big@example.com');
      const ws = (
        await small.app.inject({
          method: 'POST',
          url: '/api/v1/workspaces',
          headers: other.headers,
          payload: { name: 'w' },
        })
      ).json().workspace.id;
      const created = (
        await small.app.inject({
          method: 'POST',
          url: `/api/v1/workspaces/${ws}/maps`,
          headers: other.headers,
          payload: { title: 'Big' },
        })
      ).json();
      const response = await small.app.inject({
        method: 'POST',
        url: `/api/v1/maps/${created.mapId}/commands`,
        headers: other.headers,
        payload: { commands: commands.slice(0, 100) },
      });
      expect(response.statusCode).toBe(413);
      expect(response.json().error.code).toBe('DOCUMENT_TOO_LARGE');
    } finally {
      await small.close();
    }
    expect(mapId).toBeTruthy();
  });
});
