// Live collaboration under workshop load, each scenario beside bare Hocuspocus (same documents,
// same clients, no extensions) in the same run. Servers run in child processes so their CPU and
// memory are measured alone; clients are mostly lightweight protocol clients plus a few real
// @hocuspocus/provider editors. Writes bench/results/collab.json.
//   npx tsx bench/collab.bench.ts        (COLLAB_BENCH_SECONDS=15 per load scenario)
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import type { Journey } from '@trailmap/schema';
import { connectJourney, type LiveJourney } from '@trailmap/sync/client';
import { LightClient } from './collabClients';

type Mode = 'trailmap' | 'bare';
const SECONDS = Number(process.env.COLLAB_BENCH_SECONDS ?? 15);
const EDIT_EVERY_MS = 2_000;
/** Clients per scenario that record latency (all edit); the rest only receive. */
const OBSERVERS = 25;
const MARKER = /m(\d+)-(\d+);/;
/** COLLAB_BENCH_QUICK=1: the idle scenario uses 50 maps instead of 1,000 (a smoke run). */
const QUICK = process.env.COLLAB_BENCH_QUICK === '1';
/** COLLAB_BENCH_ONLY=clients200,memory: run only these scenarios (written to collab.partial.json). */
const ONLY = process.env.COLLAB_BENCH_ONLY?.split(',');
const wanted = (scenario: string) => !ONLY || ONLY.includes(scenario);
/** COLLAB_BENCH_PROFILE=<dir>: the Trailmap server writes a V8 CPU profile there (--cpu-prof). */
const PROFILE_DIR = process.env.COLLAB_BENCH_PROFILE;

interface Stats {
  cpu: { user: number; system: number };
  rss: number;
  heapUsed: number;
  documents: number;
}

class ServerProcess {
  private nextId = 0;
  private readonly waiting = new Map<number, (value: unknown) => void>();
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.on('message', (message: { id?: number }) => {
      if (message.id !== undefined) this.waiting.get(message.id)?.(message);
    });
  }

  static start(mode: Mode): Promise<ServerProcess> {
    const script = fileURLToPath(new URL('./collabServer.ts', import.meta.url));
    const child = fork(script, [mode], {
      execArgv: [
        '--expose-gc',
        '--import',
        'tsx',
        ...(PROFILE_DIR && mode === 'trailmap' ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []),
      ],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      child.once('message', (message: { url: string }) => resolve(new ServerProcess(child, message.url)));
      child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
    });
  }

  request<T>(message: Record<string, unknown>): Promise<T> {
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve as (value: unknown) => void);
      this.child.send({ ...message, id });
    });
  }

  seed(maps: Journey[]) {
    return this.request<{ mapIds: string[]; token: string }>({ type: 'seed', maps });
  }

  stats(gc = false) {
    return this.request<Stats>({ type: 'stats', gc });
  }

  async stop() {
    this.child.removeAllListeners('exit');
    await new Promise<void>((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.send({ type: 'stop', id: -1 });
    });
  }
}

/** A map with `cardCount` cards over 10 stages × 10 lanes (the size of a big workshop map). */
function journeyWith(mapId: string, cardCount: number): Journey {
  const stages = Array.from({ length: 10 }, (_, i) => ({
    id: `stage:s${i}`,
    index: `a${i}`,
    name: `Stage ${i}`,
  }));
  const lanes = Array.from({ length: 10 }, (_, i) => ({
    id: `lane:l${i}`,
    index: `a${i}`,
    kind: 'actions' as const,
    label: `Lane ${i}`,
  }));
  const cards = Array.from({ length: cardCount }, (_, i) => ({
    id: `card:c${i}`,
    laneId: `lane:l${i % 10}`,
    stageId: `stage:s${Math.floor(i / 10) % 10}`,
    index: `a${String(i).padStart(5, '0')}`,
    text: `Customer note ${i}: waiting for the confirmation email`,
    tags: ['workshop'],
    evidenceIds: [],
  }));
  return {
    schemaVersion: 2,
    map: { id: mapId, title: 'Benchmark map', type: 'current-state', expectations: [], tags: [] },
    personas: [],
    stages,
    steps: [],
    lanes,
    cards,
    emotions: [],
    connections: [],
    opportunities: [],
    evidence: [],
    metricBindings: [],
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length
    ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 100) / 100
    : null;
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const cpuMicros = (a: Stats, b: Stats) => b.cpu.user + b.cpu.system - a.cpu.user - a.cpu.system;

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<unknown>) {
  let failures = 0;
  for (let i = 0; i < items.length; i += size) {
    const results = await Promise.allSettled(items.slice(i, i + size).map(run));
    failures += results.filter((result) => result.status === 'rejected').length;
  }
  return failures;
}

const realClient = (url: string, mapId: string, token: string, i: number): LiveJourney =>
  connectJourney({
    url,
    mapId,
    token,
    user: { id: `bench-${i}`, name: `Bench ${i}` },
    WebSocketPolyfill: WebSocket,
  });

const whenSynced = (live: LiveJourney) =>
  live.provider.isSynced
    ? Promise.resolve()
    : new Promise<void>((resolve) => live.provider.on('synced', () => resolve()));

