import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { PrincipalCache, TtlCache } from './auth/principalCache';
import type { ServerConfig } from './config';
import type { Database } from './db/database';
import { installAuth } from './http/authHook';
import { installErrorHandling } from './http/errors';
import { withRawUploads } from './routes/rawUploadsDoc';
import { registerRoutes } from './routes/index';
import type { ServiceContext } from './services/context';
import { createMapStore, type MapStore } from './services/maps/mapStore';

/** What route handlers get: the service context and the (possibly wrapped) map store. */
export interface AppServices {
  ctx: ServiceContext;
  store: MapStore;
  /** Resolves once queued map writes are committed or failed: call before closing the database. */
  writesSettled: () => Promise<void>;
}

export interface CreateServerOptions {
  config: ServerConfig;
  database: Database;
  pepper: string;
  now?: () => string;
  /** Wraps the map store, e.g. so REST writes reach live collaborative documents. */
  wrapMapStore?: (store: MapStore) => MapStore;
  /**
   * Runs before the routes are registered: the collab layer adds its `/collab` WebSocket
   * endpoint here (e.g. `app.server.on('upgrade', …)` or a fastify plugin).
   */
  extend?: (app: FastifyInstance, services: AppServices) => Promise<void> | void;
  /** Folder of the built web app (apps/web/dist), served at `/` with a fallback to index.html. */
  webRoot?: string;
  /** Replaces the pino logger options (tests pass `false`). */
  logger?: boolean | object;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Builds the HTTP server (not listening yet): request ids, rate limits, auth, zod validation,
 * OpenAPI and every `/api/v1` route. The database must already be migrated.
 */
export async function createServer(
  options: CreateServerOptions,
): Promise<{ app: FastifyInstance; services: AppServices }> {
  const { config } = options;
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    // Keep a client's request id when it is a sane token, otherwise make one.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    trustProxy: false,
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // server.close() drops only connections idle at that moment: a keep-alive connection whose
  // request was still running would otherwise stay open until its idle timeout (72 s) and stall
  // shutdown. Answers sent while closing therefore end their connection.
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });
  installErrorHandling(app, { spaFallback: options.webRoot !== undefined });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Trailmap API',
        version: '1.0.0',
        description: 'Journey maps, workspaces, versions and share links.',
      },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'Personal API token (tmp_…) or share-link token (tml_…)',
          },
          session: { type: 'apiKey', in: 'cookie', name: 'trailmap_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (documents) =>
      'openapiObject' in documents ? withRawUploads(documents.openapiObject) : documents.swaggerObject,
  });
  const ctx: ServiceContext = {
    db: options.database.db,
    database: options.database,
    config,
    pepper: options.pepper,
    now: options.now ?? (() => new Date().toISOString()),
    principals: new PrincipalCache(),
    access: new TtlCache(),
  };
  const base = createMapStore(ctx);
  const services: AppServices = {
    ctx,
    store: options.wrapMapStore ? options.wrapMapStore(base) : base,
    writesSettled: () => base.settled(),
  };
  installAuth(app, ctx);
  if (options.extend) await options.extend(app, services);
  await registerRoutes(app, services);
  if (options.webRoot) {
    await app.register(fastifyStatic, {
      root: options.webRoot,
      prefix: '/',
      index: ['index.html'],
      maxAge: '1h',
    });
  }
  return { app, services };
}
