import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atLeast, type Role } from '../src/auth/roles';
import { Readable } from 'node:stream';
import { liveCollaboration } from '../src/collab/index';
import { mapWithAnchors } from '../src/collab/testServer';
import { createApiToken } from '../src/services/auth';
import { uploadDataset } from '../src/services/datasets';
import { blankMap } from '../src/services/maps/newMapDocument';
import { createPersona } from '../src/services/personas';
import { createShareLink, revokeShareLink } from '../src/services/shareLinks';
import { createUser } from '../src/services/users';
import { createWorkspace, setMember } from '../src/services/workspaces';
import { BACKENDS, openTestApp, userWithToken, type TestApp } from './support/testApp';

/**
 * Every registered route × every kind of caller. The expectations below are written out by
 * hand (not read from the server), and the test fails when a route exists that is not listed.
 */
const ACTORS = [
  'anonymous',
  'viewer',
  'commenter',
  'editor',
  'owner',
  'outsider',
  'shareLink',
  'revokedLink',
  'expiredLink',
  'badToken',
] as const;
type Actor = (typeof ACTORS)[number];

interface Spec {
  /**
   * none: no auth at all; public: anyone, but a bad token is still refused; user: any signed-in user;
   * token: a share-link token in the path decides (headers are ignored), bad/revoked/expired → 404.
   */
  scope: 'none' | 'public' | 'user' | 'admin' | 'workspace' | 'map' | 'token';
  min?: Role;
  ok: number;
  /** What a valid viewer share link gets, when it differs from the role rule. */
  share?: number;
}

