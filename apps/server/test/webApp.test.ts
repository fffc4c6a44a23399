import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../src/app';
import { loadConfig } from '../src/config';
import { openDatabase, type Database } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrate';

describe('serving the built web app', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trailmap-webroot-'));
  let app: FastifyInstance;
  let database: Database;

  beforeAll(async () => {
    mkdirSync(join(dir, 'web', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'web', 'index.html'), '<!doctype html><title>Trailmap</title>');
    writeFileSync(join(dir, 'web', 'assets', 'app.js'), 'console.log(1)');
    database = openDatabase(`sqlite:${join(dir, 'db.sqlite')}`);
    await migrateToLatest(database.db);
    const config = loadConfig({ dataDir: dir, logLevel: 'silent' }, {});
    ({ app } = await createServer({
      config,
      database,
      pepper: 'p',
      logger: false,
      webRoot: join(dir, 'web'),
    }));
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves files, falls back to index.html for page URLs, and keeps JSON 404s for the API', async () => {
    const index = await app.inject({ method: 'GET', url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('<title>Trailmap</title>');
    expect((await app.inject({ method: 'GET', url: '/assets/app.js' })).body).toBe('console.log(1)');
    const page = await app.inject({ method: 'GET', url: '/s/tml_abc?map=map:x' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const api = await app.inject({ method: 'GET', url: '/api/v1/nothing' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('ROUTE_NOT_FOUND');
  });
});