/** Clients on the given maps edit every ~2 s for SECONDS; every delivery's latency is recorded. */
async function workshopLoad(mode: Mode, maps: Journey[], clientsPerMap: number, realPerMap: number) {
  const server = await ServerProcess.start(mode);
  const { mapIds, token } = await server.seed(maps);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const seen = new Set<string>();
  /** One delivery = an edit reaching another client, counted once (Hocuspocus echoes to the sender too). */
  const onPayload = (receiver: number, text: string) => {
    const found = MARKER.exec(text);
    if (!found || Number(found[1]) === receiver) return;
    const at = sentAt.get(found[0]);
    const key = `${found[0]}|${receiver}`;
    if (at === undefined || seen.has(key)) return;
    seen.add(key);
    latencies.push(performance.now() - at);
  };
  type Editor = { edit: (marker: string) => void; close: () => void; ready: Promise<void>; map: number };
  const observersOnMap = new Map<number, number>();
  const editors: Editor[] = [];
  let index = 0;
  for (const [map, mapId] of mapIds.entries()) {
    for (let c = 0; c < clientsPerMap; c++) {
      const i = index++;
      if (i < OBSERVERS) observersOnMap.set(map, (observersOnMap.get(map) ?? 0) + 1);
      if (c < realPerMap) {
        const live = realClient(server.url, mapId, token, i);
        live.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
          if (origin === live.provider) onPayload(i, Buffer.from(update).toString('latin1'));
        });
        editors.push({
          ready: whenSynced(live),
          map,
          edit: (marker) =>
            live.session.commit(
              [{ op: 'patch', collection: 'cards', id: `card:c${i % 200}`, changes: { text: marker } }],
              'record',
            ),
          close: () => live.destroy(),
        });
      } else {
        const light = new LightClient(server.url, mapId, token);
        if (i < OBSERVERS)
          light.onUpdate = (payload) => onPayload(i, Buffer.from(payload).toString('latin1'));
        editors.push({
          ready: light.synced,
          map,
          edit: (marker) => light.edit(marker),
          close: () => light.close(),
        });
      }
    }
  }
  const failedToConnect = await inBatches(editors, 50, (editor) => editor.ready);
  const before = await server.stats();
  const startedAt = performance.now();
  let edits = 0;
  let expected = 0;
  const timers = editors.map((editor, i) => {
    let seq = 0;
    const first = setTimeout(() => {
      const tick = () => {
        const marker = `m${i}-${++seq};`;
        sentAt.set(marker, performance.now());
        edits++;
        expected += (observersOnMap.get(editor.map) ?? 0) - (i < OBSERVERS ? 1 : 0);
        editor.edit(marker);
      };
      tick();
      timers[i] = setInterval(tick, EDIT_EVERY_MS);
    }, Math.random() * EDIT_EVERY_MS);
    return first as NodeJS.Timeout;
  });
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  timers.forEach((timer) => (clearTimeout(timer), clearInterval(timer)));
  // Let the backlog drain: wait until no delivery arrived for 1 s (at most 20 s).
  const drainStart = performance.now();
  let lastCount = -1;
  while (latencies.length !== lastCount && performance.now() - drainStart < 20_000) {
    lastCount = latencies.length;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  const after = await server.stats();
  editors.forEach((editor) => editor.close());
  await server.stop();
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    clients: editors.length,
    realProviders: realPerMap * mapIds.length,
    failedToConnect,
    edits,
    deliveries: latencies.length,
    observers: Math.min(OBSERVERS, editors.length),
    expectedDeliveries: expected,
    p50ms: percentile(sorted, 50),
    p95ms: percentile(sorted, 95),
    p99ms: percentile(sorted, 99),
    serverCpuUsPerDelivery: latencies.length ? Math.round(cpuMicros(before, after) / latencies.length) : null,
    serverCpuPercent:
      Math.round((cpuMicros(before, after) / ((performance.now() - startedAt) * 1e3)) * 1000) / 10,
    rssMB: mb(after.rss),
  };
}

/** Heap and RSS per open 2,000-card document: K copies opened by one idle client each. */
async function memoryPerDocument(mode: Mode, copies = 10) {
  const server = await ServerProcess.start(mode);
  const { mapIds, token } = await server.seed(
    Array.from({ length: copies }, (_, i) => journeyWith(`map:mem${i}`, 2000)),
  );
  const before = await server.stats(true);
  const clients = mapIds.map((mapId) => new LightClient(server.url, mapId, token));
  await Promise.all(clients.map((client) => client.synced));
  const after = await server.stats(true);
  clients.forEach((client) => client.close());
  await server.stop();
  return {
    documents: copies,
    heapPerDocumentMB: mb((after.heapUsed - before.heapUsed) / copies),
    rssPerDocumentMB: mb((after.rss - before.rss) / copies),
  };
}

