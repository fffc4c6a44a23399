import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createServer, type AppServices, type CreateServerOptions } from '../../src/app';
import { loadConfig, type ServerConfig } from '../../src/config';
import { openDatabase, type Database } from '../../src/db/database';
import { migrateToLatest } from '../../src/db/migrate';
import { createApiToken } from '../../src/services/auth';
import { writesScheduledByClosing } from '../../src/start';
import { createUser } from '../../src/services/users';
import { createTestDatabase, postgresUnavailable } from './postgres';

export type Backend = 'sqlite' | 'postgres';

const pgProblem = postgresUnavailable();
if (pgProblem) console.warn(`[trailmap tests] skipping PostgreSQL runs: ${pgProblem}`);

/** Backends every storage test runs on: SQLite always, PostgreSQL when the server is installed. */
export const BACKENDS: Backend[] = pgProblem ? ['sqlite'] : ['sqlite', 'postgres'];

export interface TestApp {
  app: FastifyInstance;
  services: AppServices;
  database: Database;
  config: ServerConfig;
  dir: string;
  close: () => Promise<void>;
}

/** A fresh database URL for `backend` (a new SQLite file or a new PostgreSQL database). */
export async function freshDatabaseUrl(backend: Backend, dir: string): Promise<string> {
  return backend === 'sqlite' ? `sqlite:${join(dir, 'trailmap.db')}` : createTestDatabase();
}

/** An in-process server on a fresh, migrated database; requests go through `app.inject`. */
export async function openTestApp(
  backend: Backend,
  overrides: Partial<ServerConfig> = {},
  options: Pick<CreateServerOptions, 'extend' | 'wrapMapStore'> = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'trailmap-server-test-'));
  const databaseUrl = await freshDatabaseUrl(backend, dir);
  const config: ServerConfig = {
    ...loadConfig({ dataDir: dir, port: 0, logLevel: 'silent' }, {}),
    databaseUrl,
    dialect: backend,
    ...overrides,
  };
  const database = openDatabase(databaseUrl, { poolSize: 4 });
  await migrateToLatest(database.db);
  const { app, services } = await createServer({
    config,
    database,
    pepper: 'test-pepper',
    logger: false,
    ...options,
  });
  await app.ready();
  return {
    app,
    services,
    database,
    config,
    dir,
    close: async () => {
      await app.close();
      await writesScheduledByClosing();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Creates a user and a personal API token for them. */
export async function userWithToken(
  services: AppServices,
  email: string,
  options: { isAdmin?: boolean } = {},
) {
  const user = await createUser(services.ctx, { email, password: 'correct horse battery', ...options });
  const { token } = await createApiToken(services.ctx, user, 'test');
  return { user, token, headers: { authorization: `Bearer ${token}` } };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
