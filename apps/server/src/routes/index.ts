import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppServices } from '../app';
import { registerAuth } from './auth/index';
import { registerDatasets } from './datasets/index';
import { registerExports } from './exports/index';
import { registerHealth } from './health/index';
import { registerMapMembers } from './mapMembers/index';
import { registerMaps } from './maps/index';
import { registerPersonas } from './personas/index';
import { registerShareLinks } from './shareLinks/index';
import { registerTemplates } from './templates/index';
import { registerTokens } from './tokens/index';
import { registerVersions } from './versions/index';
import { registerWorkspaces } from './workspaces/index';

/** Registers every route; the authorization matrix test enumerates what this registers. */
export async function registerRoutes(app: FastifyInstance, services: AppServices) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  for (const register of [
    registerHealth,
    registerAuth,
    registerTokens,
    registerWorkspaces,
    registerPersonas,
    registerMaps,
    registerMapMembers,
    registerVersions,
    registerShareLinks,
    registerTemplates,
    registerExports,
    registerDatasets,
  ]) {
    register(typed, services);
  }
}
