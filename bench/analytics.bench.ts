// Analytics engine benchmark: `npx tsx bench/analytics.bench.ts` (10M events by default;
// TRAILMAP_BENCH_EVENTS=1000000 for a quick run). Generates synthetic logs with
// ../shared/data/eventlogs/gen-synthetic.mjs into a temporary directory, then runs each system in
// its own child process (so peak memory is per system and chDB gets its own data directory):
// our engine end to end from CSV, import, queries on the imported dataset, hand-written DuckDB
// SQL on the CSV and on the imported table, chDB on the CSV, and pm4js on 1M events (the reference
// systems live in ./analyticsReferences.ts).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DuckDbEngine,
  directlyFollows,
  funnel,
  importLog,
  readLog,
  variants,
  type EventLog,
} from '@trailmap/analytics';
import { ClickHouseEngine, isChdbAvailable } from '@trailmap/analytics/clickhouse';
import {
  chdbRaw,
  cpuSeconds,
  duckCsvSource,
  duckDfg,
  duckFunnel,
  duckTableSource,
  duckVariants,
  duckdbRuns,
  pm4jsRun,
  seconds,
  type Result,
} from './analyticsReferences';

// ---- one system per child process; each returns its timings in seconds
async function queries(log: EventLog, steps: string[]): Promise<Result> {
  const [dfgSeconds, graph] = await seconds(() => directlyFollows(log));
  const [variantsSeconds, found] = await seconds(() => variants(log, { limit: 10 }));
  const [funnelSeconds, result] = await seconds(() => funnel(log, { steps }));
  return {
    dfgSeconds,
    variantsSeconds,
    funnelSeconds,
    edges: graph.edges.length,
    variantCount: found.variantCount,
    funnelCases: result.steps.map((step) => step.cases).join('/'),
  };
}

/** Runs one role and returns its numbers. */
export async function runChild(
  role: string,
  args: string[],
  steps: [string, string, string],
): Promise<Result> {
  const [file, second] = args as [string, string | undefined];
  switch (role) {
    case 'ours-raw':
    case 'ours-small': {
      const cpuStart = cpuSeconds();
      const [readSeconds, { log }] = await seconds(() => readLog(file));
      const result = await queries(log, steps);
      const totalSeconds = readSeconds + Number(result.dfgSeconds) + Number(result.variantsSeconds);
      return {
        readSeconds,
        ...result,
        totalSeconds,
        cpuSeconds: cpuSeconds() - cpuStart,
        events: log.activity.length,
        cases: log.caseIds.length,
      };
    }
    case 'ours-import': {
      const engine = await DuckDbEngine.open(second!);
      const report = await importLog(engine, file, { dataset: 'bench' });
      await engine.close();
      return {
        importSeconds: report.seconds,
        eventsPerSecond: Math.round(report.eventsPerSecond),
        events: report.dataset.events,
      };
    }
    case 'ours-dataset': {
      const engine = await DuckDbEngine.open(file);
      const [loadSeconds, log] = await seconds(() => engine.loadDataset('bench'));
      await engine.close();
      return { loadSeconds, ...(await queries(log, steps)) };
    }
    case 'duckdb-raw': {
      const source = duckCsvSource(file);
      return duckdbRuns((query) =>
        query === 'dfg'
          ? duckDfg(source)
          : query === 'variants'
            ? duckVariants(source)
            : duckFunnel(source, steps),
      );
    }
    case 'duckdb-table': {
      const source = duckTableSource('ds_bench');
      return duckdbRuns(
        (query) =>
          query === 'dfg'
            ? duckDfg(source)
            : query === 'variants'
              ? duckVariants(source)
              : duckFunnel(source, steps),
        file,
      );
    }
    case 'chdb-raw':
      return chdbRaw(file, steps);
    case 'chdb-dataset': {
      if (!(await isChdbAvailable())) return { skipped: 'chdb is not installed' };
      const engine = await ClickHouseEngine.open({ path: second! });
      const report = await importLog(engine, file, { dataset: 'bench' });
      const [loadSeconds, log] = await seconds(() => engine.loadDataset('bench'));
      await engine.close();
      return {
        importSeconds: report.seconds,
        eventsPerSecond: Math.round(report.eventsPerSecond),
        loadSeconds,
        ...(await queries(log, steps)),
      };
    }
    case 'pm4js':
      return pm4jsRun(file);
    default:
      throw new Error(`unknown role ${role}`);
  }
}

