import type { Command } from 'commander';
import { CliError, EXIT } from '../errors';
import { loadJourneyFile } from '../io/loadDocument';
import { MapIndex, checkCompareFile } from '../io/links';
import { expandInputs } from '../io/expandInputs';
import { displayPath, issuesAsJson, printIssues } from '../io/report';

/** `trailmap validate FILE... [--json]`: shape, references and links of every file, all problems at once. */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('Check journey files: syntax, schema, references, and links to compared maps')
    .argument('<files...>', 'journey documents (.journey.json or .journey.yaml), or folders of them')
    .option('--json', 'print a machine-readable report on stdout', false)
    .action((inputs: string[], options: { json: boolean }) => {
      const files = expandInputs(inputs);
      if (files.length === 0) throw new CliError('no journey files found', EXIT.invalid);
      const maps = new MapIndex(files);
      const report = files.map((file) => {
        const result = loadJourneyFile(file, {
          knownMapIds: maps.knownFor(file),
          checks: (doc) => checkCompareFile(file, doc),
        });
        return result.ok
          ? {
              file,
              ok: true as const,
              issues: [],
              summary: `${result.doc.stages.length} stages, ${result.doc.cards.length} cards`,
            }
          : { file, ok: false as const, issues: result.issues };
      });
      if (options.json) {
        const files = report.map((entry) => ({
          file: displayPath(entry.file),
          ok: entry.ok,
          issues: issuesAsJson(entry.file, entry.issues),
        }));
        process.stdout.write(
          `${JSON.stringify({ ok: report.every((entry) => entry.ok), files }, null, 2)}\n`,
        );
      } else {
        for (const entry of report) {
          if (entry.ok) process.stdout.write(`${displayPath(entry.file)}: valid (${entry.summary})\n`);
          else printIssues(entry.file, entry.issues);
        }
      }
      const failed = report.filter((entry) => !entry.ok).length;
      if (failed > 0) {
        if (!options.json) process.stderr.write(`${failed} of ${report.length} file(s) invalid\n`);
        throw new CliError('', EXIT.invalid);
      }
    });
}
