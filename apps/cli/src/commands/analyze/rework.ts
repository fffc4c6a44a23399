import type { Command } from 'commander';
import { addLogOptions, loadLog, printJson, type LogCliOptions } from './logOptions';

/** `trailmap analyze rework LOG`: activities done more than once per case. */
export function registerAnalyzeRework(analyze: Command): void {
  addLogOptions(
    analyze
      .command('rework')
      .description('Rework and loops per activity: cases with repeats, repeats, self-loops'),
  ).action(async (source: string, options: LogCliOptions) => {
    const { rework } = await import('@trailmap/analytics');
    const rows = rework(await loadLog(source, options));
    if (options.json) return printJson({ activities: rows });
    for (const row of rows) {
      process.stdout.write(
        `${String(row.repeats).padStart(9)} repeats in ${row.casesWithRework} cases (${row.selfLoops} self-loops)  ${row.activity}\n`,
      );
    }
  });
}
