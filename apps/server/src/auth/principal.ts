import type { Role, ShareRole } from './roles';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
}

/** Who is calling: resolved once per request by the auth hook, before validation. */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'user'; user: SessionUser; via: 'session' | 'token'; csrfToken?: string }
  | { kind: 'share'; linkId: string; mapId: string; role: ShareRole; expiresAt?: string | null };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

/** The acting user's id for history and audit; share-link callers act anonymously. */
export const actorId = (principal: Principal) => (principal.kind === 'user' ? principal.user.id : null);

export type { Role };
