import type { Command } from 'commander';
import { diffJourneys, formatDiff } from '@trailmap/core';
import { CliError, EXIT } from '../errors';
import { loadJourneyFile } from '../io/loadDocument';
import { printIssues } from '../io/report';

/** `trailmap diff A B [--json] [--exit-code]`: what changed between two maps, record by record. */
export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('Show what changed between two journey files (stages, cards, opportunities, emotions)')
    .argument('<before>', 'the earlier map (e.g. the current state)')
    .argument('<after>', 'the later map (e.g. the future state)')
    .option('--json', 'print the diff as JSON', false)
    .option('--exit-code', 'exit 1 when the maps differ (like git diff --exit-code)', false)
    .action((before: string, after: string, options: { json: boolean; exitCode: boolean }) => {
      const loaded = [loadJourneyFile(before), loadJourneyFile(after)];
      let isBroken = false;
      for (const result of loaded) {
        if (!result.ok) {
          printIssues(result.file, result.issues);
          isBroken = true;
        }
      }
      const [a, b] = loaded;
      if (isBroken || !a?.ok || !b?.ok) throw new CliError('', EXIT.invalid);
      const diff = diffJourneys(a.doc, b.doc);
      const text = options.json ? `${JSON.stringify(diff, null, 2)}\n` : formatDiff(diff);
      process.stdout.write(text.endsWith('\n') || text === '' ? text : `${text}\n`);
      const isSame = diff.map.length === 0 && diff.changes.length === 0 && diff.emotions.length === 0;
      if (options.exitCode && !isSame) throw new CliError('', EXIT.invalid);
    });
}