const ROUTES: Record<string, Spec> = {
  'GET /healthz': { scope: 'none', ok: 200 },
  'GET /api/v1/openapi.json': { scope: 'none', ok: 200 },
  'POST /api/v1/auth/login': { scope: 'public', ok: 200 },
  'POST /api/v1/auth/signup': { scope: 'public', ok: 201 },
  'POST /api/v1/auth/logout': { scope: 'public', ok: 204 },
  'GET /api/v1/me': { scope: 'user', ok: 200 },
  'POST /api/v1/users': { scope: 'admin', ok: 201 },
  'GET /api/v1/me/tokens': { scope: 'user', ok: 200 },
  'POST /api/v1/me/tokens': { scope: 'user', ok: 201 },
  'DELETE /api/v1/me/tokens/:tokenId': { scope: 'user', ok: 204 },
  'GET /api/v1/workspaces': { scope: 'user', ok: 200 },
  'POST /api/v1/workspaces': { scope: 'user', ok: 201 },
  'GET /api/v1/workspaces/:workspaceId': { scope: 'workspace', min: 'viewer', ok: 200 },
  'GET /api/v1/workspaces/:workspaceId/members': { scope: 'workspace', min: 'viewer', ok: 200 },
  'POST /api/v1/workspaces/:workspaceId/members': { scope: 'workspace', min: 'owner', ok: 201 },
  'PUT /api/v1/workspaces/:workspaceId/members/:userId': { scope: 'workspace', min: 'owner', ok: 200 },
  'DELETE /api/v1/workspaces/:workspaceId/members/:userId': { scope: 'workspace', min: 'owner', ok: 204 },
  'GET /api/v1/workspaces/:workspaceId/audit': { scope: 'workspace', min: 'owner', ok: 200 },
  'GET /api/v1/workspaces/:workspaceId/personas': { scope: 'workspace', min: 'viewer', ok: 200 },
  'POST /api/v1/workspaces/:workspaceId/personas': { scope: 'workspace', min: 'editor', ok: 201 },
  'GET /api/v1/workspaces/:workspaceId/personas/:personaId': { scope: 'workspace', min: 'viewer', ok: 200 },
  'PUT /api/v1/workspaces/:workspaceId/personas/:personaId': { scope: 'workspace', min: 'editor', ok: 200 },
  'DELETE /api/v1/workspaces/:workspaceId/personas/:personaId': {
    scope: 'workspace',
    min: 'editor',
    ok: 204,
  },
  'GET /api/v1/workspaces/:workspaceId/maps': { scope: 'workspace', min: 'viewer', ok: 200 },
  'POST /api/v1/workspaces/:workspaceId/maps': { scope: 'workspace', min: 'editor', ok: 201 },
  'GET /api/v1/maps/:mapId': { scope: 'map', min: 'viewer', ok: 200 },
  'PUT /api/v1/maps/:mapId': { scope: 'map', min: 'editor', ok: 200 },
  'DELETE /api/v1/maps/:mapId': { scope: 'map', min: 'editor', ok: 200 },
  'POST /api/v1/maps/:mapId/commands': { scope: 'map', min: 'editor', ok: 200 },
  'POST /api/v1/maps/:mapId/restore': { scope: 'map', min: 'editor', ok: 204, share: 404 },
  'POST /api/v1/maps/:mapId/duplicate': { scope: 'map', min: 'editor', ok: 201, share: 401 },
  'POST /api/v1/maps/:mapId/archive': { scope: 'map', min: 'editor', ok: 204 },
  'GET /api/v1/maps/:mapId/members': { scope: 'map', min: 'owner', ok: 200 },
  'PUT /api/v1/maps/:mapId/members/:userId': { scope: 'map', min: 'owner', ok: 204 },
  'GET /api/v1/maps/:mapId/versions': { scope: 'map', min: 'viewer', ok: 200 },
  'POST /api/v1/maps/:mapId/versions': { scope: 'map', min: 'editor', ok: 201 },
  'GET /api/v1/maps/:mapId/versions/:version': { scope: 'map', min: 'viewer', ok: 200 },
  'GET /api/v1/maps/:mapId/diff': { scope: 'map', min: 'viewer', ok: 200 },
  'POST /api/v1/maps/:mapId/versions/:version/restore': { scope: 'map', min: 'editor', ok: 200 },
  'GET /api/v1/maps/:mapId/share-links': { scope: 'map', min: 'editor', ok: 200 },
  'POST /api/v1/maps/:mapId/share-links': { scope: 'map', min: 'editor', ok: 201 },
  'DELETE /api/v1/maps/:mapId/share-links/:linkId': { scope: 'map', min: 'editor', ok: 204 },
  'GET /api/v1/templates': { scope: 'user', ok: 200 },
  'GET /api/v1/commands': { scope: 'user', ok: 200 },
  'GET /api/v1/maps/:mapId/export': { scope: 'map', min: 'viewer', ok: 200 },
  'GET /api/v1/share/:token': { scope: 'token', ok: 200 },
  'GET /embed/:token': { scope: 'token', ok: 200 },
  'GET /embed/:token/map.svg': { scope: 'token', ok: 200 },
  'GET /api/v1/workspaces/:workspaceId/datasets': { scope: 'workspace', min: 'viewer', ok: 200 },
  'POST /api/v1/workspaces/:workspaceId/datasets': { scope: 'workspace', min: 'editor', ok: 201 },
  'DELETE /api/v1/workspaces/:workspaceId/datasets/:name': { scope: 'workspace', min: 'editor', ok: 204 },
  'POST /api/v1/workspaces/:workspaceId/datasets/:name/query': { scope: 'workspace', min: 'viewer', ok: 200 },
  'POST /api/v1/workspaces/:workspaceId/datasets/:name/measure': {
    scope: 'workspace',
    min: 'viewer',
    ok: 200,
  },
  // Comments, votes and notifications (registered by the collab extension).
  'GET /api/v1/maps/:mapId/comments': { scope: 'map', min: 'viewer', ok: 200 },
  'POST /api/v1/maps/:mapId/comments': { scope: 'map', min: 'commenter', ok: 201 },
  'POST /api/v1/maps/:mapId/comments/:threadId/replies': { scope: 'map', min: 'commenter', ok: 200 },
  'POST /api/v1/maps/:mapId/comments/:threadId/resolve': { scope: 'map', min: 'commenter', ok: 200 },
  'POST /api/v1/maps/:mapId/comments/:threadId/reopen': { scope: 'map', min: 'commenter', ok: 200 },
  'GET /api/v1/maps/:mapId/votes': { scope: 'map', min: 'viewer', ok: 200 },
  'POST /api/v1/maps/:mapId/votes': { scope: 'map', min: 'editor', ok: 201 },
  'POST /api/v1/maps/:mapId/votes/:sessionId/ballot': { scope: 'map', min: 'commenter', ok: 200 },
  // Only the facilitator (here: the owner, who starts every matrix vote) or an owner may end a vote.
  'POST /api/v1/maps/:mapId/votes/:sessionId/reveal': { scope: 'map', min: 'owner', ok: 200 },
  'POST /api/v1/maps/:mapId/votes/:sessionId/close': { scope: 'map', min: 'owner', ok: 200 },
  'GET /api/v1/notifications': { scope: 'user', ok: 200 },
  'POST /api/v1/notifications/:notificationId/read': { scope: 'user', ok: 204 },
  'POST /api/v1/notifications/read-all': { scope: 'user', ok: 204 },
};

