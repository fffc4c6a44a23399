// HTTP server throughput with wrk (50 connections): authenticated GET of a 2,000-card map, a small
// authenticated GET and command POSTs, on SQLite and on PostgreSQL, each beside a bare fastify
// route in the same run (pre-serialized JSON / the same kind of insert), alternating 3 times (median
// ratio, so a shared machine's changing load hits both sides). Writes
// bench/results/server.json. Run: npx tsx bench/server.bench.ts
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import pg from 'pg';
import { z } from 'zod';
import { CURRENT_SCHEMA_VERSION, LANE_KINDS, type Journey } from '@trailmap/schema';
import { loadConfig, startServer, type MapStore, type RunningServer } from '@trailmap/server';

// One PostgreSQL cluster for this run, stopped when this process exits.
process.env.TRAILMAP_TEST_RUN_ID = String(process.pid);
const { createTestDatabase, postgresUnavailable } = await import('../apps/server/test/support/postgres');

const DURATION = process.env.BENCH_SECONDS ?? '5';
const CONNECTIONS = 50;
const here = dirname(fileURLToPath(import.meta.url));

interface WrkResult {
  rps: number;
  p50ms: number;
  p99ms: number;
  errors: number;
}

const run = promisify(execFile);

/** Runs wrk (as a child, so this process keeps serving) and reads requests/s and latency percentiles. */
async function wrk(
  url: string,
  options: { token?: string; body?: string; method?: string; gzip?: boolean } = {},
): Promise<WrkResult> {
  const dir = mkdtempSync(join(tmpdir(), 'trailmap-wrk-'));
  const script = join(dir, 'request.lua');
  const headers = [`wrk.headers["content-type"] = "application/json"`];
  if (options.token) headers.push(`wrk.headers["authorization"] = "Bearer ${options.token}"`);
  if (options.gzip) headers.push(`wrk.headers["accept-encoding"] = "gzip, deflate, br"`);
  writeFileSync(
    script,
    [
      `wrk.method = "${options.method ?? 'GET'}"`,
      ...headers,
      options.body ? `wrk.body = ${JSON.stringify(options.body)}` : '',
    ].join('\n'),
  );
  const { stdout: out } = await run(
    'wrk',
    ['-t1', `-c${CONNECTIONS}`, `-d${DURATION}s`, '--latency', '-s', script, url],
    {
      encoding: 'utf8',
    },
  );
  rmSync(dir, { recursive: true, force: true });
  const toMs = (value: string, unit: string) =>
    Number(value) * ({ us: 0.001, ms: 1, s: 1000 } as Record<string, number>)[unit]!;
  const pct = (p: string) => {
    const match = new RegExp(`${p}%\\s+([\\d.]+)(us|ms|s)`).exec(out);
    return match ? Number(toMs(match[1]!, match[2]!).toFixed(2)) : NaN;
  };
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    rps: Math.round(Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0)),
    p50ms: pct('50'),
    p99ms: pct('99'),
    errors: Number(non2xx?.[1] ?? 0) + (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0),
  };
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/**
 * Trailmap and the bare route, alternately, ROUNDS times: on a shared machine the load changes
 * from one run to the next, so each ratio compares neighbours and the median ratio is reported
 * (with the round whose ratio is the median as the representative numbers).
 */
async function paired(trailmap: () => Promise<WrkResult>, bare: () => Promise<WrkResult>) {
  const rounds: { trailmap: WrkResult; bare: WrkResult; ratio: number }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const ours = await trailmap();
    const theirs = await bare();
    rounds.push({ trailmap: ours, bare: theirs, ratio: ours.rps / theirs.rps });
  }
  const median = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(rounds.length / 2)]!;
  return { ...median, ratios: rounds.map((round) => Number(round.ratio.toFixed(3))) };
}

/**
 * Card text of ~220 characters drawn from a vocabulary by a seeded generator: varied like workshop
 * notes, so gzip gets a realistic ratio (a repeated sentence would compress ~50-fold).
 */
function cardWords(): (card: number) => string {
  const vocabulary = (
    'customer compares delivery options reads returns policy checks reviews abandons basket ' +
    'support chat waits minutes email confirmation arrives late parcel tracking page confusing ' +
    'store staff helpful app crashes payment declined voucher code expired loyalty points ' +
    'invoice missing refund slow onboarding video skipped password reset call centre queue ' +
    'survey ignored price higher than expected shipping fee surprise at checkout size guide ' +
    'unclear colour differs from photo courier left note neighbour signed damaged box ' +
    'subscription renewal reminder cancels trial compares competitor asks friend social post ' +
    'forum thread search results ad clicked landing page slow mobile form too long'
  ).split(' ');
  let seed = 42;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return () => {
    const picked: string[] = [];
    let length = 0;
    while (length < 220) {
      const word = vocabulary[Math.floor(next() * vocabulary.length)]!;
      picked.push(word);
      length += word.length + 1;
    }
    const sentence = picked.join(' ');
    return `${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`;
  };
}

