import { TrailmapError } from '@trailmap/schema';
import type { Principal } from '../../auth/principal';
import { TOKEN_PREFIX } from '../../auth/secrets';
import { resolveBearer } from '../../services/auth';
import type { ServiceContext } from '../../services/context';

export type SharePrincipal = Extract<Principal, { kind: 'share' }>;

/**
 * The share link behind a token taken from a URL, or null when it is unknown, revoked or
 * expired. Only share-link tokens count: a personal API token must never work from a URL.
 */
export async function resolveShareToken(ctx: ServiceContext, token: string): Promise<SharePrincipal | null> {
  if (!token.startsWith(TOKEN_PREFIX.share)) return null;
  try {
    const principal = await resolveBearer(ctx, token);
    return principal.kind === 'share' ? principal : null;
  } catch (error) {
    if (error instanceof TrailmapError) return null;
    throw error;
  }
}
