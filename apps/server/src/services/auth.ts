import { randomBytes } from 'node:crypto';
import { TrailmapError, unauthorized } from '@trailmap/schema';
import { dummyHash, verifyPassword } from '../auth/passwords';
import type { Principal, SessionUser } from '../auth/principal';
import { TOKEN_PREFIX, hashSecret, newSecret } from '../auth/secrets';
import { newRowId } from '../ids';
import { addDays, type ServiceContext } from './context';
import { findUserByEmail, toSessionUser } from './users';

const invalidToken = () =>
  new TrailmapError('INVALID_TOKEN', 'the access token is invalid or expired', { status: 401 });

/**
 * Signs in with email and password and opens a session.
 * @throws TrailmapError `INVALID_CREDENTIALS` (401), the same for unknown email and wrong password
 */
export async function login(ctx: ServiceContext, email: string, password: string) {
  const row = await findUserByEmail(ctx, email);
  const ok = row
    ? await verifyPassword(row.password_hash, password)
    : await verifyPassword(await dummyHash(), '');
  if (!row || !ok) throw new TrailmapError('INVALID_CREDENTIALS', 'wrong email or password', { status: 401 });
  const sessionToken = newSecret('session');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = ctx.now();
  await ctx.db
    .insertInto('sessions')
    .values({
      token_hash: hashSecret(ctx.pepper, sessionToken),
      user_id: row.id,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: addDays(now, ctx.config.sessionDays),
    })
    .execute();
  return { sessionToken, csrfToken, user: toSessionUser(row) };
}

export async function logout(ctx: ServiceContext, sessionToken: string) {
  ctx.principals?.clear();
  await ctx.db
    .deleteFrom('sessions')
    .where('token_hash', '=', hashSecret(ctx.pepper, sessionToken))
    .execute();
}

/** The user of a session cookie, or null when it is unknown or expired (the caller is anonymous). */
export async function resolveSession(ctx: ServiceContext, sessionToken: string): Promise<Principal | null> {
  if (!sessionToken.startsWith(TOKEN_PREFIX.session)) return null;
  const cacheKey = `s:${sessionToken}`;
  const cached = ctx.principals?.get(cacheKey);
  if (cached) return cached;
  const row = await ctx.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.is_admin',
      'sessions.csrf_token',
      'sessions.expires_at',
    ])
    .where('sessions.token_hash', '=', hashSecret(ctx.pepper, sessionToken))
    .executeTakeFirst();
  if (!row || row.expires_at <= ctx.now()) return null;
  const principal: Principal = {
    kind: 'user',
    user: toSessionUser(row),
    via: 'session',
    csrfToken: row.csrf_token,
  };
  ctx.principals?.set(cacheKey, principal, Date.parse(row.expires_at));
  return principal;
}

/**
 * Resolves `Authorization: Bearer <secret>`: a personal API token or a share-link token.
 * @throws TrailmapError `INVALID_TOKEN` (401) for anything unknown, revoked or expired
 */
export async function resolveBearer(ctx: ServiceContext, secret: string): Promise<Principal> {
  const cached = ctx.principals?.get(`b:${secret}`);
  if (cached) return cached;
  const principal = await lookUpBearer(ctx, secret);
  const expiresAt = principal.kind === 'share' ? principal.expiresAt : null;
  ctx.principals?.set(`b:${secret}`, principal, expiresAt ? Date.parse(expiresAt) : Infinity);
  return principal;
}

async function lookUpBearer(ctx: ServiceContext, secret: string): Promise<Principal> {
  const tokenHash = hashSecret(ctx.pepper, secret);
  if (secret.startsWith(TOKEN_PREFIX.personal)) {
    const row = await ctx.db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .select(['users.id', 'users.email', 'users.name', 'users.is_admin'])
      .where('api_tokens.token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!row) throw invalidToken();
    return { kind: 'user', user: toSessionUser(row), via: 'token' };
  }
  if (secret.startsWith(TOKEN_PREFIX.share)) {
    const link = await ctx.db
      .selectFrom('share_links')
      .select(['id', 'map_id', 'role', 'expires_at', 'revoked_at'])
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!link || link.revoked_at !== null || (link.expires_at !== null && link.expires_at <= ctx.now())) {
      throw new TrailmapError('SHARE_LINK_INVALID', 'this share link was revoked or has expired', {
        status: 401,
      });
    }
    return {
      kind: 'share',
      linkId: link.id,
      mapId: link.map_id,
      role: link.role as 'viewer' | 'commenter',
      expiresAt: link.expires_at,
    };
  }
  throw invalidToken();
}

/** Creates a personal API token; the secret is returned once and only its hash is kept. */
export async function createApiToken(ctx: ServiceContext, user: SessionUser, name: string) {
  const token = newSecret('personal');
  const id = newRowId('tok');
  const createdAt = ctx.now();
  await ctx.db
    .insertInto('api_tokens')
    .values({
      id,
      user_id: user.id,
      name,
      token_hash: hashSecret(ctx.pepper, token),
      created_at: createdAt,
      last_used_at: null,
    })
    .execute();
  return { id, name, createdAt, token };
}

export async function listApiTokens(ctx: ServiceContext, userId: string) {
  return ctx.db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

/** @throws TrailmapError `TOKEN_NOT_FOUND` (404) */
export async function revokeApiToken(ctx: ServiceContext, userId: string, tokenId: string) {
  const result = await ctx.db
    .deleteFrom('api_tokens')
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  ctx.principals?.clear();
  if (Number(result.numDeletedRows) === 0) {
    throw new TrailmapError('TOKEN_NOT_FOUND', 'no such token', { status: 404 });
  }
}

export const requireUser = (principal: Principal) => {
  if (principal.kind !== 'user') throw unauthorized();
  return principal.user;
};
