import { Option, type Command } from 'commander';
import { percent, printJson, reportingLogErrors } from './logOptions';

/** `trailmap analyze touchpoints SURVEY.csv [--by touchpoint|stage]`: CSAT, NPS, CES and sentiment. */
export function registerAnalyzeTouchpoints(analyze: Command): void {
  analyze
    .command('touchpoints')
    .description(
      'Survey scores per touchpoint or stage: CSAT (share of 4-5), NPS, CES mean, verbatim sentiment',
    )
    .argument('<survey>', 'survey CSV: touchpoint, stage, csat, nps, ces, text (or metric + score) columns')
    .addOption(
      new Option('--by <key>', 'group answers by').choices(['touchpoint', 'stage']).default('touchpoint'),
    )
    .option('--json', 'print machine-readable JSON on stdout', false)
    .action(async (file: string, options: { by: 'touchpoint' | 'stage'; json: boolean }) => {
      const { readSurvey, scoreTouchpoints } = await import('@trailmap/analytics');
      const groups = scoreTouchpoints(await reportingLogErrors(() => readSurvey(file)), { by: options.by });
      if (options.json) return printJson({ [options.by === 'stage' ? 'stages' : 'touchpoints']: groups });
      for (const group of groups) {
        const parts = [
          group.csat ? `CSAT ${percent(group.csat.score)} (n=${group.csat.responses})` : null,
          group.nps ? `NPS ${group.nps.score.toFixed(1)} (n=${group.nps.responses})` : null,
          group.ces ? `CES ${group.ces.mean.toFixed(2)} (n=${group.ces.responses})` : null,
          group.sentiment
            ? `sentiment ${group.sentiment.meanScore.toFixed(2)} (n=${group.sentiment.responses})`
            : null,
        ].filter((part) => part !== null);
        process.stdout.write(`${group[options.by] ?? '(none)'}: ${parts.join(', ') || 'no scores'}\n`);
        const worst = group.topVerbatims.negative[0];
        if (worst) process.stdout.write(`  most negative: "${worst.text}"\n`);
      }
    });
}