// ---- the orchestrating parent
const here = dirname(fileURLToPath(import.meta.url));
const GENERATOR = resolve(here, '../../shared/data/eventlogs/gen-synthetic.mjs');
const EVENTS_PER_CASE = 9.482;
const STEPS: [string, string, string] = ['Visit site', 'Add to cart', 'Pay'];

type Timings = Record<string, number | number[] | string | boolean | null | Record<string, unknown>>;

function child(role: string, args: string[]): Timings {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), 'child', role, ...args],
    {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const line = run.stdout.split('\n').find((text) => text.startsWith('RESULT '));
  if (run.status !== 0 || !line) return { error: `child ${role} failed with status ${run.status}` };
  return JSON.parse(line.slice(7)) as Timings;
}

/**
 * Runs a short role `runs` times, each in a fresh process (so each is as cold as a CLI call), and
 * keeps the run with the median total: one sub-second run swings with the machine's load far more
 * than pm4js's ten-second one. Every run's total is reported beside it.
 */
function medianChild(role: string, args: string[], runs: number): Timings {
  const all = Array.from({ length: runs }, () => child(role, args));
  const failed = all.find((result) => 'error' in result);
  if (failed) return failed;
  const sorted = [...all].sort((a, b) => num(a.totalSeconds) - num(b.totalSeconds));
  return {
    ...sorted[Math.floor(runs / 2)]!,
    runsTotalSeconds: all.map((result) => num(result.totalSeconds)),
  };
}

function generate(dir: string, events: number, name: string): string {
  const file = join(dir, name);
  const cases = Math.max(1, Math.round(events / EVENTS_PER_CASE));
  execFileSync(process.execPath, [GENERATOR, '--cases', String(cases), '--out', file], { stdio: 'ignore' });
  return file;
}

const num = (value: unknown) => (typeof value === 'number' ? value : NaN);
const ratio = (a: unknown, b: unknown) => Number((num(a) / num(b)).toFixed(3));

