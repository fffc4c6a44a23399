import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Journey } from '@trailmap/schema';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrate';
import { createApiToken } from '../src/services/auth';
import type { ServiceContext } from '../src/services/context';
import { createMapStore } from '../src/services/maps/mapStore';
import { blankMap } from '../src/services/maps/newMapDocument';
import { createUser } from '../src/services/users';
import { createWorkspace } from '../src/services/workspaces';
import { BACKENDS, freshDatabaseUrl } from './support/testApp';

const CLI = resolve(__dirname, '../../cli/bin/trailmap.mjs');
const SECRET = 'durability-test-secret-0123456789abcdef';

/** Starts `trailmap serve` as a real child process and resolves with its URL once it listens. */
function startChild(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], {
      env: { ...process.env, ...env, LOG_LEVEL: 'warn', TRAILMAP_SECRET: SECRET },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) resolvePromise({ child, url: match[1]! });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited early (${code}): ${output}`)));
  });
}

/**
 * Seeds a user with an API token, a workspace and a blank map directly in the database, hashing
 * the token with the secret the child uses. The returned context's database is closed again;
 * reuse its config and pepper with a new connection.
 */
async function seedWriter(
  databaseUrl: string,
  dir: string,
  name: string,
): Promise<{ ctx: ServiceContext; token: string; mapId: string }> {
  const database = openDatabase(databaseUrl);
  try {
    await migrateToLatest(database.db);
    const ctx: ServiceContext = {
      db: database.db,
      database,
      config: loadConfig({ dataDir: dir }, {}),
      pepper: SECRET,
      now: () => new Date().toISOString(),
    };
    const user = await createUser(ctx, { email: `${name}@example.com`, password: 'long enough pw' });
    const { token } = await createApiToken(ctx, user, name);
    const workspace = await createWorkspace(ctx, user, name);
    const { mapId } = await createMapStore(ctx).createMap(workspace.id, blankMap(name, 'current-state'), {
      actorId: user.id,
    });
    return { ctx, token, mapId };
  } finally {
    await database.close();
  }
}

describe.each(BACKENDS)('durability on %s', (backend) => {
  const dir = mkdtempSync(join(tmpdir(), 'trailmap-durability-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged write after SIGKILL mid-stream, and the database checks clean', async () => {
    const databaseUrl = await freshDatabaseUrl(backend, dir);
    const env = { TRAILMAP_DATA_DIR: dir, DATABASE_URL: backend === 'postgres' ? databaseUrl : '' };
    const { token, mapId } = await seedWriter(databaseUrl, dir, 'writer');

    const { child, url } = await startChild(env);
    const acknowledged: string[] = [];
    let next = 0;
    let killed = false;
    const exited = new Promise((done) => child.once('exit', done));
    const writer = async () => {
      while (!killed) {
        const id = `stage:w${next++}`;
        try {
          const response = await fetch(`${url}/api/v1/maps/${encodeURIComponent(mapId)}/commands`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ commands: [{ command: 'stage.add', input: { id, name: id } }] }),
          });
          if (response.status === 200) acknowledged.push(id);
          else if (!killed) throw new Error(`write failed: ${response.status} ${await response.text()}`);
        } catch (error) {
          if (!killed) throw error;
        }
      }
    };
    const writers = [writer(), writer(), writer(), writer()];
    // Kill once enough writes are through, while others are still in flight.
    await expect.poll(() => acknowledged.length, { timeout: 20_000, interval: 5 }).toBeGreaterThanOrEqual(60);
    killed = true;
    child.kill('SIGKILL');
    await Promise.all([...writers, exited]);

    // Restart on the same database: every acknowledged write must be there.
    const restarted = await startChild(env);
    try {
      const response = await fetch(`${restarted.url}/api/v1/maps/${encodeURIComponent(mapId)}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      const doc = (await response.json()) as Journey;
      const stored = new Set(doc.stages.map((stage) => stage.id));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
      const etag = response.headers.get('etag');
      expect(etag).toBe(`"v${doc.stages.length + 1}"`);
    } finally {
      restarted.child.kill('SIGTERM');
      await new Promise((done) => restarted.child.once('exit', done));
    }
    const check = openDatabase(databaseUrl);
    try {
      expect(await check.integrityCheck()).toEqual([]);
      const changes = await check.db
        .selectFrom('map_changes')
        .select('version')
        .where('map_id', '=', mapId)
        .execute();
      expect(changes.length).toBeGreaterThanOrEqual(acknowledged.length + 1);
    } finally {
      await check.close();
    }
  }, 60_000);
});

describe('graceful shutdown', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trailmap-shutdown-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('on SIGTERM finishes in-flight requests, closes the database and exits 0', async () => {
    const env = { TRAILMAP_DATA_DIR: dir, DATABASE_URL: '' };
    const first = await startChild(env);
    // The child has created its schema; seed through a second connection (WAL allows it).
    const { ctx, token, mapId } = await seedWriter(`sqlite:${join(dir, 'trailmap.db')}`, dir, 'term');

    const exit = new Promise<number | null>((done) => first.child.once('exit', (code) => done(code)));
    const inFlight = Array.from({ length: 20 }, (_, i) =>
      fetch(`${first.url}/api/v1/maps/${encodeURIComponent(mapId)}/commands`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          commands: [{ command: 'stage.add', input: { id: `stage:t${i}`, name: `T${i}` } }],
        }),
      }).then(
        (response) => ({ id: `stage:t${i}`, status: response.status }),
        () => ({ id: `stage:t${i}`, status: 0 }),
      ),
    );
    // Signal once the first request has been answered, so others are genuinely in flight.
    await Promise.race(inFlight);
    first.child.kill('SIGTERM');
    const results = await Promise.all(inFlight);
    expect(await exit).toBe(0);
    // Every request that got an answer got a real one (written, or refused cleanly while closing).
    for (const result of results) expect([0, 200, 503]).toContain(result.status);
    const acknowledged = results.filter((result) => result.status === 200).map((result) => result.id);
    expect(acknowledged.length).toBeGreaterThan(0);

    const check = openDatabase(`sqlite:${join(dir, 'trailmap.db')}`);
    try {
      expect(await check.integrityCheck()).toEqual([]);
      const ctx2 = { ...ctx, db: check.db, database: check };
      const { doc } = await createMapStore(ctx2).getMap(mapId);
      const stored = new Set(doc.stages.map((stage) => stage.id));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      await check.close();
    }
  }, 60_000);
});
