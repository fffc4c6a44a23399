import type { Command } from 'commander';
import { addLogOptions, loadLog, printJson, type LogCliOptions } from './logOptions';

/** `trailmap analyze summary LOG`: size, span and attributes of a log. */
export function registerAnalyzeSummary(analyze: Command): void {
  addLogOptions(
    analyze.command('summary').description('Cases, events, activities, variants and time span of a log'),
  ).action(async (source: string, options: LogCliOptions) => {
    const { summary } = await import('@trailmap/analytics');
    const result = summary(await loadLog(source, options));
    if (options.json) return printJson(result);
    const lines = [
      `cases        ${result.cases}`,
      `events       ${result.events}`,
      `activities   ${result.activities}`,
      `variants     ${result.variants}`,
      `first event  ${result.firstEvent ?? '-'}`,
      `last event   ${result.lastEvent ?? '-'}`,
      `events/case  ${result.eventsPerCase.min}..${result.eventsPerCase.max} (mean ${result.eventsPerCase.mean.toFixed(2)})`,
      `attributes   ${result.attributes.join(', ') || '-'}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  });
}
