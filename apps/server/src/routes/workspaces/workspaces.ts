import type { AppServices } from '../../app';
import type { Principal } from '../../auth/principal';
import type { Role } from '../../auth/roles';
import { presentAuditEntry, presentMember, presentWorkspace } from '../../presenters/workspaces';
import { listAudit } from '../../services/audit';
import { requireUser } from '../../services/auth';
import {
  createWorkspace,
  getWorkspace,
  listMembers,
  listWorkspaces,
  removeMember,
  requireWorkspaceRole,
  setMember,
} from '../../services/workspaces';
import type { ZodApp } from '../types';
import {
  AddMemberBody,
  AuditQuery,
  CreateWorkspaceBody,
  MemberParams,
  SetMemberBody,
  WorkspaceParams,
} from './schema';

/** Workspaces, their members and roles, and the owners' audit log. */
export function registerWorkspaces(app: ZodApp, { ctx }: AppServices) {
  const tags = ['workspaces'];
  app.get('/api/v1/workspaces', { schema: { tags } }, async (request, reply) => {
    const user = requireUser(request.principal);
    return reply.send({ workspaces: (await listWorkspaces(ctx, user.id)).map(presentWorkspace) });
  });
  app.post('/api/v1/workspaces', { schema: { tags, body: CreateWorkspaceBody } }, async (request, reply) => {
    const user = requireUser(request.principal);
    const created = await createWorkspace(ctx, user, request.body.name);
    return reply.code(201).send({
      workspace: presentWorkspace({
        id: created.id,
        name: created.name,
        created_at: created.createdAt,
        role: 'owner',
      }),
    });
  });
  app.get(
    '/api/v1/workspaces/:workspaceId',
    { schema: { tags, params: WorkspaceParams } },
    async (request, reply) => {
      const { role } = await requireWorkspaceRole(
        ctx,
        request.principal,
        request.params.workspaceId,
        'viewer',
      );
      const row = await getWorkspace(ctx, request.params.workspaceId);
      return reply.send({ workspace: presentWorkspace({ ...row, role }) });
    },
  );
  app.get(
    '/api/v1/workspaces/:workspaceId/members',
    { schema: { tags, params: WorkspaceParams } },
    async (request, reply) => {
      await requireWorkspaceRole(ctx, request.principal, request.params.workspaceId, 'viewer');
      return reply.send({ members: (await listMembers(ctx, request.params.workspaceId)).map(presentMember) });
    },
  );
  /** Adding (by email) and changing (by user id) a member: owners only, one code path. */
  const putMember = async (
    principal: Principal,
    workspaceId: string,
    target: { email: string } | { userId: string },
    role: Role,
  ) => {
    const { user } = await requireWorkspaceRole(ctx, principal, workspaceId, 'owner');
    return { member: presentMember(await setMember(ctx, user, workspaceId, target, role)) };
  };
  app.post(
    '/api/v1/workspaces/:workspaceId/members',
    { schema: { tags, params: WorkspaceParams, body: AddMemberBody } },
    async ({ principal, params, body }, reply) =>
      reply.code(201).send(await putMember(principal, params.workspaceId, { email: body.email }, body.role)),
  );
  app.put(
    '/api/v1/workspaces/:workspaceId/members/:userId',
    { schema: { tags, params: MemberParams, body: SetMemberBody } },
    async ({ principal, params, body }, reply) =>
      reply.send(await putMember(principal, params.workspaceId, { userId: params.userId }, body.role)),
  );
  app.delete(
    '/api/v1/workspaces/:workspaceId/members/:userId',
    { schema: { tags, params: MemberParams } },
    async (request, reply) => {
      const { user } = await requireWorkspaceRole(
        ctx,
        request.principal,
        request.params.workspaceId,
        'owner',
      );
      await removeMember(ctx, user, request.params.workspaceId, request.params.userId);
      return reply.code(204).send();
    },
  );
  app.get(
    '/api/v1/workspaces/:workspaceId/audit',
    { schema: { tags, params: WorkspaceParams, querystring: AuditQuery } },
    async (request, reply) => {
      await requireWorkspaceRole(ctx, request.principal, request.params.workspaceId, 'owner');
      const rows = await listAudit(ctx, request.params.workspaceId, request.query);
      return reply.send({ entries: rows.map(presentAuditEntry) });
    },
  );
}
