import type { Command } from 'commander';
import type { FunnelResult } from '@trailmap/analytics';
import { CliError, EXIT } from '../../errors';
import {
  addLogOptions,
  humanSeconds,
  loadLog,
  percent,
  printJson,
  reportingLogErrors,
  type LogCliOptions,
} from './logOptions';

/** `trailmap analyze funnel LOG --steps "A>B>C" [--window SECONDS]`. */
export function registerAnalyzeFunnel(analyze: Command): void {
  addLogOptions(
    analyze
      .command('funnel')
      .description('Eventually-follows funnel: cases per step, conversion, median time, drop-off'),
  )
    .requiredOption('--steps <steps>', 'ordered activities, e.g. "Visit site>Add to cart>Pay"')
    .option('--window <seconds>', 'max seconds from the first step to each later step', Number.parseFloat)
    .action(async (source: string, options: LogCliOptions & { steps: string; window?: number }) => {
      if (options.window !== undefined && !(options.window > 0)) {
        throw new CliError('--window must be a positive number of seconds', EXIT.usage);
      }
      const { funnel, parseSteps } = await import('@trailmap/analytics');
      const steps = await reportingLogErrors(async () => parseSteps(options.steps));
      const log = await loadLog(source, options);
      const result = await reportingLogErrors(async () =>
        funnel(log, { steps, windowSeconds: options.window }),
      );
      if (options.json) return printJson(funnelJson(result));
      for (const step of result.steps) {
        process.stdout.write(
          `${String(step.cases).padStart(9)}  ${percent(step.conversionFromStart).padStart(6)} of start  ${percent(step.conversionFromPrevious).padStart(6)} of previous  ${step.dropOff} dropped  median ${humanSeconds(step.medianSecondsFromPrevious)}  ${step.activity}\n`,
        );
      }
    });
}

/** The documented `analyze funnel --json` shape (the engine's result carries more). */
export const funnelJson = (result: FunnelResult) => ({
  steps: result.steps.map((step) => ({
    activity: step.activity,
    cases: step.cases,
    conversionFromStart: step.conversionFromStart,
    conversionFromPrevious: step.conversionFromPrevious,
    medianSecondsFromPrevious: step.medianSecondsFromPrevious,
  })),
});
