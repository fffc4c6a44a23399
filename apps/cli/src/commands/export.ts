import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Option, type Command } from 'commander';
import { isTrailmapError } from '@trailmap/schema';
import { CliError, EXIT } from '../errors';
import { EXPORT_FORMATS, exportOptions, getExportFormat, type ExportFormat } from '../exportFormats/index';
import { writeFileAtomic } from '../io/atomicWrite';
import { expandInputs } from '../io/expandInputs';
import { loadJourneyFile } from '../io/loadDocument';
import { progressReporter } from '../io/progress';
import { displayPath, printIssues } from '../io/report';

interface ExportCliOptions extends Record<string, unknown> {
  format: string;
  output?: string;
  outDir?: string;
}

/** `report.journey.yaml` → `report`; other names lose their last extension. */
export const outputStem = (file: string) =>
  basename(file)
    .replace(/\.journey\.(json|ya?ml)$/i, '')
    .replace(/\.[^.]+$/, '');

async function renderOne(format: ExportFormat, file: string, options: ExportCliOptions) {
  const loaded = loadJourneyFile(file);
  if (!loaded.ok) {
    printIssues(file, loaded.issues);
    return undefined;
  }
  try {
    return await format.render({ doc: loaded.doc, sourceFile: file, options });
  } catch (error) {
    if (!isTrailmapError(error)) throw error;
    process.stderr.write(`${displayPath(file)}: ${error.message}\n`);
    return undefined;
  }
}

/** `trailmap export FILE... --format F [-o OUT | --out-dir DIR]`, through the export-format registry. */
export function registerExport(program: Command): void {
  const command = program
    .command('export')
    .description('Convert journey files to another format (stdout, -o FILE, or --out-dir DIR for many)')
    .argument('<files...>', 'journey documents to export, or folders of them')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(EXPORT_FORMATS.map((format) => format.id))
        .makeOptionMandatory(),
    )
    .option('-o, --output <file>', 'write to this file (one input only); default: stdout for text formats')
    .option('--out-dir <dir>', 'write one output per input into this directory');
  for (const spec of exportOptions()) {
    const option = new Option(spec.flags, spec.description);
    if (spec.defaultValue !== undefined) option.default(spec.defaultValue);
    if (spec.choices) option.choices(spec.choices);
    if (spec.parse) option.argParser(spec.parse);
    command.addOption(option);
  }
  command.action(async (inputs: string[], options: ExportCliOptions) => {
    const files = expandInputs(inputs);
    if (files.length === 0) throw new CliError('no journey files found', EXIT.invalid);
    const format = getExportFormat(options.format);
    if (options.output && options.outDir)
      throw new CliError('use either -o or --out-dir, not both', EXIT.usage);
    if ((files.length > 1 || files[0] !== inputs[0]) && !options.outDir)
      throw new CliError('several inputs need --out-dir DIR (one output per input)', EXIT.usage);
    if (format.isBinary && !options.output && !options.outDir)
      throw new CliError(`${format.id} is binary: give -o FILE or --out-dir DIR`, EXIT.usage);
    if (options.outDir) mkdirSync(options.outDir, { recursive: true });

    const progress = progressReporter(files.length, `export ${format.id}`);
    let failed = 0;
    for (const file of files) {
      const output = await renderOne(format, file, options);
      if (output === undefined) failed += 1;
      else if (options.outDir) {
        const target = join(options.outDir, outputStem(file) + format.extension);
        writeFileAtomic(target, output);
        progress.done(`wrote ${displayPath(target)}`);
        continue;
      } else if (options.output) writeFileAtomic(options.output, output);
      else process.stdout.write(output);
      progress.done();
    }
    progress.stop();
    if (failed > 0) throw new CliError('', EXIT.invalid);
  });
}
