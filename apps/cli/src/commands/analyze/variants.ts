import type { Command } from 'commander';
import { addLogOptions, loadLog, percent, printJson, type LogCliOptions } from './logOptions';

/** `trailmap analyze variants LOG [--top N]`: distinct paths, most frequent first. */
export function registerAnalyzeVariants(analyze: Command): void {
  addLogOptions(
    analyze.command('variants').description('Distinct activity sequences with case counts and shares'),
  )
    .option(
      '--top <n>',
      'list only the N most frequent variants (default: all with --json, 20 otherwise)',
      (v) => Number.parseInt(v, 10),
    )
    .action(async (source: string, options: LogCliOptions & { top?: number }) => {
      const { variants } = await import('@trailmap/analytics');
      const limit = options.top ?? (options.json ? undefined : 20);
      const result = variants(await loadLog(source, options), { limit });
      if (options.json) return printJson(result);
      process.stdout.write(`${result.variantCount} variants\n`);
      for (const variant of result.variants) {
        process.stdout.write(
          `${String(variant.cases).padStart(9)}  ${percent(variant.share).padStart(6)}  ${variant.activities.join(' > ')}\n`,
        );
      }
    });
}
