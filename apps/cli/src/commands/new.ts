import { existsSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import type { Command } from 'commander';
import { createFromTemplate, getTemplate } from '@trailmap/core';
import { cliContext } from '../context';
import { CliError, EXIT } from '../errors';
import { writeFileAtomic } from '../io/atomicWrite';
import { formatForPath, requireJourneyFile, serialize } from '../io/loadDocument';
import { displayPath } from '../io/report';

interface NewOptions {
  template: string;
  title?: string;
  output: string;
  compareWith?: string;
  force: boolean;
}

/** `trailmap new --template ID [--title T] -o FILE`: start a map from a built-in template. */
export function registerNew(program: Command): void {
  program
    .command('new')
    .description('Create a journey file from a template (see `trailmap templates`)')
    .requiredOption('-t, --template <id>', 'template id, e.g. ecommerce')
    .requiredOption('-o, --output <file>', 'file to create (.journey.json or .journey.yaml)')
    .option('--title <title>', "the map's title (default: the template's)")
    .option(
      '--compare-with <file>',
      'link the new map to this map (e.g. a future state to its current state)',
    )
    .option('--force', 'overwrite an existing file', false)
    .action((options: NewOptions) => {
      if (existsSync(options.output) && !options.force) {
        throw new CliError(
          `${displayPath(options.output)} already exists (use --force to overwrite)`,
          EXIT.invalid,
        );
      }
      getTemplate(options.template);
      const compared = options.compareWith ? requireJourneyFile(options.compareWith) : undefined;
      const doc = createFromTemplate(options.template, {
        ctx: cliContext(),
        ...(options.title === undefined ? {} : { title: options.title }),
        ...(compared === undefined
          ? {}
          : {
              compareWith: {
                mapId: compared.doc.map.id,
                title: compared.doc.map.title,
                file: relative(dirname(options.output), compared.file).split('\\').join('/'),
              },
            }),
      });
      writeFileAtomic(options.output, serialize(doc, formatForPath(options.output)));
      process.stdout.write(
        `created ${displayPath(options.output)} from template ${options.template}` +
          ` (${doc.stages.length} stages, ${doc.cards.length} cards)\n`,
      );
    });
}
