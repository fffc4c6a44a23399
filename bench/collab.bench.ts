// Live collaboration under workshop load, each scenario beside bare Hocuspocus (same documents,
// same clients, no extensions) in the same run. Servers run in child processes so their CPU and
// memory are measured alone; clients are mostly lightweight protocol clients plus a few real
// @hocuspocus/provider editors. Writes bench/results/collab.json.
//   npx tsx bench/collab.bench.ts        (COLLAB_BENCH_SECONDS=15 per load scenario)
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import {
  EDIT_EVERY_MS,
  OBSERVERS,
  SECONDS,
  idleConnections,
  journeyWith,
  memoryPerDocument,
  workshopLoad,
} from './collabScenarios';
import type { Mode } from './collabServerProcess';

/** COLLAB_BENCH_QUICK=1: the idle scenario uses 50 maps instead of 1,000 (a smoke run). */
const QUICK = process.env.COLLAB_BENCH_QUICK === '1';
/** COLLAB_BENCH_ONLY=clients200,memory: run only these scenarios (written to collab.partial.json). */
const ONLY = process.env.COLLAB_BENCH_ONLY?.split(',');
const wanted = (scenario: string) => !ONLY || ONLY.includes(scenario);

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