async function main() {
  if (process.argv[2] === 'child') {
    const result = await runChild(process.argv[3]!, process.argv.slice(4), STEPS);
    result.peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
    return;
  }
  if (!existsSync(GENERATOR)) {
    console.error(`skipping: ${GENERATOR} is absent`);
    return;
  }
  const events = Number(process.env.TRAILMAP_BENCH_EVENTS ?? 10_000_000);
  const pm4jsEvents = Math.min(events, Number(process.env.TRAILMAP_BENCH_PM4JS_EVENTS ?? 1_000_000));
  const dir = mkdtempSync(join(tmpdir(), 'trailmap-bench-'));
  try {
    console.log(`generating ~${events} events in ${dir}`);
    const big = generate(dir, events, 'synthetic.csv');
    const small = generate(dir, pm4jsEvents, 'synthetic-small.csv');
    const db = join(dir, 'datasets.duckdb');
    const results: Record<string, Timings> = {};
    for (const [role, args] of [
      ['ours-raw', [big]],
      ['duckdb-raw', [big]],
      ['ours-import', [big, db]],
      ['ours-dataset', [db]],
      ['duckdb-table', [db]],
      ['chdb-raw', [big]],
      ['chdb-dataset', [big, join(dir, 'chdb')]],
      ['ours-small', [small]],
      ['pm4js', [small]],
    ] as const) {
      console.log(`running ${role}…`);
      results[role] = role === 'ours-small' ? medianChild(role, [...args], 5) : child(role, [...args]);
      console.log(JSON.stringify(results[role]));
    }
    const ours = results['ours-raw']!;
    const duck = results['duckdb-raw']!;
    const dataset = results['ours-dataset']!;
    const table = results['duckdb-table']!;
    const e2e = (query: string) => num(ours.readSeconds) + num(ours[`${query}Seconds`]);
    const ratios = {
      endToEndDfgVsDuckdb: ratio(e2e('dfg'), duck.dfgSeconds),
      endToEndVariantsVsDuckdb: ratio(e2e('variants'), duck.variantsSeconds),
      endToEndFunnelVsDuckdb: ratio(e2e('funnel'), duck.funnelSeconds),
      datasetDfgVsTableSql: ratio(num(dataset.loadSeconds) + num(dataset.dfgSeconds), table.dfgSeconds),
      datasetVariantsVsTableSql: ratio(
        num(dataset.loadSeconds) + num(dataset.variantsSeconds),
        table.variantsSeconds,
      ),
      datasetFunnelVsTableSql: ratio(
        num(dataset.loadSeconds) + num(dataset.funnelSeconds),
        table.funnelSeconds,
      ),
      cachedDfgVsTableSql: ratio(dataset.dfgSeconds, table.dfgSeconds),
      variantsQueryVsDuckdbStringAgg: ratio(ours.variantsSeconds, duck.variantsSeconds),
      pm4jsVsOursDfgAndVariants: ratio(results.pm4js!.totalSeconds, results['ours-small']!.totalSeconds),
      // The same comparison in CPU seconds (ours-small includes the funnel): less sensitive to load.
      pm4jsVsOursCpuSeconds: ratio(results.pm4js!.cpuSeconds, results['ours-small']!.cpuSeconds),
    };
    const peakMemoryMB = Math.max(
      num(ours.peakRssMB),
      num(results['ours-import']!.peakRssMB),
      num(dataset.peakRssMB),
    );
    const targets = [
      {
        name: 'end to end (CSV → DFG) ≤ 1.0× hand-written DuckDB',
        value: ratios.endToEndDfgVsDuckdb,
        limit: 1.0,
        isMet: ratios.endToEndDfgVsDuckdb <= 1.0,
      },
      {
        name: 'end to end (CSV → variants) ≤ 1.0× DuckDB',
        value: ratios.endToEndVariantsVsDuckdb,
        limit: 1.0,
        isMet: ratios.endToEndVariantsVsDuckdb <= 1.0,
      },
      {
        name: 'end to end (CSV → funnel) ≤ 1.0× DuckDB',
        value: ratios.endToEndFunnelVsDuckdb,
        limit: 1.0,
        isMet: ratios.endToEndFunnelVsDuckdb <= 1.0,
      },
      {
        name: 'imported dataset DFG (load + query) ≤ 1.1× SQL on the same table',
        value: ratios.datasetDfgVsTableSql,
        limit: 1.1,
        isMet: ratios.datasetDfgVsTableSql <= 1.1,
      },
      {
        name: 'imported dataset variants ≤ 1.1× SQL on the same table',
        value: ratios.datasetVariantsVsTableSql,
        limit: 1.1,
        isMet: ratios.datasetVariantsVsTableSql <= 1.1,
      },
      {
        name: 'imported dataset funnel ≤ 1.1× SQL on the same table',
        value: ratios.datasetFunnelVsTableSql,
        limit: 1.1,
        isMet: ratios.datasetFunnelVsTableSql <= 1.1,
      },
      {
        name: 'variants ≤ 0.3× DuckDB ordered string_agg',
        value: ratios.variantsQueryVsDuckdbStringAgg,
        limit: 0.3,
        isMet: ratios.variantsQueryVsDuckdbStringAgg <= 0.3,
      },
      {
        name: '≥ 20× faster than pm4js (1M events)',
        value: ratios.pm4jsVsOursDfgAndVariants,
        limit: 20,
        isMet: ratios.pm4jsVsOursDfgAndVariants >= 20,
      },
      {
        name: 'peak memory < 2 GB (our engine, 10M events)',
        value: peakMemoryMB,
        limit: 2048,
        isMet: peakMemoryMB < 2048,
      },
    ];
    const output = {
      area: 'analytics',
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model ?? 'unknown',
        memoryGB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        loadAverage: (await import('node:os')).loadavg(),
      },
      input: {
        events: num(ours.events),
        cases: num(ours.cases),
        pm4jsEvents: num(results['ours-small']!.events),
        generator: 'gen-synthetic.mjs --seed 42',
      },
      notes: [
        'One run per system, except ours-small: the median of 5 fresh processes (runsTotalSeconds lists all); the machine is shared, see loadAverage.',
        'End to end = our CSV read + the query, timed in one process; DuckDB/chDB numbers are complete SQL runs over the CSV.',
        'Imported dataset = loading the encoded columns from DuckDB (ORDER BY case, time, position) + the query; cached = the query alone on the loaded log.',
        'pm4jsVsOursCpuSeconds compares process CPU time (all threads) of the same runs; wall-time ratios swing with the load of other work on the machine.',
        'chDB orders ties by rowNumberInAllBlocks() and counts the funnel with windowFunnel, so its funnel semantics differ slightly.',
      ],
      results,
      ratios,
      targets,
    };
    mkdirSync(join(here, 'results'), { recursive: true });
    writeFileSync(join(here, 'results', 'analytics.json'), `${JSON.stringify(output, null, 2)}\n`);
    console.log(JSON.stringify({ ratios, targets }, null, 2));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
