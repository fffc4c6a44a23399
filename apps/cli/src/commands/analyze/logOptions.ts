import { Option, type Command } from 'commander';
import { isTrailmapError } from '@trailmap/schema';
import type { Engine, EventLog, Filter } from '@trailmap/analytics';
import { CliError, EXIT } from '../../errors';

/** Options every `analyze` command that reads a log accepts. */
export interface LogCliOptions {
  case?: string;
  activity?: string;
  timestamp?: string;
  engine: 'duckdb' | 'clickhouse';
  db?: string;
  filter: string[];
  onError: 'fail' | 'skip';
  json: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** Default place of stored datasets: `TRAILMAP_ANALYTICS_DB`, else `trailmap-analytics.duckdb` (or `…-clickhouse/`). */
export const defaultDatabase = (engine: string) =>
  process.env.TRAILMAP_ANALYTICS_DB ??
  (engine === 'clickhouse' ? 'trailmap-analytics-clickhouse' : 'trailmap-analytics.duckdb');

/** Adds the engine options (where datasets live). */
export function addEngineOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--engine <engine>',
        'storage engine for datasets (ClickHouse uses CLICKHOUSE_URL when set, else embedded chDB)',
      )
        .choices(['duckdb', 'clickhouse'])
        .default('duckdb'),
    )
    .option(
      '--db <path>',
      'DuckDB file or chDB directory holding datasets (default: $TRAILMAP_ANALYTICS_DB or ./trailmap-analytics.duckdb)',
    );
}

/** Adds column mapping, engine, filter, error and output options to an `analyze` command. */
export function addLogOptions(command: Command): Command {
  command
    .argument('<log>', 'event log file (CSV, JSONL, XES, Parquet; optionally .gz) or dataset:NAME')
    .option('--case <column>', 'case id column (default: case_id or a common alias; XES: case:concept:name)')
    .option('--activity <column>', 'activity column (default: activity or a common alias; XES: concept:name)')
    .option(
      '--timestamp <column>',
      'timestamp column (default: timestamp or a common alias; XES: time:timestamp)',
    );
  addEngineOptions(command);
  return command
    .option(
      '--filter <filter>',
      'keep cases: from=ISO, to=ISO, segment=V, contains=A, lacks=A, KEY=V (attribute), event:KEY=V (events only); repeatable',
      collect,
      [],
    )
    .addOption(
      new Option('--on-error <mode>', 'bad rows: fail with LOG:LINE, or skip and count them')
        .choices(['fail', 'skip'])
        .default('fail'),
    )
    .option('--json', 'print machine-readable JSON on stdout', false);
}

/** Opens the engine the options name. */
export async function openEngine(options: { engine: string; db?: string }): Promise<Engine> {
  const path = options.db ?? defaultDatabase(options.engine);
  if (options.engine === 'clickhouse') {
    const { ClickHouseEngine, isChdbAvailable } = await import('@trailmap/analytics/clickhouse');
    if (!process.env.CLICKHOUSE_URL && !(await isChdbAvailable())) {
      throw new CliError(
        'the clickhouse engine needs CLICKHOUSE_URL or the optional "chdb" package',
        EXIT.invalid,
      );
    }
    return ClickHouseEngine.open({ path });
  }
  const { DuckDbEngine } = await import('@trailmap/analytics');
  return DuckDbEngine.open(path);
}

/**
 * Runs `task`, turning analytics input errors into `LOG:LINE: message` lines on stderr and
 * exit 1 (the message already carries the location).
 */
export async function reportingLogErrors<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (isTrailmapError(error)) {
      process.stderr.write(`${error.message}\n`);
      throw new CliError('', EXIT.invalid);
    }
    throw error;
  }
}

/** Reads the log (file or `dataset:NAME`), applies `--filter`s, and reports skipped rows. */
export async function loadLog(source: string, options: LogCliOptions): Promise<EventLog> {
  const analytics = await import('@trailmap/analytics');
  return reportingLogErrors(async () => {
    const filters: Filter[] = options.filter.map(analytics.parseFilter);
    let log: EventLog;
    if (source.startsWith('dataset:')) {
      const engine = await openEngine(options);
      try {
        log = await engine.loadDataset(source.slice('dataset:'.length));
      } finally {
        await engine.close();
      }
    } else {
      const result = await analytics.readLog(source, {
        columns: { case: options.case, activity: options.activity, timestamp: options.timestamp },
        onError: options.onError,
      });
      if (result.skipped > 0) process.stderr.write(`${source}: skipped ${result.skipped} bad row(s)\n`);
      log = result.log;
    }
    return filters.length > 0 ? analytics.applyFilters(log, filters) : log;
  });
}

/** Prints JSON (stable key order as built) to stdout. */
export const printJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};

/** Seconds as a short human duration: `3d 4h`, `12m 5s`, `0.25s`. */
export function humanSeconds(seconds: number | null): string {
  if (seconds === null) return '-';
  if (seconds < 60) return `${Number(seconds.toFixed(2))}s`;
  const units: [string, number][] = [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ];
  const parts: string[] = [];
  let rest = Math.round(seconds);
  for (const [unit, size] of units) {
    if (rest >= size && parts.length < 2) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    } else if (parts.length > 0) break;
  }
  return parts.join(' ');
}

export const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
