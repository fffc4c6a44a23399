import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CollabServer } from '@trailmap/sync/server';
import type { AppServices, CreateServerOptions } from '../app';
import type { MapStore } from '../services/maps/mapStore';
import { collabAuth } from './auth';
import { registerCollabRoutes } from './routes';
import { socialDeps } from './social';
import { createDatabaseCollabStore } from './store';
import { migrateCollab } from './tables';

export interface CollabOptions {
  /** `redis://…`: share live documents with other server processes. Default: `REDIS_URL`. */
  redisUrl?: string;
  /** Compaction debounce; the JSON snapshot lags live edits by at most `maxDebounceMs`. */
  debounceMs?: number;
  maxDebounceMs?: number;
  /** How often idle connections are re-authorized (revoked links, removed members). */
  sweepIntervalMs?: number;
}

/**
 * Live collaboration for the HTTP server: pass `wrapMapStore` and `extend` to `createServer` /
 * `startServer`. Adds the `/collab` WebSocket endpoint on the same port (document name = map id),
 * comment/vote/notification routes, and makes REST writes and live documents one stream:
 * reads and writes first flush the live document, and every REST write is pulled into it.
 * @example
 * const collab = liveCollaboration();
 * await startServer(config, { wrapMapStore: collab.wrapMapStore, extend: collab.extend });
 */
export function liveCollaboration(options: CollabOptions = {}) {
  let base: MapStore | undefined;
  let collab: CollabServer | undefined;
  const flush = async (mapId: string) => collab?.flush(mapId);

  const wrapMapStore = (store: MapStore): MapStore => {
    base = store;
    return {
      ...store,
      getSnapshot: async (mapId) => (await flush(mapId), store.getSnapshot(mapId)),
      getMap: async (mapId) => (await flush(mapId), store.getMap(mapId)),
      applyCommands: async (mapId, calls, writeOptions) => (
        await flush(mapId),
        store.applyCommands(mapId, calls, writeOptions)
      ),
      replaceMap: async (mapId, input, writeOptions) => (
        await flush(mapId),
        store.replaceMap(mapId, input, writeOptions)
      ),
    };
  };

  const extend: NonNullable<CreateServerOptions['extend']> = async (
    app: FastifyInstance,
    services: AppServices,
  ) => {
    const { ctx } = services;
    if (!base) throw new Error('liveCollaboration: pass wrapMapStore to createServer as well as extend');
    await migrateCollab(ctx.db);
    const server = new CollabServer({
      auth: collabAuth(ctx),
      store: createDatabaseCollabStore(ctx, base),
      social: socialDeps(ctx),
      redisUrl: options.redisUrl ?? process.env.REDIS_URL,
      debounceMs: options.debounceMs,
      maxDebounceMs: options.maxDebounceMs,
      sweepIntervalMs: options.sweepIntervalMs ?? 10_000,
    });
    collab = server;
    server.attach(app.server, '/collab');
    const unsubscribe = base.subscribe((write) => {
      if (write.via === 'collab') return;
      server
        .pullOutsideChanges(write.mapId)
        .catch((error: unknown) => app.log.error({ err: error }, 'collab: pulling a REST write failed'));
    });
    // A revoked share link leaves at once, not at its next message or the next sweep.
    app.addHook('onResponse', async (request, reply) => {
      const revoked = /^\/api\/v1\/maps\/[^/]+\/share-links\/([^/?]+)/.exec(request.url);
      if (request.method === 'DELETE' && revoked && reply.statusCode < 300) {
        server.disconnect((identity) => identity.shareLinkId === decodeURIComponent(revoked[1]!));
      }
    });
    app.addHook('onClose', async () => {
      unsubscribe();
      await server.destroy();
    });
    registerCollabRoutes(app.withTypeProvider<ZodTypeProvider>(), services, server);
  };

  return {
    wrapMapStore,
    extend,
    /** The running CollabServer (after `extend` ran). */
    get server(): CollabServer | undefined {
      return collab;
    },
  };
}
