import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { resolvePepper } from './auth/secrets';
import { createServer, type AppServices, type CreateServerOptions } from './app';
import { liveCollaboration } from './collab/index';
import type { ServerConfig } from './config';
import { openDatabase, type Database } from './db/database';
import { migrateToLatest } from './db/migrate';
import { DEMO_LOGIN, seedDemo } from './demo';

/** The built web app (`npm run build -w @trailmap/web`); served when present. */
const WEB_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface RunningServer {
  app: FastifyInstance;
  services: AppServices;
  database: Database;
  url: string;
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  stop: () => Promise<void>;
}

/**
 * Opens and migrates the database, builds the server, seeds the demo when asked, and listens.
 * `handleSignals` installs SIGTERM/SIGINT handlers that stop gracefully.
 */
export async function startServer(
  config: ServerConfig,
  options: Partial<Pick<CreateServerOptions, 'wrapMapStore' | 'extend' | 'logger'>> & {
    handleSignals?: boolean;
    print?: (line: string) => void;
  } = {},
): Promise<RunningServer> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const database = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  const pepper = resolvePepper(config.secret, config.dataDir);
  // Live collaboration (/collab, comments, votes, notifications) unless the caller wires its own.
  const collab = options.wrapMapStore || options.extend ? undefined : liveCollaboration();
  const { app, services } = await createServer({
    config,
    database,
    pepper,
    ...(existsSync(join(WEB_ROOT, 'index.html')) ? { webRoot: WEB_ROOT } : {}),
    ...(collab ? { wrapMapStore: collab.wrapMapStore, extend: collab.extend } : {}),
    ...options,
  });
  if (config.demo) {
    const demo = await seedDemo(services);
    if (demo.created) app.log.info({ maps: demo.maps }, 'seeded the demo workspace');
  }
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.publicUrl.replace(/:\d+$/, `:${port}`);
  print(`Trailmap is running at ${url} (${database.dialect})`);
  if (config.demo) print(`Demo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await app.close();
      await writesScheduledByClosing();
      await services.writesSettled();
      await database.close();
    })());
  if (options.handleSignals) {
    const onSignal = (signal: NodeJS.Signals) => {
      app.log.info({ signal }, 'shutting down');
      stop().then(
        () => process.exit(0),
        (error: unknown) => {
          app.log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
  return { app, services, database, url, stop };
}

/**
 * Closing stores open live documents; writes that triggers from event handlers (the collab
 * layer's log appends start on the next turn) must reach the pool before it closes.
 */
export const writesScheduledByClosing = () => new Promise((resolve) => setImmediate(resolve));
