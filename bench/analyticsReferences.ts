// Reference systems the analytics bench compares our engine against, each run in a child process
// by bench/analytics.bench.ts: hand-written DuckDB SQL (over the CSV and over the imported table),
// chDB over the CSV, and pm4js on the small log.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DuckDBInstance } from '@duckdb/node-api';
import { isChdbAvailable } from '@trailmap/analytics/clickhouse';

/** A DuckDB source of events `(case_id, activity, ts, rn)` with `ts` in microseconds. */
export const duckCsvSource = (file: string) =>
  `SELECT case_id, activity, epoch_us("timestamp") AS ts, row_number() OVER () AS rn
   FROM read_csv('${file.replace(/'/g, "''")}', header = true,
     columns = {'case_id': 'VARCHAR', 'activity': 'VARCHAR', 'timestamp': 'TIMESTAMP'})`;

/** The imported table of dataset `bench`, with activity names joined back. */
export const duckTableSource = (prefix: string) =>
  `SELECT e.case_id, a.name AS activity, e.ts_us AS ts, e.position AS rn
   FROM ${prefix}_events e JOIN ${prefix}_activities a USING (activity_id)`;

export const duckDfg = (source: string) => `
  WITH e AS (${source}),
  d AS (SELECT activity AS a, lead(activity) OVER w AS b, lead(ts) OVER w - ts AS dt
        FROM e WINDOW w AS (PARTITION BY case_id ORDER BY ts, rn))
  SELECT a, b, count(*) AS n, avg(dt) / 1e6 AS mean, median(dt) / 1e6 AS median,
         quantile_cont(dt, 0.9) / 1e6 AS p90
  FROM d WHERE b IS NOT NULL GROUP BY a, b ORDER BY a, b`;

export const duckVariants = (source: string) => `
  WITH e AS (${source}),
  v AS (SELECT string_agg(activity, '>' ORDER BY ts, rn) AS variant FROM e GROUP BY case_id)
  SELECT variant, count(*) AS n FROM v GROUP BY variant ORDER BY n DESC, variant`;

export const duckFunnel = (source: string, steps: [string, string, string]) => {
  const [a, b, c] = steps.map((step) => `'${step.replace(/'/g, "''")}'`);
  return `
  WITH e AS (${source}),
  o AS (SELECT case_id, activity, ts, row_number() OVER (PARTITION BY case_id ORDER BY ts, rn) AS k FROM e),
  s1 AS (SELECT case_id, min(k) AS k1, arg_min(ts, k) AS t1 FROM o WHERE activity = ${a} GROUP BY case_id),
  s2 AS (SELECT o.case_id, min(o.k) AS k2, arg_min(o.ts, o.k) AS t2, any_value(s1.t1) AS t1
         FROM o JOIN s1 USING (case_id) WHERE o.activity = ${b} AND o.k > s1.k1 GROUP BY o.case_id),
  s3 AS (SELECT o.case_id, arg_min(o.ts, o.k) AS t3, any_value(s2.t2) AS t2
         FROM o JOIN s2 USING (case_id) WHERE o.activity = ${c} AND o.k > s2.k2 GROUP BY o.case_id)
  SELECT (SELECT count(*) FROM s1) AS c1, (SELECT count(*) FROM s2) AS c2,
         (SELECT median(t2 - t1) / 1e6 FROM s2) AS m2, (SELECT count(*) FROM s3) AS c3,
         (SELECT median(t3 - t2) / 1e6 FROM s3) AS m3`;
};

const chSource = (file: string) => `
  SELECT case_id, activity, toUnixTimestamp64Micro(parseDateTime64BestEffort("timestamp", 6, 'UTC')) AS ts,
         rowNumberInAllBlocks() AS rn
  FROM file('${file.replace(/'/g, "\\'")}', 'CSVWithNames', 'case_id String, activity String, timestamp String')`;

export const chDfg = (file: string) => `
  WITH e AS (${chSource(file)})
  SELECT a, b, count() AS n, avg(dt) / 1e6 AS mean, quantileExactInclusive(0.5)(dt) / 1e6 AS median,
         quantileExactInclusive(0.9)(dt) / 1e6 AS p90
  FROM (SELECT activity AS a, leadInFrame(activity) OVER w AS b, leadInFrame(ts) OVER w - ts AS dt,
               row_number() OVER w AS k, count() OVER w AS total
        FROM e WINDOW w AS (PARTITION BY case_id ORDER BY ts, rn ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING))
  WHERE k < total GROUP BY a, b ORDER BY a, b`;