/** 10 stages × 10 lanes × 20 cards with varied text: about the 570 KB map of the targets. */
function bigMap(cards: number): Journey {
  const key = (i: number) => `a${i.toString(36).padStart(4, '0')}`;
  const stages = Array.from({ length: 10 }, (_, i) => ({
    id: `stage:s${i}`,
    index: key(i),
    name: `Stage ${i}`,
  }));
  const lanes = Array.from({ length: 10 }, (_, i) => ({
    id: `lane:l${i}`,
    index: key(i),
    kind: LANE_KINDS[i % LANE_KINDS.length]!,
    label: `Lane ${i}`,
    collapsed: false,
  }));
  const words = cardWords();
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    map: {
      id: `map:big${cards}`,
      title: 'Big map',
      type: 'current-state',
      expectations: [],
      tags: ['bench'],
    },
    personas: [],
    stages,
    steps: [],
    lanes,
    cards: Array.from({ length: cards }, (_, i) => ({
      id: `card:c${i}`,
      laneId: `lane:l${i % 10}`,
      stageId: `stage:s${Math.floor(i / 10) % 10}`,
      index: key(i),
      text: `${words(i)} #${i}`,
      tags: ['research', 'checkout'],
      evidenceIds: [],
    })),
    emotions: [],
    connections: [],
    opportunities: [],
    evidence: [],
    metricBindings: [],
  } as unknown as Journey;
}

const COMMAND_BODY = JSON.stringify({
  commands: [{ command: 'card.update', input: { id: 'card:c1', text: 'Updated' } }],
});
const InsertBody = z.strictObject({
  commands: z.array(z.strictObject({ command: z.string(), input: z.unknown().optional() })).min(1),
});

