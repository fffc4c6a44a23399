import { TrailmapError, conflict } from '@trailmap/schema';
import { hashPassword } from '../auth/passwords';
import type { SessionUser } from '../auth/principal';
import { newRowId } from '../ids';
import type { ServiceContext } from './context';

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * Creates a user with an argon2id password hash.
 * @throws TrailmapError `EMAIL_TAKEN` (409), `WEAK_PASSWORD` (400)
 */
export async function createUser(
  ctx: ServiceContext,
  input: { email: string; password: string; name?: string; isAdmin?: boolean },
): Promise<SessionUser> {
  const email = normalizeEmail(input.email);
  if (input.password.length < 8) {
    throw new TrailmapError('WEAK_PASSWORD', 'passwords need at least 8 characters', { status: 400 });
  }
  const existing = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst();
  if (existing) throw conflict('EMAIL_TAKEN', `a user with email ${email} already exists`);
  const user: SessionUser = {
    id: newRowId('usr'),
    email,
    name: input.name?.trim() || email.split('@')[0] || email,
    isAdmin: input.isAdmin ?? false,
  };
  await ctx.db
    .insertInto('users')
    .values({
      id: user.id,
      email: user.email,
      name: user.name,
      password_hash: await hashPassword(input.password),
      is_admin: user.isAdmin ? 1 : 0,
      created_at: ctx.now(),
    })
    .execute();
  return user;
}

export async function findUserByEmail(ctx: ServiceContext, email: string) {
  return ctx.db.selectFrom('users').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
}

export const toSessionUser = (row: {
  id: string;
  email: string;
  name: string;
  is_admin: number;
}): SessionUser => ({
  id: row.id,
  email: row.email,
  name: row.name,
  isAdmin: row.is_admin === 1,
});