const MATRIX_LOG = 'case_id,activity,timestamp\nc1,visit,2024-01-01T00:00:00Z\nc1,buy,2024-01-01T00:01:00Z\n';

const STAGE_ANCHOR = { kind: 'stage', id: 'stage:a' };

function expectedStatus(spec: Spec, actor: Actor): number {
  if (spec.scope === 'none') return spec.ok;
  if (spec.scope === 'token')
    return actor === 'badToken' || actor === 'revokedLink' || actor === 'expiredLink' ? 404 : spec.ok;
  if (actor === 'badToken' || actor === 'revokedLink' || actor === 'expiredLink') return 401;
  if (spec.scope === 'public') return spec.ok;
  if (actor === 'anonymous') return 401;
  if (actor === 'shareLink') {
    if (spec.scope !== 'map') return 401;
    if (spec.share !== undefined) return spec.share;
    return atLeast('viewer', spec.min!) ? spec.ok : 403;
  }
  if (spec.scope === 'user') return spec.ok;
  if (spec.scope === 'admin') return 403;
  if (actor === 'outsider') return 404;
  return atLeast(actor, spec.min!) ? spec.ok : 403;
}

describe.each(BACKENDS)('authorization matrix on %s', (backend) => {
  let t: TestApp;
  const registered: string[] = [];
  const headers = {} as Record<Actor, Record<string, string>>;
  const users = {} as Record<
    'viewer' | 'commenter' | 'editor' | 'owner' | 'outsider',
    Awaited<ReturnType<typeof userWithToken>>
  >;
  let workspaceId: string;
  let counter = 0;

  const collab = liveCollaboration({ sweepIntervalMs: 60_000 });

  beforeAll(async () => {
    t = await openTestApp(
      backend,
      {},
      {
        wrapMapStore: collab.wrapMapStore,
        extend: async (app, services) => {
          app.addHook('onRoute', (route) => {
            for (const method of [route.method].flat())
              if (method !== 'HEAD') registered.push(`${method} ${route.url}`);
          });
          await collab.extend(app, services);
        },
      },
    );
    for (const name of ['owner', 'viewer', 'commenter', 'editor', 'outsider'] as const) {
      users[name] = await userWithToken(t.services, `${name}@example.com`);
      headers[name] = users[name].headers;
    }
    const workspace = await createWorkspace(t.services.ctx, users.owner.user, 'Matrix');
    workspaceId = workspace.id;
    for (const role of ['viewer', 'commenter', 'editor'] as const) {
      await setMember(t.services.ctx, users.owner.user, workspaceId, { userId: users[role].user.id }, role);
    }
    await createWorkspace(t.services.ctx, users.outsider.user, 'Elsewhere');
    headers.anonymous = {};
    headers.badToken = { authorization: 'Bearer tmp_not-a-real-token' };
  });
  afterAll(() => t?.close());

  /** A fresh map per request, with links for the share-link actors, so writes never interfere. */
  async function freshMap() {
    const write = await t.services.store.createMap(workspaceId, mapWithAnchors(`Map ${counter++}`), {
      actorId: users.owner.user.id,
    });
    const ctx = t.services.ctx;
    const valid = await createShareLink(ctx, users.owner.user, workspaceId, write.mapId, { role: 'viewer' });
    const revoked = await createShareLink(ctx, users.owner.user, workspaceId, write.mapId, {
      role: 'viewer',
    });
    await revokeShareLink(ctx, users.owner.user, workspaceId, write.mapId, revoked.row.id);
    const expired = await createShareLink(ctx, users.owner.user, workspaceId, write.mapId, {
      role: 'viewer',
      expiresAt: new Date(Date.now() - 60_000).toISOString(),
    });
    return { mapId: write.mapId, links: { valid, revoked, expired } };
  }

  async function requestFor(route: string, actor: Actor) {
    const [method, pattern] = route.split(' ') as [string, string];
    const map = pattern.includes(':mapId') || pattern.includes(':token') ? await freshMap() : undefined;
    const actorHeaders =
      actor === 'shareLink'
        ? { authorization: `Bearer ${map?.links.valid.token ?? (await freshMap()).links.valid.token}` }
        : actor === 'revokedLink'
          ? { authorization: `Bearer ${map?.links.revoked.token ?? (await freshMap()).links.revoked.token}` }
          : actor === 'expiredLink'
            ? {
                authorization: `Bearer ${map?.links.expired.token ?? (await freshMap()).links.expired.token}`,
              }
            : headers[actor];
    const n = counter++;
    const actorUser = actor in users ? users[actor as keyof typeof users] : undefined;
    const params: Record<string, string> = { workspaceId, version: '1' };
    if (map) params.mapId = map.mapId;
    if (map && pattern.includes(':token')) {
      params.token =
        actor === 'revokedLink'
          ? map.links.revoked.token
          : actor === 'expiredLink'
            ? map.links.expired.token
            : actor === 'badToken'
              ? 'tml_not-a-real-link'
              : map.links.valid.token;
    }
    if (pattern.includes(':tokenId')) {
      params.tokenId = actorUser
        ? (await createApiToken(t.services.ctx, actorUser.user, 'extra')).id
        : 'tok_none';
    }
    if (pattern.includes(':personaId')) {
      params.personaId = (
        await createPersona(t.services.ctx, users.owner.user, workspaceId, { name: `P${n}` })
      ).id;
    }
    if (pattern.includes(':userId')) {
      const member = await createUser(t.services.ctx, {
        email: `member${n}@example.com`,
        password: 'long enough pw',
      });
      await setMember(t.services.ctx, users.owner.user, workspaceId, { userId: member.id }, 'viewer');
      params.userId = member.id;
    }
    if (route === 'POST /api/v1/workspaces/:workspaceId/members') {
      await createUser(t.services.ctx, { email: `invitee${n}@example.com`, password: 'long enough pw' });
    }
    if (pattern.includes(':linkId') && map) {
      params.linkId = (
        await createShareLink(t.services.ctx, users.owner.user, workspaceId, map.mapId, { role: 'viewer' })
      ).row.id;
    }
    if (route === 'POST /api/v1/maps/:mapId/restore' && map) {
      await t.services.ctx.db
        .updateTable('maps')
        .set({ deleted_at: t.services.ctx.now() })
        .where('id', '=', map.mapId)
        .execute();
    }
    if (pattern.includes(':name')) {
      params.name = `ds${n}`;
      await uploadDataset(t.services.ctx, workspaceId, Readable.from([MATRIX_LOG]), {
        name: params.name,
        format: 'csv',
        columns: {},
        onError: 'fail',
      });
    }
    const owner = { id: users.owner.user.id, name: users.owner.user.name };
    const social = (action: string, input: unknown) =>
      collab.server!.social({ mapId: map!.mapId, actor: owner, role: 'owner', action, input }) as Promise<{
        thread: { id: string };
        session: { id: string };
      }>;
    if (pattern.includes(':threadId')) {
      params.threadId = (await social('comment.create', { anchor: STAGE_ANCHOR, text: 'First' })).thread.id;
    }
    if (pattern.includes(':sessionId')) {
      params.sessionId = (await social('vote.start', { votesPerPerson: 3 })).session.id;
    }
    params.notificationId = 'notification:none';
    const measured = route.endsWith('/measure') ? await freshMap() : undefined;
    const url = pattern.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? name));
    const bodies: Record<string, unknown> = {
      'POST /api/v1/auth/login': { email: 'owner@example.com', password: 'correct horse battery' },
      'POST /api/v1/auth/signup': { email: `signup${n}@example.com`, password: 'long enough pw' },
      'POST /api/v1/users': { email: `made${n}@example.com`, password: 'long enough pw' },
      'POST /api/v1/me/tokens': { name: 'ci' },
      'POST /api/v1/workspaces': { name: 'Another' },
      'POST /api/v1/workspaces/:workspaceId/members': { email: `invitee${n}@example.com`, role: 'viewer' },
      'PUT /api/v1/workspaces/:workspaceId/members/:userId': { role: 'commenter' },
      'POST /api/v1/workspaces/:workspaceId/personas': { name: 'Pat' },
      'PUT /api/v1/workspaces/:workspaceId/personas/:personaId': { name: 'Pat 2' },
      'POST /api/v1/workspaces/:workspaceId/maps': { title: 'New' },
      'PUT /api/v1/maps/:mapId': blankMap('Replaced', 'current-state'),
      'POST /api/v1/maps/:mapId/commands': { commands: [{ command: 'stage.add', input: { name: 'S' } }] },
      'POST /api/v1/maps/:mapId/duplicate': {},
      'POST /api/v1/maps/:mapId/archive': { archived: true },
      'PUT /api/v1/maps/:mapId/members/:userId': { role: 'editor' },
      'POST /api/v1/maps/:mapId/versions': { name: 'named' },
      'POST /api/v1/maps/:mapId/share-links': { role: 'viewer' },
      'POST /api/v1/workspaces/:workspaceId/datasets': MATRIX_LOG,
      'POST /api/v1/workspaces/:workspaceId/datasets/:name/query': { query: 'summary' },
      'POST /api/v1/workspaces/:workspaceId/datasets/:name/measure': { mapId: measured?.mapId },
      'POST /api/v1/maps/:mapId/comments': { anchor: STAGE_ANCHOR, text: 'Hello <b>there</b>' },
      'POST /api/v1/maps/:mapId/comments/:threadId/replies': { text: 'Agreed' },
      'POST /api/v1/maps/:mapId/votes': { votesPerPerson: 3 },
      'POST /api/v1/maps/:mapId/votes/:sessionId/ballot': { allocations: { 'opp:one': 2 } },
    };
    const queries: Record<string, string> = {
      'GET /api/v1/maps/:mapId/diff': '?from=1&to=1',
      'GET /api/v1/maps/:mapId/export': '?format=csv',
      'POST /api/v1/workspaces/:workspaceId/datasets': `?name=up${n}&format=csv`,
    };
    const query = queries[route] ?? '';
    const payload = bodies[route];
    return t.app.inject({
      method: method as 'GET',
      url: url + query,
      headers: {
        ...actorHeaders,
        ...(route === 'PUT /api/v1/maps/:mapId' ? { 'if-match': '"v1"' } : {}),
        ...(typeof payload === 'string' ? { 'content-type': 'text/csv' } : {}),
      },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  }

  it('lists every registered route in the matrix, and nothing else', () => {
    expect([...new Set(registered)].sort()).toEqual(Object.keys(ROUTES).sort());
  });

  for (const route of Object.keys(ROUTES)) {
    it(`${route}`, async () => {
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const actor of ACTORS) {
        const response = await requestFor(route, actor);
        got[actor] = response.statusCode;
        want[actor] = expectedStatus(ROUTES[route]!, actor);
        // The embed pages answer browsers with an HTML error page; every API error is JSON.
        if (response.statusCode >= 400 && !route.startsWith('GET /embed/'))
          expect(response.json().error.code, `${route} as ${actor}`).toMatch(/^[A-Z_]+$/);
      }
      expect(got).toEqual(want);
    });
  }
});
