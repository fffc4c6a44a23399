import { isTrailmapError } from '@trailmap/schema';
import type { CollabAuthCallbacks, CollabIdentity, Role } from '@trailmap/sync/server';
import type { Principal } from '../auth/principal';
import { SESSION_COOKIE } from '../http/authHook';
import { resolveBearer, resolveSession } from '../services/auth';
import type { ServiceContext } from '../services/context';
import { requireMapRole } from '../services/maps/mapAccess';

/** The value of one cookie in a Cookie header, or undefined. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

const identityOf = (principal: Principal, role: Role): CollabIdentity | null => {
  if (principal.kind === 'user') return { user: { id: principal.user.id, name: principal.user.name }, role };
  if (principal.kind === 'share') {
    return { user: { id: `share:${principal.linkId}`, name: 'Guest' }, role, shareLinkId: principal.linkId };
  }
  return null;
};

/**
 * Authentication for /collab with the same rules as the HTTP API: the provider's token is an
 * API token (`tmp_…`) or a share-link token (`tml_…`); without one, the session cookie of the
 * upgrade request is used. Roles come from `requireMapRole`, re-checked on live connections
 * (on their next message) whenever the server's access caches are cleared by such a change.
 */
export function collabAuth(ctx: ServiceContext): CollabAuthCallbacks {
  return {
    async authenticate({ mapId, token, cookie }) {
      let principal: Principal | null = null;
      if (token && (token.startsWith('tmp_') || token.startsWith('tml_')))
        principal = await resolveBearer(ctx, token);
      else {
        const session = cookieValue(cookie, SESSION_COOKIE);
        principal = session ? await resolveSession(ctx, session) : null;
      }
      if (!principal || principal.kind === 'anonymous') return null;
      const access = await requireMapRole(ctx, principal, mapId, 'viewer');
      return identityOf(principal, access.role);
    },

    // Every change to roles, members, share links or tokens in this process clears these caches.
    generation: () => (ctx.access?.generation ?? 0) + (ctx.principals?.generation ?? 0),

    async authorize(mapId, identity) {
      let principal: Principal;
      if (identity.shareLinkId) {
        const link = await ctx.db
          .selectFrom('share_links')
          .select(['map_id', 'role', 'expires_at', 'revoked_at'])
          .where('id', '=', identity.shareLinkId)
          .executeTakeFirst();
        if (!link || link.revoked_at !== null || (link.expires_at !== null && link.expires_at <= ctx.now()))
          return null;
        principal = {
          kind: 'share',
          linkId: identity.shareLinkId,
          mapId: link.map_id,
          role: link.role as 'viewer' | 'commenter',
        };
      } else {
        principal = {
          kind: 'user',
          user: { id: identity.user.id, name: identity.user.name, email: '', isAdmin: false },
          via: 'token',
        };
      }
      try {
        return (await requireMapRole(ctx, principal, mapId, 'viewer')).role;
      } catch (error) {
        if (isTrailmapError(error)) return null;
        throw error;
      }
    },
  };
}
