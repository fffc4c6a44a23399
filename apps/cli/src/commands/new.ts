import { existsSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import type { Command } from 'commander';
import { createFromTemplate, createTemplatePair, getTemplate } from '@trailmap/core';
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
  withCurrent?: string;
  force: boolean;
}

/** `--with-current FILE`: the redesign pair, both maps at once, sharing ids for a clean diff. */
function createPair(options: NewOptions & { withCurrent: string }) {
  if (options.template !== 'future-state') {
    throw new CliError('--with-current only works with --template future-state', EXIT.usage);
  }
  const { current, future } = createTemplatePair({
    ctx: cliContext(),
    currentFile: relative(dirname(options.output), options.withCurrent).split('\\').join('/'),
    ...(options.title === undefined ? {} : { title: options.title }),
  });
  writeFileAtomic(options.withCurrent, serialize(current, formatForPath(options.withCurrent)));
  writeFileAtomic(options.output, serialize(future, formatForPath(options.output)));
  process.stdout.write(
    `created ${displayPath(options.withCurrent)} (current state) and ${displayPath(options.output)}` +
      ` (future state, linked to it)\n`,
  );
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
    .option('--with-current <file>', 'future-state only: also create the current-state map it redesigns')
    .option('--force', 'overwrite existing files', false)
    .action((options: NewOptions) => {
      for (const file of [options.output, options.withCurrent]) {
        if (file !== undefined && existsSync(file) && !options.force) {
          throw new CliError(`${displayPath(file)} already exists (use --force to overwrite)`, EXIT.invalid);
        }
      }
      getTemplate(options.template);
      if (options.withCurrent !== undefined)
        return createPair({ ...options, withCurrent: options.withCurrent });
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
