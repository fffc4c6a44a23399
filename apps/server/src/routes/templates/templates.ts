import { COMMANDS } from '@trailmap/core';
import type { AppServices } from '../../app';
import { requireUser } from '../../services/auth';
import { listTemplates } from '../../services/maps/newMapDocument';
import type { ZodApp } from '../types';

/** Catalogues a signed-in client needs: templates for "new map" and the command list. */
export function registerTemplates(app: ZodApp, _services: AppServices) {
  app.get('/api/v1/templates', { schema: { tags: ['catalog'] } }, async (request, reply) => {
    requireUser(request.principal);
    return reply.send({ templates: listTemplates() });
  });
  app.get('/api/v1/commands', { schema: { tags: ['catalog'] } }, async (request, reply) => {
    requireUser(request.principal);
    return reply.send({
      commands: COMMANDS.map((command) => ({
        id: command.id,
        summary: command.summary,
        history: command.history,
      })),
    });
  });
}
