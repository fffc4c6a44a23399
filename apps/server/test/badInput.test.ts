import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Journey } from '@trailmap/schema';
import { BACKENDS, openTestApp, userWithToken, type TestApp } from './support/testApp';

/** Hostile and sloppy input: every failure is a clean 4xx error body, and text is kept verbatim. */
describe.each(BACKENDS)('bad input on %s', (backend) => {
  let t: TestApp;
  let auth: Record<string, string>;
  let workspaceId: string;
  let mapId: string;

  beforeAll(async () => {
    t = await openTestApp(backend, { bodyLimit: 64 * 1024 });
    auth = (await userWithToken(t.services, 'hostile@example.com')).headers;
    workspaceId = (
      await t.app.inject({ method: 'POST', url: '/api/v1/workspaces', headers: auth, payload: { name: 'W' } })
    ).json().workspace.id;
    mapId = (
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${workspaceId}/maps`,
        headers: auth,
        payload: { title: 'T' },
      })
    ).json().mapId;
  });
  afterAll(() => t?.close());

  const expectError = (
    response: { statusCode: number; body: string; json: () => { error: { code: string; message: string } } },
    status: number,
    code?: string,
  ) => {
    expect(response.statusCode).toBe(status);
    const body = response.json();
    expect(Object.keys(body)).toEqual(['error']);
    expect(typeof body.error.message).toBe('string');
    if (code) expect(body.error.code).toBe(code);
    // Never a stack trace, SQL or file path.
    expect(response.body).not.toMatch(/\bat .+\.(ts|js):\d+|node_modules|SELECT |INSERT |\/work\//);
  };

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/maps/${mapId}/commands`,
      headers: { ...auth, 'content-type': 'application/json' },
      payload: '{"commands": [',
    });
    expectError(response, 400, 'MALFORMED_JSON');
  });

  it('answers wrong types and unknown fields with 400 INVALID_REQUEST and a pointer', async () => {
    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: auth,
      payload: { name: 42 },
    });
    expectError(wrongType, 400, 'INVALID_REQUEST');
    expect(wrongType.json().error.details[0].pointer).toBe('/name');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: auth,
      payload: { name: 'x', admin: true },
    });
    expectError(unknown, 400, 'INVALID_REQUEST');
    expect(unknown.json().error.details[0].code).toBe('UNKNOWN_FIELD');
    const badQuery = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspaceId}/maps?limit=abc`,
      headers: auth,
    });
    expectError(badQuery, 400, 'INVALID_REQUEST');
  });

  it('answers oversized bodies with 413 before reading them', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/maps`,
      headers: auth,
      payload: { title: 'big', text: 'x'.repeat(100 * 1024) },
    });
    expectError(response, 413, 'BODY_TOO_LARGE');
  });

  it('answers invalid commands with 422 and keeps the map unchanged', async () => {
    const before = (await t.app.inject({ method: 'GET', url: `/api/v1/maps/${mapId}`, headers: auth }))
      .headers.etag;
    const wrongInput = await t.app.inject({
      method: 'POST',
      url: `/api/v1/maps/${mapId}/commands`,
      headers: auth,
      payload: { commands: [{ command: 'stage.add', input: { name: 7 } }] },
    });
    expectError(wrongInput, 422, 'INVALID_COMMAND_INPUT');
    const empty = await t.app.inject({
      method: 'POST',
      url: `/api/v1/maps/${mapId}/commands`,
      headers: auth,
      payload: { commands: [] },
    });
    expectError(empty, 400, 'INVALID_REQUEST');
    const after = (await t.app.inject({ method: 'GET', url: `/api/v1/maps/${mapId}`, headers: auth })).headers
      .etag;
    expect(after).toBe(before);
  });

  it('answers a non-document PUT with 422 and unknown routes with 404', async () => {
    const etag = (await t.app.inject({ method: 'GET', url: `/api/v1/maps/${mapId}`, headers: auth })).headers
      .etag as string;
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/maps/${mapId}`,
      headers: { ...auth, 'if-match': etag },
      payload: { schemaVersion: 2, map: { id: 'map:x', title: 'x', type: 'nonsense' } },
    });
    expectError(put, 422, 'VALIDATION_FAILED');
    expectError(
      await t.app.inject({ method: 'GET', url: '/api/v1/nope', headers: auth }),
      404,
      'ROUTE_NOT_FOUND',
    );
  });

  it('stores SQL and HTML payloads verbatim and returns them as JSON data', async () => {
    const nasty = `Robert'); DROP TABLE maps;-- <script>alert("x")</script> \u0000\u202e 🚀`;
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/maps`,
      headers: auth,
      payload: { title: nasty.replace('\u0000', '') },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().mapId;
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/maps/${id}/commands`,
      headers: auth,
      payload: {
        commands: [{ command: 'stage.add', input: { name: `<img src=x onerror=alert(1)>' OR 1=1 --` } }],
      },
    });
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/maps/${id}`, headers: auth });
    expect(read.headers['content-type']).toMatch(/^application\/json/);
    const doc = read.json<Journey>();
    expect(doc.map.title).toBe(nasty.replace('\u0000', ''));
    expect(doc.stages[0]!.name).toBe(`<img src=x onerror=alert(1)>' OR 1=1 --`);
    const search = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspaceId}/maps?q=${encodeURIComponent("'); DROP")}`,
      headers: auth,
    });
    expect(search.json().maps.map((m: { id: string }) => m.id)).toEqual([id]);
    const wildcard = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspaceId}/maps?q=%25`,
      headers: auth,
    });
    expect(wildcard.statusCode).toBe(200);
  });
});
