import { validateJourney, type Journey } from '@trailmap/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, openTestApp, userWithToken, type TestApp } from '../../../test/support/testApp';
import { commandContext, mapFromTemplate } from '../../services/maps/newMapDocument';
import { createShareLink, revokeShareLink } from '../../services/shareLinks';
import { createWorkspace } from '../../services/workspaces';

const SCRIPT = '<script>alert(1)</script>';
const FORMULA = '=HYPERLINK("http://evil.example","x")';

describe.each(BACKENDS)('exports, embed and share lookup on %s', (backend) => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof userWithToken>>;
  let workspaceId: string;
  let mapId: string;
  let viewerToken: string;
  let commenterToken: string;
  let revokedToken: string;

  beforeAll(async () => {
    t = await openTestApp(backend);
    owner = await userWithToken(t.services, 'owner@example.com');
    workspaceId = (await createWorkspace(t.services.ctx, owner.user, 'Exports')).id;
    const doc = mapFromTemplate(
      'ecommerce',
      'Café launch: "Q4" / 2026',
      commandContext(t.services.ctx.now, null),
    );
    doc.cards[0]!.text = SCRIPT;
    doc.cards[1]!.text = FORMULA;
    mapId = (await t.services.store.createMap(workspaceId, doc, { actorId: owner.user.id })).mapId;
    const ctx = t.services.ctx;
    viewerToken = (await createShareLink(ctx, owner.user, workspaceId, mapId, { role: 'viewer' })).token;
    commenterToken = (await createShareLink(ctx, owner.user, workspaceId, mapId, { role: 'commenter' }))
      .token;
    const revoked = await createShareLink(ctx, owner.user, workspaceId, mapId, { role: 'viewer' });
    await revokeShareLink(ctx, owner.user, workspaceId, mapId, revoked.row.id);
    revokedToken = revoked.token;
  });
  afterAll(() => t?.close());

  const exportOf = (query: string, headers: Record<string, string> = owner.headers) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/maps/${encodeURIComponent(mapId)}/export?${query}`,
      headers,
    });

  const EXPECTED: Array<[string, string, string, (body: Buffer) => void]> = [
    ['svg', 'image/svg+xml', 'svg', (body) => expect(body.toString()).toContain('<svg')],
    ['png', 'image/png', 'png', (body) => expect([...body.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])],
    ['pdf', 'application/pdf', 'pdf', (body) => expect(body.subarray(0, 5).toString()).toBe('%PDF-')],
    [
      'xlsx',
      'application/vnd.openxmlformats',
      'xlsx',
      (body) => expect(body.subarray(0, 2).toString()).toBe('PK'),
    ],
    ['md', 'text/markdown', 'md', (body) => expect(body.toString()).toMatch(/^# /)],
    ['csv', 'text/csv', 'csv', (body) => expect(body.toString()).toContain('Doing')],
    [
      'json',
      'application/json',
      'journey.json',
      (body) => expect(validateJourney(JSON.parse(body.toString())).ok).toBe(true),
    ],
    [
      'yaml',
      'application/yaml',
      'journey.yaml',
      (body) => expect(body.toString()).toContain('schemaVersion'),
    ],
    ['mermaid', 'text/plain', 'mmd', (body) => expect(body.toString()).toMatch(/^journey/m)],
  ];

  for (const [format, type, extension, check] of EXPECTED) {
    it(`exports ${format} as a download of the right type`, async () => {
      const response = await exportOf(`format=${format}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain(type);
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="cafe-launch-q4-2026.${extension}"`,
      );
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.rawPayload.length).toBeGreaterThan(0);
      check(response.rawPayload);
    });
  }

  it('keeps hostile card text inert in SVG, Markdown and CSV', async () => {
    for (const format of ['svg', 'md']) {
      const text = (await exportOf(`format=${format}`)).body;
      expect(text).not.toContain('<script');
      expect(text).toContain('&lt;script&gt;');
    }
    const csv = (await exportOf('format=csv')).body;
    const cells = csv.split(/\r?\n/).flatMap((line) => line.split(','));
    expect(cells.some((cell) => /^"?=/.test(cell))).toBe(false);
    expect(csv).toContain(`'=HYPERLINK`);
  });

  it('honours theme, paper and scale, and refuses bad options in the standard error shape', async () => {
    const light = await exportOf('format=svg');
    const dark = await exportOf('format=svg&theme=dark');
    expect(dark.statusCode).toBe(200);
    expect(dark.body).not.toBe(light.body);
    expect((await exportOf('format=pdf&paper=A4&orientation=portrait')).statusCode).toBe(200);
    const small = await exportOf('format=png&scale=0.5');
    const large = await exportOf('format=png&scale=1');
    expect(small.rawPayload.readUInt32BE(16) * 2).toBe(large.rawPayload.readUInt32BE(16));
    for (const query of [
      'format=exe',
      'format=svg&theme=neon',
      'format=png&scale=100',
      'format=pdf&paper=B7',
      '',
    ]) {
      const response = await exportOf(query);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'INVALID_REQUEST', message: expect.any(String) });
      expect(response.json().error.details).toBeDefined();
    }
  });

  it('serves the current version, reusing renders of an unchanged one', async () => {
    const first = await exportOf('format=svg&theme=print');
    const again = await exportOf('format=svg&theme=print');
    expect(again.body).toBe(first.body);
    const etag = String(first.headers.etag);
    const notModified = await exportOf('format=svg&theme=print', { ...owner.headers, 'if-none-match': etag });
    expect(notModified.statusCode).toBe(304);
    expect((await exportOf('format=svg&theme=dark')).headers.etag).not.toBe(etag);
    await t.services.store.applyCommands(
      mapId,
      [{ command: 'map.update', input: { title: 'Renamed map' } }],
      {
        actorId: owner.user.id,
      },
    );
    const after = await exportOf('format=svg&theme=print');
    expect(Number(after.headers['x-trailmap-version'])).toBe(Number(first.headers['x-trailmap-version']) + 1);
    expect(after.body).toContain('Renamed map');
    expect(after.headers['content-disposition']).toBe('attachment; filename="renamed-map.svg"');
    expect(after.headers.etag).not.toBe(etag);
  });

  it('lets share links of either role export, like reading the map', async () => {
    for (const token of [viewerToken, commenterToken]) {
      const response = await exportOf('format=csv', { authorization: `Bearer ${token}` });
      expect(response.statusCode).toBe(200);
    }
    expect((await exportOf('format=csv', { authorization: `Bearer ${revokedToken}` })).statusCode).toBe(401);
    expect((await exportOf('format=csv', {})).statusCode).toBe(401);
  });

  it('embeds the live map as an inline SVG page under a strict CSP', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/embed/${viewerToken}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('frame-ancestors *');
    expect(csp).not.toContain('script-src');
    expect(response.headers['x-frame-options']).toBeUndefined();
    expect(response.body).toMatch(/<body><svg /);
    expect(response.body).not.toContain('<script');
    expect(response.body).not.toContain('<?xml');

    await t.services.store.applyCommands(mapId, [{ command: 'map.update', input: { title: 'Live edit' } }], {
      actorId: owner.user.id,
    });
    const stale = await t.app.inject({
      method: 'GET',
      url: `/embed/${viewerToken}`,
      headers: { 'if-none-match': String(response.headers.etag) },
    });
    expect(stale.statusCode).toBe(200);
    const reloaded = await t.app.inject({ method: 'GET', url: `/embed/${commenterToken}` });
    expect(reloaded.body).toContain('<title>Live edit</title>');

    const svg = await t.app.inject({ method: 'GET', url: `/embed/${viewerToken}/map.svg` });
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toContain('Live edit');
  });

  it('answers revoked, unknown and personal tokens with a plain 404 page', async () => {
    for (const token of [revokedToken, 'tml_unknown', owner.token, 'tml_'.padEnd(90, 'x')]) {
      for (const url of [`/embed/${token}`, `/embed/${token}/map.svg`]) {
        const response = await t.app.inject({ method: 'GET', url });
        expect(response.statusCode, url).toBe(404);
        expect(response.headers['content-type']).toContain('text/html');
        expect(response.body).toContain('not available');
        expect(response.body).not.toMatch(/at \w+ \(|Error:/);
      }
    }
  });

  it('looks up a share-link token for the web app', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/share/${commenterToken}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ mapId, role: 'commenter', expiresAt: null });
    for (const token of [revokedToken, 'tml_unknown', owner.token]) {
      const missing = await t.app.inject({ method: 'GET', url: `/api/v1/share/${token}` });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe('SHARE_LINK_NOT_FOUND');
    }
  });

  it('hides a deleted map from its share links', async () => {
    const doc: Journey = mapFromTemplate('blank', 'Doomed', commandContext(t.services.ctx.now, null));
    const doomed = (await t.services.store.createMap(workspaceId, doc, { actorId: owner.user.id })).mapId;
    const link = await createShareLink(t.services.ctx, owner.user, workspaceId, doomed, { role: 'viewer' });
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/maps/${encodeURIComponent(doomed)}`,
      headers: owner.headers,
    });
    expect(del.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/embed/${link.token}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/share/${link.token}` })).statusCode).toBe(404);
  });
});