export const chVariants = (file: string) => `
  WITH e AS (${chSource(file)})
  SELECT variant, count() AS n FROM (
    SELECT arrayStringConcat(arrayMap(x -> x.3, arraySort(x -> (x.1, x.2), groupArray((ts, rn, activity)))), '>') AS variant
    FROM e GROUP BY case_id)
  GROUP BY variant ORDER BY n DESC, variant`;

export const chFunnel = (file: string, steps: [string, string, string]) => {
  const [a, b, c] = steps.map((step) => `'${step.replace(/'/g, "\\'")}'`);
  return `
  WITH e AS (${chSource(file)})
  SELECT level, count() AS n FROM (
    SELECT case_id, windowFunnel(4000000000)(toDateTime(intDiv(ts, 1000000)), activity = ${a}, activity = ${b}, activity = ${c}) AS level
    FROM e GROUP BY case_id)
  GROUP BY level ORDER BY level`;
};

export type Result = Record<string, number | string | boolean | null | Record<string, unknown>>;

export const seconds = async <T>(task: () => Promise<T> | T): Promise<[number, T]> => {
  const started = performance.now();
  const value = await task();
  return [(performance.now() - started) / 1000, value];
};

/** CPU time of this process (all threads, user + system): steadier than wall time on a shared machine. */
export const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

export async function duckdbRuns(
  sql: (query: 'dfg' | 'variants' | 'funnel') => string,
  path = ':memory:',
): Promise<Result> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  try {
    const [dfgSeconds, dfg] = await seconds(() => connection.runAndReadAll(sql('dfg')));
    const [variantsSeconds, found] = await seconds(() => connection.runAndReadAll(sql('variants')));
    const [funnelSeconds, result] = await seconds(() => connection.runAndReadAll(sql('funnel')));
    const counts = result.getRows()[0]!;
    return {
      dfgSeconds,
      variantsSeconds,
      funnelSeconds,
      edges: dfg.currentRowCount,
      variantCount: found.currentRowCount,
      funnelCases: [counts[0], counts[1], counts[3]].map(String).join('/'),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** chDB's DFG, variants and funnel over the CSV. */
export async function chdbRaw(file: string, steps: [string, string, string]): Promise<Result> {
  if (!(await isChdbAvailable())) return { skipped: 'chdb is not installed' };
  const { queryAsync } = (await import('chdb')) as unknown as {
    queryAsync: (sql: string, options: { format: string }) => Promise<{ text(): string }>;
  };
  const run = (sql: string) =>
    queryAsync(sql, { format: 'JSONCompact' }).then(
      (r) => JSON.parse(r.text()) as { rows: number; data: unknown[][] },
    );
  const [dfgSeconds, dfg] = await seconds(() => run(chDfg(file)));
  const [variantsSeconds, found] = await seconds(() => run(chVariants(file)));
  const [funnelSeconds, levels] = await seconds(() => run(chFunnel(file, steps)));
  return {
    dfgSeconds,
    variantsSeconds,
    funnelSeconds,
    edges: dfg.rows,
    variantCount: found.rows,
    funnelLevels: JSON.stringify(levels.data),
  };
}

/** pm4js: CSV import, performance DFG (mean) and variants, as its own API offers them. */
export async function pm4jsRun(file: string): Promise<Result> {
  const require = createRequire(import.meta.url);
  try {
    require('pm4js');
  } catch {
    return { skipped: 'pm4js is not installed' };
  }
  const g = globalThis as unknown as Record<
    string,
    {
      apply: (...args: unknown[]) => unknown;
      getVariants: (...args: unknown[]) => Record<string, unknown>;
    }
  >;
  const cpuStart = cpuSeconds();
  const [readSeconds, log] = await seconds(() =>
    g.CsvImporter!.apply(readFileSync(file, 'utf8'), ',', '"', 'case_id', 'activity', 'timestamp'),
  );
  const [dfgSeconds] = await seconds(() =>
    g.PerformanceDfgDiscovery!.apply(log, 'concept:name', 'time:timestamp', 'mean'),
  );
  const [variantsSeconds, found] = await seconds(() =>
    g.GeneralLogStatistics!.getVariants(log, 'concept:name'),
  );
  return {
    readSeconds,
    dfgSeconds,
    variantsSeconds,
    totalSeconds: readSeconds + dfgSeconds + variantsSeconds,
    cpuSeconds: cpuSeconds() - cpuStart,
    variantCount: Object.keys(found).length,
  };
}
