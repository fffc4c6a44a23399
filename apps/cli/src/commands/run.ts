import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { executeCommand } from '@trailmap/core';
import { isTrailmapError, validateJourney, type Issue } from '@trailmap/schema';
import { cliContext } from '../context';
import { CliError, EXIT } from '../errors';
import { writeFileAtomic } from '../io/atomicWrite';
import { requireJourneyFile, serialize } from '../io/loadDocument';
import { displayPath } from '../io/report';

function parseInput(raw: string): unknown {
  const text = raw.startsWith('@') ? readFileSync(raw.slice(1), 'utf8') : raw;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`--input is not valid JSON (${(error as Error).message})`, EXIT.usage);
  }
}

const isIssueList = (value: unknown): value is Issue[] =>
  Array.isArray(value) &&
  value.every((item) => typeof item === 'object' && item !== null && 'message' in item);

/** `trailmap run COMMAND_ID --map FILE --input JSON`: apply one core command to a file, atomically. */
export function registerRun(program: Command): void {
  program
    .command('run')
    .description('Apply a command (e.g. card.add) to a journey file and save it atomically')
    .argument('<command>', 'command id, e.g. stage.add or card.add')
    .requiredOption('--map <file>', 'journey document to change')
    .option('--input <json>', 'command input as JSON, or @file.json', '{}')
    .option('--dry-run', 'print the resulting ops without writing', false)
    .action((commandId: string, options: { map: string; input: string; dryRun: boolean }) => {
      const loaded = requireJourneyFile(options.map);
      const input = parseInput(options.input);
      let result;
      try {
        result = executeCommand(loaded.doc, { command: commandId, input }, cliContext());
      } catch (error) {
        if (!isTrailmapError(error)) throw error;
        const details = isIssueList(error.details)
          ? error.details.map((issue) => `\n  ${issue.pointer || '/'}: ${issue.message}`).join('')
          : '';
        throw new CliError(`${commandId}: ${error.message}${details}`, EXIT.invalid);
      }
      const checked = validateJourney(result.doc);
      if (!checked.ok) {
        const problems = checked.issues.map((issue) => `\n  ${issue.pointer}: ${issue.message}`).join('');
        throw new CliError(
          `${commandId} would leave the map invalid; nothing written${problems}`,
          EXIT.invalid,
        );
      }
      process.stdout.write(`${JSON.stringify(result.ops)}\n`);
      if (options.dryRun) return;
      writeFileAtomic(options.map, serialize(checked.value, loaded.format));
      process.stderr.write(
        `${displayPath(options.map)}: applied ${commandId} (${result.ops.length} op(s))\n`,
      );
    });
}
