import type { AppServices } from '../../app';
import { presentPersona } from '../../presenters/workspaces';
import {
  createPersona,
  deletePersona,
  getPersona,
  listPersonas,
  updatePersona,
} from '../../services/personas';
import { requireWorkspaceRole } from '../../services/workspaces';
import type { ZodApp } from '../types';
import { WorkspaceParams } from '../workspaces/schema';
import { PersonaBody, PersonaParams } from './schema';

/** The workspace's persona library: viewers read it, editors change it. */
export function registerPersonas(app: ZodApp, { ctx }: AppServices) {
  const tags = ['personas'];
  const base = '/api/v1/workspaces/:workspaceId/personas';
  app.get(base, { schema: { tags, params: WorkspaceParams } }, async (request, reply) => {
    await requireWorkspaceRole(ctx, request.principal, request.params.workspaceId, 'viewer');
    return reply.send({
      personas: (await listPersonas(ctx, request.params.workspaceId)).map(presentPersona),
    });
  });
  app.post(base, { schema: { tags, params: WorkspaceParams, body: PersonaBody } }, async (request, reply) => {
    const { user } = await requireWorkspaceRole(ctx, request.principal, request.params.workspaceId, 'editor');
    const row = await createPersona(ctx, user, request.params.workspaceId, request.body);
    return reply.code(201).send({ persona: presentPersona(row) });
  });
  app.get(`${base}/:personaId`, { schema: { tags, params: PersonaParams } }, async (request, reply) => {
    await requireWorkspaceRole(ctx, request.principal, request.params.workspaceId, 'viewer');
    return reply.send({
      persona: presentPersona(await getPersona(ctx, request.params.workspaceId, request.params.personaId)),
    });
  });
  app.put(
    `${base}/:personaId`,
    { schema: { tags, params: PersonaParams, body: PersonaBody } },
    async (request, reply) => {
      const { user } = await requireWorkspaceRole(
        ctx,
        request.principal,
        request.params.workspaceId,
        'editor',
      );
      const row = await updatePersona(
        ctx,
        user,
        request.params.workspaceId,
        request.params.personaId,
        request.body,
      );
      return reply.send({ persona: presentPersona(row) });
    },
  );
  app.delete(`${base}/:personaId`, { schema: { tags, params: PersonaParams } }, async (request, reply) => {
    const { user } = await requireWorkspaceRole(ctx, request.principal, request.params.workspaceId, 'editor');
    await deletePersona(ctx, user, request.params.workspaceId, request.params.personaId);
    return reply.code(204).send();
  });
}
