import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { CliError, EXIT } from '../errors';
import { writeFileAtomic } from '../io/atomicWrite';
import { formatForPath, serialize } from '../io/loadDocument';
import { addLogOptions, loadLog, reportingLogErrors, type LogCliOptions } from './analyze/logOptions';

interface DraftCliOptions extends LogCliOptions {
  output?: string;
  title?: string;
  force: boolean;
  maxStages: number;
}

/** `trailmap draft LOG -o map.journey.json`: a first current-state map drafted from data. */
export function registerDraft(program: Command): void {
  addLogOptions(
    program
      .command('draft')
      .description(
        'Draft a current-state journey map from an event log (stages, actions, touchpoints, pain points, evidence)',
      ),
  )
    .option('-o, --output <file>', 'write the map here (.journey.json or .journey.yaml); default: stdout')
    .option('--title <title>', 'map title')
    .option('--max-stages <n>', 'at most this many stages', (value) => Number.parseInt(value, 10), 6)
    .option('--force', 'overwrite an existing output file', false)
    .action(async (source: string, options: DraftCliOptions) => {
      if (options.output && existsSync(options.output) && !options.force) {
        throw new CliError(`${options.output} exists; use --force to overwrite it`, EXIT.invalid);
      }
      if (!(options.maxStages >= 1))
        throw new CliError('--max-stages must be a positive whole number', EXIT.usage);
      const { draftJourney } = await import('@trailmap/analytics');
      const log = await loadLog(source, options);
      const doc = await reportingLogErrors(async () =>
        draftJourney(log, { title: options.title, source, maxStages: options.maxStages }),
      );
      const text = serialize(doc, options.output ? formatForPath(options.output) : 'json');
      if (!options.output) {
        process.stdout.write(text);
        return;
      }
      writeFileAtomic(options.output, text);
      process.stderr.write(
        `wrote ${options.output}: ${doc.stages.length} stages, ${doc.cards.length} cards\n`,
      );
    });
}
