import type { Command } from 'commander';
import type { Journey } from '@trailmap/schema';
import { requireJourneyFile } from '../../io/loadDocument';
import {
  addLogOptions,
  humanSeconds,
  loadLog,
  percent,
  printJson,
  reportingLogErrors,
  type LogCliOptions,
} from './logOptions';

/** `trailmap analyze conformance LOG --map FILE [--survey FILE]`: designed stage order vs real paths. */
export function registerAnalyzeConformance(analyze: Command): void {
  addLogOptions(
    analyze
      .command('conformance')
      .description(
        "Compare real paths with a map's designed stage order (through its metric bindings), with per-stage measures",
      ),
  )
    .requiredOption('--map <file>', 'journey document whose stages carry metric bindings')
    .option('--survey <file>', 'survey CSV to score stages and compute the measured emotion curve')
    .action(async (source: string, options: LogCliOptions & { map: string; survey?: string }) => {
      const journey: Journey = requireJourneyFile(options.map).doc;
      const { conformance, measureJourney, readSurvey } = await import('@trailmap/analytics');
      const log = await loadLog(source, options);
      const survey = options.survey ? await reportingLogErrors(() => readSurvey(options.survey!)) : [];
      const result = conformance(log, journey);
      const measures = measureJourney(log, journey, survey);
      if (options.json) return printJson({ ...result, measures: measures.stages });
      process.stdout.write(
        `${result.mappedCases} of ${result.cases} cases touch a bound stage; ${percent(result.followingDesign.share)} follow the designed order\n`,
      );
      for (const stage of measures.stages) {
        const skipped = result.skipped.find((entry) => entry.stageId === stage.stageId)?.cases ?? 0;
        process.stdout.write(
          `${stage.name}: reached ${stage.casesReached} (${percent(stage.reach)}), ${stage.conversionToNext ? `${percent(stage.conversionToNext.share)} go on` : 'last stage'}, median ${humanSeconds(stage.medianSecondsInStage)} in stage, skipped by ${skipped}${stage.isBound ? '' : ' (no binding)'}\n`,
        );
      }
      if (result.backtracks.cases > 0)
        process.stdout.write(`${result.backtracks.cases} cases go back to an earlier stage\n`);
      for (const path of result.unexpectedPaths.slice(0, 5)) {
        process.stdout.write(`  ${String(path.cases).padStart(7)}  ${path.stages.join(' > ')}\n`);
      }
    });
}
