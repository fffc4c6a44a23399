import { extname } from 'node:path';
import { Option, type Command } from 'commander';
import { fromCsv, fromMermaid } from '@trailmap/core';
import { isTrailmapError, validateJourney, type Issue, type Journey } from '@trailmap/schema';
import { cliContext } from '../context';
import { CliError, EXIT } from '../errors';
import { writeFileAtomic } from '../io/atomicWrite';
import { formatForPath, readInputFile, serialize } from '../io/loadDocument';
import { displayPath, printIssues } from '../io/report';

type ImportSource = 'csv' | 'mermaid' | 'xlsx';

const SOURCE_BY_EXTENSION: Record<string, ImportSource> = {
  '.csv': 'csv',
  '.mmd': 'mermaid',
  '.mermaid': 'mermaid',
  '.xlsx': 'xlsx',
};

const isIssueList = (value: unknown): value is Issue[] =>
  Array.isArray(value) &&
  value.every((item) => typeof item === 'object' && item !== null && 'message' in item);

async function convert(source: ImportSource, bytes: Buffer, file: string): Promise<Journey> {
  const options = { ctx: cliContext(), filename: file };
  if (source === 'xlsx') return (await import('@trailmap/render/node')).fromXlsx(bytes, options);
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  return source === 'csv' ? fromCsv(text, options) : fromMermaid(text, options);
}

/** `trailmap import FILE [--from csv|mermaid|xlsx] [-o OUT]`: turn a grid or a Mermaid journey into a map. */
export function registerImport(program: Command): void {
  program
    .command('import')
    .description('Create a journey file from a CSV grid, a Mermaid journey diagram or an .xlsx export')
    .argument('<file>', 'the file to import (.csv, .mmd, .xlsx)')
    .addOption(
      new Option('--from <format>', 'input format (default: from the extension)').choices([
        'csv',
        'mermaid',
        'xlsx',
      ]),
    )
    .option('-o, --output <file>', 'journey file to write (default: canonical JSON on stdout)')
    .action(async (file: string, options: { from?: ImportSource; output?: string }) => {
      const source = options.from ?? SOURCE_BY_EXTENSION[extname(file).toLowerCase()];
      if (!source)
        throw new CliError(
          `cannot tell the format of ${displayPath(file)}: pass --from csv|mermaid|xlsx`,
          EXIT.usage,
        );
      const read = readInputFile(file);
      if (!read.ok) {
        printIssues(file, [read.issue]);
        throw new CliError('', EXIT.invalid);
      }
      let doc: Journey;
      try {
        doc = await convert(source, read.bytes, file);
      } catch (error) {
        if (!isTrailmapError(error)) throw error;
        printIssues(
          file,
          isIssueList(error.details)
            ? error.details
            : [{ pointer: '', code: error.code, message: error.message }],
        );
        throw new CliError('', EXIT.invalid);
      }
      const checked = validateJourney(doc);
      if (!checked.ok) {
        printIssues(file, checked.issues);
        throw new CliError('the import produced an invalid map; nothing written', EXIT.invalid);
      }
      if (!options.output) {
        process.stdout.write(serialize(checked.value, 'json'));
        return;
      }
      writeFileAtomic(options.output, serialize(checked.value, formatForPath(options.output)));
      process.stderr.write(
        `imported ${displayPath(file)} → ${displayPath(options.output)}` +
          ` (${checked.value.stages.length} stages, ${checked.value.cards.length} cards)\n`,
      );
    });
}