/** 10,000 authenticated idle connections over 1,000 maps: connect rate, failures, RSS. */
async function idleConnections(mode: Mode, maps = 1000, perMap = 10) {
  const server = await ServerProcess.start(mode);
  const { mapIds, token } = await server.seed(
    Array.from({ length: maps }, (_, i) => journeyWith(`map:idle${i}`, 20)),
  );
  const before = await server.stats(true);
  const clients: LightClient[] = [];
  const started = performance.now();
  const failures = await inBatches(
    mapIds.flatMap((mapId) => Array.from({ length: perMap }, () => mapId)),
    250,
    (mapId) => {
      const client = new LightClient(server.url, mapId, token);
      clients.push(client);
      return client.synced;
    },
  );
  const seconds = (performance.now() - started) / 1000;
  const after = await server.stats(true);
  clients.forEach((client) => client.close());
  await server.stop();
  return {
    connections: maps * perMap,
    maps,
    failures,
    connectsPerSecond: Math.round((maps * perMap) / seconds),
    rssMB: mb(after.rss),
    rssGrowthMB: mb(after.rss - before.rss),
    documents: after.documents,
  };
}

async function beside<T>(label: string, run: (mode: Mode) => Promise<T>) {
  process.stderr.write(`collab bench: ${label} …\n`);
  const bare = await run('bare');
  const trailmap = await run('trailmap');
  return { trailmap, bare };
}

const ratio = (a: number | null, b: number | null) =>
  a !== null && b !== null && b > 0 ? Math.round((a / b) * 100) / 100 : null;

async function main() {
  const oneMap = [journeyWith('map:big', 2000)];
  const fanOut: Record<string, unknown> = {};
  const targets: Record<string, { ratio: number | null; target: number; met: boolean }> = {};
  for (const [clients, limit] of [
    [10, 1.5],
    [50, 1.5],
    [200, 2],
  ] as const) {
    if (!wanted(`clients${clients}`)) continue;
    const result = await beside(`${clients} clients on one 2,000-card map`, (mode) =>
      workshopLoad(mode, oneMap, clients, 3),
    );
    const p95 = ratio(result.trailmap.p95ms, result.bare.p95ms);
    fanOut[`clients${clients}`] = { ...result, p95Ratio: p95 };
    // A run where some edits never reached everyone within the drain window proves nothing.
    const complete = result.trailmap.deliveries === result.trailmap.expectedDeliveries;
    targets[`p95 at ${clients} clients ≤ ${limit}× bare`] = {
      ratio: p95,
      target: limit,
      met: complete && p95 !== null && p95 <= limit,
    };
  }
  const manyMaps = wanted('manyMaps')
    ? await beside('100 maps × 5 clients', (mode) =>
        workshopLoad(
          mode,
          Array.from({ length: 100 }, (_, i) => journeyWith(`map:many${i}`, 200)),
          5,
          0,
        ),
      )
    : undefined;
  const memory = wanted('memory')
    ? await beside('memory per open document', (mode) => memoryPerDocument(mode))
    : undefined;
  if (memory) {
    const memoryRatio = ratio(memory.trailmap.heapPerDocumentMB, memory.bare.heapPerDocumentMB);
    targets['memory per open document ≤ 1.5× bare'] = {
      ratio: memoryRatio,
      target: 1.5,
      met: memoryRatio !== null && memoryRatio <= 1.5,
    };
  }
  const idle = wanted('idle')
    ? await beside('10,000 idle connections over 1,000 maps', (mode) =>
        idleConnections(mode, QUICK ? 50 : 1000),
      )
    : undefined;
  if (idle) {
    const rssRatio = ratio(idle.trailmap.rssMB, idle.bare.rssMB);
    targets['10,000 idle connections: 0 failures, RSS ≤ 2× bare'] = {
      ratio: rssRatio,
      target: 2,
      met: idle.trailmap.failures === 0 && rssRatio !== null && rssRatio <= 2,
    };
  }

  const report = {
    benchmark: 'collab',
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      loadavg: loadavg(),
      node: process.version,
    },
    method:
      `servers in child processes (Trailmap: the real server with SQLite, auth by API token, default compaction: 2 s/10 s debounce, at most every 60 s on maps with 2 or more people; bare: Hocuspocus 3.4.4, no extensions, same documents); ` +
      `one edit per client every ${EDIT_EVERY_MS} ms for ${SECONDS} s; latency = edit sent → update received at each of the first ${OBSERVERS} clients (observers), per delivery; lightweight protocol clients (each adds its own card, then rewrites its text, so the schema guard sees valid edits) plus 3 real providers on the big map; the machine was shared with other jobs (see loadavg), so absolute latencies include CPU contention`,
    targets,
    allTargetsMet: Object.values(targets).every((target) => target.met),
    results: {
      fanOut,
      ...(manyMaps
        ? { manyMaps: { ...manyMaps, p95Ratio: ratio(manyMaps.trailmap.p95ms, manyMaps.bare.p95ms) } }
        : {}),
      memory,
      idle,
    },
  };
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL(
      ONLY
        ? './results/collab.partial.json'
        : QUICK
          ? './results/collab.quick.json'
          : './results/collab.json',
      import.meta.url,
    ),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  process.stdout.write(`${JSON.stringify(report.targets, null, 2)}\n`);
  process.exit(0);
}

void main();
