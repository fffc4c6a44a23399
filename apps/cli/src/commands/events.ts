import cliProgress from 'cli-progress';
import { Option, type Command } from 'commander';
import { addEngineOptions, openEngine, printJson, reportingLogErrors } from './analyze/logOptions';

interface ImportCliOptions {
  dataset: string;
  case?: string;
  activity?: string;
  timestamp?: string;
  engine: 'duckdb' | 'clickhouse';
  db?: string;
  onError: 'fail' | 'skip';
  json: boolean;
}

/** A byte progress bar on a terminal; nothing in pipes. */
function progressBar(label: string) {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {events} events | {rate} events/s`,
      stream: process.stderr,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  let isStarted = false;
  return {
    update: (progress: { bytesRead: number; totalBytes: number; events: number }) => {
      if (!isStarted) {
        bar.start(Math.max(progress.totalBytes, 1), 0, { events: 0, rate: 0 });
        isStarted = true;
      }
      const seconds = (performance.now() - started) / 1000;
      bar.update(progress.bytesRead, {
        events: progress.events,
        rate: Math.round(progress.events / Math.max(seconds, 1e-3)),
      });
    },
    stop: () => {
      if (isStarted) bar.stop();
    },
  };
}

/** `trailmap events import LOG --dataset NAME` and `trailmap events list`. */
export function registerEvents(program: Command): void {
  const events = program.command('events').description('Store event logs as datasets for repeated analysis');
  const importCommand = events
    .command('import')
    .description(
      'Read an event log and store it as a dataset (dictionary-encoded); replaces a dataset of the same name',
    )
    .argument('<log>', 'event log file (CSV, JSONL, XES, Parquet; optionally .gz)')
    .requiredOption('--dataset <name>', 'dataset name (letters, digits, _ and -)')
    .option('--case <column>', 'case id column')
    .option('--activity <column>', 'activity column')
    .option('--timestamp <column>', 'timestamp column');
  addEngineOptions(importCommand)
    .addOption(
      new Option('--on-error <mode>', 'bad rows: fail with LOG:LINE, or skip and count them')
        .choices(['fail', 'skip'])
        .default('fail'),
    )
    .option('--json', 'print the import report as JSON', false)
    .action(async (source: string, options: ImportCliOptions) => {
      const { importLog } = await import('@trailmap/analytics');
      const bar = progressBar(`importing ${options.dataset}`);
      const report = await reportingLogErrors(async () => {
        const engine = await openEngine(options);
        try {
          return await importLog(engine, source, {
            dataset: options.dataset,
            columns: { case: options.case, activity: options.activity, timestamp: options.timestamp },
            onError: options.onError,
            onProgress: bar.update,
          });
        } finally {
          bar.stop();
          await engine.close();
        }
      });
      if (options.json) return printJson(report);
      if (report.skipped > 0) process.stderr.write(`${source}: skipped ${report.skipped} bad row(s)\n`);
      process.stdout.write(
        `imported ${report.dataset.events} events (${report.dataset.cases} cases, ${report.dataset.activities} activities) into dataset "${report.dataset.name}" in ${report.seconds.toFixed(2)}s (${Math.round(report.eventsPerSecond)} events/s)\n`,
      );
    });
  addEngineOptions(events.command('list').description('List stored datasets'))
    .option('--json', 'print JSON', false)
    .action(async (options: { engine: string; db?: string; json: boolean }) => {
      const engine = await openEngine(options);
      try {
        const datasets = await engine.listDatasets();
        if (options.json) return printJson({ datasets });
        for (const d of datasets)
          process.stdout.write(`${d.name}  ${d.events} events  ${d.cases} cases  ${d.source ?? ''}\n`);
      } finally {
        await engine.close();
      }
    });
}
