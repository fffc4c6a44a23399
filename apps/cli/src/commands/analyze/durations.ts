import type { Command } from 'commander';
import { addLogOptions, humanSeconds, loadLog, printJson, type LogCliOptions } from './logOptions';

/** `trailmap analyze durations LOG`: case duration statistics. */
export function registerAnalyzeDurations(analyze: Command): void {
  addLogOptions(
    analyze
      .command('durations')
      .description('Case durations (first to last event): min, median, mean, p90, max'),
  ).action(async (source: string, options: LogCliOptions) => {
    const { caseDurations } = await import('@trailmap/analytics');
    const result = caseDurations(await loadLog(source, options));
    if (options.json) return printJson(result);
    const d = result.caseDurationSeconds;
    process.stdout.write(
      `${result.cases} cases\nmin     ${humanSeconds(d.min)}\nmedian  ${humanSeconds(d.median)}\nmean    ${humanSeconds(d.mean)}\np90     ${humanSeconds(d.p90)}\nmax     ${humanSeconds(d.max)}\n`,
    );
  });
}
