import { TrailmapError, forbidden, notFound } from '@trailmap/schema';
import type { Principal, SessionUser } from '../auth/principal';
import { atLeast, isRole, type Role } from '../auth/roles';
import { newRowId } from '../ids';
import { audit } from './audit';
import { forgetAccess, type ServiceContext } from './context';
import { findUserByEmail } from './users';

const workspaceNotFound = () => notFound('WORKSPACE_NOT_FOUND', 'no such workspace');

/** The caller's role in a workspace, or null when they are not a member. */
export async function workspaceRole(
  ctx: ServiceContext,
  userId: string,
  workspaceId: string,
): Promise<Role | null> {
  const row = await ctx.db
    .selectFrom('workspace_members')
    .select('role')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row && isRole(row.role) ? row.role : null;
}

/**
 * Checks the caller holds at least `needed` in the workspace. Non-members get 404 so workspace
 * ids do not leak; members with too weak a role get 403.
 */
export async function requireWorkspaceRole(
  ctx: ServiceContext,
  principal: Principal,
  workspaceId: string,
  needed: Role,
): Promise<{ user: SessionUser; role: Role }> {
  if (principal.kind !== 'user') {
    throw new TrailmapError('UNAUTHORIZED', 'Sign in first', { status: 401 });
  }
  const role = await workspaceRole(ctx, principal.user.id, workspaceId);
  if (!role) throw workspaceNotFound();
  if (!atLeast(role, needed)) throw forbidden(`this needs the ${needed} role in the workspace`);
  return { user: principal.user, role };
}

export async function createWorkspace(ctx: ServiceContext, owner: SessionUser, name: string) {
  const id = newRowId('ws');
  const createdAt = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('workspaces').values({ id, name, created_at: createdAt }).execute();
    await trx
      .insertInto('workspace_members')
      .values({ workspace_id: id, user_id: owner.id, role: 'owner', created_at: createdAt })
      .execute();
  });
  await audit(ctx, {
    workspaceId: id,
    actorId: owner.id,
    action: 'workspace.create',
    target: id,
    details: { name },
  });
  return { id, name, createdAt, role: 'owner' as Role };
}

export async function listWorkspaces(ctx: ServiceContext, userId: string) {
  return ctx.db
    .selectFrom('workspaces')
    .innerJoin('workspace_members', 'workspace_members.workspace_id', 'workspaces.id')
    .select(['workspaces.id', 'workspaces.name', 'workspaces.created_at', 'workspace_members.role'])
    .where('workspace_members.user_id', '=', userId)
    .orderBy('workspaces.created_at')
    .execute();
}

export async function getWorkspace(ctx: ServiceContext, workspaceId: string) {
  const row = await ctx.db
    .selectFrom('workspaces')
    .selectAll()
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  if (!row) throw workspaceNotFound();
  return row;
}

export async function listMembers(ctx: ServiceContext, workspaceId: string) {
  return ctx.db
    .selectFrom('workspace_members')
    .innerJoin('users', 'users.id', 'workspace_members.user_id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'workspace_members.role',
      'workspace_members.created_at',
    ])
    .where('workspace_members.workspace_id', '=', workspaceId)
    .orderBy('workspace_members.created_at')
    .execute();
}

/**
 * Adds an existing user (by email) or changes their role.
 * @throws TrailmapError `USER_NOT_FOUND` (404), `LAST_OWNER` (409)
 */
export async function setMember(
  ctx: ServiceContext,
  actor: SessionUser,
  workspaceId: string,
  target: { email?: string; userId?: string },
  role: Role,
) {
  const user = target.email
    ? await findUserByEmail(ctx, target.email)
    : await ctx.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', target.userId ?? '')
        .executeTakeFirst();
  if (!user) throw notFound('USER_NOT_FOUND', 'no user with that email; they need an account first');
  const current = await workspaceRole(ctx, user.id, workspaceId);
  if (current === 'owner' && role !== 'owner') await assertNotLastOwner(ctx, workspaceId);
  if (current) {
    await ctx.db
      .updateTable('workspace_members')
      .set({ role })
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', user.id)
      .execute();
  } else {
    await ctx.db
      .insertInto('workspace_members')
      .values({ workspace_id: workspaceId, user_id: user.id, role, created_at: ctx.now() })
      .execute();
  }
  forgetAccess(ctx);
  await audit(ctx, {
    workspaceId,
    actorId: actor.id,
    action: 'member.set',
    target: user.id,
    details: { role },
  });
  return { id: user.id, email: user.email, name: user.name, role };
}

/** @throws TrailmapError `MEMBER_NOT_FOUND` (404), `LAST_OWNER` (409) */
export async function removeMember(
  ctx: ServiceContext,
  actor: SessionUser,
  workspaceId: string,
  userId: string,
) {
  const current = await workspaceRole(ctx, userId, workspaceId);
  if (!current) throw notFound('MEMBER_NOT_FOUND', 'that user is not a member of this workspace');
  if (current === 'owner') await assertNotLastOwner(ctx, workspaceId);
  await ctx.db
    .deleteFrom('workspace_members')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .execute();
  forgetAccess(ctx);
  await audit(ctx, { workspaceId, actorId: actor.id, action: 'member.remove', target: userId });
}

async function assertNotLastOwner(ctx: ServiceContext, workspaceId: string) {
  const owners = await ctx.db
    .selectFrom('workspace_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  if (Number(owners.n) <= 1) {
    throw new TrailmapError('LAST_OWNER', 'a workspace needs at least one owner', { status: 409 });
  }
}