/** The baseline: bare fastify serving the same bytes, and a zod-validated insert on the same engine. */
async function bareServer(mapJson: string, smallJson: string, backend: 'sqlite' | 'postgres', url: string) {
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The big body as ready bytes, plain and gzipped: the fastest a route can serve it.
  const mapBytes = Buffer.from(mapJson);
  const mapGzipped = gzipSync(mapJson, { level: 6 });
  app.get('/map', (_request, reply) => reply.type('application/json; charset=utf-8').send(mapBytes));
  app.get('/map.gz', (_request, reply) =>
    reply.type('application/json; charset=utf-8').header('content-encoding', 'gzip').send(mapGzipped),
  );
  app.get('/small', (_request, reply) => reply.type('application/json; charset=utf-8').send(smallJson));
  let insert: (body: string) => Promise<void> | void;
  let close: () => Promise<void> | void;
  if (backend === 'sqlite') {
    const db = new BetterSqlite3(url.slice('sqlite:'.length).replace(/trailmap\.db$/, 'bare.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(
      'create table if not exists bare (id integer primary key autoincrement, body text not null, at text not null)',
    );
    const statement = db.prepare('insert into bare (body, at) values (?, ?)');
    insert = (body) => void statement.run(body, new Date().toISOString());
    close = () => {
      db.close();
    };
  } else {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    await pool.query(
      'create table if not exists bare (id serial primary key, body text not null, at text not null)',
    );
    insert = async (body) =>
      void (await pool.query('insert into bare (body, at) values ($1, $2)', [
        body,
        new Date().toISOString(),
      ]));
    close = () => pool.end();
  }
  app.post('/insert', { schema: { body: InsertBody } }, async (request, reply) => {
    await insert(JSON.stringify(request.body.commands));
    return reply.send({ ok: true });
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { base, close: async () => (await app.close(), await close()) };
}

async function benchBackend(backend: 'sqlite' | 'postgres') {
  const dir = mkdtempSync(join(tmpdir(), `trailmap-bench-${backend}-`));
  const databaseUrl =
    backend === 'sqlite' ? `sqlite:${join(dir, 'trailmap.db')}` : await createTestDatabase();
  const config = {
    ...loadConfig({ port: 0, dataDir: dir, logLevel: 'silent' }, {}),
    databaseUrl,
    dialect: backend,
  };
  // BENCH_COLLAB=1 measures with live collaboration wired in (as `trailmap serve` runs); default: the REST API alone.
  const apiOnly = process.env.BENCH_COLLAB === '1' ? {} : { wrapMapStore: (store: MapStore) => store };
  const server: RunningServer = await startServer(config, { print: () => undefined, ...apiOnly });
  try {
    const { ctx, store } = server.services;
    const { createUser } = await import('../apps/server/src/services/users');
    const { createApiToken } = await import('../apps/server/src/services/auth');
    const { createWorkspace } = await import('../apps/server/src/services/workspaces');
    const user = await createUser(ctx, { email: 'bench@example.com', password: 'bench password' });
    const { token } = await createApiToken(ctx, user, 'bench');
    const workspace = await createWorkspace(ctx, user, 'Bench');
    const big = await store.createMap(workspace.id, bigMap(2000), { actorId: user.id });
    const small = await store.createMap(workspace.id, bigMap(20), { actorId: user.id });
    const bigSnapshot = await store.getSnapshot(big.mapId);
    const smallSnapshot = await store.getSnapshot(small.mapId);
    const bare = await bareServer(bigSnapshot.json, smallSnapshot.json, backend, databaseUrl);
    try {
      const mapUrl = (id: string) => `${server.url}/api/v1/maps/${encodeURIComponent(id)}`;
      // Warm caches and JIT before measuring.
      await wrk(mapUrl(small.mapId), { token });
      const post = { method: 'POST', body: COMMAND_BODY };
      const results = {
        mapGet: await paired(
          () => wrk(mapUrl(big.mapId), { token }),
          () => wrk(`${bare.base}/map`),
        ),
        smallGet: await paired(
          () => wrk(mapUrl(small.mapId), { token }),
          () => wrk(`${bare.base}/small`),
        ),
        // What a browser or the CLI gets (both send Accept-Encoding), beside the bare route
        // serving the same pre-gzipped bytes; the target rows above are judged without compression.
        mapGetGzip: await paired(
          () => wrk(mapUrl(big.mapId), { token, gzip: true }),
          () => wrk(`${bare.base}/map.gz`, { gzip: true }),
        ),
        commandPost: await paired(
          () => wrk(`${mapUrl(small.mapId)}/commands`, { token, ...post }),
          () => wrk(`${bare.base}/insert`, post),
        ),
      };
      return {
        mapBytes: Buffer.byteLength(bigSnapshot.json),
        mapGzipBytes: gzipSync(bigSnapshot.json, { level: 6 }).length,
        smallBytes: Buffer.byteLength(smallSnapshot.json),
        ...results,
      };
    } finally {
      await bare.close();
    }
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const TARGETS = { mapGet: 0.5, smallGet: 0.3, commandPost: 0.5 } as const;
const P99_TARGET_MS = 50;

const backends: ('sqlite' | 'postgres')[] = ['sqlite'];
const pgProblem = postgresUnavailable();
if (pgProblem) console.warn(`skipping PostgreSQL: ${pgProblem}`);
else backends.push('postgres');

const loadavgBefore = loadavg();
const report: Record<string, unknown> = {};
let allMet = true;
for (const backend of backends) {
  console.log(`\n${backend}:`);
  const measured = await benchBackend(backend);
  const rows: Record<string, unknown> = {
    mapBytes: measured.mapBytes,
    mapGzipBytes: measured.mapGzipBytes,
    smallBytes: measured.smallBytes,
  };
  for (const name of Object.keys(TARGETS) as (keyof typeof TARGETS)[]) {
    const { trailmap, bare, ratios } = measured[name];
    const ratio = Number((trailmap.rps / bare.rps).toFixed(3));
    const met = ratio >= TARGETS[name] && trailmap.p99ms < P99_TARGET_MS && trailmap.errors === 0;
    allMet &&= met;
    rows[name] = {
      trailmap,
      bare,
      ratio,
      ratios,
      targetRatio: TARGETS[name],
      p99TargetMs: P99_TARGET_MS,
      met,
    };
    console.log(
      `  ${name.padEnd(12)} ${String(trailmap.rps).padStart(6)} req/s vs bare ${String(bare.rps).padStart(6)} ` +
        `(${ratio}× median of ${ratios.join(', ')}; target ≥${TARGETS[name]}×), p99 ${trailmap.p99ms} ms, errors ${trailmap.errors} ${met ? 'MET' : 'NOT MET'}`,
    );
  }
  const { trailmap: gz, bare: gzBare, ratios: gzRatios } = measured.mapGetGzip;
  rows.mapGetGzip = {
    note: 'Trailmap with Accept-Encoding: gzip (as browsers and the CLI send) vs the bare route serving the same pre-gzipped bytes; not a target row',
    trailmap: gz,
    bare: gzBare,
    ratio: Number((gz.rps / gzBare.rps).toFixed(3)),
    ratios: gzRatios,
  };
  console.log(
    `  mapGetGzip   ${gz.rps} req/s vs bare ${gzBare.rps}, p99 ${gz.p99ms} ms, errors ${gz.errors} (informational)`,
  );
  report[backend] = rows;
}

const out = join(here, 'results', 'server.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify(
    {
      benchmark: 'server',
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        loadavg: loadavg(),
        node: process.version,
      },
      method: `wrk -t1 -c${CONNECTIONS} -d${DURATION}s; server and bare baseline in this process, alternately ${ROUNDS} times; median ratio`,
      loadavgBefore,
      targets: { ...TARGETS, p99Ms: P99_TARGET_MS },
      allTargetsMet: allMet,
      results: report,
    },
    null,
    2,
  )}\n`,
);
console.log(`\nwrote ${out}`);
process.exit(0);
