import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, SESSION_COOKIE } from '../src/http/authHook';
import { BACKENDS, bearer, openTestApp, userWithToken, type TestApp } from './support/testApp';

/** Sessions, CSRF, API tokens, invite-only signup and rate limits. */
describe.each(BACKENDS)('accounts and sessions on %s', (backend) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await openTestApp(backend);
  });
  afterAll(() => t?.close());

  const cookieOf = (setCookie: string | string[] | undefined, name: string) =>
    [setCookie ?? []]
      .flat()
      .find((c) => c.startsWith(`${name}=`))
      ?.split(';')[0];

  it('signs up, sets an httpOnly SameSite=Lax session cookie and demands CSRF on cookie writes', async () => {
    const signup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: { email: 'Ann@Example.com', password: 'long password' },
    });
    expect(signup.statusCode).toBe(201);
    const raw = [signup.headers['set-cookie']].flat().find((c) => c?.startsWith(SESSION_COOKIE))!;
    expect(raw).toMatch(/HttpOnly/i);
    expect(raw).toMatch(/SameSite=Lax/i);
    const cookie = cookieOf(signup.headers['set-cookie'], SESSION_COOKIE)!;
    const { csrfToken, user } = signup.json();
    expect(user.email).toBe('ann@example.com');

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: { cookie },
      payload: { name: 'W' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('CSRF_FAILED');
    const wrongCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: { cookie, [CSRF_HEADER]: 'nope' },
      payload: { name: 'W' },
    });
    expect(wrongCsrf.statusCode).toBe(403);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: { cookie, [CSRF_HEADER]: csrfToken },
      payload: { name: 'W' },
    });
    expect(ok.statusCode).toBe(201);

    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, [CSRF_HEADER]: csrfToken },
    });
    expect(logout.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(
      401,
    );
  });

  it('refuses wrong passwords and duplicate emails without saying which part was wrong', async () => {
    await userWithToken(t.services, 'bob@example.com');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'bob@example.com', password: 'nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@example.com', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: { email: 'BOB@example.com', password: 'long password' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('EMAIL_TAKEN');
  });

  it('creates, lists and revokes API tokens, storing only hashes', async () => {
    const { headers } = await userWithToken(t.services, 'carol@example.com');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      headers,
      payload: { name: 'laptop' },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^tmp_/);
    const stored = await t.services.ctx.db.selectFrom('api_tokens').select('token_hash').execute();
    expect(stored.map((row) => row.token_hash)).not.toContain(token);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).statusCode,
    ).toBe(200);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/me/tokens', headers });
    expect(list.json().tokens.map((tok: { name: string }) => tok.name)).toContain('laptop');
    expect(JSON.stringify(list.json())).not.toContain(token);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${id}`, headers })).statusCode,
    ).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('INVALID_TOKEN');
  });

  it('rate-limits login attempts with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.9.9.9',
        payload: { email: 'nobody@example.com', password: 'guess' },
      });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) expect(response.json().error.code).toBe('RATE_LIMITED');
    }
    expect(statuses).toContain(429);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
  });

  it('closes signup on invite-only servers; admins create accounts', async () => {
    const closed = await openTestApp(backend, { signup: 'invite' });
    try {
      const refused = await closed.app.inject({
        method: 'POST',
        url: '/api/v1/auth/signup',
        payload: { email: 'x@example.com', password: 'long password' },
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('SIGNUP_CLOSED');
      const admin = await userWithToken(closed.services, 'admin@example.com', { isAdmin: true });
      const made = await closed.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: admin.headers,
        payload: { email: 'x@example.com', password: 'long password' },
      });
      expect(made.statusCode).toBe(201);
      const login = await closed.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'x@example.com', password: 'long password' },
      });
      expect(login.statusCode).toBe(200);
    } finally {
      await closed.close();
    }
  });

  it('a share link works on its map only, and stops working the moment it is revoked', async () => {
    const { headers } = await userWithToken(t.services, 'sharer@example.com');
    const ws = (
      await t.app.inject({ method: 'POST', url: '/api/v1/workspaces', headers, payload: { name: 'S' } })
    ).json().workspace.id;
    const mapA = (
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${ws}/maps`,
        headers,
        payload: { title: 'A' },
      })
    ).json().mapId;
    const mapB = (
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${ws}/maps`,
        headers,
        payload: { title: 'B' },
      })
    ).json().mapId;
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/v1/maps/${mapA}/share-links`,
      headers,
      payload: { role: 'commenter' },
    });
    expect(created.statusCode).toBe(201);
    const { token, link } = created.json();
    expect(link.role).toBe('commenter');
    const stored = await t.services.ctx.db.selectFrom('share_links').select('token_hash').execute();
    expect(stored.map((row) => row.token_hash)).not.toContain(token);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/maps/${mapA}`, headers: bearer(token) })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/maps/${mapB}`, headers: bearer(token) })).statusCode,
    ).toBe(404);
    const write = await t.app.inject({
      method: 'POST',
      url: `/api/v1/maps/${mapA}/commands`,
      headers: bearer(token),
      payload: { commands: [{ command: 'stage.add', input: { name: 'x' } }] },
    });
    expect(write.statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/maps/${mapA}/share-links/${link.id}`, headers }))
        .statusCode,
    ).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: `/api/v1/maps/${mapA}`, headers: bearer(token) });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('SHARE_LINK_INVALID');
  });

  it('applies role changes, map overrides and removals to the very next request', async () => {
    const owner = await userWithToken(t.services, 'boss@example.com');
    const member = await userWithToken(t.services, 'member@example.com');
    const ws = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/workspaces',
        headers: owner.headers,
        payload: { name: 'R' },
      })
    ).json().workspace.id;
    const mapId = (
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${ws}/maps`,
        headers: owner.headers,
        payload: { title: 'M' },
      })
    ).json().mapId;
    const add = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${ws}/members`,
      headers: owner.headers,
      payload: { email: 'member@example.com', role: 'editor' },
    });
    expect(add.statusCode).toBe(201);
    const edit = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/maps/${mapId}/commands`,
        headers: member.headers,
        payload: { commands: [{ command: 'stage.add', input: { name: 'x' } }] },
      });
    expect((await edit()).statusCode).toBe(200);
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/maps/${mapId}/members/${member.user.id}`,
      headers: owner.headers,
      payload: { role: 'viewer' },
    });
    expect((await edit()).statusCode).toBe(403);
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/maps/${mapId}/members/${member.user.id}`,
      headers: owner.headers,
      payload: { role: null },
    });
    expect((await edit()).statusCode).toBe(200);
    await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/workspaces/${ws}/members/${member.user.id}`,
      headers: owner.headers,
    });
    expect((await edit()).statusCode).toBe(404);
    const audit = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${ws}/audit`,
      headers: owner.headers,
    });
    const actions = audit.json().entries.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(['workspace.create', 'member.set', 'map.member.set', 'member.remove']),
    );
  });
});
