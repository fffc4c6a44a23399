// Scenarios of the collab benchmark, each run against one server (Trailmap or bare Hocuspocus):
// workshop load on shared maps (edit-to-other-clients latency, server CPU per delivery), memory per
// open document, and idle connections. Clients are mostly lightweight protocol clients plus a few
// real @hocuspocus/provider editors.
import WebSocket from 'ws';
import type { Journey } from '@trailmap/schema';
import { connectJourney, type LiveJourney } from '@trailmap/sync/client';
import { LightClient } from './collabClients';
import { ServerProcess, type Mode, type Stats } from './collabServerProcess';

export const SECONDS = Number(process.env.COLLAB_BENCH_SECONDS ?? 15);
export const EDIT_EVERY_MS = 2_000;
/** Clients per scenario that record latency (all edit); the rest only receive. */
export const OBSERVERS = 25;
const MARKER = /m(\d+)-(\d+);/;

/** A map with `cardCount` cards over 10 stages × 10 lanes (the size of a big workshop map). */
export function journeyWith(mapId: string, cardCount: number): Journey {
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
export async function workshopLoad(mode: Mode, maps: Journey[], clientsPerMap: number, realPerMap: number) {
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
  /** Close codes of real providers disconnected while measuring (they reconnect on their own). */
  const providerCloses: number[] = [];
  let measuring = true;
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
        live.provider.on('close', ({ event }: { event: { code: number } }) => {
          if (measuring) providerCloses.push(event.code);
        });
        editors.push({
          ready: whenSynced(live),
          map,
          edit: (marker) =>
            live.session.commit(
              [{ op: 'patch', collection: 'cards', id: `card:c${i % 200}`, changes: { text: marker } }],
              'record',
            ),
          close: () => {
            // A provider reconnecting right now would throw from its half-open socket on destroy.
            const socket = (live.provider.configuration.websocketProvider as { webSocket: unknown })
              .webSocket;
            (socket as WebSocket | null)?.on?.('error', () => undefined);
            live.destroy();
          },
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
  measuring = false;
  editors.forEach((editor) => editor.close());
  await server.stop();
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    clients: editors.length,
    realProviders: realPerMap * mapIds.length,
    failedToConnect,
    providerCloses,
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
export async function memoryPerDocument(mode: Mode, copies = 10) {
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
export async function idleConnections(mode: Mode, maps = 1000, perMap = 10) {
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
